/**
 * The upstream release manifests each controller is installed from on kind (and on an existing cluster when
 * asked to install): pinned URLs, the namespace they go into, and how they are applied.
 */
import type { ControllerName } from '../provider.js';
import type { UpstreamPins } from './pins.js';

export interface InstallManifest {
  readonly controller: ControllerName;
  readonly url: string;
  /** Namespace for the manifest's namespaced objects that name none (`kubectl apply -n`). */
  readonly namespace: string;
  /**
   * Always server-side apply, taking ownership of conflicting fields (`kubectl apply --server-side
   * --force-conflicts`): since Argo CD 3.3 the ApplicationSet CRD is larger than the 262144-byte
   * last-applied-configuration annotation that client-side apply writes.
   */
  readonly serverSide: true;
  readonly forceConflicts: true;
}

export function installManifests(pins: UpstreamPins, controllers: readonly ControllerName[]): InstallManifest[] {
  const all: Record<ControllerName, InstallManifest> = {
    // Core mode: application-controller, repo-server, redis; no API server, UI or Dex. The harness needs no more.
    argocd: { controller: 'argocd', url: `https://raw.githubusercontent.com/argoproj/argo-cd/${pins.argocd}/manifests/core-install.yaml`, namespace: 'argocd', serverSide: true, forceConflicts: true },
    // The release asset (kustomize build of manifests/install), not `flux install`: no CLI needed.
    flux: { controller: 'flux', url: `https://github.com/fluxcd/flux2/releases/download/${pins.flux}/install.yaml`, namespace: 'flux-system', serverSide: true, forceConflicts: true },
    // The release asset: manifests/install.yaml in git at a tag still references the :latest image.
    rollouts: { controller: 'rollouts', url: `https://github.com/argoproj/argo-rollouts/releases/download/${pins.rollouts}/install.yaml`, namespace: 'argo-rollouts', serverSide: true, forceConflicts: true },
  };
  return controllers.map((c) => all[c]);
}

/** The CRDs the harness relies on, per controller: what `existing` checks for before it lets a run start. */
export const REQUIRED_CRDS: Readonly<Record<ControllerName, readonly string[]>> = {
  argocd: ['applications.argoproj.io', 'appprojects.argoproj.io'],
  flux: ['gitrepositories.source.toolkit.fluxcd.io', 'kustomizations.kustomize.toolkit.fluxcd.io'],
  rollouts: ['rollouts.argoproj.io', 'analysisruns.argoproj.io', 'analysistemplates.argoproj.io'],
};
