/**
 * The `local` ClusterProvider: kwokctl's binary runtime with our pinned binaries and simulated nodes, plus the
 * GitOps controllers as supervised local processes. State lives in ${GITOPS_LAB_HOME}/clusters/<name>/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../exec.js';
import { LabError } from '../../errors.js';
import { conditionStatus, createKubeClient } from '../../kube/client.js';
import {
  type ClusterHandle,
  type ClusterProvider,
  type ClusterStatus,
  type ControllerName,
  controllersFor,
  isValidClusterName,
  type UpOptions,
} from '../provider.js';
import { binaryPaths, buildAll, type BinaryPaths } from './build.js';
import { type GroupName, loadVersions, pin } from './components.js';
import { type ControllerPorts, controllerPortNames, controllerSpecs } from './controllers.js';
import { INSTALL_FIELD_MANAGER, installArgocdRepoServerScripts, installPlans, planObjects } from './install.js';
import { CONTROLLER_IDENTITIES } from '../identities.js';
import { controllerIdentityObjects, ensureControllerKubeconfigs, type TokenMinter, withControlPlaneIdentities, writeControlPlaneIdentities } from './identities.js';
import { auditPolicyYaml, createClusterArgs, deleteClusterArgs, KWOK_PORT_NAMES, type KwokPorts, kwokctlConfigYaml, kwokctlEnv, loadStages, scaleNodesArgs } from './kwok.js';
import { localConfigDir } from './paths.js';
import { clusterStateDir, labHome } from '../state.js';
import { waitForCrdsEstablished } from '../crds.js';
import { stopGitServer } from '../../git/server-process.js';
import { allocatePorts, isListening } from '../../ports.js';
import { FatalWaitError, httpOk, isAlive, logTail, type RunningProcess, startProcess, stopProcess, waitFor } from '../../supervisor.js';
import { pollUntil } from '../../wait.js';

export const STATE_VERSION = 1;

export interface LocalState {
  readonly version: number;
  readonly name: string;
  readonly createdAt: string;
  readonly controllers: readonly ControllerName[];
  readonly kubeconfig: string;
  readonly apiServer: string;
  readonly kwokWorkdir: string;
  readonly auditLog: string;
  readonly kwokPorts: KwokPorts;
  readonly controllerPorts: ControllerPorts;
  readonly processes: readonly RunningProcess[];
  readonly binaries: BinaryPaths;
  /** Milliseconds per phase of `up`. */
  readonly timings: Readonly<Record<string, number>>;
}

const DEFAULT_NODES = 2;
const ARGOCD_RESYNC_SECONDS = 10;

function groupsFor(controllers: readonly ControllerName[]): GroupName[] {
  const g: GroupName[] = ['kube', 'etcd', 'kwok'];
  if (controllers.includes('argocd')) g.push('argocd', 'tools');
  if (controllers.includes('flux')) g.push('flux');
  if (controllers.includes('rollouts')) g.push('rollouts');
  return g;
}

export function readState(name: string): LocalState | undefined {
  const file = join(clusterStateDir(name), 'state.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalState;
  } catch {
    return undefined;
  }
}

function writeState(state: LocalState): void {
  writeFileSync(join(clusterStateDir(state.name), 'state.json'), JSON.stringify(state, null, 2) + '\n');
}

/** Ports recorded by every other local cluster, so a new cluster never picks them. */
function portsInUseByOtherClusters(except: string): Set<number> {
  const out = new Set<number>();
  const dir = join(labHome(), 'clusters');
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === except) continue;
    const s = readState(name);
    // States recorded by other providers (kind, existing) have no local ports.
    if (!s || !s.kwokPorts) continue;
    for (const p of Object.values(s.kwokPorts)) out.add(p);
    for (const p of Object.values(s.controllerPorts ?? {})) if (typeof p === 'number') out.add(p);
  }
  return out;
}

