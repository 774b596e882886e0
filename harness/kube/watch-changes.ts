/**
 * A change recorder for clusters whose audit log the harness cannot read: watches the namespaces' objects and
 * attributes every new version to the field manager that wrote it (the newest managedFields entry), as it
 * happens, before a controller's next apply folds that manager into its own.
 */
import { Watch } from '@kubernetes/client-node';
import { loadKubeConfig } from './client.js';

export interface WatchedChange {
  readonly at: string;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly verb: 'create' | 'update';
  readonly fieldManager: string;
  readonly operation: string;
  readonly resourceVersion: string;
}

interface ManagedField {
  readonly manager?: string;
  readonly operation?: string;
  readonly time?: string;
  readonly subresource?: string;
}

interface Obj {
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly resourceVersion?: string; readonly managedFields?: readonly ManagedField[]; readonly creationTimestamp?: string };
}

/** Who wrote this version: the newest managedFields entry that is not a status write. */
export function attribute(obj: Obj, phase: string): WatchedChange | undefined {
  const md = obj.metadata;
  if (!md?.name || !md.namespace || (phase !== 'ADDED' && phase !== 'MODIFIED')) return undefined;
  const entries = (md.managedFields ?? []).filter((f) => f.subresource !== 'status' && f.time !== undefined);
  const newest = entries.reduce<ManagedField | undefined>((a, b) => (a === undefined || (b.time ?? '') > (a.time ?? '') ? b : a), undefined);
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
  const one = async (path: string, kind: string): Promise<void> => {
    while (!signal.aborted) {
      await new Promise<void>((resolve) => {
        watch
          .watch(
            path,
            { allowWatchBookmarks: false },
            (phase, obj: Obj) => {
              const c = attribute({ ...obj, kind }, phase);
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
