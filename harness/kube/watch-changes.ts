/**
 * A change recorder for clusters whose audit log the harness cannot read: watches the namespaces' objects and
 * attributes every new version to the field manager that wrote it (the newest managedFields entry), as it
 * happens, before a controller's next apply folds that manager into its own. The manager name is whatever the
 * writing client sent (`--field-manager=argocd-controller` is accepted from anyone), and a watch never sees
 * who authenticated: this attribution is weaker than an audit log's and is labelled so in the evidence.
 */
import { Watch } from '@kubernetes/client-node';
import { loadKubeConfig } from './client.js';

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
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly resourceVersion?: string; readonly managedFields?: readonly ManagedField[]; readonly creationTimestamp?: string };
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
  };
}

export const WATCHED: readonly { readonly path: string; readonly kind: string }[] = [
  { path: '/apis/apps/v1/namespaces/{ns}/deployments', kind: 'Deployment' },
  { path: '/apis/apps/v1/namespaces/{ns}/replicasets', kind: 'ReplicaSet' },
  { path: '/api/v1/namespaces/{ns}/services', kind: 'Service' },
  { path: '/api/v1/namespaces/{ns}/pods', kind: 'Pod' },
  { path: '/apis/argoproj.io/v1alpha1/namespaces/{ns}/rollouts', kind: 'Rollout' },
];

/** Watches until `signal` aborts; calls `record` for each attributed change. Reconnects when a watch ends. */
export async function watchChanges(kubeconfig: string, namespaces: readonly string[], record: (c: WatchedChange) => void, signal: AbortSignal): Promise<void> {
  const watch = new Watch(loadKubeConfig(kubeconfig));
  const seen = new Set<string>();
  // The last version seen of each object: what the next version's managedFields are compared with.
  const last = new Map<string, readonly ManagedField[]>();
  const one = async (path: string, kind: string): Promise<void> => {
    while (!signal.aborted) {
      await new Promise<void>((resolve) => {
        watch
          .watch(
            path,
            { allowWatchBookmarks: false },
            (phase, obj: Obj) => {
              const id = `${kind}/${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
              const c = attribute({ ...obj, kind }, phase, last.get(id));
              if (phase === 'DELETED') last.delete(id);
              else last.set(id, writes(obj));
              if (!c || seen.has(`${kind}/${c.namespace}/${c.name}@${c.resourceVersion}`)) return;
              seen.add(`${kind}/${c.namespace}/${c.name}@${c.resourceVersion}`);
              record(c);
            },
            () => resolve(),
          )
          .then((ctl) => signal.addEventListener('abort', () => ctl.abort(), { once: true }))
          .catch(() => resolve());
      });
      if (!signal.aborted) await new Promise((r) => setTimeout(r, 1000));
    }
  };
  await Promise.all(namespaces.flatMap((ns) => WATCHED.map((w) => one(w.path.replace('{ns}', ns), w.kind))));
}
