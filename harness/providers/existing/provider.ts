/**
 * The `existing` ClusterProvider: any kubeconfig context, used as it is. `up` checks the context answers and has
 * the controllers' CRDs (or installs the missing controllers when told to), and records the context. Every live
 * session records its run in a ledger (ledger.ts) before it creates anything; `down` deletes only what it can
 * trace to a recorded run (cleanup.ts), then what `up` installed, if it installed anything.
 */
import { lockdownGaps } from './lockdown.js';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../../errors.js';
import { keepPortForward, newGitPassword, readGitServer, stopGitServer, waitForGitServer } from '../../git/server-process.js';
import { deployInClusterGitServer, GIT_NAMESPACE, gitServerScript, IN_CLUSTER_GIT_URL } from '../../git/in-cluster.js';
import { instructorURL, reachThroughURL } from '../../git/remote-access.js';
import { freePort } from '../../ports.js';
import { createKubeClient, type KubeClient } from '../../kube/client.js';
import { stopKustomizations } from '../../controllers/flux.js';
import { isAlive, waitFor } from '../../supervisor.js';
import { type ClusterHandle, type ClusterProvider, type ClusterStatus, type ControllerName, controllersFor, type ExistingUpOptions, isValidClusterName, type LearnerTools, type ProcessStatus, type RunRecord } from '../provider.js';
import { pinnedRolloutsVersion } from '../local/components.js';
import { clusterStateDir, readStateJson, recordedClusters, writeStateJson } from '../state.js';
import { installManifests } from '../upstream/manifests.js';
import { loadUpstreamPins } from '../upstream/pins.js';
import { CANDIDATE_KINDS, type ListedObject, selectForDown, type Selected } from './cleanup.js';
import { missingCrds, missingCrdsError } from './crds.js';
import { type InstalledController, type Installer, planInstall, planUninstall, upstreamInstaller } from './install.js';
import { findKubeconfig, kubeconfigForContext } from './kubeconfig.js';
import { appendRun, type LedgerEntry, readLedger } from './ledger.js';
import { stopRunRecorders } from './recorders.js';

export { CANDIDATE_KINDS, PROTECTED_NAMESPACES, selectForDown } from './cleanup.js';

export interface ExistingState {
  readonly version: 1;
  readonly provider: 'existing';
  readonly name: string;
  readonly context: string;
  /** The user's kubeconfig the context came from. */
  readonly sourceKubeconfig: string;
  /** Our copy: that context only, as current-context (what every harness client loads). */
  readonly kubeconfig: string;
  readonly apiServer: string;
  readonly controllers: readonly ControllerName[];
  readonly createdAt: string;
  /** Controllers `up --install-controllers` installed (absent: none); `down` removes exactly these. */
  readonly installed?: readonly InstalledController[];
}

function readExistingState(name: string): ExistingState | undefined {
  const s = readStateJson(name);
  return s && s['provider'] === 'existing' ? (s as unknown as ExistingState) : undefined;
}

async function crdNames(kube: KubeClient): Promise<Set<string>> {
  return new Set((await kube.list('apiextensions.k8s.io/v1', 'CustomResourceDefinition')).map((c) => c.metadata.name ?? ''));
}

/** Lists every candidate kind in its place (skipping kinds whose CRD is not there), as selectForDown wants them. */
export async function listCandidates(kube: KubeClient): Promise<ListedObject[]> {
  const crds = await crdNames(kube);
  const out: ListedObject[] = [];
  for (const k of CANDIDATE_KINDS) {
    if (k.crd && !crds.has(k.crd)) continue;
    for (const o of await kube.list(k.apiVersion, k.kind, k.namespace ? { namespace: k.namespace } : {})) {
      if (o.metadata.deletionTimestamp) continue;
      out.push({ apiVersion: k.apiVersion, kind: k.kind, name: o.metadata.name!, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}), ...(o.metadata.labels ? { labels: o.metadata.labels } : {}) });
    }
  }
  return out;
}

