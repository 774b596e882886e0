/**
 * A change recorder for clusters whose audit log the harness cannot read: watches the namespaces' objects and
 * attributes every new version to the field manager that wrote it (the newest managedFields entry), as it
 * happens, before a controller's next apply folds that manager into its own. The manager name is whatever the
 * writing client sent (`--field-manager=argocd-controller` is accepted from anyone), and a watch never sees
 * who authenticated: this attribution is weaker than an audit log's and is labelled so in the evidence.
 */
import { LabError } from '../errors.js';
import { sleep } from '../wait.js';
import { clientNode, createKubeClient, loadKubeConfig } from './client.js';

export interface WatchedChange {
  readonly at: string;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly verb: 'create' | 'update';
  /** As the writing client named itself: not an identity. */
  readonly fieldManager: string;
  readonly operation: string;
  readonly resourceVersion: string;
  /** Deployments, Rollouts and StatefulSets: spec.replicas of this version. */
  readonly replicas?: number;
  /** EndpointSlices: the Service they serve (label kubernetes.io/service-name) and the ready endpoints of this version. */
  readonly service?: string;
  readonly readyEndpoints?: number;
}

interface ManagedField {
  readonly manager?: string;
  readonly operation?: string;
  readonly time?: string;
  readonly subresource?: string;
  readonly fieldsV1?: unknown;
}

interface Obj {
  readonly kind?: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly resourceVersion?: string;
    readonly managedFields?: readonly ManagedField[];
    readonly creationTimestamp?: string;
    readonly labels?: Readonly<Record<string, unknown>>;
  };
  readonly spec?: { readonly replicas?: unknown };
  readonly endpoints?: readonly { readonly conditions?: { readonly ready?: unknown } }[] | null;
}

const REPLICATED = new Set(['Deployment', 'Rollout', 'StatefulSet']);

/** What a version says about the bounds over time: its replica count, or an EndpointSlice's Service and readiness. */
function versionState(obj: Obj): { replicas?: number; service?: string; readyEndpoints?: number } {
  if (REPLICATED.has(obj.kind ?? '')) {
    const r = obj.spec?.replicas;
    return typeof r === 'number' && Number.isInteger(r) ? { replicas: r } : {};
  }
  if (obj.kind === 'EndpointSlice') {
    const service = obj.metadata?.labels?.['kubernetes.io/service-name'];
    const endpoints = Array.isArray(obj.endpoints) ? obj.endpoints : [];
    return { ...(typeof service === 'string' && service ? { service } : {}), readyEndpoints: endpoints.filter((e) => e?.conditions?.ready !== false).length };
  }
  return {};
}

const writes = (obj: Obj): ManagedField[] => (obj.metadata?.managedFields ?? []).filter((f) => f.subresource !== 'status' && f.time !== undefined);
const entryKey = (f: ManagedField): string => `${f.manager ?? ''}\u0000${f.operation ?? ''}`;
const entryState = (f: ManagedField): string => `${f.time ?? ''}\u0000${JSON.stringify(f.fieldsV1 ?? null)}`;

/**
 * Who wrote this version. With the previous version's managedFields: the manager whose entry is new or changed
 * (its time or its fields). managedFields times have one-second resolution, so "the newest entry" alone cannot
 * tell a person's `kubectl patch` from a controller's apply in the same second; the difference can. Without a
 * previous version (the first sight of an object), or when no entry changed: the newest entry, first one on a tie.
 */
export function attribute(obj: Obj, phase: string, previous?: readonly ManagedField[]): WatchedChange | undefined {
  const md = obj.metadata;
  if (!md?.name || !md.namespace || (phase !== 'ADDED' && phase !== 'MODIFIED')) return undefined;
  const entries = writes(obj);
  const before = new Map((previous ?? []).map((f) => [entryKey(f), entryState(f)]));
  const changed = previous ? entries.filter((f) => before.get(entryKey(f)) !== entryState(f)) : [];
  const newest = (changed.length > 0 ? changed : entries).reduce<ManagedField | undefined>((a, b) => (a === undefined || (b.time ?? '') > (a.time ?? '') ? b : a), undefined);
  if (!newest?.manager) return undefined;
  return {
    at: newest.time!,
    namespace: md.namespace,
    kind: obj.kind ?? 'unknown',
    name: md.name,
    verb: phase === 'ADDED' && newest.time === md.creationTimestamp ? 'create' : 'update',
    fieldManager: newest.manager,
    operation: newest.operation ?? '',
    resourceVersion: md.resourceVersion ?? '',
    ...versionState(obj),
  };
}

export const WATCHED: readonly { readonly path: string; readonly kind: string }[] = [
  { path: '/apis/apps/v1/namespaces/{ns}/deployments', kind: 'Deployment' },
  { path: '/apis/apps/v1/namespaces/{ns}/replicasets', kind: 'ReplicaSet' },
  { path: '/api/v1/namespaces/{ns}/services', kind: 'Service' },
  { path: '/api/v1/namespaces/{ns}/pods', kind: 'Pod' },
  { path: '/apis/argoproj.io/v1alpha1/namespaces/{ns}/rollouts', kind: 'Rollout' },
];

