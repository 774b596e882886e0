/**
 * The `kind` ClusterProvider. Only cluster creation, deletion and image loading are kind's own; the controllers
 * are installed from pinned upstream manifests by the shared installer, through the same Kubernetes client the
 * local and existing providers use. State lives in ${GITOPS_LAB_HOME}/clusters/<name>/.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../exec.js';
import { LabError } from '../../errors.js';
import { createKubeClient } from '../../kube/client.js';
import { deployInClusterGitServer, IN_CLUSTER_GIT_URL } from '../../git/in-cluster.js';
import { gitRootFor, newGitPassword, recordInClusterGitServer, stopGitServer, waitForGitServer } from '../../git/server-process.js';
import { checkDocker, dockerNeededError } from '../docker.js';
import { auditPolicyYaml } from '../local/kwok.js';
import { freePort } from '../../ports.js';
import { type ClusterHandle, type ClusterProvider, type ClusterStatus, type ControllerName, controllersFor, isValidClusterName, type KindUpOptions, type LearnerTools, type RunRecord } from '../provider.js';
import { pinnedRolloutsVersion } from '../local/components.js';
import { clusterStateDir, readStateJson, recordedClusters, writeStateJson } from '../state.js';
import { applyUpstream, imagesIn, loadManifests, waitForWorkloads, withFluxLockdown, withPullPolicy } from '../upstream/install.js';
import { installManifests } from '../upstream/manifests.js';
import { loadUpstreamPins } from '../upstream/pins.js';
import { createClusterArgs, deleteClusterArgs, dockerArch, getClustersArgs, getKubeconfigArgs, kindClusterName, kindVersionArgs, preloadCommands } from './commands.js';
import { AUDIT_LOG_FILE, kindClusterConfigYaml, kindGitServerInput } from './config.js';

export interface KindState {
  readonly version: 1;
  readonly provider: 'kind';
  readonly name: string;
  /** The kind cluster's own name (prefixed). */
  readonly cluster: string;
  readonly createdAt: string;
  readonly controllers: readonly ControllerName[];
  readonly kubeconfig: string;
  readonly auditLog: string;
  readonly gitHostPort: number;
  readonly nodeImage: string;
}

const CREATE_WAIT_SECONDS = 180;

function readKindState(name: string): KindState | undefined {
  const s = readStateJson(name);
  return s && s['provider'] === 'kind' ? (s as unknown as KindState) : undefined;
}

/** `kind version`, or an error that says how to install the pinned kind. */
async function checkKind(pinned: string, cwd: string): Promise<string> {
  try {
    const r = await run('kind', kindVersionArgs(), { cwd, timeoutMs: 20_000 });
    return r.stdout.trim();
  } catch (error) {
    if (error instanceof LabError && error.code === 'TOOL_MISSING') {
      throw new LabError('TOOL_MISSING', '--provider kind needs the kind command, and it was not found on PATH', {
        suggestion: `install kind ${pinned}: \`go install sigs.k8s.io/kind@${pinned}\`, or download https://kind.sigs.k8s.io/dl/${pinned}/kind-linux-${dockerArch()} onto your PATH`,
      });
    }
    throw error;
  }
}

async function kindClusters(cwd: string): Promise<string[] | undefined> {
  try {
    const r = await run('kind', getClustersArgs(), { cwd, timeoutMs: 30_000, allowFailure: true });
    return r.exitCode === 0 ? r.stdout.split('\n').map((l) => l.trim()).filter((l) => l.length > 0) : undefined;
  } catch {
    return undefined;
  }
}

export class KindProvider implements ClusterProvider<'kind'> {
  readonly name = 'kind' as const;

  kubeconfigPath(name: string): string | undefined {
    return readKindState(name)?.kubeconfig;
  }

  async list(): Promise<readonly string[]> {
    return recordedClusters().filter((c) => c.provider === 'kind').map((c) => c.name);
  }

  /** Records nothing: `down` deletes the whole kind cluster, and with it everything a run created. */
  recordRun(_name: string, _run: RunRecord): void {}

  /** No plugin: nothing is downloaded for the learner. */
  learnerTools(_name: string): LearnerTools {
    return { rolloutsVersion: pinnedRolloutsVersion() };
  }

