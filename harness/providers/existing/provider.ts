/**
 * The `existing` ClusterProvider: any kubeconfig context, used as it is. `up` checks the context answers and has
 * the controllers' CRDs, and records the context; nothing is installed or changed. `down` deletes only what
 * gitops-lab created there: objects labelled gitops-lab.dev/run and the namespaces recorded for its runs.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../../errors.js';
import { RUN_LABEL } from '../../controllers/adapter.js';
import { stopGitServer } from '../../git/server-process.js';
import { createKubeClient, type KubeClient, type ObjectRef } from '../../kube/client.js';
import { clusterStateDir } from '../local/paths.js';
import { waitFor } from '../local/supervisor.js';
import { type ClusterHandle, type ClusterProvider, type ClusterStatus, type ControllerName, controllersFor, isValidClusterName, type UpOptions } from '../provider.js';
import { readStateJson, recordedClusters, writeStateJson } from '../state.js';
import { installManifests } from '../upstream/manifests.js';
import { loadUpstreamPins } from '../upstream/pins.js';
import { missingCrds, missingCrdsError } from './crds.js';
import { findKubeconfig, kubeconfigForContext } from './kubeconfig.js';

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
  /** Namespaces gitops-lab created on this cluster (recorded by the runs that created them). */
  readonly namespaces: readonly string[];
}

