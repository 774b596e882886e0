/**
 * What an existing cluster must already have before gitops-lab runs a lab on it: the CRDs of the controllers
 * the run needs. Pure: a set of CRD names in, the missing ones and one clear error out.
 */
import { LabError } from '../../errors.js';
import type { ControllerName } from '../provider.js';
import { type InstallManifest, REQUIRED_CRDS } from '../upstream/manifests.js';

export interface MissingCrd {
  readonly controller: ControllerName;
  readonly crd: string;
}

export function missingCrds(present: ReadonlySet<string>, controllers: readonly ControllerName[]): MissingCrd[] {
  return controllers.flatMap((controller) => REQUIRED_CRDS[controller].filter((crd) => !present.has(crd)).map((crd) => ({ controller, crd })));
}

const CONTROLLER_TITLE: Readonly<Record<ControllerName, string>> = { argocd: 'Argo CD', flux: 'Flux', rollouts: 'Argo Rollouts' };

/** One line per controller that is missing something, and how to install it from the pinned manifests. */
export function missingCrdsError(context: string, missing: readonly MissingCrd[], manifests: readonly InstallManifest[]): LabError {
  const controllers = [...new Set(missing.map((m) => m.controller))];
  const details = controllers.map((c) => `${CONTROLLER_TITLE[c]} (${c}): missing ${missing.filter((m) => m.controller === c).map((m) => m.crd).join(', ')}`);
  for (const c of controllers) {
    const m = manifests.find((x) => x.controller === c);
    if (m) details.push(`install ${c}: kubectl --context ${context} create namespace ${m.namespace}; kubectl --context ${context} apply -n ${m.namespace} --server-side --force-conflicts -f ${m.url}`);
  }
  return new LabError('CLUSTER_UNAVAILABLE', `context ${context} lacks the CRDs of ${controllers.map((c) => CONTROLLER_TITLE[c]).join(', ')}, which this cluster selection needs`, {
    details,
    suggestion: `install the missing controllers (commands above), or let gitops-lab install them and remove them again on down (up --provider existing --context ${context} --install-controllers), or choose only the controllers the cluster has with --controller`,
  });
}
