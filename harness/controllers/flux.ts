/** Flux: GitRepository + Kustomization in flux-system; refresh with reconcile.fluxcd.io/requestedAt. */
import type { KubeClient, KubeObject } from '../kube/client.js';
import { pollUntil } from '../wait.js';
import { FIELD_MANAGER, labels, status, type ControllerAdapter, type RegistrationState, type RootOptions } from './adapter.js';

const NS = 'flux-system';
const KS = { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization' } as const;
const GR = { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository' } as const;
const ks = (name: string) => ({ ...KS, namespace: NS, name });
const gr = (name: string) => ({ ...GR, namespace: NS, name });

const shaOf = (rev: unknown): string => (typeof rev === 'string' ? (/([0-9a-f]{40})$/.exec(rev)?.[1] ?? rev) : '');
const ready = (obj: KubeObject | undefined): { status?: string; reason?: string; message?: string } =>
  ((status(obj)['conditions'] ?? []) as { type: string; status?: string; reason?: string; message?: string }[]).find((c) => c.type === 'Ready') ?? {};

/** Asks Flux to reconcile now; returns the request's token (undefined when the object does not exist). */
async function requestReconcile(kube: KubeClient, target: { apiVersion: string; kind: string; namespace: string; name: string }): Promise<string | undefined> {
  if (!(await kube.get(target))) return undefined;
  const at = new Date().toISOString();
  await kube.patch(target, { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': at } } }, { fieldManager: FIELD_MANAGER });
  return at;
}

/** How long a refresh waits for the registration's source to fetch before the root may apply (it then goes on). */
export const SOURCE_FIRST_TIMEOUT_MS = 10_000;

/** Flux records a handled request as status.lastHandledReconcileAt = the requestedAt it acted on. */
async function handled(kube: KubeClient, target: { apiVersion: string; kind: string; namespace: string; name: string }, token: string, timeoutMs: number): Promise<void> {
  // Running out is not an error: the root may apply anyway (SOURCE_FIRST_TIMEOUT_MS). A failed read is.
  await pollUntil(async () => status(await kube.get(target))['lastHandledReconcileAt'] === token, {
    what: `flux to handle ${target.kind} ${target.namespace}/${target.name}`,
    timeoutMs,
    intervalMs: 100,
    stopOnError: true,
  });
}

export const flux: ControllerAdapter = {
  name: 'flux',
  namespace: NS,
  rootName: (runId, env) => `lab-root-${env}-${runId}`,
  rootObjects(o: RootOptions): KubeObject[] {
    const name = this.rootName(o.runId, o.environment);
    return [
      { ...GR, metadata: { name, namespace: NS, labels: labels(o.runId) }, spec: { url: o.repoURL, interval: '1m', timeout: '20s', ref: { branch: o.branch } } },
      {
        ...KS,
        metadata: { name, namespace: NS, labels: labels(o.runId) },
        spec: { interval: '1m', path: `./${o.path}`, prune: true, sourceRef: { kind: 'GitRepository', name }, timeout: '1m' },
      },
    ];
  },
  async refresh(kube, runId, env, name) {
    const root = this.rootName(runId, env);
    // The registration's source fetches first: the root may change the registration itself (lift a suspension,
    // say), and a Kustomization resumed before its source has the new commit applies the old one (drift-accept's
    // fix scaled staging back to 3 for a moment, recorded on Flux). In Flux's own polling either may come first;
    // the harness, which asks for both, must not be the one that orders them wrong.
    if (name) {
      const k = await kube.get(ks(name));
      const source = ((k?.['spec'] as { sourceRef?: { name?: string } } | undefined)?.sourceRef?.name) ?? name;
      const token = await requestReconcile(kube, gr(source));
      if (token) await handled(kube, gr(source), token, SOURCE_FIRST_TIMEOUT_MS);
    }
    await requestReconcile(kube, gr(root));
    await requestReconcile(kube, ks(root));
    if (name) await requestReconcile(kube, ks(name));
  },
  async read(kube, name): Promise<RegistrationState> {
    const kustomization = await kube.get(ks(name));
    if (!kustomization) return {};
    const source = ((kustomization['spec'] as { sourceRef?: { name?: string } }).sourceRef?.name) ?? name;
    const gitRepository = await kube.get(gr(source));
    return { kustomization, ...(gitRepository ? { gitRepository } : {}) };
  },
  settled(state, sha, since) {
    const k = state.kustomization;
    if (!k) return { settled: false, state: 'no Kustomization yet' };
    // A suspended Kustomization does not move: what it shows is where it rests.
    if ((k['spec'] as { suspend?: boolean } | undefined)?.suspend === true) return { settled: true, state: 'Kustomization suspended' };
    const kReady = ((status(k)['conditions'] ?? []) as { type: string; status?: string }[]).find((c) => c.type === 'Ready');
    const failedAtSha = kReady?.status === 'False' && shaOf(status(k)['lastAttemptedRevision']) === sha;
    // Applied and now waiting on health checks (`wait: true`): the live state is Git's; health is for the graders.
    const reconciling = ((status(k)['conditions'] ?? []) as { type: string; message?: string }[]).find((c) => c.type === 'Reconciling');
    if (reconciling?.message?.startsWith('Running health checks for revision') && reconciling.message.includes(sha)) {
      return { settled: true, provisional: true, state: `applied ${sha.slice(0, 7)}, health checks running` };
    }
    // A reconcile we requested (requestedAt after `since`) must have been handled before the status counts,
    // unless the Kustomization already failed on this revision (a failing apply may not record the request).
    for (const obj of failedAtSha ? [] : [k, state.gitRepository]) {
      const requested = obj?.metadata.annotations?.['reconcile.fluxcd.io/requestedAt'];
      if (requested !== undefined && requested >= since && status(obj)['lastHandledReconcileAt'] !== requested && obj?.['spec'] && (obj['spec'] as { suspend?: boolean }).suspend !== true) {
        return { settled: false, state: `${obj.kind} reconcile requested at ${requested} not handled yet` };
      }
    }
    const g = state.gitRepository;
    const artifact = shaOf((status(g)['artifact'] as { revision?: string } | undefined)?.revision);
    const attempted = shaOf(status(k)['lastAttemptedRevision']);
    const r = ready(k);
    const gReady = ready(g);
    const line = `source=${artifact.slice(0, 7) || '-'}(${gReady.status ?? '?'}) attempted=${attempted.slice(0, 7) || '-'} Ready=${r.status ?? '?'}${r.reason ? ` ${r.reason}` : ''}`;
    if (gReady.status === 'False') return { settled: true, state: line };
    if (artifact !== sha) return { settled: false, state: line };
    if (attempted !== sha && r.status !== 'False') return { settled: false, state: line };
    return { settled: r.status === 'True' || r.status === 'False', state: line };
  },
  async setSource(kube, name, change, fieldManager) {
    const k = await kube.get(ks(name));
    const source = ((k?.['spec'] as { sourceRef?: { name?: string } } | undefined)?.sourceRef?.name) ?? name;
    if (change.revision) await kube.patch(gr(source), { spec: { ref: { branch: change.revision } } }, { fieldManager });
    if (change.path) await kube.patch(ks(name), { spec: { path: change.path } }, { fieldManager });
  },
  async sync(kube, name) {
    await requestReconcile(kube, ks(name));
  },
  async suspend(kube, name, suspended, fieldManager) {
    await kube.patch(ks(name), { spec: { suspend: suspended } }, { fieldManager });
  },
  async deleteRoots(kube, runId, environments) {
    for (const env of environments) {
      await kube.delete(ks(this.rootName(runId, env)));
      await kube.delete(gr(this.rootName(runId, env)));
    }
  },
};