/** Kinds gitops-lab labels with its run id, deleted by label on `down` (registrations before namespaces). */
export const LABELLED_KINDS: readonly { apiVersion: string; kind: string; crd?: string }[] = [
  { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', crd: 'applications.argoproj.io' },
  { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', crd: 'kustomizations.kustomize.toolkit.fluxcd.io' },
  { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', crd: 'gitrepositories.source.toolkit.fluxcd.io' },
  { apiVersion: 'v1', kind: 'Namespace' },
];

/** Namespaces `down` never deletes, whatever was recorded. */
export const PROTECTED_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease', 'argocd', 'flux-system', 'argo-rollouts']);

function readExistingState(name: string): ExistingState | undefined {
  const s = readStateJson(name);
  return s && s['provider'] === 'existing' ? (s as unknown as ExistingState) : undefined;
}

/**
 * Records namespaces a run created on an existing cluster, so `down` removes them too. Called by whoever creates
 * them; a namespace that carries the gitops-lab.dev/run label needs no record.
 */
export function recordNamespaces(name: string, namespaces: readonly string[]): void {
  const state = readExistingState(name);
  if (!state) return;
  writeStateJson(name, { ...state, namespaces: [...new Set([...state.namespaces, ...namespaces])].sort() });
}

async function crdNames(kube: KubeClient): Promise<Set<string>> {
  return new Set((await kube.list('apiextensions.k8s.io/v1', 'CustomResourceDefinition')).map((c) => c.metadata.name ?? ''));
}

/** What `down` would delete: every labelled object of ours, then the recorded namespaces still there. */
export async function createdObjects(kube: KubeClient, state: Pick<ExistingState, 'namespaces'>): Promise<ObjectRef[]> {
  const crds = await crdNames(kube);
  const out: ObjectRef[] = [];
  for (const k of LABELLED_KINDS) {
    if (k.crd && !crds.has(k.crd)) continue;
    for (const o of await kube.list(k.apiVersion, k.kind, { labelSelector: RUN_LABEL })) {
      if (k.kind === 'Namespace' && PROTECTED_NAMESPACES.has(o.metadata.name ?? '')) continue;
      out.push({ apiVersion: k.apiVersion, kind: k.kind, name: o.metadata.name!, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) });
    }
  }
  for (const ns of state.namespaces) {
    if (PROTECTED_NAMESPACES.has(ns) || out.some((r) => r.kind === 'Namespace' && r.name === ns)) continue;
    if (await kube.get({ apiVersion: 'v1', kind: 'Namespace', name: ns })) out.push({ apiVersion: 'v1', kind: 'Namespace', name: ns });
  }
  return out;
}

export class ExistingProvider implements ClusterProvider {
  readonly name = 'existing' as const;

  kubeconfigPath(name: string): string | undefined {
    return readExistingState(name)?.kubeconfig;
  }

  async list(): Promise<readonly string[]> {
    return recordedClusters().filter((c) => c.provider === 'existing').map((c) => c.name);
  }

  async up(options: UpOptions): Promise<ClusterHandle> {
    const log = options.log ?? (() => undefined);
    const { name } = options;
    const started = performance.now();
    if (!isValidClusterName(name)) throw new LabError('USAGE', `invalid cluster name ${JSON.stringify(name)} (lowercase letters, digits and -)`);
    const context = options.context;
    if (!context) throw new LabError('USAGE', '--provider existing needs --context <name> (see `kubectl config get-contexts`)');
    const controllers = controllersFor(options.controllers);
    const previous = readStateJson(name);
    if (previous) {
      const prev = readExistingState(name);
      if (!prev || prev.context !== context) {
        throw new LabError('USAGE', `cluster ${name} is already recorded (${prev ? `context ${prev.context}` : String(previous['provider'] ?? 'local')})`, {
          suggestion: `choose another --name, or run \`gitops-lab down --name ${name}\` first`,
        });
      }
    }

    const source = findKubeconfig(context, options.kubeconfig);
    const stateDir = clusterStateDir(name);
    const kubeconfig = join(stateDir, 'kubeconfig');
    const fresh = !previous;
    mkdirSync(stateDir, { recursive: true });
    try {
      writeFileSync(kubeconfig, kubeconfigForContext(readFileSync(source, 'utf8'), source, context), { mode: 0o600 });
      chmodSync(kubeconfig, 0o600);
      const kube = createKubeClient(kubeconfig);
      try {
        await kube.raw('/readyz');
      } catch (error) {
        throw new LabError('CLUSTER_UNAVAILABLE', `context ${context} (${kube.server}) does not answer`, { cause: error, suggestion: `check \`kubectl --context ${context} get --raw /readyz\`` });
      }
      const missing = missingCrds(await crdNames(kube), controllers);
      if (missing.length > 0) throw missingCrdsError(context, missing, installManifests(loadUpstreamPins(), [...new Set(missing.map((m) => m.controller))]));
      const state: ExistingState = {
        version: 1,
        provider: 'existing',
        name,
        context,
        sourceKubeconfig: source,
        kubeconfig,
        apiServer: kube.server,
        controllers,
        createdAt: readExistingState(name)?.createdAt ?? new Date().toISOString(),
        namespaces: readExistingState(name)?.namespaces ?? [],
      };
      writeStateJson(name, state);
      log(`  context ${context} (${kube.server}) has the CRDs of ${controllers.join(', ') || 'no controllers'}`);
      return { name, provider: 'existing', kubeconfig, controllers, elapsedMs: performance.now() - started };
    } catch (error) {
      if (fresh) rmSync(stateDir, { recursive: true, force: true });
      throw error;
    }
  }

  async down(name: string, log: (line: string) => void = () => undefined): Promise<void> {
    const state = readExistingState(name);
    if (!state) {
      if (readStateJson(name)) throw new LabError('USAGE', `cluster ${name} was not recorded by the existing provider`, { suggestion: `gitops-lab down --name ${name} (without --provider)` });
      return;
    }
    const stateDir = clusterStateDir(name);
    await stopGitServer(stateDir);
    const kube = createKubeClient(state.kubeconfig);
    const ours = await createdObjects(kube, state);
    for (const ref of ours) {
      await kube.delete(ref);
      log(`  deleted ${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`);
    }
    await waitFor(
      async () => {
        const left: string[] = [];
        for (const ref of ours) if (await kube.get(ref)) left.push(`${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`);
        return left.length === 0 ? true : { pending: `still there: ${left.join(', ')}` };
      },
      { what: `the objects gitops-lab created on context ${state.context} to be deleted`, timeoutMs: 120_000, intervalMs: 500 },
    );
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
      const kube = createKubeClient(state.kubeconfig);
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
      processes: [{ name: `context ${state.context}`, pid: undefined, alive: apiOk, ports: {} }],
      stateDir: clusterStateDir(name),
      ...(message ? { message } : {}),
    };
  }
}