function findRedisServer(): string {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server', '/usr/sbin/redis-server']) if (existsSync(p)) return p;
  throw new LabError('TOOL_MISSING', 'redis-server was not found (Argo CD needs it as its cache)', {
    suggestion: 'install it: apt-get install -y redis-server (see the README setup step)',
  });
}

function findGit(): string {
  for (const p of ['/usr/bin/git', '/usr/local/bin/git']) if (existsSync(p)) return p;
  throw new LabError('TOOL_MISSING', 'git was not found', { suggestion: 'install git' });
}

export class LocalProvider implements ClusterProvider {
  readonly name = 'local' as const;

  kubeconfigPath(name: string): string | undefined {
    const s = readState(name);
    return s?.kubeconfig;
  }

  async list(): Promise<readonly string[]> {
    const dir = join(labHome(), 'clusters');
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((n) => existsSync(join(dir, n, 'state.json')) || existsSync(join(dir, n, 'kwok')));
  }

  async up(options: UpOptions): Promise<ClusterHandle> {
    const log = options.log ?? (() => undefined);
    const { name } = options;
    if (!isValidClusterName(name)) throw new LabError('USAGE', `invalid cluster name ${JSON.stringify(name)} (lowercase letters, digits and -)`);
    const controllers = controllersFor(options.controllers);
    const started = performance.now();
    const timings: Record<string, number> = {};
    const phase = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const r = await fn();
      timings[label] = Math.round(performance.now() - t0);
      log(`  ${label.padEnd(22)} ${(timings[label] / 1000).toFixed(1)}s`);
      return r;
    };

    const existing = readState(name);
    if (existing) {
      const st = await this.status(name);
      if (st.state === 'running' && controllers.every((c) => existing.controllers.includes(c))) {
        log(`cluster ${name} is already running`);
        return { name, provider: 'local', kubeconfig: existing.kubeconfig, controllers: existing.controllers, auditLog: existing.auditLog, elapsedMs: performance.now() - started };
      }
      throw new LabError('USAGE', `cluster ${name} already exists (${st.state})`, { suggestion: `run \`gitops-lab down --name ${name}\` first` });
    }
    const redisServer = controllers.includes('argocd') ? findRedisServer() : '';
    const git = findGit();

    const stateDir = clusterStateDir(name);
    // A leftover directory without state.json is a failed `up`: clean it through down first.
    if (existsSync(stateDir)) await this.down(name, log);
    for (const d of ['logs', 'pids', 'bin', 'argocd/tls', 'argocd/ssh', 'argocd/gnupg', 'argocd/home', 'argocd/tmp', 'argocd/redis', 'flux/home', 'flux/tmp', 'flux/storage', 'rollouts/home']) {
      mkdirSync(join(stateDir, d), { recursive: true });
    }

