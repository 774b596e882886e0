/**
 * Process specs for the GitOps controllers run as local processes against a local cluster, each with the
 * kubeconfig of its own identity (identities.ts).
 * Pure: command lines, env and ports only (the provider starts and supervises them).
 *
 * Listen addresses: everything we can choose binds 127.0.0.1 with an explicit port (the applicationset-controller's
 * metrics and webhook servers too; its probe server is off). Two upstream listeners
 * have no address flag and bind all interfaces on the explicit port we give: Argo CD application-controller's
 * metrics server (controller/appcontroller.go: "0.0.0.0:%d") and Argo Rollouts' metrics and healthz servers.
 */
import { join } from 'node:path';
import { RECONCILER_SERVICE_ACCOUNT } from '../../controllers/flux.js';
import type { ControllerName } from '../provider.js';
import type { BinaryPaths } from './build.js';
import type { ProcessSpec } from '../../supervisor.js';

/** Where every controller's HTTP(S) proxy points: a port on 127.0.0.1 where nothing listens (discard). */
export const NO_EGRESS_PROXY = 'http://127.0.0.1:9';

/**
 * The controllers reach 127.0.0.1 and nothing else. Learners write URLs the controllers dial: a Helm chart's
 * dependencies and remote values files (the repo-server runs helm), an AnalysisTemplate's web metric (Argo
 * Rollouts), a source's or generator's repository (held to the run's lab repository by the run policies too).
 * Loopback addresses are reached directly (NO_PROXY, and Go never proxies loopback); any other HTTP(S) request
 * goes to NO_EGRESS_PROXY and fails there, on 127.0.0.1, instead of leaving the machine. Go's net/http and gRPC,
 * git (curl) and helm all read these variables; a proxy set in our own environment is never passed on.
 */
export const LOOPBACK_ONLY_ENV = {
  HTTP_PROXY: NO_EGRESS_PROXY,
  HTTPS_PROXY: NO_EGRESS_PROXY,
  ALL_PROXY: NO_EGRESS_PROXY,
  http_proxy: NO_EGRESS_PROXY,
  https_proxy: NO_EGRESS_PROXY,
  all_proxy: NO_EGRESS_PROXY,
  // The whole loopback range (the cluster-side git address is 127.0.0.2): Go and curl both read CIDR here.
  NO_PROXY: '127.0.0.0/8,localhost',
  no_proxy: '127.0.0.0/8,localhost',
} as const;

export const CONTROLLER_PORT_NAMES = {
  argocd: ['redis', 'repoServer', 'repoServerMetrics', 'appControllerMetrics', 'appsetMetrics', 'appsetWebhook'],
  flux: ['sourceStorage', 'sourceMetrics', 'sourceHealth', 'kustomizeMetrics', 'kustomizeHealth', 'helmMetrics', 'helmHealth'],
  rollouts: ['rolloutsMetrics', 'rolloutsHealthz'],
} as const satisfies Record<ControllerName, readonly string[]>;

export type ControllerPortName = (typeof CONTROLLER_PORT_NAMES)[ControllerName][number];
export type ControllerPorts = Partial<Record<ControllerPortName, number>>;

export interface ControllerContext {
  readonly binaries: BinaryPaths;
  /**
   * Process name -> the kubeconfig it runs with: each controller authenticates as its own ServiceAccount
   * (identities.ts), never with the learner's admin kubeconfig, so the audit log tells them apart.
   */
  readonly kubeconfigs: Readonly<Record<string, string>>;
  readonly stateDir: string;
  readonly ports: ControllerPorts;
  /** Directory holding symlinks/copies of git, kustomize and helm for the repo-server's PATH. */
  readonly toolsPath: string;
  /** Argo CD reconciliation period for labs, seconds. */
  readonly argocdResyncSeconds: number;
  readonly redisServer: string;
}

function kubeconfigOf(ctx: ControllerContext, process: string): string {
  const k = ctx.kubeconfigs[process];
  if (k === undefined) throw new Error(`no kubeconfig (identity) for ${process}`);
  return k;
}

function need(ports: ControllerPorts, name: ControllerPortName): number {
  const p = ports[name];
  if (p === undefined) throw new Error(`port ${name} was not allocated`);
  return p;
}

const basePath = (ctx: ControllerContext): string => `${ctx.toolsPath}:/usr/local/bin:/usr/bin:/bin`;