/** What `down` would delete on the cluster now, for this ledger. */
export async function createdObjects(kube: KubeClient, ledger: readonly LedgerEntry[]): Promise<Selected[]> {
  return ledger.length === 0 ? [] : selectForDown(await listCandidates(kube), ledger);
}

export interface ExistingDeps {
  readonly kube: (kubeconfig: string) => KubeClient;
  readonly installer: Installer;
}

/** The in-cluster git server's way in from this machine, when `up` deployed one: the port-forward gitops-lab keeps, or the instructor's URL. */
async function gitServerProcess(stateDir: string): Promise<ProcessStatus[]> {
  const rec = readGitServer(stateDir);
  if (rec?.clusterUrl === undefined) return [];
  const answers = await waitForGitServer(rec.url, 1_000);
  if (rec.forward) return [{ name: `git server port-forward (${rec.url})`, pid: rec.pid, alive: answers && rec.pid !== undefined && isAlive(rec.pid), ports: { git: rec.port } }];
  return [{ name: `git server at ${rec.url}`, pid: undefined, alive: answers, ports: {} }];
}

export class ExistingProvider implements ClusterProvider<'existing'> {
  readonly name = 'existing' as const;
  private readonly deps: ExistingDeps;

  constructor(deps: Partial<ExistingDeps> = {}) {
    this.deps = { kube: deps.kube ?? createKubeClient, installer: deps.installer ?? upstreamInstaller };
  }

  kubeconfigPath(name: string): string | undefined {
    return readExistingState(name)?.kubeconfig;
  }

  async list(): Promise<readonly string[]> {
    return recordedClusters().filter((c) => c.provider === 'existing').map((c) => c.name);
  }

  /** No plugin: nothing is downloaded for the learner. */
  learnerTools(_name: string): LearnerTools {
    return { rolloutsVersion: pinnedRolloutsVersion() };
  }

  /** Appends the run to the cluster's ledger before the session creates anything; no record, no session. */
  recordRun(name: string, run: RunRecord): void {
    if (!readExistingState(name)) throw new LabError('CLUSTER_UNAVAILABLE', `cluster ${name} is not recorded by the existing provider; cannot record run ${run.runId}`);
    appendRun(clusterStateDir(name), run);
  }

  /** The runs recorded on this cluster. */
  runs(name: string): LedgerEntry[] {
    return readExistingState(name) ? readLedger(clusterStateDir(name)) : [];
  }

