/**
 * Flux: a run's roots (GitRepository + Kustomization) in flux-system; its registrations in the environments'
 * own namespaces, Flux's tenant namespaces. Refresh with reconcile.fluxcd.io/requestedAt.
 *
 * Tenancy by the cluster: kustomize-controller runs with --no-cross-namespace-refs and
 * --default-service-account=RECONCILER_SERVICE_ACCOUNT, so a Kustomization applies as a ServiceAccount of its own
 * namespace. The roots impersonate the run's root ServiceAccount; a run's ServiceAccounts are bound (admin, plus
 * the Flux and Argo Rollouts kinds) in the run's namespaces only. Anything else a learner's Git asks for (another
 * namespace, a cluster-scoped kind, a source elsewhere) gets the API server's refusal, reported by Flux.
 */
import { LabError } from '../errors.js';
import type { KubeClient, KubeObject } from '../kube/client.js';
import { pollUntil } from '../wait.js';
import { fluxCondition, helmChartRefusal, readGitRepository, readHelmChart, readHelmRelease, readKustomization, RECONCILE_ANNOTATION, shaOfRevision } from '../model/flux-status.js';
import { beingDeleted, FIELD_MANAGER, labels, type ControllerAdapter, type RegistrationRef, type RegistrationState, type RepositoryHeads, type RootOptions, type SettleVerdict } from './adapter.js';

