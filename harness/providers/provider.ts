/**
 * One interface for every way the harness gets a cluster (README.md "Providers"). Only cluster creation
 * differs between providers; controller adapters and evidence collection work against the kubeconfig.
 */

export type ProviderName = 'local' | 'kind' | 'existing';
export type ControllerSelection = 'argocd' | 'flux' | 'all' | 'none';
/** Every controller selection, in the order `--help` and errors list them. */
export const CONTROLLER_SELECTIONS: readonly ControllerSelection[] = ['argocd', 'flux', 'all', 'none'];
/** The controllers a selection brings up (Argo Rollouts comes with every selection except none). */
export type ControllerName = 'argocd' | 'flux' | 'rollouts';

/** What `up` takes from every provider's caller. */
export interface UpOptions {
  /** Cluster name: many named clusters may run side by side. */
  readonly name: string;
  readonly controllers: ControllerSelection;
  /** Overall deadline for `up`, milliseconds. */
  readonly timeoutMs?: number;
  /** Progress lines (one per step); defaults to no output. */
  readonly log?: (line: string) => void;
}

export interface LocalUpOptions extends UpOptions {
  /** Simulated nodes; default 2. */
  readonly nodes?: number;
}

export interface KindUpOptions extends UpOptions {
  /** Pull the controllers' images once and load them into the node (offline classrooms). */
  readonly preloadImages?: boolean;
}

export interface ExistingUpOptions extends UpOptions {
  /** The kubeconfig context to use. */
  readonly context: string;
  /** The kubeconfig file holding that context; defaults to $KUBECONFIG, then ~/.kube/config. */
  readonly kubeconfig?: string;
  /** Install the controllers whose CRDs are missing (pinned upstream manifests); `down` removes them again. */
  readonly installControllers?: boolean;
  /**
   * Run the lab git server in the cluster with its own storage (git/in-cluster.ts), reached through `url` (an
   * Ingress or LoadBalancer the instructor provides) or, without one, a port-forward the harness keeps. Absent: the
   * server runs beside the cluster on this machine's 127.0.0.1 (only for a cluster whose controllers reach it).
   */
  readonly gitServer?: { readonly url?: string; readonly storageClass?: string };
}

/** Each provider's `up` options, by provider name. */
export interface UpOptionsByProvider {
  readonly local: LocalUpOptions;
  readonly kind: KindUpOptions;
  readonly existing: ExistingUpOptions;
}

export interface ProcessStatus {
  readonly name: string;
  readonly pid: number | undefined;
  readonly alive: boolean;
  /** Ports this process listens on, 127.0.0.1 only. */
  readonly ports: Readonly<Record<string, number>>;
  readonly logFile?: string;
}

export interface ClusterStatus {
  readonly name: string;
  readonly provider: ProviderName;
  /** `running`: every recorded process is alive and the apiserver answers; `degraded`: some are not; `absent`: no state. */
  readonly state: 'running' | 'degraded' | 'absent';
  readonly kubeconfig: string | undefined;
  readonly apiServer: string | undefined;
  readonly controllers: readonly ControllerName[];
  readonly processes: readonly ProcessStatus[];
  /** kube-apiserver audit log, where the provider starts the apiserver. */
  readonly auditLog?: string;
  readonly stateDir?: string;
  readonly message?: string;
}

export interface ClusterHandle {
  readonly name: string;
  readonly provider: ProviderName;
  readonly kubeconfig: string;
  readonly controllers: readonly ControllerName[];
  readonly auditLog?: string;
  /** Milliseconds `up` took. */
  readonly elapsedMs: number;
}

/** A provider; `up` takes its own options (UpOptionsByProvider). Without N, any provider (status, down, list). */
export interface ClusterProvider<N extends ProviderName = ProviderName> {
  readonly name: N;
  up(options: UpOptionsByProvider[N]): Promise<ClusterHandle>;
  /** Idempotent: succeeds when nothing is left of the cluster. */
  down(name: string, log?: (line: string) => void): Promise<void>;
  status(name: string): Promise<ClusterStatus>;
  /** Path of the kubeconfig for a cluster this provider created; undefined when there is none. */
  kubeconfigPath(name: string): string | undefined;
  /** Names of clusters this provider has state for. */
  list(): Promise<readonly string[]>;
  /**
   * Called by a live session before it creates anything on the cluster, with its run id and the namespaces it
   * will create: providers that cannot delete the whole cluster on `down` (existing) keep a ledger of them;
   * the others (local, kind) record nothing.
   */
  recordRun(name: string, run: RunRecord): void;
  /** What the cluster gives a live session's learner besides their own kubectl (the Argo Rollouts kubectl plugin). */
  learnerTools(name: string): LearnerTools;
}

/** What a live session's learner has for the cluster besides their own kubectl. */
export interface LearnerTools {
  /** The pinned Argo Rollouts version (the plugin's); empty when the pins cannot be read. */
  readonly rolloutsVersion: string;
  /** Local provider: the cluster's learner tools directory, when the Argo Rollouts kubectl plugin is linked there. */
  readonly pluginDir?: string;
}

/** What one live session creates on a cluster: run-id-suffixed namespaces and registrations. */
export interface RunRecord {
  readonly runId: string;
  readonly namespaces: readonly string[];
}

export function controllersFor(selection: ControllerSelection): ControllerName[] {
  switch (selection) {
    case 'argocd':
      return ['argocd', 'rollouts'];
    case 'flux':
      return ['flux', 'rollouts'];
    case 'all':
      return ['argocd', 'flux', 'rollouts'];
    case 'none':
      return [];
  }
}

const NAME_RE = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;

export function isValidClusterName(name: string): boolean {
  return NAME_RE.test(name);
}