/** How a recorder reports on itself: when every watch has its starting list, and when a watch had to resume. */
export interface WatchHooks {
  /** Called once, when every watched path has been listed (or does not exist): from here on nothing is missed. */
  readonly onReady?: () => void;
  readonly log?: (line: string) => void;
  /** Asks the apiserver to end each watch after this long (it would anyway, after its own timeout). */
  readonly watchTimeoutSeconds?: number;
  /** Awaited after a watch ends and before the next one starts: what happens meanwhile must still be seen. */
  readonly beforeResume?: (path: string) => Promise<void>;
}

interface ListBody {
  readonly metadata?: { readonly resourceVersion?: string };
  readonly items?: readonly Obj[];
}

/**
 * Watches until `signal` aborts; calls `record` for each attributed change. Each path is listed first, then
 * watched from the list's resourceVersion; when a watch ends (server timeout, a dropped connection, load), the
 * next one resumes from the last resourceVersion seen, so no version is skipped: a person's patch that the
 * controller reverted a second later is still seen as the person's. Only when the apiserver no longer has that
 * version (410 Gone) is the path listed again; the list is then compared with the last version seen of each object.
 */
export async function watchChanges(
  kubeconfig: string,
  namespaces: readonly string[],
  record: (c: WatchedChange) => void,
  signal: AbortSignal,
  hooks: WatchHooks = {},
): Promise<void> {
  const watch = new (clientNode().Watch)(loadKubeConfig(kubeconfig));
  const kube = createKubeClient(kubeconfig);
  const seen = new Set<string>();
  // The last version seen of each object: what the next version's managedFields are compared with.
  const last = new Map<string, readonly ManagedField[]>();
  const see = (kind: string, phase: string, obj: Obj): void => {
    const id = `${kind}/${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
    const c = attribute({ ...obj, kind }, phase, last.get(id));
    if (phase === 'DELETED') last.delete(id);
    else last.set(id, writes(obj));
    if (!c || seen.has(`${kind}/${c.namespace}/${c.name}@${c.resourceVersion}`)) return;
    seen.add(`${kind}/${c.namespace}/${c.name}@${c.resourceVersion}`);
    record(c);
  };
  const paths = namespaces.flatMap((ns) => WATCHED.map((w) => ({ path: w.path.replace('{ns}', ns), kind: w.kind })));
  let unlisted = paths.length;
  const listed = (): void => {
    if (--unlisted === 0) hooks.onReady?.();
  };
  const pause = (ms: number): Promise<void> => sleep(ms, signal);
  const one = async (path: string, kind: string): Promise<void> => {
    let resourceVersion: string | undefined;
    let announced = false;
    // The open watch, ended when the signal aborts (one listener per path, not one per watch).
    let current: AbortController | undefined;
    signal.addEventListener('abort', () => current?.abort(), { once: true });
    while (!signal.aborted) {
      if (resourceVersion === undefined) {
        try {
          const body = JSON.parse(await kube.raw(path)) as ListBody;
          for (const item of body.items ?? []) see(kind, 'ADDED', item);
          resourceVersion = body.metadata?.resourceVersion;
        } catch (error) {
          // A kind this cluster does not serve (no Rollouts CRD) has nothing to record; try again later.
          if (!announced && error instanceof LabError && error.code === 'NOT_FOUND') {
            announced = true;
            listed();
          }
          hooks.log?.(`list ${path}: ${error instanceof Error ? error.message : String(error)}`);
          await pause(announced ? 5000 : 1000);
          continue;
        }
        if (!announced) {
          announced = true;
          listed();
        }
      }
      let gone = false;
      await new Promise<void>((resolve) => {
        watch
          .watch(
            path,
            { allowWatchBookmarks: true, resourceVersion, timeoutSeconds: hooks.watchTimeoutSeconds },
            (phase, obj: Obj & { code?: number }) => {
              if (phase === 'ERROR') {
                // A Status: 410 Gone (the version was compacted away) means list again.
                if (obj.code === 410) gone = true;
                hooks.log?.(`watch ${path}: ${JSON.stringify(obj).slice(0, 300)}`);
                return;
              }
              if (phase !== 'BOOKMARK') see(kind, phase, obj);
              resourceVersion = obj.metadata?.resourceVersion ?? resourceVersion;
            },
            (error: unknown) => {
              if (error && !signal.aborted) hooks.log?.(`watch ${path} ended: ${error instanceof Error ? error.message : String(error)}`);
              resolve();
            },
          )
          .then((ctl) => {
            current = ctl;
            if (signal.aborted) ctl.abort();
          })
          .catch(() => resolve());
      });
      if (gone) resourceVersion = undefined;
      if (!signal.aborted) await (hooks.beforeResume ? hooks.beforeResume(path) : pause(200));
    }
  };
  await Promise.all(paths.map((p) => one(p.path, p.kind)));
}