const NS = 'flux-system';
const KS = { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization' } as const;
const GR = { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository' } as const;
const RBAC = 'rbac.authorization.k8s.io/v1';
const HR = { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease' } as const;
const ks = (name: string, namespace: string = NS) => ({ ...KS, namespace, name });
const hr = (name: string, namespace: string) => ({ ...HR, namespace, name });
const HC = { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'HelmChart' } as const;
const gr = (name: string, namespace: string = NS) => ({ ...GR, namespace, name });

/** The ServiceAccount a Kustomization that names none applies as (kustomize-controller's --default-service-account). */
export const RECONCILER_SERVICE_ACCOUNT = 'gitops-lab-reconciler';
/** The ServiceAccount (in flux-system) a run's roots apply as. */
export const rootServiceAccount = (runId: string): string => `lab-root-${runId}`;
/** The run's ClusterRole of namespaced kinds beyond `admin` (Flux's, Argo Rollouts'), bound in the run's namespaces. */
export const tenantRoleName = (runId: string): string => `lab-${runId}-tenant`;
/** The run's ClusterRole on its own Namespace objects (read and patch them by name: an overlay's namespace.yaml). */
export const namespacesRoleName = (runId: string): string => `lab-${runId}-namespaces`;

/** The sha of a Flux revision (`main@sha1:<sha>`), '' when there is none. */
const shaOf = (rev: string | undefined): string => shaOfRevision(rev) ?? '';
/** The source a Kustomization applies (its sourceRef, else a GitRepository of its own name), in the Kustomization's namespace. */
const sourceOf = (kustomization: KubeObject | undefined, name: string): string => readKustomization(kustomization).spec?.sourceRef.name ?? name;
/** Where a registration lives: the namespace Git gives it, else flux-system. */
const nsOf = (reg: RegistrationRef): string => reg.namespace ?? NS;
/** A HelmRelease's GitRepository (its chart's sourceRef), in the HelmRelease's namespace. */
const chartSourceOf = (helmRelease: KubeObject | undefined, name: string): string => readHelmRelease(helmRelease).spec?.chart.spec.sourceRef.name ?? name;
/**
 * The object a registration names: its Kustomization, else a HelmRelease of that name (a Flux registration of a
 * chart). Which one the registration is, the cluster tells: Git's registration names only the object.
 */
async function registrationObject(kube: KubeClient, reg: RegistrationRef): Promise<{ target: ReturnType<typeof ks> | ReturnType<typeof hr>; object: KubeObject | undefined; source: string }> {
  const k = await kube.get(ks(reg.name, nsOf(reg)));
  if (k) return { target: ks(reg.name, nsOf(reg)), object: k, source: sourceOf(k, reg.name) };
  const h = await kube.get(hr(reg.name, nsOf(reg))).catch(() => undefined);
  if (h) return { target: hr(reg.name, nsOf(reg)), object: h, source: chartSourceOf(h, reg.name) };
  return { target: ks(reg.name, nsOf(reg)), object: undefined, source: reg.name };
}

/**
 * Suspends Kustomizations that are about to go (these, and every one in `namespaces`, with the HelmReleases there), deleting them too when
 * `remove`: a Kustomization deleted while suspended leaves its objects to the namespace's own deletion instead of
 * pruning them as a ServiceAccount that may already be gone (its finalizer would then never end).
 */
export async function stopKustomizations(kube: KubeClient, refs: readonly { name: string; namespace: string }[], namespaces: readonly string[], remove: boolean): Promise<void> {
  const stop = async (ref: { apiVersion: string; kind: string; namespace: string; name: string }): Promise<void> => {
    if (!(await kube.get(ref))) return;
    await kube.patch(ref, { spec: { suspend: true } }, { fieldManager: FIELD_MANAGER });
    if (remove) await kube.delete(ref);
  };
  for (const r of refs) await stop(ks(r.name, r.namespace));
  for (const namespace of namespaces) {
    for (const k of await kube.list(KS.apiVersion, KS.kind, { namespace })) if (k.metadata.name) await stop(ks(k.metadata.name, namespace));
    // HelmReleases the same way: helm-controller removes a suspended one's finalizer without uninstalling as a
    // reconciler that may already be gone. A cluster without helm-controller's CRD has none.
    const releases = await kube.list(HR.apiVersion, HR.kind, { namespace }).catch(() => [] as KubeObject[]);
    for (const h of releases) if (h.metadata.name) await stop({ ...HR, namespace, name: h.metadata.name });
  }
}

/**
 * The run's tenancy: its namespaces (made by the harness, since the registrations live in them), a reconciler
 * ServiceAccount in each, the root's ServiceAccount, and their bindings in the run's namespaces only.
 */
export function tenancyObjects(runId: string, namespaces: readonly string[]): KubeObject[] {
  const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}), labels: labels(runId) });
  const subjects = [
    { kind: 'ServiceAccount', name: rootServiceAccount(runId), namespace: NS },
    ...namespaces.map((namespace) => ({ kind: 'ServiceAccount', name: RECONCILER_SERVICE_ACCOUNT, namespace })),
  ];
  const all = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
  return [
    ...namespaces.map((name): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: meta(name) })),
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(rootServiceAccount(runId), NS) },
    ...namespaces.map((namespace): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(RECONCILER_SERVICE_ACCOUNT, namespace) })),
    {
      apiVersion: RBAC,
      kind: 'ClusterRole',
      metadata: meta(tenantRoleName(runId)),
      rules: [
        { apiGroups: ['kustomize.toolkit.fluxcd.io'], resources: ['kustomizations'], verbs: all },
        { apiGroups: ['source.toolkit.fluxcd.io'], resources: ['gitrepositories'], verbs: all },
        // A HelmRelease of a chart in the lab repository (helm-controller makes its HelmChart itself, as its own
        // identity); no HelmRepository or OCIRepository: charts come from the lab repository only.
        { apiGroups: ['helm.toolkit.fluxcd.io'], resources: ['helmreleases'], verbs: all },
        { apiGroups: ['argoproj.io'], resources: ['rollouts', 'rollouts/scale', 'analysistemplates', 'analysisruns', 'experiments'], verbs: all },
        // Bound in the run's namespaces, these reach no further: a Role and its RoleBinding in one commit (a
        // scenario's deployer) are checked together in Flux's dry run, before the Role exists, so the API server
        // must not need to read the Role's rules to allow the binding.
        { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['bind', 'escalate'] },
        { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind'] },
      ],
    },
    {
      apiVersion: RBAC,
      kind: 'ClusterRole',
      metadata: meta(namespacesRoleName(runId)),
      rules: [{ apiGroups: [''], resources: ['namespaces'], resourceNames: [...namespaces], verbs: ['get', 'patch'] }],
    },
    {
      apiVersion: RBAC,
      kind: 'ClusterRoleBinding',
      metadata: meta(namespacesRoleName(runId)),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: namespacesRoleName(runId) },
      // Every ServiceAccount of the run's namespaces (a deployer a scenario writes, too) may read and patch the
      // run's own Namespace objects, which the overlays declare; nothing else cluster-wide.
      subjects: [subjects[0]!, ...namespaces.map((namespace) => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: `system:serviceaccounts:${namespace}` }))],
    },
    ...namespaces.flatMap((namespace): KubeObject[] =>
      [['admin', 'admin'], ['tenant', tenantRoleName(runId)]].map(([suffix, role]) => ({
        apiVersion: RBAC,
        kind: 'RoleBinding',
        metadata: meta(`lab-${runId}-${suffix}`, namespace),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
        subjects,
      })),
    ),
  ];
}