  async up(options: KindUpOptions): Promise<ClusterHandle> {
    const log = options.log ?? (() => undefined);
    const { name } = options;
    if (!isValidClusterName(name)) throw new LabError('USAGE', `invalid cluster name ${JSON.stringify(name)} (lowercase letters, digits and -)`);
    const started = performance.now();
    const controllers = controllersFor(options.controllers);
    const previous = readStateJson(name);
    if (previous) {
      const st = previous['provider'] === 'kind' ? await this.status(name) : undefined;
      if (st?.state === 'running' && controllers.every((c) => st.controllers.includes(c))) {
        log(`cluster ${name} is already running`);
        return { name, provider: 'kind', kubeconfig: st.kubeconfig!, controllers: st.controllers, ...(st.auditLog ? { auditLog: st.auditLog } : {}), elapsedMs: performance.now() - started };
      }
      throw new LabError('USAGE', `cluster ${name} already exists (${String(previous['provider'] ?? 'local')}${st ? `, ${st.state}` : ''})`, { suggestion: `run \`gitops-lab down --name ${name}\` first, or choose another --name` });
    }

    // 1. What kind needs from this machine, checked before anything is written.
    const docker = await checkDocker();
    if (!docker.ok) throw dockerNeededError(docker);
    const pins = loadUpstreamPins();
    const stateDir = clusterStateDir(name);
    mkdirSync(join(stateDir, 'audit'), { recursive: true });
    const kindVersion = await checkKind(pins.kind, stateDir).catch((error: unknown) => {
      rmSync(stateDir, { recursive: true, force: true });
      throw error;
    });
    if (!kindVersion.includes(pins.kind)) log(`  note: ${kindVersion}; gitops-lab is tested with kind ${pins.kind}`);

    // 2. Config files, then state (so `down` can clean up whatever happens next), then the cluster.
    const cluster = kindClusterName(name);
    const auditPolicyPath = join(stateDir, 'audit-policy.yaml');
    const configPath = join(stateDir, 'kind-config.yaml');
    const kubeconfig = join(stateDir, 'kubeconfig');
    const state: KindState = {
      version: 1,
      provider: 'kind',
      name,
      cluster,
      createdAt: new Date().toISOString(),
      controllers,
      kubeconfig,
      auditLog: join(stateDir, 'audit', AUDIT_LOG_FILE),
      gitHostPort: await freePort(),
      nodeImage: pins.nodeImage,
    };
    writeFileSync(auditPolicyPath, auditPolicyYaml());
    // The harness's mirrors of the lab repositories (the server in the cluster keeps its own on a volume).
    const gitRoot = gitRootFor(stateDir);
    mkdirSync(gitRoot, { recursive: true });
    writeFileSync(configPath, kindClusterConfigYaml({ auditPolicyPath, auditLogDir: join(stateDir, 'audit'), gitHostPort: state.gitHostPort }));
    writeStateJson(name, state);
    try {
      log(`  kind create cluster ${cluster} (${pins.nodeImage.split('@')[0]})`);
      await run('kind', createClusterArgs(cluster, configPath, pins.nodeImage, join(stateDir, 'kind-kubeconfig'), CREATE_WAIT_SECONDS), { cwd: stateDir, timeoutMs: (CREATE_WAIT_SECONDS + 120) * 1000 });
      await this.refreshKubeconfig(state);

      // 3. Controllers from the pinned upstream manifests (shared installer), preloaded first when asked.
      // Flux with the lockdown the local provider runs it with (upstream's install has none).
      let loaded = (await loadManifests(installManifests(pins, controllers))).map((l) => ({ ...l, objects: withFluxLockdown(l.objects) }));
      if (options.preloadImages) {
        const images = [...imagesIn(loaded.flatMap((l) => l.objects)), pins.gitServerImage];
        mkdirSync(join(stateDir, 'images'), { recursive: true });
        for (const image of images) {
          const archive = join(stateDir, 'images', `${image.replace(/[^A-Za-z0-9_.-]/g, '_')}.tar`);
          for (const c of preloadCommands(image, dockerArch(), archive, cluster)) await run(c.file, c.args, { cwd: stateDir, timeoutMs: 600_000 });
          log(`  preloaded ${image}`);
        }
        // Preloaded images must not be pulled again (Argo CD's manifests say Always).
        loaded = loaded.map((l) => ({ ...l, objects: withPullPolicy(l.objects, 'IfNotPresent') }));
      }
      const kube = createKubeClient(kubeconfig);
      await applyUpstream(kube, loaded, log);
      await waitForWorkloads(kube, loaded, options.timeoutMs ?? 300_000);

      // 4. The lab git server in the cluster with its own storage (shared code: harness/git/in-cluster.ts).
      const credentials = { username: 'gitops-lab', password: newGitPassword() };
      await deployInClusterGitServer(kube, kindGitServerInput(pins.gitServerImage, credentials));
      const gitUrl = `http://127.0.0.1:${state.gitHostPort}`;
      if (!(await waitForGitServer(gitUrl, 60_000))) {
        throw new LabError('CLUSTER_UNAVAILABLE', `the in-cluster lab git server is available but does not answer on ${gitUrl} (kind's port mapping)`, {
          suggestion: `check \`docker port ${cluster}-control-plane\` and \`kubectl -n gitops-lab-git logs deploy/git\``,
        });
      }
      await recordInClusterGitServer(stateDir, { port: state.gitHostPort, url: gitUrl, clusterUrl: IN_CLUSTER_GIT_URL, root: gitRoot, storage: 'own', ...credentials });
      log(`  lab git server in the cluster: ${IN_CLUSTER_GIT_URL} (pushes from this machine: http://127.0.0.1:${state.gitHostPort})`);
      if (!existsSync(state.auditLog)) {
        throw new LabError('CLUSTER_UNAVAILABLE', `the kube-apiserver audit log did not appear at ${state.auditLog}`, {
          suggestion: `check the audit flags: docker exec ${cluster}-control-plane grep audit /etc/kubernetes/manifests/kube-apiserver.yaml`,
        });
      }
      return { name, provider: 'kind', kubeconfig, controllers, auditLog: state.auditLog, elapsedMs: performance.now() - started };
    } catch (error) {
      log(`up failed; deleting kind cluster ${cluster}`);
      await this.down(name, log).catch((e: unknown) => log(`cleanup after failed up also failed: ${String(e)}`));
      throw error;
    }
  }

