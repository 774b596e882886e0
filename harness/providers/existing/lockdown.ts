/**
 * What an existing cluster's controllers leave open between learners: `up` says it, so an instructor knows what
 * the cluster itself does not enforce. Pure: reads the objects it is given.
 */
import type { KubeObject } from '../../kube/client.js';
import type { ControllerName } from '../provider.js';
import { APPLICATION_POLICY, APPLICATIONSET_POLICY, APPPROJECT_POLICY, GENERATED_APPLICATION_POLICY } from '../../controllers/argocd.js';

const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : []);

/** One line per lockdown the cluster lacks, with what it leaves open (empty: nothing to report). */
export function lockdownGaps(controllers: readonly ControllerName[], defaultProject: KubeObject | undefined, policies: readonly string[] = []): string[] {
  const gaps: string[] = [];
  if (controllers.includes('argocd')) {
    const missing = [APPPROJECT_POLICY, APPLICATION_POLICY].filter((p) => !policies.includes(p));
    if (missing.length > 0) {
      gaps.push(
        `The cluster has no ValidatingAdmissionPolicy ${missing.join(', ')} (gitops-lab's, which the local provider installs): a learner's root may apply an AppProject wider than the run's, or an Application named after another run's, taking it over. Apply them with \`gitops-lab up --provider existing --install-controllers\` or from harness/controllers/argocd.ts runPolicyObjects().`,
      );
    }
    const appsets = [APPLICATIONSET_POLICY, GENERATED_APPLICATION_POLICY].filter((p) => !policies.includes(p));
    if (appsets.length > 0) {
      gaps.push(
        `The cluster has no ValidatingAdmissionPolicy ${appsets.join(', ')} (gitops-lab's ApplicationSet policies): a learner's root may apply an ApplicationSet whose Git generator reads any repository the repo-server reaches, another learner's too (AppProjects do not limit generators), or that generates Applications named after another run or in another project. Apply them as above.`,
      );
    }
  }
  if (controllers.includes('argocd') && defaultProject) {
    const spec = (defaultProject['spec'] ?? {}) as Record<string, unknown>;
    const destinations = list(spec['destinations']);
    const sources = Array.isArray(spec['sourceRepos']) ? spec['sourceRepos'] : [];
    if (destinations.length > 0 && sources.length > 0) {
      const where = destinations.map((d) => `${String(d['server'] ?? d['name'] ?? '?')} ${String(d['namespace'] ?? '?')}`).join(', ');
      gaps.push(
        `Argo CD's default AppProject is open (destinations: ${where}): a learner's Application naming project "default" deploys there, outside the run's own AppProject. Lock it (spec.sourceRepos: [] and spec.destinations: []) to keep each run in its namespaces.`,
      );
    }
  }
  if (controllers.includes('flux')) {
    gaps.push(
      "Flux's lockdown (--no-cross-namespace-refs=true, --default-service-account, on kustomize-controller and helm-controller) cannot be read from the API: without it a learner's Kustomization or HelmRelease applies with the controller's own permissions, in any namespace.",
    );
  }
  return gaps;
}