    let state: LocalState | undefined;
    try {
      const binaries = await phase('build (cache check)', async () => {
        await buildAll({ groups: groupsFor(controllers), onEvent: (e) => (e.status === 'built' && !e.binary ? log(`  built ${e.group} in ${e.seconds.toFixed(0)}s`) : undefined) });
        return binaryPaths();
      });
      const versions = loadVersions();
      const avoid = portsInUseByOtherClusters(name);
      const kwokPorts = (await allocatePorts(KWOK_PORT_NAMES, avoid)) as KwokPorts;
      for (const p of Object.values(kwokPorts)) avoid.add(p);
      const controllerPorts = (await allocatePorts(controllerPortNames(controllers), avoid)) as ControllerPorts;

      // Tools on the repo-server's PATH: git, kustomize and helm (ours, pinned), plus kubectl for kwokctl.
      const toolsPath = join(stateDir, 'bin');
      for (const [n, target] of [['git', git], ['kustomize', binaries.kustomize], ['helm', binaries.helm], ['argocd', binaries.argocd], ['kubectl', binaries.kubectl]] as const) {
        if (n !== 'git' && n !== 'kubectl' && !controllers.includes('argocd')) continue;
        symlinkSync(target, join(toolsPath, n));
      }
      if (controllers.includes('argocd')) await installArgocdRepoServerScripts(toolsPath);

      const kwokWorkdir = join(stateDir, 'kwok');
      const kubeconfig = join(stateDir, 'kubeconfig');
      const auditPolicy = join(stateDir, 'audit-policy.yaml');
      writeFileSync(auditPolicy, auditPolicyYaml());
      const configPath = join(stateDir, 'kwokctl.yaml');
      // kube-controller-manager, kube-scheduler and kwok-controller each as their own user (identities.ts).
      const controlPlane = writeControlPlaneIdentities(stateDir, `https://127.0.0.1:${kwokPorts.kubeApiserver}`, join(kwokWorkdir, 'clusters', name, 'pki', 'ca.crt'));
      writeFileSync(
        configPath,
        withControlPlaneIdentities(
          kwokctlConfigYaml({
            binaries,
            ports: kwokPorts,
            auditPolicyPath: auditPolicy,
            stages: loadStages(join(localConfigDir(), 'stages')),
            kubeVersion: pin(versions, 'kubernetes').version,
          }),
          controlPlane,
        ),
      );
      const auditLog = join(kwokWorkdir, 'clusters', name, 'logs', 'audit.log');
      const env = kwokctlEnv(kwokWorkdir, toolsPath);
      state = {
        version: STATE_VERSION,
        name,
        createdAt: new Date().toISOString(),
        controllers,
        kubeconfig,
        apiServer: `https://127.0.0.1:${kwokPorts.kubeApiserver}`,
        kwokWorkdir,
        auditLog,
        kwokPorts,
        controllerPorts,
        processes: [],
        binaries,
        timings,
      };
      writeState(state);

      await phase('kwokctl create cluster', async () => {
        await run(binaries.kwokctl, createClusterArgs(name, configPath, kubeconfig, 180), { cwd: stateDir, env, timeoutMs: 240_000 });
      });
      const kube = createKubeClient(kubeconfig);
      const nodes = options.nodes ?? DEFAULT_NODES;
      await phase(`nodes (${nodes}) ready`, async () => {
        await run(binaries.kwokctl, scaleNodesArgs(name, nodes), { cwd: stateDir, env, timeoutMs: 60_000 });
        await waitFor(
          async () => {
            const list = await kube.list('v1', 'Node');
            const ready = list.filter((n) => conditionStatus(n, 'Ready') === 'True').length;
            return ready >= nodes ? true : { pending: `${ready}/${nodes} nodes Ready` };
          },
          { what: `${nodes} simulated nodes to be Ready`, timeoutMs: 60_000 },
        );
      });

      await phase('install CRDs + config', async () => {
        // Server-side apply through the API (no kubectl processes): namespaces, then CRDs, then wait for the
        // CRDs to be Established, then config and generated objects.
        const plans = (await installPlans(controllers, ARGOCD_RESYNC_SECONDS)).map(planObjects);
        const opts = { fieldManager: INSTALL_FIELD_MANAGER, force: true };
        await Promise.all(plans.map((p) => kube.apply(p.namespace, opts)));
        const crds = plans.flatMap((p) => p.crds);
        await Promise.all(crds.map((c) => kube.apply(c, opts)));
        await waitForCrdsEstablished(kube, crds.map((c) => c.metadata.name ?? ''), 200);
        for (const p of plans) for (const o of p.config) await kube.apply(o, opts);
      });

      // Each controller as its own ServiceAccount, with a TokenRequest token in a kubeconfig of its own.
      const kubeconfigs = await phase('controller identities', async () => {
        const opts = { fieldManager: INSTALL_FIELD_MANAGER, force: true };
        for (const c of controllers) for (const id of CONTROLLER_IDENTITIES[c]) for (const o of controllerIdentityObjects(id)) await kube.apply(o, opts);
        return ensureControllerKubeconfigs(stateDir, kubeconfig, controllers, kubectlMinter(binaries.kubectl, kubeconfig, stateDir));
      });
      const specs = controllerSpecs(controllers, {
        binaries,
        kubeconfigs,
        stateDir,
        ports: controllerPorts,
        toolsPath,
        argocdResyncSeconds: ARGOCD_RESYNC_SECONDS,
        redisServer,
      });
      const processes: RunningProcess[] = [];
      await phase('controllers ready', async () => {
        for (const spec of specs) {
          const p = await startProcess(spec, join(stateDir, 'logs'), join(stateDir, 'pids'));
          processes.push(p);
          state = { ...state!, processes: [...processes] };
          writeState(state);
        }
        for (let i = 0; i < specs.length; i++) {
          const spec = specs[i]!;
          const p = processes[i]!;
          await waitFor(
            async () => {
              if (!isAlive(p.pid, p.startTime)) {
                throw new FatalWaitError('CLUSTER_UNAVAILABLE', `${spec.name} (pid ${p.pid}) exited before it was ready`, {
                  details: [`log ${p.logFile}:`, ...logTail(p.logFile, 12).map((l) => `  ${l}`)],
                });
              }
              if ('tcp' in spec.ready) return (await isListening(spec.ready.tcp)) ? true : { pending: `nothing listening on 127.0.0.1:${spec.ready.tcp}` };
              return await httpOk(spec.ready.http);
            },
            { what: `${spec.name} to be ready`, timeoutMs: 90_000, lastState: () => [`log ${p.logFile}:`, ...logTail(p.logFile, 8).map((l) => `  ${l}`)] },
          );
          log(`  ${spec.name} ready (pid ${p.pid})`);
        }
      });
      state = { ...state!, processes, timings };
      writeState(state);
      return { name, provider: 'local', kubeconfig, controllers, auditLog, elapsedMs: performance.now() - started };
    } catch (error) {
      log(`up failed; cleaning up cluster ${name}`);
      await this.down(name, log).catch((e: unknown) => log(`cleanup after failed up also failed: ${String(e)}`));
      throw error;
    }
  }

  async down(name: string, log: (line: string) => void = () => undefined): Promise<void> {
    const stateDir = clusterStateDir(name);
    if (!existsSync(stateDir)) return;
    const state = readState(name);
    const errors: string[] = [];
    // 1. Our supervised processes, by the pids we recorded (state.json and pid files), in reverse start order.
    const recorded: Pick<RunningProcess, 'pid' | 'startTime' | 'name'>[] = [...(state?.processes ?? [])].reverse();
    const pidDir = join(stateDir, 'pids');
    if (existsSync(pidDir)) {
      for (const f of readdirSync(pidDir)) {
        const pid = Number(readFileSync(join(pidDir, f), 'utf8').trim());
        if (Number.isInteger(pid) && pid > 0 && !recorded.some((r) => r.pid === pid)) {
          // Without a recorded start time, only stop it if its command line is one of our binaries.
          const cmd = (() => {
            try {
              return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
            } catch {
              return '';
            }
          })();
          if (cmd.includes(stateDir) || cmd.includes('/gitops-lab/bin/') || cmd.startsWith('/usr/bin/redis-server')) recorded.push({ pid, startTime: undefined, name: f });
        }
      }
    }
    for (const p of recorded) {
      try {
        await stopProcess(p);
        log(`  stopped ${p.name} (pid ${p.pid})`);
      } catch (error) {
        errors.push(String(error));
      }
    }
    // The lab git server that live sessions started beside this cluster (recorded in the same state dir).
    try {
      await stopGitServer(stateDir);
    } catch (error) {
      errors.push(String(error));
    }
    // 2. The kwok cluster (etcd, apiserver, controller-manager, scheduler, kwok-controller).
    const kwokWorkdir = join(stateDir, 'kwok');
    const kwokctl = state?.binaries.kwokctl ?? binaryPaths().kwokctl;
    if (existsSync(join(kwokWorkdir, 'clusters', name))) {
      if (existsSync(kwokctl)) {
        const r = await run(kwokctl, deleteClusterArgs(name, join(stateDir, 'kubeconfig')), {
          cwd: stateDir,
          env: kwokctlEnv(kwokWorkdir, join(stateDir, 'bin')),
          timeoutMs: 120_000,
          allowFailure: true,
        });
        if (r.exitCode !== 0) errors.push(`kwokctl delete cluster: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
        else log(`  deleted kwok cluster ${name}`);
      } else {
        errors.push(`kwokctl binary ${kwokctl} is missing; cannot delete the kwok cluster in ${kwokWorkdir}`);
      }
    }
    // 3. Verify nothing of ours still listens.
    if (state) {
      const ports = [...Object.values(state.kwokPorts), ...Object.values(state.controllerPorts).filter((p): p is number => typeof p === 'number')];
      const closed = await pollUntil(
        async () => {
          const still: number[] = [];
          for (const p of ports) if (await isListening(p, 300)) still.push(p);
          return still.length === 0 ? true : { pending: still.join(', ') };
        },
        { what: `the ports of ${name} to close`, timeoutMs: 15_000, intervalMs: 300, stopOnError: true },
      );
      if (!closed.done) errors.push(`ports still listening after down: ${closed.last}`);
    }
    if (errors.length > 0) {
      throw new LabError('COMMAND_FAILED', `down ${name} left something behind`, { details: errors, suggestion: `state kept in ${stateDir}` });
    }
    rmSync(stateDir, { recursive: true, force: true });
  }

  async status(name: string): Promise<ClusterStatus> {
    const state = readState(name);
    if (!state) {
      return { name, provider: 'local', state: 'absent', kubeconfig: undefined, apiServer: undefined, controllers: [], processes: [], message: existsSync(clusterStateDir(name)) ? 'state directory without state.json (a failed up?)' : 'no such cluster' };
    }
    const processes = state.processes.map((p) => ({ name: p.name, pid: p.pid, alive: isAlive(p.pid, p.startTime), ports: p.ports, logFile: p.logFile }));
    let apiOk = false;
    let message: string | undefined;
    try {
      const kube = createKubeClient(state.kubeconfig);
      apiOk = (await kube.raw('/readyz')).trim() === 'ok';
    } catch (error) {
      message = `apiserver: ${error instanceof Error ? error.message : String(error)}`;
    }
    const allAlive = processes.every((p) => p.alive);
    const expected = controllerSpecsCount(state.controllers);
    const complete = processes.length === expected;
    return {
      name,
      provider: 'local',
      state: apiOk && allAlive && complete ? 'running' : 'degraded',
      kubeconfig: state.kubeconfig,
      apiServer: state.apiServer,
      controllers: state.controllers,
      processes: [
        { name: 'kube-apiserver', pid: undefined, alive: apiOk, ports: { https: state.kwokPorts.kubeApiserver } },
        ...processes,
      ],
      auditLog: state.auditLog,
      stateDir: clusterStateDir(name),
      ...(message ? { message } : !complete ? { message: `${processes.length}/${expected} controller processes recorded` } : {}),
    };
  }
}

/** Tokens and identity checks through our pinned kubectl, as the cluster's admin. */
function kubectlMinter(kubectl: string, adminKubeconfig: string, cwd: string): TokenMinter {
  return {
    async createToken(namespace, serviceAccount, duration) {
      const r = await run(kubectl, ['--kubeconfig', adminKubeconfig, '-n', namespace, 'create', 'token', serviceAccount, '--duration', duration], { cwd, timeoutMs: 30_000 });
      return r.stdout.trim();
    },
    async whoami(file) {
      const r = await run(kubectl, ['--kubeconfig', file, 'auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'], { cwd, timeoutMs: 30_000, allowFailure: true });
      return r.exitCode === 0 ? r.stdout.trim() : undefined;
    },
  };
}

function controllerSpecsCount(controllers: readonly ControllerName[]): number {
  return (controllers.includes('argocd') ? 3 : 0) + (controllers.includes('flux') ? 2 : 0) + (controllers.includes('rollouts') ? 1 : 0);
}