  async up(options: ExistingUpOptions): Promise<ClusterHandle> {
    const log = options.log ?? (() => undefined);
    const { name } = options;
    const started = performance.now();
    if (!isValidClusterName(name)) throw new LabError('USAGE', `invalid cluster name ${JSON.stringify(name)} (lowercase letters, digits and -)`);
    const context = options.context;
    if (!context) throw new LabError('USAGE', '--provider existing needs --context <name> (see `kubectl config get-contexts`)');
    const controllers = controllersFor(options.controllers);
    const previous = readStateJson(name);
    const prev = readExistingState(name);
    if (previous && (!prev || prev.context !== context)) {
      throw new LabError('USAGE', `cluster ${name} is already recorded (${prev ? `context ${prev.context}` : String(previous['provider'] ?? 'local')})`, {
        suggestion: `choose another --name, or run \`gitops-lab down --name ${name}\` first`,
      });
    }

    const source = findKubeconfig(context, options.kubeconfig);
    const stateDir = clusterStateDir(name);
    const kubeconfig = join(stateDir, 'kubeconfig');
    const fresh = !previous;
    mkdirSync(stateDir, { recursive: true });
    try {
      writeFileSync(kubeconfig, kubeconfigForContext(readFileSync(source, 'utf8'), source, context), { mode: 0o600 });
      chmodSync(kubeconfig, 0o600);
      const kube = this.deps.kube(kubeconfig);
      try {
        await kube.raw('/readyz');
      } catch (error) {
        throw new LabError('CLUSTER_UNAVAILABLE', `context ${context} (${kube.server}) does not answer`, { cause: error, suggestion: `check \`kubectl --context ${context} get --raw /readyz\`` });
      }
      const missing = missingCrds(await crdNames(kube), controllers);
      const plan = planInstall(missing, options.installControllers === true);
      if ('refuse' in plan) throw missingCrdsError(context, missing, installManifests(loadUpstreamPins(), [...new Set(missing.map((m) => m.controller))]));
      const base: ExistingState = {
        version: 1,
        provider: 'existing',
        name,
        context,
        sourceKubeconfig: source,
        kubeconfig,
        apiServer: kube.server,
        controllers,
        createdAt: prev?.createdAt ?? new Date().toISOString(),
        ...(prev?.installed?.length ? { installed: prev.installed } : {}),
      };
      if (plan.install.length > 0) {
        // Recorded before the install, so a `down` after a failed install still knows what to remove.
        const pending = plan.install.map((c): InstalledController => {
          const m = installManifests(loadUpstreamPins(), [c])[0]!;
          return { controller: c, url: m.url, namespace: m.namespace, createdNamespace: false, at: new Date().toISOString() };
        });
        writeStateJson(name, { ...base, installed: [...(base.installed ?? []), ...pending] });
        log(`  installing ${plan.install.join(', ')} from the pinned upstream manifests`);
        const installed = await this.deps.installer.install(kube, plan.install, log, options.timeoutMs ?? 600_000);
        const state: ExistingState = { ...base, installed: [...(base.installed ?? []), ...installed] };
        writeStateJson(name, state);
        const still = missingCrds(await crdNames(kube), controllers);
        if (still.length > 0) throw new LabError('CLUSTER_UNAVAILABLE', `after installing ${plan.install.join(', ')}, context ${context} still lacks ${still.map((m) => m.crd).join(', ')}`);
      } else writeStateJson(name, base);
      log(`  context ${context} (${kube.server}) has the CRDs of ${controllers.join(', ') || 'no controllers'}`);
      const defaultProject = controllers.includes('argocd') ? await kube.get({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', namespace: 'argocd', name: 'default' }) : undefined;
      const policies = controllers.includes('argocd')
        ? (await kube.list('admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicy').catch(() => [])).map((p) => p.metadata.name ?? '')
        : [];
      for (const gap of lockdownGaps(controllers, defaultProject, policies)) log(`  open between learners: ${gap}`);
      if (options.gitServer) await this.deployGitServer(kube, stateDir, kubeconfig, options.gitServer, log);
      return { name, provider: 'existing', kubeconfig, controllers, elapsedMs: performance.now() - started };
    } catch (error) {
      // Nothing installed yet: forget the cluster. Something installed: keep the record, so `down` removes it.
      if (fresh && !readExistingState(name)?.installed?.length) rmSync(stateDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The lab git server in the cluster with its own storage, and the way this machine reaches it. */
  private async deployGitServer(kube: KubeClient, stateDir: string, kubeconfig: string, git: NonNullable<ExistingUpOptions['gitServer']>, log: (line: string) => void): Promise<void> {
    if (git.url !== undefined) instructorURL(git.url); // a bad URL is refused before anything is made
    const credentials = { username: 'gitops-lab', password: newGitPassword() };
    log(`  deploying the lab git server in namespace ${GIT_NAMESPACE} (its repositories on a volume of its own)`);
    await deployInClusterGitServer(kube, {
      image: loadUpstreamPins().gitServerImage,
      script: gitServerScript(),
      credentials,
      ...(git.storageClass !== undefined ? { storage: { className: git.storageClass } } : {}),
    });
    const access = { stateDir, kubeconfig, credentials };
    const rec = git.url !== undefined ? await reachThroughURL(access, git.url) : await keepPortForward(access, await freePort());
    log(`  lab git server: controllers pull from ${IN_CLUSTER_GIT_URL}; learners push to ${rec.url}${rec.forward ? ` (a port-forward gitops-lab keeps, pid ${rec.pid})` : ''}`);
  }

  async down(name: string, log: (line: string) => void = () => undefined): Promise<void> {
    const state = readExistingState(name);
    if (!state) {
      if (readStateJson(name)) throw new LabError('USAGE', `cluster ${name} was not recorded by the existing provider`, { suggestion: `gitops-lab down --name ${name} (without --provider)` });
      return;
    }
    const stateDir = clusterStateDir(name);
    const gitServer = readGitServer(stateDir);
    await stopGitServer(stateDir);
    const kube = this.deps.kube(state.kubeconfig);
    if (gitServer?.clusterUrl !== undefined) {
      // The in-cluster git server `up` deployed, with its volume: its namespace holds nothing else.
      await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: GIT_NAMESPACE });
      log(`  deleted namespace ${GIT_NAMESPACE} (the lab git server and its repositories)`);
    }
    const ledger = readLedger(stateDir);
    for (const r of stopRunRecorders(ledger.map((e) => e.runId))) log(`  stopped the change recorder of run ${r.runId} (pid ${r.pid})`);
    const ours = await createdObjects(kube, ledger);
    // Flux's Kustomizations stop before anything goes: one still pruning as a run's ServiceAccount that is deleted
    // meanwhile would hold its namespace (or flux-system's root) forever.
    if (state.controllers.includes('flux')) {
      await stopKustomizations(
        kube,
        ours.filter((r) => r.kind === 'Kustomization' && r.namespace).map((r) => ({ name: r.name, namespace: r.namespace! })),
        ours.filter((r) => r.kind === 'Namespace').map((r) => r.name),
        false,
      );
    }
    for (const ref of ours) {
      await kube.delete(ref);
      log(`  deleted ${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name} (run ${ref.runId}, by ${ref.why})`);
    }
    await waitFor(
      async () => {
        const left: string[] = [];
        for (const ref of ours) if (await kube.get(ref)) left.push(`${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`);
        return left.length === 0 ? true : { pending: `still there: ${left.join(', ')}` };
      },
      { what: `the objects gitops-lab created on context ${state.context} to be deleted`, timeoutMs: 180_000, intervalMs: 500 },
    );
    if (state.installed?.length) {
      const others = recordedClusters()
        .filter((c) => c.provider === 'existing' && c.name !== name)
        .flatMap((c) => {
          const s = readExistingState(c.name);
          return s ? [{ name: c.name, apiServer: s.apiServer, controllers: s.controllers }] : [];
        });
      const plan = planUninstall(state.installed, state.apiServer, others);
      for (const k of plan.keep) log(`  kept ${k.controller}, which gitops-lab installed: ${k.usedBy.join(', ')} on the same API server use it`);
      await this.deps.installer.uninstall(kube, plan.uninstall, log);
    }
    if (existsSync(stateDir)) rmSync(stateDir, { recursive: true, force: true });
  }

  async status(name: string): Promise<ClusterStatus> {
    const state = readExistingState(name);
    if (!state) {
      return { name, provider: 'existing', state: 'absent', kubeconfig: undefined, apiServer: undefined, controllers: [], processes: [], message: readStateJson(name) ? `cluster ${name} belongs to another provider` : 'no such cluster' };
    }
    let apiOk = false;
    let message: string | undefined;
    try {
      const kube = this.deps.kube(state.kubeconfig);
      apiOk = (await kube.raw('/readyz')).trim() === 'ok';
      const missing = missingCrds(await crdNames(kube), state.controllers);
      if (missing.length > 0) message = `missing CRDs: ${missing.map((m) => m.crd).join(', ')}`;
    } catch (error) {
      message = `apiserver: ${error instanceof Error ? error.message : String(error)}`;
    }
    return {
      name,
      provider: 'existing',
      state: apiOk && !message ? 'running' : 'degraded',
      kubeconfig: state.kubeconfig,
      apiServer: state.apiServer,
      controllers: state.controllers,
      processes: [{ name: `context ${state.context}`, pid: undefined, alive: apiOk, ports: {} }, ...(await gitServerProcess(clusterStateDir(name)))],
      stateDir: clusterStateDir(name),
      ...(message ? { message } : {}),
    };
  }
}
