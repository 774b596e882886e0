/**
 * Installs the controllers from their pinned upstream release manifests through the API (server-side apply,
 * force), in the order kubectl would need: namespaces, CRDs, wait until Established, everything else, then
 * the lab's Argo CD settings. Used by the kind provider; nothing here is specific to kind.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { LabError } from '../../errors.js';
import type { KubeClient, KubeObject } from '../../kube/client.js';
import { runPolicyObjects } from '../../controllers/argocd.js';
import { RECONCILER_SERVICE_ACCOUNT } from '../../controllers/flux.js';
import { argocdExtraYaml } from '../local/install.js';
import { cacheRoot } from '../local/paths.js';
import { waitForCrdsEstablished } from '../crds.js';
import { waitFor } from '../../supervisor.js';
import type { InstallManifest } from './manifests.js';

/** Kinds that have no namespace; every other object without one goes into the manifest's namespace. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'PriorityClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
  'StorageClass',
  'PersistentVolume',
]);

/** The field manager of the install (the local provider's install uses the same name). */
export const INSTALL_FIELD_MANAGER = 'gitops-lab-install';

/** Field manager for the lab's own Argo CD settings, so re-applying the upstream manifest never drops them. */
export const LAB_CONFIG_FIELD_MANAGER = 'gitops-lab-config';

export function parseManifest(text: string, namespace: string): KubeObject[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as KubeObject | null)
    .filter((d): d is KubeObject => !!d && typeof d.kind === 'string' && typeof d.apiVersion === 'string')
    .map((o) => (CLUSTER_SCOPED.has(o.kind) || o.metadata.namespace ? o : { ...o, metadata: { ...o.metadata, namespace } }));
}

type ContainerLike = { name?: string; image?: string; imagePullPolicy?: string; args?: string[] };
type PodSpecLike = { containers?: ContainerLike[]; initContainers?: ContainerLike[] };

function podSpecOf(o: KubeObject): PodSpecLike | undefined {
  const spec = o['spec'] as { template?: { spec?: PodSpecLike } } | undefined;
  return spec?.template?.spec;
}

/** Every container image the manifests run, sorted and without duplicates (what an offline classroom preloads). */
export function imagesIn(objects: readonly KubeObject[]): string[] {
  const out = new Set<string>();
  for (const o of objects) {
    const ps = podSpecOf(o);
    for (const c of [...(ps?.initContainers ?? []), ...(ps?.containers ?? [])]) if (c.image) out.add(c.image);
  }
  return [...out].sort();
}

/** The same objects with every container's imagePullPolicy set (IfNotPresent once images are preloaded). */
export function withPullPolicy(objects: readonly KubeObject[], policy: 'IfNotPresent'): KubeObject[] {
  return objects.map((o) => {
    const ps = podSpecOf(o);
    if (!ps) return o;
    const copy = structuredClone(o) as KubeObject;
    const cps = podSpecOf(copy)!;
    for (const c of [...(cps.initContainers ?? []), ...(cps.containers ?? [])]) c.imagePullPolicy = policy;
    return copy;
  });
}

/**
 * Flux's multi-tenancy lockdown, as the local provider runs it: kustomize-controller and helm-controller refuse
 * cross-namespace references and apply as the run's reconciler ServiceAccount when a Kustomization or HelmRelease
 * names none (upstream's install runs them with neither, so a learner's registration applied with the controller's
 * own cluster-wide permissions). Any value upstream already sets for either flag is replaced; other objects as they are.
 */
export function withFluxLockdown(objects: readonly KubeObject[]): KubeObject[] {
  const flags = ['--no-cross-namespace-refs=true', `--default-service-account=${RECONCILER_SERVICE_ACCOUNT}`];
  // Either flag as `--flag=value`, or `--flag` alone; a string flag's value may follow as its own argument.
  const without = (args: readonly string[]): string[] => {
    const out: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (/^--?no-cross-namespace-refs(=|$)/.test(a)) continue;
      if (/^--?default-service-account=/.test(a)) continue;
      if (/^--?default-service-account$/.test(a)) {
        i += 1;
        continue;
      }
      out.push(a);
    }
    return out;
  };
  return objects.map((o) => {
    if (o.kind !== 'Deployment' || !LOCKED_DOWN.has(o.metadata.name ?? '')) return o;
    const copy = structuredClone(o) as KubeObject;
    for (const c of podSpecOf(copy)?.containers ?? []) if (c.name === 'manager') c.args = [...without(c.args ?? []), ...flags];
    return copy;
  });
}