/** Asks Flux to reconcile now; returns the request's token (undefined when the object does not exist). */
async function requestReconcile(kube: KubeClient, target: { apiVersion: string; kind: string; namespace: string; name: string }): Promise<string | undefined> {
  if (!(await kube.get(target))) return undefined;
  const at = new Date().toISOString();
  await kube.patch(target, { metadata: { annotations: { [RECONCILE_ANNOTATION]: at } } }, { fieldManager: FIELD_MANAGER });
  return at;
}

/**
 * Would fetching this GitRepository now bring nothing new? Only when it tracks a branch of the lab repository
 * (the same URL), has acted on its current spec (observedGeneration), is Ready, and its artifact is that
 * branch's head now. Anything else (a tag, a commit, another URL, a failed or pending fetch) is fetched.
 */
export function fetchedAtHead(gitRepository: KubeObject | undefined, repository: RepositoryHeads | undefined): boolean {
  if (!gitRepository || !repository) return false;
  const g = readGitRepository(gitRepository);
  const branch = g.spec?.ref.branch;
  const { tag, semver, name, commit } = g.spec?.ref ?? {};
  if (branch === undefined || [tag, semver, name, commit].some((x) => x !== undefined)) return false;
  const head = repository.heads[branch];
  return (
    head !== undefined &&
    g.spec?.url === repository.url &&
    g.spec.suspend !== true &&
    g.metadata.generation !== undefined &&
    g.status.observedGeneration === g.metadata.generation &&
    fluxCondition(g, 'Ready')?.status === 'True' &&
    g.status.artifact.revision === `${branch}@sha1:${head}`
  );
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
    firstIntervalMs: 25,
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
  // A health check ended by a newer reconcile request (the CancelHealthCheckOnNewRevision gate): Flux requeues at
  // once, so this Ready=False is no answer about the revision.
  if (r?.reason === 'HealthCheckCanceled') return { settled: false, state: line };
  if (artifact !== sha) return { settled: false, state: line };
  if (attempted !== sha && r?.status !== 'False') return { settled: false, state: line };
  return { settled: r?.status === 'True' || r?.status === 'False', state: line };
}

/**
 * Has helm-controller released `sha` for this HelmRelease, or reached a terminal answer for it? The chain: the
 * GitRepository fetched `sha`, source-controller built the HelmChart from it (observedSourceArtifactRevision), and
 * the HelmRelease attempted that chart (lastAttemptedRevision = the chart artifact's version) at its current spec.
 * Pure, as settleKustomization.
 */
