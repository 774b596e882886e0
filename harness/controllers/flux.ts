/** Flux: GitRepository + Kustomization in flux-system; refresh with reconcile.fluxcd.io/requestedAt. */
import type { KubeClient, KubeObject } from '../kube/client.js';
import { pollUntil } from '../wait.js';
import { fluxCondition, readGitRepository, readKustomization, RECONCILE_ANNOTATION, shaOfRevision } from '../model/flux-status.js';
import { FIELD_MANAGER, labels, type ControllerAdapter, type RegistrationState, type RootOptions, type SettleVerdict } from './adapter.js';

const NS = 'flux-system';
const KS = { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization' } as const;
const GR = { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository' } as const;
const ks = (name: string) => ({ ...KS, namespace: NS, name });
const gr = (name: string) => ({ ...GR, namespace: NS, name });

/** The sha of a Flux revision (`main@sha1:<sha>`), '' when there is none. */
const shaOf = (rev: string | undefined): string => shaOfRevision(rev) ?? '';
/** The source a Kustomization applies (its sourceRef, else a GitRepository of its own name). */
const sourceOf = (kustomization: KubeObject | undefined, name: string): string => readKustomization(kustomization).spec?.sourceRef.name ?? name;

/** Asks Flux to reconcile now; returns the request's token (undefined when the object does not exist). */
async function requestReconcile(kube: KubeClient, target: { apiVersion: string; kind: string; namespace: string; name: string }): Promise<string | undefined> {
  if (!(await kube.get(target))) return undefined;
  const at = new Date().toISOString();
  await kube.patch(target, { metadata: { annotations: { [RECONCILE_ANNOTATION]: at } } }, { fieldManager: FIELD_MANAGER });
  return at;
}

/** How long a refresh waits for the registration's source to fetch before the root may apply (it then goes on). */
export const SOURCE_FIRST_TIMEOUT_MS = 10_000;

/** Flux records a handled request as status.lastHandledReconcileAt = the requestedAt it acted on (here: a GitRepository's). */
async function handled(kube: KubeClient, target: ReturnType<typeof gr>, token: string, timeoutMs: number): Promise<void> {
  // Running out is not an error: the root may apply anyway (SOURCE_FIRST_TIMEOUT_MS). A failed read is.
  await pollUntil(async () => readGitRepository(await kube.get(target)).status.lastHandledReconcileAt === token, {
    what: `flux to handle ${target.kind} ${target.namespace}/${target.name}`,
    timeoutMs,
    intervalMs: 100,
    stopOnError: true,
  });
}

/**
 * Has Flux reconciled `sha` for this registration (Kustomization and its GitRepository), or reached a terminal
 * answer for it? `since`: when the harness began asking (reconcile requests from before it do not hold the answer
 * back). Pure: it reads the objects (raw, as the API server or a recording holds them) through the status model.
 */
export function settleKustomization(state: RegistrationState, sha: string, since: string): SettleVerdict {
  if (!state.kustomization) return { settled: false, state: 'no Kustomization yet' };
  const k = readKustomization(state.kustomization);
  const g = state.gitRepository ? readGitRepository(state.gitRepository) : undefined;
  // A suspended Kustomization does not move: what it shows is where it rests.
  if (k.spec?.suspend === true) return { settled: true, state: 'Kustomization suspended' };
  const r = fluxCondition(k, 'Ready');
  const attempted = shaOf(k.status.lastAttemptedRevision);
  const failedAtSha = r?.status === 'False' && attempted === sha;
  // Applied and now waiting on health checks (`wait: true`): the live state is Git's; health is for the graders.
  const reconciling = fluxCondition(k, 'Reconciling');
  if (reconciling?.message?.startsWith('Running health checks for revision') && reconciling.message.includes(sha)) {
    return { settled: true, provisional: true, state: `applied ${sha.slice(0, 7)}, health checks running` };
  }
  // A reconcile we requested (requestedAt after `since`) must have been handled before the status counts,
  // unless the Kustomization already failed on this revision (a failing apply may not record the request).
  for (const [kind, obj] of failedAtSha ? [] : ([['Kustomization', k], ['GitRepository', g]] as const)) {
    const requested = obj?.metadata.annotations[RECONCILE_ANNOTATION];
    if (requested !== undefined && requested >= since && obj?.status.lastHandledReconcileAt !== requested && obj?.spec && obj.spec.suspend !== true) {
      return { settled: false, state: `${kind} reconcile requested at ${requested} not handled yet` };
    }
  }
  const artifact = shaOf(g?.status.artifact.revision);
  const gReady = g && fluxCondition(g, 'Ready');
  const line = `source=${artifact.slice(0, 7) || '-'}(${gReady?.status ?? '?'}) attempted=${attempted.slice(0, 7) || '-'} Ready=${r?.status ?? '?'}${r?.reason ? ` ${r.reason}` : ''}`;
  if (gReady?.status === 'False') return { settled: true, state: line };
  if (artifact !== sha) return { settled: false, state: line };
  if (attempted !== sha && r?.status !== 'False') return { settled: false, state: line };
  return { settled: r?.status === 'True' || r?.status === 'False', state: line };
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
      const source = sourceOf(await kube.get(ks(name)), name);
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
    const source = sourceOf(kustomization, name);
    const gitRepository = await kube.get(gr(source));
    return { kustomization, ...(gitRepository ? { gitRepository } : {}) };
  },
  settled(state, sha, since) {
    return settleKustomization(state, sha, since);
  },
  async setSource(kube, name, change, fieldManager) {
    const source = sourceOf(await kube.get(ks(name)), name);
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
