/**
 * End-to-end: the local provider with real Argo CD, Flux and Argo Rollouts against a kwok control plane.
 * Needs the binaries built (`gitops-lab setup local`; up builds on demand) and redis-server installed.
 * Everything it starts is torn down in t.teardown, also when an assertion fails.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { run } from '../../harness/exec.js';
import { startGitHttpServer } from '../../harness/git/http-server.js';
import { conditionStatus, createKubeClient, type KubeClient, type KubeObject } from '../../harness/kube/client.js';
import { watchChanges, type WatchedChange } from '../../harness/kube/watch-changes.js';
import { LocalProvider } from '../../harness/providers/local/provider.js';
import { isListening } from '../../harness/ports.js';
import { isAlive, waitFor } from '../../harness/supervisor.js';
import { learnerTools } from '../../harness/runner/start.js';
import { loadVersions, pin } from '../../harness/providers/local/components.js';
import type { Session } from '../../harness/model/session.js';
import { reapWhenGone } from '../helpers/reaper.js';

const here = dirname(fileURLToPath(import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'gitops-lab-e2e-home-'));
// If this process is killed before its teardown (tap's timeout ends with SIGKILL), its clusters are downed anyway.
await reapWhenGone(home);
process.env['GITOPS_LAB_HOME'] = home;
const FM = 'gitops-lab-e2e';
const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', GIT_AUTHOR_NAME: 'lab', GIT_AUTHOR_EMAIL: 'lab@example.invalid', GIT_COMMITTER_NAME: 'lab', GIT_COMMITTER_EMAIL: 'lab@example.invalid' };
const log = (line: string): void => {
  process.stderr.write(`# ${line}\n`);
};

const provider = new LocalProvider();
const work = mkdtempSync(join(tmpdir(), 'gitops-lab-e2e-git-'));
const server = await startGitHttpServer({ root: join(work, 'srv'), credentials: { username: 'learner', password: 'lab' } });
t.teardown(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

// Seed the lab repository over HTTP, as a learner would.
await run('git', ['init', '-q', '--bare', '-b', 'main', join(work, 'srv', 'payment-api.git')], { cwd: work, env: gitEnv });
const clone = join(work, 'clone');
cpSync(join(here, 'fixtures', 'payment-api'), clone, { recursive: true });
await run('git', ['init', '-q', '-b', 'main'], { cwd: clone, env: gitEnv });
await run('git', ['add', '.'], { cwd: clone, env: gitEnv });
await run('git', ['commit', '-q', '-m', 'payment-api: initial'], { cwd: clone, env: gitEnv });
const pushUrl = server.repoUrl('payment-api').replace('http://', 'http://learner:lab@');
await run('git', ['push', '-q', pushUrl, 'main'], { cwd: clone, env: gitEnv });
const repoUrl = server.repoUrl('payment-api');
const headOf = async (): Promise<string> => (await run('git', ['rev-parse', 'HEAD'], { cwd: clone, env: gitEnv })).stdout.trim();

const NAME = 'e2e-all';
const OTHER = 'e2e-side';
const recordedPorts: number[] = [];
const recordedPids: number[] = [];
t.teardown(async () => {
  for (const n of [NAME, OTHER]) await provider.down(n, log).catch((e: unknown) => log(`teardown down ${n}: ${String(e)}`));
  rmSync(home, { recursive: true, force: true });
});

const upStarted = performance.now();
const handle = await provider.up({ name: NAME, controllers: 'all', nodes: 2, log });
log(`up ${NAME} took ${((performance.now() - upStarted) / 1000).toFixed(1)}s`);
const kube: KubeClient = createKubeClient(handle.kubeconfig);
{
  const st = JSON.parse(readFileSync(join(home, 'clusters', NAME, 'state.json'), 'utf8')) as { kwokPorts: Record<string, number>; controllerPorts: Record<string, number>; processes: { pid: number }[] };
  recordedPorts.push(...Object.values(st.kwokPorts), ...Object.values(st.controllerPorts));
  recordedPids.push(...st.processes.map((p) => p.pid));
}

const available = (d: KubeObject | undefined, replicas: number): boolean | { pending: string } => {
  const s = d?.['status'] as { availableReplicas?: number; updatedReplicas?: number; replicas?: number } | undefined;
  return s?.availableReplicas === replicas && s.updatedReplicas === replicas && s.replicas === replicas
    ? true
    : { pending: `deployment status ${JSON.stringify(s ?? null)}` };
};

const readyEndpoints = async (namespace: string, service: string): Promise<number> => {
  const slices = await kube.list('discovery.k8s.io/v1', 'EndpointSlice', { namespace, labelSelector: `kubernetes.io/service-name=${service}` });
  return slices.flatMap((s) => (s['endpoints'] as { conditions?: { ready?: boolean } }[] | undefined) ?? []).filter((e) => e.conditions?.ready === true).length;
};

t.test('status reports the running cluster with the controllers CRDs', async (t) => {
  const st = await provider.status(NAME);
  t.equal(st.state, 'running', st.message ?? '');
  t.same([...st.controllers].sort(), ['argocd', 'flux', 'rollouts']);
  const crds = (await kube.list('apiextensions.k8s.io/v1', 'CustomResourceDefinition')).map((c) => c.metadata.name);
  for (const name of ['applications.argoproj.io', 'appprojects.argoproj.io', 'gitrepositories.source.toolkit.fluxcd.io', 'kustomizations.kustomize.toolkit.fluxcd.io', 'rollouts.argoproj.io', 'analysisruns.argoproj.io']) {
    t.ok(crds.includes(name), `CRD ${name}`);
  }
  const version = JSON.parse(await kube.raw('/version')) as { gitVersion: string };
  t.equal(version.gitVersion, 'v1.36.3', 'apiserver reports the pinned, stamped version');
});

t.test("Argo CD: the default AppProject is locked: an Application naming it gets the controller's refusal", async (t) => {
  const probe = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', namespace: 'argocd', name: 'default-project-probe' };
  t.teardown(() => kube.delete(probe));
  await kube.apply(
    {
      apiVersion: probe.apiVersion,
      kind: probe.kind,
      metadata: { name: probe.name, namespace: 'argocd' },
      spec: {
        project: 'default',
        source: { repoURL: repoUrl, targetRevision: 'main', path: 'overlays/staging' },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'kube-system' },
        syncPolicy: { automated: { prune: true } },
      },
    },
    { fieldManager: FM },
  );
  const refusal = await waitFor(
    async () => {
      const s = (await kube.get(probe))?.['status'] as { conditions?: { type?: string; message?: string }[] } | undefined;
      const c = (s?.conditions ?? []).find((x) => x.type === 'InvalidSpecError');
      return c?.message ? c.message : { pending: `conditions=${JSON.stringify(s?.conditions ?? [])}` };
    },
    { what: 'the probe Application to be refused', timeoutMs: 120_000, intervalMs: 500 },
  );
  t.match(refusal, /default/, `refused: ${refusal}`);
  t.notOk(await kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'kube-system', name: 'payment-api' }), 'nothing deployed into kube-system');
});

/**
 * The run policies (controllers/argocd.ts runPolicyObjects), on the API server the local provider installs them
 * into: what Argo CD's controller may write of AppProjects and Applications, as it would from run abc123's root
 * (its tracking id; a server-side dry run as the controller's identity, so nothing is created). A person's writes
 * (the admin) are not the policy's business.
 */