const LOCKED_DOWN: ReadonlySet<string> = new Set(['kustomize-controller', 'helm-controller']);

/**
 * The manifest text, downloaded once into the cache (`<cache>/manifests/`), so a classroom that prepared while
 * online can install again without the network.
 */
export async function fetchManifest(url: string): Promise<string> {
  const dir = join(cacheRoot(), 'manifests');
  const file = join(dir, `${createHash('sha256').update(url).digest('hex').slice(0, 16)}.yaml`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  let text: string;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    text = await res.text();
  } catch (error) {
    throw new LabError('COMMAND_FAILED', `cannot download ${url}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      suggestion: `run once while online; the manifest is then kept in ${dir}`,
    });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, text);
  return text;
}

export interface LoadedManifest {
  readonly manifest: InstallManifest;
  readonly objects: readonly KubeObject[];
}

export async function loadManifests(manifests: readonly InstallManifest[]): Promise<LoadedManifest[]> {
  const out: LoadedManifest[] = [];
  for (const m of manifests) out.push({ manifest: m, objects: parseManifest(await fetchManifest(m.url), m.namespace) });
  return out;
}

/** Argo CD's lab settings (reconcile timeout, default AppProject); the command-parameter ConfigMap stays upstream's. */
export function argocdLabConfig(): KubeObject[] {
  return [...parseManifest(argocdExtraYaml(10), 'argocd').filter((o) => o.metadata.name !== 'argocd-cmd-params-cm'), ...runPolicyObjects()];
}

export async function applyUpstream(kube: KubeClient, loaded: readonly LoadedManifest[], log: (line: string) => void = () => undefined): Promise<void> {
  const opts = { fieldManager: INSTALL_FIELD_MANAGER, force: true };
  const all = loaded.flatMap((l) => l.objects);
  const namespaces = [
    ...loaded.map((l): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: l.manifest.namespace } })),
    ...all.filter((o) => o.kind === 'Namespace'),
  ];
  for (const ns of namespaces) await kube.apply(ns, opts);
  const crds = all.filter((o) => o.kind === 'CustomResourceDefinition');
  for (const crd of crds) await kube.apply(crd, opts);
  await waitForCrdsEstablished(kube, crds.map((c) => c.metadata.name ?? ''));
  for (const o of all) if (o.kind !== 'Namespace' && o.kind !== 'CustomResourceDefinition') await kube.apply(o, opts);
  if (loaded.some((l) => l.manifest.controller === 'argocd')) {
    for (const o of argocdLabConfig()) await kube.apply(o, { fieldManager: LAB_CONFIG_FIELD_MANAGER, force: true });
  }
  for (const l of loaded) log(`  installed ${l.manifest.controller} from ${l.manifest.url}`);
}

/** Waits until every Deployment and StatefulSet the manifests created reports all replicas ready. */
export async function waitForWorkloads(kube: KubeClient, loaded: readonly LoadedManifest[], timeoutMs: number): Promise<void> {
  const workloads = loaded.flatMap((l) => l.objects).filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
  await waitFor(
    async () => {
      const pending: string[] = [];
      for (const w of workloads) {
        const live = await kube.get({ apiVersion: w.apiVersion, kind: w.kind, namespace: w.metadata.namespace!, name: w.metadata.name! });
        const want = Number((live?.['spec'] as { replicas?: number } | undefined)?.replicas ?? 1);
        const ready = Number((live?.['status'] as { readyReplicas?: number } | undefined)?.readyReplicas ?? 0);
        if (ready < want) pending.push(`${w.kind} ${w.metadata.namespace}/${w.metadata.name} ${ready}/${want}`);
      }
      return pending.length === 0 ? true : { pending: pending.join(', ') };
    },
    { what: 'controller workloads to be ready', timeoutMs, intervalMs: 1000 },
  );
}