export function argocdSpecs(ctx: ControllerContext): ProcessSpec[] {
  const redis = need(ctx.ports, 'redis');
  const repo = need(ctx.ports, 'repoServer');
  const repoMetrics = need(ctx.ports, 'repoServerMetrics');
  const ctrlMetrics = need(ctx.ports, 'appControllerMetrics');
  const appsetMetrics = need(ctx.ports, 'appsetMetrics');
  const appsetWebhook = need(ctx.ports, 'appsetWebhook');
  const dir = join(ctx.stateDir, 'argocd');
  const common = {
    ARGOCD_FAKE_IN_CLUSTER: 'true',
    ARGOCD_TLS_DATA_PATH: join(dir, 'tls'),
    ARGOCD_SSH_DATA_PATH: join(dir, 'ssh'),
    ARGOCD_GNUPGHOME: join(dir, 'gnupg'),
    ARGOCD_GPG_ENABLED: 'false',
    ARGOCD_REDIS_COMPRESSION: 'none',
    HOME: join(dir, 'home'),
    TMPDIR: join(dir, 'tmp'),
    PATH: basePath(ctx),
    ...LOOPBACK_ONLY_ENV,
  };
  return [
    {
      name: 'redis-server',
      file: ctx.redisServer,
      args: [
        '--bind', '127.0.0.1',
        '--port', String(redis),
        '--save', '',
        '--appendonly', 'no',
        '--protected-mode', 'yes',
        '--dir', join(dir, 'redis'),
        '--daemonize', 'no',
      ],
      env: { PATH: basePath(ctx) },
      cwd: join(dir, 'redis'),
      ports: { redis },
      ready: { tcp: redis },
    },
    {
      name: 'argocd-repo-server',
      file: ctx.binaries.argocd,
      args: [
        '--address', '127.0.0.1',
        '--port', String(repo),
        '--metrics-address', '127.0.0.1',
        '--metrics-port', String(repoMetrics),
        '--redis', `127.0.0.1:${redis}`,
        '--disable-tls',
        '--client-ca-path=',
        '--loglevel', 'info',
      ],
      env: {
        ...common,
        KUBECONFIG: kubeconfigOf(ctx, 'argocd-repo-server'),
        ARGOCD_BINARY_NAME: 'argocd-repo-server',
        ARGOCD_RECONCILIATION_TIMEOUT: `${ctx.argocdResyncSeconds}s`,
        // Default /tmp/reposerver-ask-pass.sock would collide between two clusters.
        ARGOCD_ASK_PASS_SOCK: join(dir, 'askpass.sock'),
      },
      cwd: dir,
      ports: { grpc: repo, metrics: repoMetrics },
      ready: { http: `http://127.0.0.1:${repoMetrics}/healthz` },
    },
    {
      name: 'argocd-application-controller',
      file: ctx.binaries.argocd,
      args: [
        '--kubeconfig', kubeconfigOf(ctx, 'argocd-application-controller'),
        '--namespace', 'argocd',
        '--redis', `127.0.0.1:${redis}`,
        '--repo-server', `127.0.0.1:${repo}`,
        '--repo-server-plaintext',
        '--metrics-port', String(ctrlMetrics),
        '--app-resync', String(ctx.argocdResyncSeconds),
        '--app-resync-jitter', '0',
        '--repo-error-grace-period-seconds', '0',
        '--self-heal-timeout-seconds', '2',
        '--status-processors', '4',
        '--operation-processors', '2',
        '--loglevel', 'info',
      ],
      env: {
        ...common,
        KUBECONFIG: kubeconfigOf(ctx, 'argocd-application-controller'),
        ARGOCD_BINARY_NAME: 'argocd-application-controller',
        ARGOCD_RECONCILIATION_TIMEOUT: `${ctx.argocdResyncSeconds}s`,
        ARGOCD_RECONCILIATION_JITTER: '0s',
        ARGOCD_CONTROLLER_REPLICAS: '1',
      },
      cwd: dir,
      ports: { metrics: ctrlMetrics },
      ready: { http: `http://127.0.0.1:${ctrlMetrics}/healthz` },
    },
    {
      // Upstream's Deployment runs the same image with this binary name (manifests/base/applicationset-controller).
      // It watches ApplicationSets in argocd only (its --namespace; no --applicationset-namespaces), and its Git
      // generators read the lab repository through the repo-server, as upstream's do. Its metrics server binds
      // 127.0.0.1; its probe server is off (0: it registers no check, so it would only answer 404); its SCM webhook
      // server would bind 127.0.0.1 (without argocd-server's server.secretkey in argocd-secret it does not start at
      // all: "failed to create webhook handler"). SCM providers (the GitHub, GitLab... APIs) are off.
      name: 'argocd-applicationset-controller',
      file: ctx.binaries.argocd,
      args: [
        '--kubeconfig', kubeconfigOf(ctx, 'argocd-applicationset-controller'),
        '--namespace', 'argocd',
        '--argocd-repo-server', `127.0.0.1:${repo}`,
        '--repo-server-plaintext',
        '--metrics-addr', `127.0.0.1:${appsetMetrics}`,
        '--probe-addr', '0',
        '--webhook-addr', `127.0.0.1:${appsetWebhook}`,
        '--enable-leader-election=false',
        '--enable-scm-providers=false',
        '--logformat', 'text',
        '--loglevel', 'info',
      ],
      env: {
        ...common,
        // controller-runtime's client reads KUBECONFIG (ctrl.GetConfigOrDie), Argo CD's settings client --kubeconfig.
        KUBECONFIG: kubeconfigOf(ctx, 'argocd-applicationset-controller'),
        ARGOCD_BINARY_NAME: 'argocd-applicationset-controller',
        // How often a Git generator looks at the repository again (upstream: 3m): a push is seen within seconds.
        ARGOCD_APPLICATIONSET_CONTROLLER_REQUEUE_AFTER: `${ctx.argocdResyncSeconds}s`,
      },
      cwd: dir,
      ports: { metrics: appsetMetrics, webhook: appsetWebhook },
      ready: { http: `http://127.0.0.1:${appsetMetrics}/metrics` },
    },
  ];
}

