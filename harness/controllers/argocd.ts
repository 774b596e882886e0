/** Argo CD: Applications in namespace argocd; refresh by annotation; sync through the `operation` field. */
import type { KubeClient, KubeObject } from '../kube/client.js';
import { FIELD_MANAGER, labels, status, type ControllerAdapter, type RegistrationState, type RootOptions } from './adapter.js';

const APP = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' } as const;
const NS = 'argocd';

const ref = (name: string) => ({ ...APP, namespace: NS, name });

export const argocd: ControllerAdapter = {
  name: 'argocd',
  namespace: NS,
  rootName: (runId, env) => `lab-root-${env}-${runId}`,
  rootObjects(o: RootOptions): KubeObject[] {
    return [
      {
        ...APP,
        metadata: { name: this.rootName(o.runId, o.environment), namespace: NS, labels: labels(o.runId) },
        spec: {
          project: 'default',
          source: { repoURL: o.repoURL, targetRevision: o.branch, path: o.path },
          destination: { server: 'https://kubernetes.default.svc', namespace: NS },
          // No self-heal: the root applies what Git says, and does not undo a person's live change to a registration.
          syncPolicy: { automated: { prune: true } },
        },
      },
    ];
  },
  async refresh(kube, runId, env, name) {
    const annotate = { metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } } };
    await kube.patch(ref(this.rootName(runId, env)), annotate, { fieldManager: FIELD_MANAGER });
    if (name && (await kube.get(ref(name)))) await kube.patch(ref(name), annotate, { fieldManager: FIELD_MANAGER });
  },
  async read(kube, name): Promise<RegistrationState> {
    const application = await kube.get(ref(name));
    return application ? { application } : {};
  },
  settled(state, sha) {
    const app = state.application;
    if (!app) return { settled: false, state: 'no Application yet' };
    const s = status(app);
    const sync = (s['sync'] ?? {}) as { status?: string; revision?: string };
    const health = ((s['health'] ?? {}) as { status?: string }).status ?? 'Unknown';
    const op = (s['operationState'] ?? {}) as { phase?: string; syncResult?: { revision?: string } };
    const conditions = ((s['conditions'] ?? []) as { type: string; message?: string }[]).filter((c) => c.type.endsWith('Error'));
    const refreshing = (app.metadata.annotations ?? {})['argocd.argoproj.io/refresh'] !== undefined;
    const line = `sync=${sync.status ?? '?'}@${(sync.revision ?? '').slice(0, 7)} health=${health} op=${op.phase ?? '-'}${conditions.length ? ` ${conditions[0]!.type}` : ''}`;
    if (refreshing) return { settled: false, state: `${line} (refresh pending)` };
    if (app['operation'] !== undefined && app['operation'] !== null) return { settled: false, state: `${line} (operation pending)` };
    // Our refresh was consumed (no annotation left): an error condition now is the controller's answer to it
    // (InvalidSpecError and ComparisonError do not always advance reconciledAt).
    if (conditions.length > 0) return { settled: true, state: line };
    if (sync.revision !== sha) return { settled: false, state: line };
    if (op.phase === 'Running' || op.phase === 'Terminating') return { settled: false, state: line };
    if (op.phase === 'Failed' || op.phase === 'Error') return { settled: true, state: line };
    if (sync.status === 'OutOfSync') {
      // With automated sync, OutOfSync at the new revision means a sync of it is still to come; without it (or
      // once a sync of this revision ran, e.g. drift with self-heal off) OutOfSync is where it rests.
      const policy = ((app['spec'] as { syncPolicy?: { automated?: { enabled?: boolean; prune?: boolean } } } | undefined)?.syncPolicy ?? {});
      const automated = policy.automated !== undefined && policy.automated !== null && policy.automated.enabled !== false;
      // Automated sync never acts on objects that only need pruning while prune is off: that OutOfSync rests.
      const outOfSync = ((s['resources'] ?? []) as { status?: string; requiresPruning?: boolean }[]).filter((r) => r.status === 'OutOfSync');
      const onlyPrunes = outOfSync.length > 0 && outOfSync.every((r) => r.requiresPruning === true) && policy.automated?.prune !== true;
      return { settled: !automated || onlyPrunes || op.syncResult?.revision === sha, state: line };
    }
    return { settled: sync.status === 'Synced', state: line };
  },
  async setSource(kube, name, change, fieldManager) {
    const source: Record<string, string> = {};
    if (change.revision) source['targetRevision'] = change.revision;
    if (change.path) source['path'] = change.path;
    await kube.patch(ref(name), { spec: { source } }, { fieldManager });
  },
  async sync(kube, name, prune) {
    await kube.patch(ref(name), { operation: { initiatedBy: { username: 'gitops-lab' }, sync: { prune, syncStrategy: { hook: {} } } } }, { fieldManager: FIELD_MANAGER });
  },
  async suspend(kube, name, suspended, fieldManager) {
    // Argo CD has no suspend: turning automated sync off is the equivalent.
    const app = await kube.get(ref(name));
    const policy = ((app?.['spec'] as { syncPolicy?: Record<string, unknown> } | undefined)?.syncPolicy ?? {}) as Record<string, unknown>;
    await kube.patch(ref(name), { spec: { syncPolicy: suspended ? { ...policy, automated: null } : { ...policy, automated: { prune: true, selfHeal: true } } } }, { fieldManager });
  },
  async deleteRoots(kube, runId, environments) {
    for (const env of environments) await kube.delete(ref(this.rootName(runId, env)));
  },
};
