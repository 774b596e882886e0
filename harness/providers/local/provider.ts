/**
 * The `local` ClusterProvider: kwokctl's binary runtime with our pinned binaries and simulated nodes, plus the
 * GitOps controllers as supervised local processes. State lives in ${GITOPS_LAB_HOME}/clusters/<name>/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../exec.js';
import { LabError } from '../../errors.js';
import { createKubeClient } from '../../kube/client.js';
import { type ClusterHandle, type ClusterProvider, type ClusterStatus, type ControllerName, controllersFor, isValidClusterName, type LearnerTools, type LocalUpOptions, type RunRecord } from '../provider.js';
import { binaryPaths, buildAll } from './build.js';
import { loadVersions, pin, pinnedRolloutsVersion } from './components.js';
import { type ControllerPorts, controllerPortNames } from './controllers.js';
import { deleteClusterArgs, KWOK_PORT_NAMES, type KwokPorts, kwokctlEnv, loadStages } from './kwok.js';
import { localConfigDir } from './paths.js';
import { applyLocalUp, phaseTimer } from './apply.js';
import { buildGroups, learnerToolsDir, planLocalUp, ROLLOUTS_PLUGIN, STATE_SUBDIRS } from './plan.js';
import { portsInUseByOtherClusters, readState } from './state.js';
import { clusterStateDir, labHome } from '../state.js';
import { stopGitServer } from '../../git/server-process.js';
import { allocatePorts, isListening } from '../../ports.js';
import { isAlive, type RunningProcess, stopProcess } from '../../supervisor.js';
import { pollUntil } from '../../wait.js';

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

export class LocalProvider implements ClusterProvider<'local'> {
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

  /** Records nothing: `down` deletes the whole kwok cluster, and with it everything a run created. */
  recordRun(_name: string, _run: RunRecord): void {}

  /** The tools directory `up` links the Argo Rollouts kubectl plugin into (a cluster brought up before the plugin was built has none). */
  learnerTools(name: string): LearnerTools {
    const rolloutsVersion = pinnedRolloutsVersion();
    const dir = learnerToolsDir(clusterStateDir(name));
    return existsSync(join(dir, ROLLOUTS_PLUGIN)) ? { rolloutsVersion, pluginDir: dir } : { rolloutsVersion };
  }

  /** Checks, then builds and allocates ports, then plans (plan.ts) and applies the plan (apply.ts); `down` undoes a failure. */
  async up(options: LocalUpOptions): Promise<ClusterHandle> {
    const log = options.log ?? (() => undefined);
    const { name } = options;
    if (!isValidClusterName(name)) throw new LabError('USAGE', `invalid cluster name ${JSON.stringify(name)} (lowercase letters, digits and -)`);
    const controllers = controllersFor(options.controllers);
    const started = performance.now();
    const timings: Record<string, number> = {};
    const phase = phaseTimer(timings, log);

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
    for (const d of STATE_SUBDIRS) mkdirSync(join(stateDir, d), { recursive: true });

    try {
      const binaries = await phase('build (cache check)', async () => {
        await buildAll({ groups: buildGroups(controllers), onEvent: (e) => (e.status === 'built' && !e.binary ? log(`  built ${e.group} in ${e.seconds.toFixed(0)}s`) : undefined) });
        return binaryPaths();
      });
      const versions = loadVersions();
      const avoid = portsInUseByOtherClusters(name);
      const kwokPorts = (await allocatePorts(KWOK_PORT_NAMES, avoid)) as KwokPorts;
      for (const p of Object.values(kwokPorts)) avoid.add(p);
      const controllerPorts = (await allocatePorts(controllerPortNames(controllers), avoid)) as ControllerPorts;
      const plan = planLocalUp({
        name,
        controllers,
        ...(options.nodes !== undefined ? { nodes: options.nodes } : {}),
        stateDir,
        binaries,
        kwokPorts,
        controllerPorts,
        git,
        redisServer,
        kubeVersion: pin(versions, 'kubernetes').version,
        stages: loadStages(join(localConfigDir(), 'stages')),
      });
      const state = await applyLocalUp(plan, timings, phase, log);
      return { name, provider: 'local', kubeconfig: state.kubeconfig, controllers, auditLog: state.auditLog, elapsedMs: performance.now() - started };
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
    const expected = controllerSpecsCount(state.controllers, state.controllerPorts);
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

/**
 * A cluster brought up before Argo CD's applicationset-controller ran (no ports for it) has three Argo CD processes;
 * one brought up before Flux's helm-controller ran, two Flux processes.
 */
function controllerSpecsCount(controllers: readonly ControllerName[], ports: ControllerPorts): number {
  return (controllers.includes('argocd') ? (ports.appsetMetrics === undefined ? 3 : 4) : 0) + (controllers.includes('flux') ? (ports.helmMetrics === undefined ? 2 : 3) : 0) + (controllers.includes('rollouts') ? 1 : 0);
}