export function settleHelmRelease(state: RegistrationState, sha: string, since: string): SettleVerdict {
  if (!state.helmRelease) return { settled: false, state: 'no HelmRelease yet' };
  const h = readHelmRelease(state.helmRelease);
  if (h.spec?.suspend === true) return { settled: true, state: 'HelmRelease suspended' };
  const g = state.gitRepository ? readGitRepository(state.gitRepository) : undefined;
  const c = state.helmChart ? readHelmChart(state.helmChart) : undefined;
  const r = fluxCondition(h, 'Ready');
  const artifact = shaOf(g?.status.artifact.revision);
  const built = shaOf(c?.status.observedSourceArtifactRevision);
  const chartVersion = c?.status.artifact.revision;
  const attemptedChart = chartVersion !== undefined && h.status.lastAttemptedRevision === chartVersion;
  const failedAtSha = r?.status === 'False' && built === sha && attemptedChart;
  for (const [kind, obj] of failedAtSha ? [] : ([['HelmRelease', h], ['GitRepository', g]] as const)) {
    const requested = obj?.metadata.annotations[RECONCILE_ANNOTATION];
    if (requested !== undefined && requested >= since && obj?.status.lastHandledReconcileAt !== requested && obj?.spec && obj.spec.suspend !== true) {
      return { settled: false, state: `${kind} reconcile requested at ${requested} not handled yet` };
    }
  }
  // A chart source in another namespace: helm-controller handled the request (above) and will not make the chart.
  const refusal = helmChartRefusal(h);
  if (refusal) return { settled: true, state: `HelmRelease refused by helm-controller: ${refusal.message}` };
  const gReady = g && fluxCondition(g, 'Ready');
  const cReady = c && fluxCondition(c, 'Ready');
  const line = `source=${artifact.slice(0, 7) || '-'}(${gReady?.status ?? '?'}) chart=${chartVersion ?? '-'} from ${built?.slice(0, 7) || '-'}(${cReady?.status ?? '?'}) attempted=${h.status.lastAttemptedRevision ?? '-'} Ready=${r?.status ?? '?'}${r?.reason ? ` ${r.reason}` : ''}`;
  if (gReady?.status === 'False') return { settled: true, state: line };
  if (artifact !== sha) return { settled: false, state: line };
  // The chart cannot be built from this commit (a broken Chart.yaml, a values file missing): a terminal answer.
  if (cReady?.status === 'False' && c?.status.observedGeneration === c?.metadata.generation) return { settled: true, state: line };
  if (built !== sha || !attemptedChart) return { settled: false, state: line };
  if (h.metadata.generation !== undefined && h.status.observedGeneration !== h.metadata.generation && r?.status !== 'False') return { settled: false, state: line };
  return { settled: r?.status === 'True' || r?.status === 'False', state: line };
}