/**
 * Reconciles at once in source-controller and kustomize-controller (upstream: 2 and 4). A class's pushes arrive
 * together and each is two fetches and two applies; ten sessions pushing at once on 2 cores (bench/class-push.ts,
 * 2026-12-04): push-to-graded p50/p95 12.2/13.4 s with upstream's, 8.7/9.6 s with 8.
 */
const FLUX_CONCURRENT = '8';

export function fluxSpecs(ctx: ControllerContext): ProcessSpec[] {
  const storage = need(ctx.ports, 'sourceStorage');
  const sm = need(ctx.ports, 'sourceMetrics');
  const sh = need(ctx.ports, 'sourceHealth');
  const km = need(ctx.ports, 'kustomizeMetrics');
  const kh = need(ctx.ports, 'kustomizeHealth');
  const dir = join(ctx.stateDir, 'flux');
  const common = {
    RUNTIME_NAMESPACE: 'flux-system',
    HOME: join(dir, 'home'),
    TMPDIR: join(dir, 'tmp'),
    PATH: basePath(ctx),
    ...LOOPBACK_ONLY_ENV,
  };
  return [
    {
      name: 'source-controller',
      file: ctx.binaries['source-controller'],
      args: [
        '--storage-path', join(dir, 'storage'),
        '--storage-addr', `127.0.0.1:${storage}`,
        '--storage-adv-addr', `127.0.0.1:${storage}`,
        '--metrics-addr', `127.0.0.1:${sm}`,
        '--health-addr', `127.0.0.1:${sh}`,
        '--events-addr', '',
        '--enable-leader-election=false',
        '--watch-all-namespaces=true',
        '--concurrent', FLUX_CONCURRENT,
        '--log-level', 'info',
      ],
      env: { ...common, KUBECONFIG: kubeconfigOf(ctx, 'source-controller') },
      cwd: dir,
      ports: { storage, metrics: sm, health: sh },
      ready: { http: `http://127.0.0.1:${sh}/readyz` },
    },
    {
      name: 'kustomize-controller',
      file: ctx.binaries['kustomize-controller'],
      args: [
        '--metrics-addr', `127.0.0.1:${km}`,
        '--health-addr', `127.0.0.1:${kh}`,
        '--events-addr', '',
        '--enable-leader-election=false',
        '--watch-all-namespaces=true',
        '--concurrent', FLUX_CONCURRENT,
        '--no-remote-bases=true',
        // Flux's multi-tenancy lockdown: a Kustomization refers only to sources and ServiceAccounts of its own
        // namespace, and one that names no ServiceAccount applies as the run's reconciler there, never as the
        // controller (controllers/flux.ts binds it in the run's namespaces only).
        '--no-cross-namespace-refs=true',
        `--default-service-account=${RECONCILER_SERVICE_ACCOUNT}`,
        // A new commit (or the harness's reconcile request) ends a health check still waiting on the previous
        // revision instead of letting it run out its timeout: a learner's fix of a workload that never turns
        // ready is applied at once, not after `timeout` (2m in the bank). Upstream's gate, off by default.
        '--feature-gates=CancelHealthCheckOnNewRevision=true',
        '--log-level', 'info',
      ],
      env: { ...common, KUBECONFIG: kubeconfigOf(ctx, 'kustomize-controller') },
      cwd: dir,
      ports: { metrics: km, health: kh },
      ready: { http: `http://127.0.0.1:${kh}/readyz` },
    },
    ...helmControllerSpecs(ctx, common),
  ];
}