t.test('Argo CD: the run policies hold what the controller applies to the run of the root that applies it', async (t) => {
  const kubeconfig = join(home, 'clusters', NAME, 'kubeconfig');
  const REPO = 'http://reader-abc123:pw@127.0.0.1:3000/destination-denied-abc123.git';
  const project = (over: { name?: string; app?: string; repo?: string; namespace?: string; server?: string; clusterKinds?: unknown[] }) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: over.name ?? 'payments-abc123', namespace: 'argocd', annotations: { 'argocd.argoproj.io/tracking-id': `${over.app ?? 'lab-root-staging-abc123'}:argoproj.io/AppProject:argocd/x` } },
    spec: {
      sourceRepos: [over.repo ?? REPO],
      destinations: [{ server: over.server ?? 'https://kubernetes.default.svc', namespace: over.namespace ?? 'payments-staging-abc123' }],
      clusterResourceWhitelist: over.clusterKinds ?? [{ group: '', kind: 'Namespace' }],
    },
  });
  const application = (name: string, projectName: string) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd', annotations: { 'argocd.argoproj.io/tracking-id': `lab-root-staging-abc123:argoproj.io/Application:argocd/${name}` } },
    spec: { project: projectName, source: { repoURL: REPO, targetRevision: 'main', path: '.' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'payments-staging-abc123' } },
  });
  // `as`: the identity to act as; null acts as the kubeconfig's own user (the admin).
  const asController = async (obj: object, as: string | null = 'system:serviceaccount:argocd:argocd-application-controller') => {
    const file = join(work, `policy-probe-${Math.random().toString(16).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(obj));
    const r = await run('kubectl', ['--kubeconfig', kubeconfig, ...(as ? [`--as=${as}`] : []), 'create', '--dry-run=server', '-f', file], { cwd: work, allowFailure: true, timeoutMs: 30_000 });
    return r.exitCode === 0 ? 'allowed' : r.stderr.replace(/^.*denied request: /s, '').trim();
  };
  t.equal(await asController(project({})), 'allowed', "the run's own project");
  t.equal(await asController(application('payment-api-staging-abc123', 'lab-abc123')), 'allowed', "the run's own registration");
  const refused: [string, object, RegExp][] = [
    ['a glob destination', project({ namespace: '*' }), /namespaces of that run/],
    ['a negated destination', project({ namespace: '!kube-system' }), /namespaces of that run/],
    ["another run's namespace", project({ namespace: 'payments-staging-0badc0' }), /namespaces of that run/],
    ['kube-system', project({ namespace: 'kube-system' }), /namespaces of that run/],
    ['another cluster', project({ server: 'https://cluster.example.invalid:6443' }), /in-cluster server/],
    ['any source', project({ repo: '*' }), /lab repository of that run/],
    ['a source off loopback', project({ repo: 'http://git.example.invalid/destination-denied-abc123.git' }), /lab repository of that run/],
    ['a source behind a fragment', project({ repo: 'http://127.0.0.1:3000/x-0badc0.git#-abc123.git' }), /lab repository of that run/],
    ['every cluster-scoped kind', project({ clusterKinds: [{ group: '*', kind: '*' }] }), /only cluster-scoped kind/],
    ["another run's name", project({ name: 'payments-0badc0' }), /names its appprojects \.\.\.-abc123/],
    ['no root behind it', project({ app: 'someone' }), /root of a run/],
    ["an Application of another run's name (a takeover)", application('payment-api-staging-0badc0', 'lab-0badc0'), /names its applications/],
    ['an Application in the default project', application('payment-api-staging-abc123', 'default'), /project of that run/],
    ["an Application in another run's project", application('payment-api-staging-abc123', 'lab-0badc0'), /project of that run/],
  ];
  for (const [what, obj, why] of refused) t.match(await asController(obj), why, `refused: ${what}`);
  t.equal(await asController(project({ namespace: '*' }), null), 'allowed', "a person's write is not the policy's business (the harness makes the run's projects)");

  // ApplicationSets a root applies, and the Applications the applicationset-controller generates from them.
  const appset = (over: { project?: string; name?: string; repo?: string }) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'payment-api-abc123', namespace: 'argocd', annotations: { 'argocd.argoproj.io/tracking-id': 'lab-root-staging-abc123:argoproj.io/ApplicationSet:argocd/payment-api-abc123' } },
    spec: {
      generators: [{ git: { repoURL: over.repo ?? REPO, revision: 'main', directories: [{ path: 'apps/payment-api/overlays/*' }] } }],
      template: {
        metadata: { name: over.name ?? 'payment-api-{{path.basename}}-abc123' },
        spec: { project: over.project ?? 'lab-abc123', source: { repoURL: REPO, targetRevision: 'main', path: '{{path}}' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'payments-{{path.basename}}-abc123' } },
      },
    },
  });
  const generated = (projectName: string, owner: string | undefined) => ({
    ...application('payment-api-staging-abc123', projectName),
    metadata: {
      name: 'payment-api-staging-abc123',
      namespace: 'argocd',
      ...(owner ? { ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', name: owner, uid: '00000000-0000-0000-0000-000000000001', controller: true }] } : {}),
    },
  });
  const APPSET_CONTROLLER = 'system:serviceaccount:argocd:argocd-applicationset-controller';
  t.equal(await asController(appset({})), 'allowed', "the run's own ApplicationSet");
  t.match(await asController(appset({ project: 'lab-0badc0' })), /generates Applications named/, "refused: an ApplicationSet generating into another run's project");
  t.match(await asController(appset({ name: 'payment-api-{{path.basename}}' })), /generates Applications named/, 'refused: generated names not after the run');
  t.match(await asController(appset({ repo: 'http://git.example.invalid/x-abc123.git' })), /lab repository of that run/, 'refused: a Git generator off the lab git server');
  t.equal(await asController(generated('lab-abc123', 'payment-api-abc123'), APPSET_CONTROLLER), 'allowed', 'an Application generated by the run\'s ApplicationSet');
  t.match(await asController(generated('lab-0badc0', 'payment-api-abc123'), APPSET_CONTROLLER), /names a project of that run/, "refused: generated into another run's project");
  t.match(await asController(generated('lab-abc123', undefined), APPSET_CONTROLLER), /no such owner/, 'refused: the applicationset-controller writing an Application no ApplicationSet owns');
});

t.test('Argo CD: Application from the HTTP git server goes Synced/Healthy; a push is reconciled', async (t) => {
  const rev1 = await headOf();
  // The default project is locked on lab clusters: this Application gets a project of its own.
  await kube.apply(
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'e2e', namespace: 'argocd' },
      spec: {
        sourceRepos: [repoUrl],
        destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'payment-staging' }],
        clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
      },
    },
    { fieldManager: FM },
  );
  await kube.apply(
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'payment-api-staging', namespace: 'argocd' },
      spec: {
        project: 'e2e',
        source: { repoURL: repoUrl, targetRevision: 'main', path: 'overlays/staging' },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'payment-staging' },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
      },
    },
    { fieldManager: FM },
  );
  const appRef = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', namespace: 'argocd', name: 'payment-api-staging' };
  const syncedAt = async (rev: string): Promise<true | { pending: string }> => {
    const app = await kube.get(appRef);
    const s = app?.['status'] as { sync?: { status?: string; revision?: string }; health?: { status?: string }; conditions?: unknown[] } | undefined;
    return s?.sync?.status === 'Synced' && s.sync.revision === rev && s.health?.status === 'Healthy'
      ? true
      : { pending: `sync=${s?.sync?.status} rev=${s?.sync?.revision?.slice(0, 8)} health=${s?.health?.status} conditions=${JSON.stringify(s?.conditions ?? [])}` };
  };
  await waitFor(() => syncedAt(rev1), { what: 'Application Synced+Healthy at the first commit', timeoutMs: 180_000, intervalMs: 1000 });
  t.pass(`Synced and Healthy at ${rev1.slice(0, 8)}`);
  const dep = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'payment-staging', name: 'payment-api' };
  await waitFor(async () => available(await kube.get(dep), 2), { what: 'Deployment available (2)', timeoutMs: 60_000 });
  t.pass('Deployment has 2 available replicas');
  await waitFor(async () => ((await readyEndpoints('payment-staging', 'payment-api')) === 2 ? true : { pending: 'EndpointSlice not ready' }), { what: '2 ready endpoints', timeoutMs: 60_000 });
  t.pass('EndpointSlice lists 2 ready endpoints');

  // Push a change and ask Argo CD to look now.
  const k = join(clone, 'overlays', 'staging', 'kustomization.yaml');
  writeFileSync(k, readFileSync(k, 'utf8').replace('count: 2', 'count: 3'));
  await run('git', ['commit', '-q', '-am', 'staging: 3 replicas'], { cwd: clone, env: gitEnv });
  await run('git', ['push', '-q', pushUrl, 'main'], { cwd: clone, env: gitEnv });
  const rev2 = await headOf();
  const pushed = performance.now();
  await kube.patch(appRef, { metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } } }, { fieldManager: FM });
  await waitFor(() => syncedAt(rev2), { what: 'Application Synced+Healthy at the pushed commit', timeoutMs: 120_000, intervalMs: 500 });
  log(`argocd push-to-synced ${((performance.now() - pushed) / 1000).toFixed(1)}s`);
  await waitFor(async () => available(await kube.get(dep), 3), { what: 'Deployment available (3)', timeoutMs: 60_000 });
  t.pass(`pushed ${rev2.slice(0, 8)} reconciled: 3 available replicas`);
});

t.test('Flux: GitRepository + Kustomization from the HTTP git server become Ready and apply', async (t) => {
  const rev = await headOf();
  await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'payment-flux' } }, { fieldManager: FM });
  // Flux runs locked down (--no-cross-namespace-refs, --default-service-account=gitops-lab-reconciler): the
  // registration lives in its tenant namespace and applies as that namespace's reconciler, bound there only.
  await kube.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'gitops-lab-reconciler', namespace: 'payment-flux' } }, { fieldManager: FM });
  await kube.apply(
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'reconciler-admin', namespace: 'payment-flux' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
      subjects: [{ kind: 'ServiceAccount', name: 'gitops-lab-reconciler', namespace: 'payment-flux' }],
    },
    { fieldManager: FM },
  );
  await kube.apply(
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'payment-api', namespace: 'payment-flux' },
      spec: { url: repoUrl, interval: '30s', ref: { branch: 'main' }, timeout: '20s' },
    },
    { fieldManager: FM },
  );
  await kube.apply(
    {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'payment-api-staging', namespace: 'payment-flux' },
      spec: { interval: '30s', path: './overlays/staging', prune: true, targetNamespace: 'payment-flux', sourceRef: { kind: 'GitRepository', name: 'payment-api' }, wait: false, timeout: '60s' },
    },
    { fieldManager: FM },
  );
  const ksRef = { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', namespace: 'payment-flux', name: 'payment-api-staging' };
  const grRef = { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', namespace: 'payment-flux', name: 'payment-api' };
  await waitFor(
    async () => {
      const gr = await kube.get(grRef);
      const ks = await kube.get(ksRef);
      const art = (gr?.['status'] as { artifact?: { revision?: string } } | undefined)?.artifact?.revision;
      const applied = (ks?.['status'] as { lastAppliedRevision?: string; conditions?: unknown[] } | undefined);
      return conditionStatus(ks, 'Ready') === 'True' && applied?.lastAppliedRevision?.endsWith(rev)
        ? true
        : { pending: `GitRepository Ready=${conditionStatus(gr, 'Ready')} artifact=${art}; Kustomization ${JSON.stringify(applied?.conditions ?? [])}` };
    },
    { what: 'Flux Kustomization Ready at HEAD', timeoutMs: 180_000, intervalMs: 1000 },
  );
  t.pass(`Flux applied ${rev.slice(0, 8)}`);
  const replicas = Number(/count: (\d+)/.exec(readFileSync(join(clone, 'overlays', 'staging', 'kustomization.yaml'), 'utf8'))![1]);
  const dep = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'payment-flux', name: 'payment-api' };
  await waitFor(async () => available(await kube.get(dep), replicas), { what: 'Flux Deployment available', timeoutMs: 60_000 });
  t.pass(`Flux-applied Deployment available (${replicas})`);
  await waitFor(async () => ((await readyEndpoints('payment-flux', 'payment-api')) === replicas ? true : { pending: 'EndpointSlice not ready' }), { what: 'Flux endpoints', timeoutMs: 60_000 });
  t.pass(`Flux-applied Service has ${replicas} ready endpoints`);

  // Push a change and ask Flux to look now (source first, then the Kustomization).
  const k = join(clone, 'overlays', 'staging', 'kustomization.yaml');
  writeFileSync(k, readFileSync(k, 'utf8').replace(/count: \d+/, 'count: 1'));
  await run('git', ['commit', '-q', '-am', 'staging: 1 replica'], { cwd: clone, env: gitEnv });
  await run('git', ['push', '-q', pushUrl, 'main'], { cwd: clone, env: gitEnv });
  const rev2 = await headOf();
  const pushed = performance.now();
  const requestedAt = new Date().toISOString();
  await kube.patch(grRef, { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': requestedAt } } }, { fieldManager: FM });
  await kube.patch(ksRef, { metadata: { annotations: { 'reconcile.fluxcd.io/requestedAt': requestedAt } } }, { fieldManager: FM });
  await waitFor(
    async () => {
      const ks = await kube.get(ksRef);
      const st = ks?.['status'] as { lastAppliedRevision?: string } | undefined;
      return st?.lastAppliedRevision?.endsWith(rev2) ? true : { pending: `lastAppliedRevision=${st?.lastAppliedRevision}` };
    },
    { what: 'Flux to apply the pushed commit', timeoutMs: 120_000, intervalMs: 500 },
  );
  log(`flux push-to-applied ${((performance.now() - pushed) / 1000).toFixed(1)}s`);
  await waitFor(async () => available(await kube.get(dep), 1), { what: 'Flux Deployment scaled to 1', timeoutMs: 60_000 });
  t.pass(`Flux applied the pushed ${rev2.slice(0, 8)}: 1 available replica`);
});

t.test('kwok stage: a Pod whose readiness probe port matches no container port never becomes Ready', async (t) => {
  await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'probe-lab' } }, { fieldManager: FM });
  const pod = (name: string, probePort: number | string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'probe-lab', labels: { app: 'probe' } },
    spec: { containers: [{ name: 'app', image: 'registry.example.invalid/app:1', ports: [{ name: 'http', containerPort: 8080 }], readinessProbe: { httpGet: { path: '/', port: probePort } } }] },
  });
  await kube.apply(pod('good', 'http'), { fieldManager: FM });
  await kube.apply(pod('mismatch', 9090), { fieldManager: FM });
  await kube.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'probe', namespace: 'probe-lab' }, spec: { selector: { app: 'probe' }, ports: [{ port: 80, targetPort: 8080 }] } }, { fieldManager: FM });
  const get = (name: string) => kube.get({ apiVersion: 'v1', kind: 'Pod', namespace: 'probe-lab', name });
  await waitFor(async () => (conditionStatus(await get('good'), 'Ready') === 'True' ? true : { pending: 'good not ready' }), { what: 'good pod Ready', timeoutMs: 60_000 });
  await waitFor(async () => ((await get('mismatch'))?.['status'] as { phase?: string; podIP?: string } | undefined)?.podIP ? true : { pending: 'no IP' }, { what: 'mismatch pod running with an IP', timeoutMs: 60_000 });
  // Give the simulator time to (wrongly) flip it, then check it did not.
  await new Promise((r) => setTimeout(r, 5_000));
  const m = await get('mismatch');
  t.equal((m?.['status'] as { phase?: string }).phase, 'Running');
  t.equal(conditionStatus(m, 'Ready'), 'False', 'probe-mismatch pod stays unready');
  await waitFor(
    async () => {
      const slices = await kube.list('discovery.k8s.io/v1', 'EndpointSlice', { namespace: 'probe-lab', labelSelector: 'kubernetes.io/service-name=probe' });
      const eps = slices.flatMap((s) => (s['endpoints'] as { conditions?: { ready?: boolean }; targetRef?: { name?: string } }[] | undefined) ?? []);
      const ready = eps.filter((e) => e.conditions?.ready === true).map((e) => e.targetRef?.name);
      const notReady = eps.filter((e) => e.conditions?.ready === false).map((e) => e.targetRef?.name);
      return ready.join() === 'good' && notReady.join() === 'mismatch' ? true : { pending: `ready=${ready.join()} notReady=${notReady.join()}` };
    },
    { what: 'EndpointSlice: good ready, mismatch not ready', timeoutMs: 60_000 },
  );
  t.pass('EndpointSlice lists the mismatch pod as not ready');
});

t.test('Argo Rollouts: a canary goes Healthy; a failing Job analysis aborts the next one', async (t) => {
  await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'rollout-lab' } }, { fieldManager: FM });
  await kube.apply(
    {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AnalysisTemplate',
      metadata: { name: 'smoke', namespace: 'rollout-lab' },
      spec: {
        metrics: [
          {
            name: 'smoke',
            failureLimit: 0,
            provider: {
              job: {
                spec: {
                  backoffLimit: 0,
                  template: {
                    metadata: { labels: { 'gitops-lab.dev/simulate': 'fail' } },
                    spec: { restartPolicy: 'Never', containers: [{ name: 'smoke', image: 'registry.example.invalid/smoke:1' }] },
                  },
                },
              },
            },
          },
        ],
      },
    },
    { fieldManager: FM },
  );
  const rollout = (image: string, withAnalysis: boolean) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'checkout', namespace: 'rollout-lab' },
    spec: {
      replicas: 4,
      selector: { matchLabels: { app: 'checkout' } },
      template: { metadata: { labels: { app: 'checkout' } }, spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 8080 }] }] } },
      strategy: {
        canary: {
          steps: [{ setWeight: 50 }, ...(withAnalysis ? [{ analysis: { templates: [{ templateName: 'smoke' }] } }] : []), { pause: { duration: '1s' } }],
        },
      },
    },
  });
  const ref = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', namespace: 'rollout-lab', name: 'checkout' };
  const phase = async (want: string): Promise<true | { pending: string }> => {
    const r = await kube.get(ref);
    const s = r?.['status'] as { phase?: string; abort?: boolean; message?: string; currentStepIndex?: number } | undefined;
    return s?.phase === want ? true : { pending: `phase=${s?.phase} abort=${s?.abort} step=${s?.currentStepIndex} message=${s?.message}` };
  };
  await kube.apply(rollout('registry.example.invalid/checkout:1', false), { fieldManager: FM });
  await waitFor(() => phase('Healthy'), { what: 'first Rollout Healthy', timeoutMs: 120_000, intervalMs: 1000 });
  await kube.apply(rollout('registry.example.invalid/checkout:2', false), { fieldManager: FM });
  await waitFor(
    async () => {
      const r = await kube.get(ref);
      const s = r?.['status'] as { phase?: string; stableRS?: string; currentPodHash?: string } | undefined;
      return s?.phase === 'Healthy' && s.stableRS === s.currentPodHash ? true : { pending: JSON.stringify(s ?? null).slice(0, 300) };
    },
    { what: 'canary to :2 promoted and Healthy', timeoutMs: 120_000, intervalMs: 1000 },
  );
  t.pass('canary promoted to Healthy');
  await kube.apply(rollout('registry.example.invalid/checkout:3', true), { fieldManager: FM });
  await waitFor(() => phase('Degraded'), { what: 'Rollout aborted by the failing analysis', timeoutMs: 120_000, intervalMs: 1000 });
  const runs = await kube.list('argoproj.io/v1alpha1', 'AnalysisRun', { namespace: 'rollout-lab' });
  t.ok(runs.some((r) => (r['status'] as { phase?: string } | undefined)?.phase === 'Failed'), 'the AnalysisRun failed');
  t.equal((((await kube.get(ref))?.['status']) as { abort?: boolean }).abort, true, 'rollout aborted');
  // The learner's plugin, where a live session's prompt puts it: `kubectl argo rollouts` with the machine's kubectl.
  const { pluginDir } = learnerTools({ live: { provider: 'local', cluster: NAME } } as Session);
  t.equal(pluginDir, join(home, 'clusters', NAME, 'tools'));
  const plugin = { KUBECONFIG: handle.kubeconfig, PATH: `${pluginDir}:${process.env['PATH'] ?? ''}` };
  const pinned = pin(loadVersions(), 'argoRollouts').version;
  t.match((await run('kubectl', ['argo', 'rollouts', 'version', '--short'], { cwd: work, env: plugin, timeoutMs: 30_000 })).stdout, `kubectl-argo-rollouts: ${pinned}+`, 'the pinned version');
  const got = (await run('kubectl', ['argo', 'rollouts', 'get', 'rollout', 'checkout', '-n', 'rollout-lab'], { cwd: work, env: plugin, timeoutMs: 30_000 })).stdout;
  t.match(got, /Name:\s+checkout/);
  t.match(got, /Degraded/, 'the plugin reads the aborted Rollout from the lab cluster');
});

t.test('a second named cluster runs side by side with distinct ports, and goes away cleanly', async (t) => {
  const other = await provider.up({ name: OTHER, controllers: 'none', nodes: 1, log });
  const st = await provider.status(OTHER);
  t.equal(st.state, 'running');
  const a = JSON.parse(readFileSync(join(home, 'clusters', NAME, 'state.json'), 'utf8')) as { kwokPorts: Record<string, number> };
  const b = JSON.parse(readFileSync(join(home, 'clusters', OTHER, 'state.json'), 'utf8')) as { kwokPorts: Record<string, number> };
  const overlap = Object.values(a.kwokPorts).filter((p) => Object.values(b.kwokPorts).includes(p));
  t.same(overlap, [], 'no shared ports');
  const otherKube = createKubeClient(other.kubeconfig);
  t.equal((await otherKube.list('v1', 'Node')).length, 1);
  t.equal((await provider.status(NAME)).state, 'running', 'first cluster unaffected');
  await provider.down(OTHER, log);
  for (const p of Object.values(b.kwokPorts)) t.notOk(await isListening(p), `port ${p} closed`);
  t.equal((await provider.status(OTHER)).state, 'absent');
});

t.test('the kube-apiserver audit log records our writes with their field manager', async (t) => {
  t.ok(handle.auditLog, 'the handle names the audit log');
  const lines = readFileSync(handle.auditLog!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { verb?: string; requestURI?: string; objectRef?: { resource?: string; name?: string }; user?: { username?: string }; userAgent?: string });
  const patches = lines.filter((e) => e.verb === 'patch' && e.requestURI?.includes('fieldManager=gitops-lab-e2e') && e.objectRef?.resource === 'applications');
  t.ok(patches.length > 0, `found ${patches.length} audited patches of the Application by gitops-lab-e2e`);
  t.ok(lines.some((e) => e.userAgent?.startsWith('argocd-application-controller') || e.userAgent?.includes('argocd')), 'Argo CD writes are audited too');
  t.notOk(lines.some((e) => e.verb === 'get' || e.verb === 'list' || e.verb === 'watch'), 'reads are not audited');
});

t.test('the watch recorder resumes from the last version seen: a change made while no watch is open is still attributed to its writer', async (t) => {
  // The recorder of clusters without an audit log. A watch ends now and then (the apiserver's timeout, load);
  // a person's patch the controller reverts before the next watch starts must not vanish into the revert.
  const namespace = 'watch-resume-e2e';
  await kube.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }, { fieldManager: FM });
  t.teardown(() => kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace }).then(() => undefined));
  const ref = { apiVersion: 'v1', kind: 'Service', namespace, name: 'payment-api' };
  await kube.create({ ...ref, metadata: { name: ref.name, namespace }, spec: { selector: { app: 'payment-api' }, ports: [{ port: 80 }] } }, { fieldManager: 'argocd-controller' });
  const changes: WatchedChange[] = [];
  const ctl = new AbortController();
  let ready = false;
  let between: Promise<void> | undefined;
  const watching = watchChanges(handle.kubeconfig, [namespace], (c) => changes.push(c), ctl.signal, {
    onReady: () => (ready = true),
    watchTimeoutSeconds: 1,
    // The first time the Service watch ends: a person's patch, then the controller's revert, before it resumes.
    beforeResume: async (path) => {
      if (!path.endsWith('/services') || between) return new Promise((r) => setTimeout(r, 200));
      between = (async () => {
        await kube.patch(ref, { spec: { selector: { app: 'someone-else' } } }, { fieldManager: 'kubectl-patch', type: 'merge' });
        await kube.patch(ref, { spec: { selector: { app: 'payment-api' } } }, { fieldManager: 'argocd-controller', type: 'merge' });
      })();
      return between;
    },
  });
  try {
    await waitFor(async () => (ready ? true : { pending: 'recorder listing' }), { timeoutMs: 30_000, what: 'the recorder ready' });
    await waitFor(async () => (changes.filter((c) => c.kind === 'Service' && c.verb === 'update').length >= 2 ? true : { pending: JSON.stringify(changes) }), { timeoutMs: 30_000, what: 'both updates recorded' });
  } finally {
    ctl.abort();
    await watching;
  }
  const updates = changes.filter((c) => c.kind === 'Service' && c.verb === 'update');
  t.same(updates.map((c) => c.fieldManager), ['kubectl-patch', 'argocd-controller'], "the person's patch, then the controller's revert, each by its writer");
  t.ok(Number(updates[0]!.resourceVersion) < Number(updates[1]!.resourceVersion), 'in the order they were written');
});

t.test('down leaves no process and no listening port behind', async (t) => {
  await provider.down(NAME, log);
  for (const pid of recordedPids) t.notOk(isAlive(pid), `pid ${pid} gone`);
  for (const p of recordedPorts) t.notOk(await isListening(p), `port ${p} closed`);
  const ps = await run('ps', ['-eo', 'pid,args'], { cwd: home });
  const leftovers = ps.stdout.split('\n').filter((l) => l.includes(join(home, 'clusters')));
  t.same(leftovers, [], 'no process mentions the cluster state dir');
  t.equal((await provider.status(NAME)).state, 'absent');
});
