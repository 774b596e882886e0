/**
 * ControllerAdapters: what the harness needs from a GitOps controller, the same for every provider.
 * The harness plays the cluster's bootstrap: a root registration per environment applies whatever Git holds
 * under platform/clusters/<env>/<controller>/, so a learner registers or re-points an environment through Git.
 */
import type { KubeClient, KubeObject } from '../kube/client.js';
import type { Controller } from '../model/boundary.js';

export const RUN_LABEL = 'gitops-lab.dev/run';
export const FIELD_MANAGER = 'gitops-lab-seeder';

/** An API kind by group (`''` for the core group). */
export interface Kind {
  readonly group: string;
  readonly kind: string;
}

export interface RootOptions {
  readonly runId: string;
  readonly environment: string;
  readonly repoURL: string;
  readonly branch: string;
  /** Repository path of the environment's registration folder for this controller. */
  readonly path: string;
  /** Every namespace of the run: the only destinations its registrations get. */
  readonly namespaces: readonly string[];
  /** Kinds the registration folders hold at hand-over: the root may apply these (and the registrations) only. */
  readonly rootKinds: readonly Kind[];
}

/**
 * A registration object as Git names it: Argo CD's Applications all live in its own namespace; Flux's
 * Kustomizations live in the environment's namespace (the tenant's), the namespace Git gives them.
 */
export interface RegistrationRef {
  readonly name: string;
  /** metadata.namespace as Git has it; absent: the controller's own namespace. */
  readonly namespace?: string | undefined;
}

/** The controller's view of one environment's registration (raw objects, absent when not registered). */
export interface RegistrationState {
  readonly application?: KubeObject;
  readonly kustomization?: KubeObject;
  readonly gitRepository?: KubeObject;
  /** Flux, a registration that is a HelmRelease (no Kustomization of its name): it and the HelmChart made for it. */
  readonly helmRelease?: KubeObject;
  readonly helmChart?: KubeObject;
}

export interface SettleVerdict {
  readonly settled: boolean;
  /** Settled enough to grade, but may still finish (e.g. Flux health checks running): wait a little longer. */
  readonly provisional?: boolean;
  /** What the controller says now, for progress lines and timeouts. */
  readonly state: string;
}

/** The lab repository as the controllers fetch it (its URL) and the sha of each branch head in it now. */
export interface RepositoryHeads {
  readonly url: string;
  readonly heads: Readonly<Record<string, string>>;
}

export interface ControllerAdapter {
  readonly name: Controller;
  /** Namespace the controller's own objects live in. */
  readonly namespace: string;
  rootName(runId: string, environment: string): string;
  rootObjects(options: RootOptions): KubeObject[];
  /**
   * Ask the controller to look now (root and the environment's registration). `repository`: the lab repository
   * as the controllers read it and its branch heads now; a controller may skip a fetch that would bring
   * nothing new (a source whose artifact is already at the head of its branch in that repository).
   */
  refresh(kube: KubeClient, runId: string, environment: string, registration: RegistrationRef | undefined, repository?: RepositoryHeads): Promise<void>;
  read(kube: KubeClient, registration: RegistrationRef): Promise<RegistrationState>;
  /** Has the controller reconciled `sha` (or reached a terminal error for it)? */
  settled(state: RegistrationState, sha: string, since: string): SettleVerdict;
  setSource(kube: KubeClient, registration: RegistrationRef, change: { revision?: string; path?: string }, fieldManager: string): Promise<void>;
  sync(kube: KubeClient, registration: RegistrationRef, prune: boolean): Promise<void>;
  suspend(kube: KubeClient, registration: RegistrationRef, suspended: boolean, fieldManager: string): Promise<void>;
  /**
   * Ends an operation still running on the registration (a sync retrying a commit), so that the controller takes
   * the next revision at once instead of after its retries; true when there was one. Argo CD terminates it as
   * `argocd app terminate-op` does; Flux has none (a newer revision cancels its health checks itself).
   */
  endOperation(kube: KubeClient, registration: RegistrationRef): Promise<boolean>;
  /**
   * Label selector-free cleanup: the run's root objects and the tenancy made for the run. `namespaces`: every
   * namespace of the run (their registrations are stopped before the namespaces go).
   */
  deleteRoots(kube: KubeClient, runId: string, environments: readonly string[], namespaces: readonly string[]): Promise<void>;
  /**
   * The run's registrations being deleted (a deletionTimestamp, finalizers still running): `Kind/name` each. One
   * still there takes the next apply of the same name and is gone after it, so a reset waits them out.
   */
  terminating(kube: KubeClient, runId: string, namespaces: readonly string[]): Promise<string[]>;
}

/** `Kind/name` of each object that is being deleted. */
export function beingDeleted(objects: readonly KubeObject[]): string[] {
  return objects.filter((o) => (o.metadata as { deletionTimestamp?: string }).deletionTimestamp !== undefined).map((o) => `${o.kind}/${o.metadata.name ?? ''}`);
}

export const labels = (runId: string): Record<string, string> => ({ [RUN_LABEL]: runId });