  /** Writes the kubeconfig `kind get kubeconfig` prints (owner-only) to the state directory. */
  private async refreshKubeconfig(state: KindState): Promise<void> {
    const r = await run('kind', getKubeconfigArgs(state.cluster), { cwd: clusterStateDir(state.name), timeoutMs: 30_000 });
    writeFileSync(state.kubeconfig, r.stdout, { mode: 0o600 });
  }

  async down(name: string, log: (line: string) => void = () => undefined): Promise<void> {
    const stateDir = clusterStateDir(name);
    const state = readKindState(name);
    if (!state) {
      if (readStateJson(name)) throw new LabError('USAGE', `cluster ${name} was not created by the kind provider`, { suggestion: `gitops-lab down --name ${name} (without --provider)` });
      return;
    }
    await stopGitServer(stateDir);
    const clusters = await kindClusters(stateDir);
    if (clusters === undefined) {
      throw new LabError('TOOL_MISSING', `cannot ask kind whether cluster ${state.cluster} still exists`, { suggestion: 'put kind on PATH and start Docker, then run down again' });
    }
    if (clusters.includes(state.cluster)) {
      await run('kind', deleteClusterArgs(state.cluster, join(stateDir, 'kind-kubeconfig')), { cwd: stateDir, timeoutMs: 180_000 });
      log(`  deleted kind cluster ${state.cluster}`);
    }
    rmSync(stateDir, { recursive: true, force: true });
  }

  async status(name: string): Promise<ClusterStatus> {
    const state = readKindState(name);
    const absent = (message: string): ClusterStatus => ({ name, provider: 'kind', state: 'absent', kubeconfig: undefined, apiServer: undefined, controllers: [], processes: [], message });
    if (!state) return absent(readStateJson(name) ? `cluster ${name} belongs to another provider` : 'no such cluster');
    const clusters = await kindClusters(clusterStateDir(name));
    let apiOk = false;
    let apiServer: string | undefined;
    let message: string | undefined;
    if (clusters !== undefined && !clusters.includes(state.cluster)) message = `kind has no cluster ${state.cluster}`;
    else {
      try {
        if (!existsSync(state.kubeconfig)) await this.refreshKubeconfig(state);
        const kube = createKubeClient(state.kubeconfig);
        apiServer = kube.server;
        apiOk = (await kube.raw('/readyz')).trim() === 'ok';
      } catch (error) {
        message = `apiserver: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    return {
      name,
      provider: 'kind',
      state: apiOk ? 'running' : 'degraded',
      kubeconfig: state.kubeconfig,
      apiServer,
      controllers: state.controllers,
      processes: [{ name: `${state.cluster}-control-plane`, pid: undefined, alive: apiOk, ports: { git: state.gitHostPort } }],
      auditLog: state.auditLog,
      stateDir: clusterStateDir(name),
      ...(message ? { message } : {}),
    };
  }
}