export const flux: ControllerAdapter = {
  name: 'flux',
  namespace: NS,
  rootName: (runId, env) => `lab-root-${env}-${runId}`,
  rootObjects(o: RootOptions): KubeObject[] {
    const name = this.rootName(o.runId, o.environment);
    return [
      ...tenancyObjects(o.runId, o.namespaces),
      { ...GR, metadata: { name, namespace: NS, labels: labels(o.runId) }, spec: { url: o.repoURL, interval: '1m', timeout: '20s', ref: { branch: o.branch } } },
      {
        ...KS,
        metadata: { name, namespace: NS, labels: labels(o.runId) },
        spec: { interval: '1m', path: `./${o.path}`, prune: true, sourceRef: { kind: 'GitRepository', name }, timeout: '1m', serviceAccountName: rootServiceAccount(o.runId) },
      },
    ];
  },
  async refresh(kube, runId, env, reg, repository) {
    const root = this.rootName(runId, env);
    // The registration's source fetches first: the root may change the registration itself (lift a suspension,
    // say), and a Kustomization resumed before its source has the new commit applies the old one (drift-accept's
    // fix scaled staging back to 3 for a moment, recorded on Flux). In Flux's own polling either may come first;
    // the harness, which asks for both, must not be the one that orders them wrong.
    // A source already at its branch's head is not asked to fetch it again (each fetch clones the repository).
    const registration = reg ? await registrationObject(kube, reg) : undefined;
    if (reg && registration) {
      const source = gr(registration.source, nsOf(reg));
      if (!fetchedAtHead(await kube.get(source), repository)) {
        const token = await requestReconcile(kube, source);
        if (token) await handled(kube, source, token, SOURCE_FIRST_TIMEOUT_MS);
      }
    }
    if (!fetchedAtHead(await kube.get(gr(root)), repository)) await requestReconcile(kube, gr(root));
    await requestReconcile(kube, ks(root));
    // A Kustomization or a HelmRelease (helm-controller asks source-controller for the HelmChart of the new commit).
    if (registration) await requestReconcile(kube, registration.target);
  },
  async read(kube, reg): Promise<RegistrationState> {
    const kustomization = await kube.get(ks(reg.name, nsOf(reg)));
    if (!kustomization) {
      const helmRelease = await kube.get(hr(reg.name, nsOf(reg))).catch(() => undefined);
      if (!helmRelease) return {};
      const gitRepository = await kube.get(gr(chartSourceOf(helmRelease, reg.name), nsOf(reg)));
      const [chartNs, chartName] = (readHelmRelease(helmRelease).status.helmChart ?? '').split('/');
      // The HelmChart helm-controller made, in the HelmRelease's own namespace (cross-namespace refs are refused).
      const helmChart = chartNs === nsOf(reg) && chartName ? await kube.get({ ...HC, namespace: chartNs, name: chartName }) : undefined;
      return { helmRelease, ...(gitRepository ? { gitRepository } : {}), ...(helmChart ? { helmChart } : {}) };
    }
    // With --no-cross-namespace-refs the source is the Kustomization's own namespace's.
    const source = sourceOf(kustomization, reg.name);
    const gitRepository = await kube.get(gr(source, nsOf(reg)));
    return { kustomization, ...(gitRepository ? { gitRepository } : {}) };
  },
  settled(state, sha, since) {
    return state.kustomization || !state.helmRelease ? settleKustomization(state, sha, since) : settleHelmRelease(state, sha, since);
  },
  async setSource(kube, reg, change, fieldManager) {
    const { target, source } = await registrationObject(kube, reg);
    if (change.revision) await kube.patch(gr(source, nsOf(reg)), { spec: { ref: { branch: change.revision } } }, { fieldManager });
    if (change.path) {
      await kube.patch(target, target.kind === 'HelmRelease' ? { spec: { chart: { spec: { chart: change.path } } } } : { spec: { path: change.path } }, { fieldManager });
    }
  },
  async sync(kube, reg) {
    await requestReconcile(kube, (await registrationObject(kube, reg)).target);
  },
  async suspend(kube, reg, suspended, fieldManager) {
    await kube.patch((await registrationObject(kube, reg)).target, { spec: { suspend: suspended } }, { fieldManager });
  },
  // Nothing to end: with CancelHealthCheckOnNewRevision a newer revision cancels the running health check.
  async endOperation() {
    return false;
  },
  async deleteRoots(kube, runId, environments, namespaces) {
    await stopKustomizations(kube, environments.map((env) => ks(this.rootName(runId, env))), namespaces, true);
    for (const env of environments) await kube.delete(gr(this.rootName(runId, env)));
    await kube.delete({ apiVersion: 'v1', kind: 'ServiceAccount', namespace: NS, name: rootServiceAccount(runId) });
    await kube.delete({ apiVersion: RBAC, kind: 'ClusterRoleBinding', name: namespacesRoleName(runId) });
    for (const name of [namespacesRoleName(runId), tenantRoleName(runId)]) await kube.delete({ apiVersion: RBAC, kind: 'ClusterRole', name });
    // The namespaces themselves (and the reconcilers and bindings in them) go with the run's cleanup.
  },

  async terminating(kube, _runId, namespaces) {
    // The run's registrations live in its namespaces (a Kustomization's finalizer prunes what it applied first).
    const out: string[] = [];
    for (const namespace of namespaces) {
      for (const k of [KS, GR, HR]) {
        // A kind this cluster does not serve (helm-controller not installed) has none being deleted.
        const listed = await kube.list(k.apiVersion, k.kind, { namespace }).catch((error: unknown) => {
          if (error instanceof LabError && error.code === 'NOT_FOUND') return [] as KubeObject[];
          throw error;
        });
        out.push(...beingDeleted(listed));
      }
    }
    return out;
  },
};