/**
 * Flux's helm-controller, under kustomize-controller's lockdown: a HelmRelease refers only to sources of its own
 * namespace and, naming no ServiceAccount, installs as the run's reconciler there. It asks source-controller for a
 * HelmChart built from the lab GitRepository and reads the chart's artifact from source-controller's storage on
 * 127.0.0.1. A cluster brought up before helm-controller ran (no ports for it) runs without it.
 */
function helmControllerSpecs(ctx: ControllerContext, common: Readonly<Record<string, string>>): ProcessSpec[] {
  const hm = ctx.ports.helmMetrics;
  const hh = ctx.ports.helmHealth;
  if (hm === undefined || hh === undefined) return [];
  return [
    {
      name: 'helm-controller',
      file: ctx.binaries['helm-controller'],
      args: [
        '--metrics-addr', `127.0.0.1:${hm}`,
        '--health-addr', `127.0.0.1:${hh}`,
        '--events-addr', '',
        '--enable-leader-election=false',
        '--watch-all-namespaces=true',
        '--no-cross-namespace-refs=true',
        `--default-service-account=${RECONCILER_SERVICE_ACCOUNT}`,
        '--log-level', 'info',
      ],
      env: { ...common, KUBECONFIG: kubeconfigOf(ctx, 'helm-controller') },
      cwd: join(ctx.stateDir, 'flux'),
      ports: { metrics: hm, health: hh },
      ready: { http: `http://127.0.0.1:${hh}/readyz` },
    },
  ];
}

export function rolloutsSpecs(ctx: ControllerContext): ProcessSpec[] {
  const m = need(ctx.ports, 'rolloutsMetrics');
  const h = need(ctx.ports, 'rolloutsHealthz');
  const dir = join(ctx.stateDir, 'rollouts');
  const kubeconfig = kubeconfigOf(ctx, 'rollouts-controller');
  return [
    {
      name: 'rollouts-controller',
      file: ctx.binaries['rollouts-controller'],
      args: [
        '--kubeconfig', kubeconfig,
        '--leader-elect=false',
        '--metricsPort', String(m),
        '--healthzPort', String(h),
        '--loglevel', 'info',
      ],
      env: { KUBECONFIG: kubeconfig, POD_NAMESPACE: 'argo-rollouts', HOME: join(dir, 'home'), PATH: basePath(ctx), ...LOOPBACK_ONLY_ENV },
      cwd: dir,
      ports: { metrics: m, healthz: h },
      ready: { http: `http://127.0.0.1:${h}/healthz` },
    },
  ];
}

export function controllerSpecs(controllers: readonly ControllerName[], ctx: ControllerContext): ProcessSpec[] {
  const out: ProcessSpec[] = [];
  if (controllers.includes('argocd')) out.push(...argocdSpecs(ctx));
  if (controllers.includes('flux')) out.push(...fluxSpecs(ctx));
  if (controllers.includes('rollouts')) out.push(...rolloutsSpecs(ctx));
  return out;
}

export function controllerPortNames(controllers: readonly ControllerName[]): ControllerPortName[] {
  return controllers.flatMap((c) => [...CONTROLLER_PORT_NAMES[c]]);
}
