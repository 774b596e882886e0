/**
 * The Flux adapter's refresh order. drift-accept recorded on Flux showed the fix scaling staging to 3 for a moment:
 * the root registration lifted the staging Kustomization's suspension before staging's GitRepository had fetched
 * the fix, so the resumed Kustomization applied the old commit. The refresh now has the registration's source
 * handle its request first. The cluster here is a stand-in that answers like source-controller (it records each
 * handled request as status.lastHandledReconcileAt after a delay); what is tested is the order of the requests.
 * Then the settle decision, on objects recorded from a real run.
 */
import t from 'tap';
import { LabError } from '../../../harness/errors.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fetchedAtHead, flux, settleHelmRelease, stopKustomizations } from '../../../harness/controllers/flux.js';
import type { KubeClient, KubeObject } from '../../../harness/kube/client.js';
import { fixture } from '../../helpers/fixtures.js';

type Ref = { kind: string; name: string; namespace: string };
const TENANT = 'payment-staging-r1';

function cluster(handleAfterMs: number) {
  const objects = new Map<string, Record<string, unknown>>();
  const log: string[] = [];
  // Keyed by namespace too: a registration lives in its environment's namespace, a root in flux-system.
  const key = (r: Ref) => `${r.kind}/${r.namespace === 'flux-system' ? '' : `${r.namespace}/`}${r.name}`;
  const add = (kind: string, name: string, spec: Record<string, unknown> = {}, namespace = 'flux-system', status?: Record<string, unknown>) =>
    objects.set(key({ kind, name, namespace }), { apiVersion: 'x', kind, metadata: { name, namespace, generation: 1 }, spec, ...(status ? { status } : {}) });
  const kube = {
    async get(ref: Ref) {
      return structuredClone(objects.get(key(ref)));
    },
    async patch(ref: Ref, patch: Record<string, unknown>) {
      const at = (patch as { metadata: { annotations: Record<string, string> } }).metadata.annotations['reconcile.fluxcd.io/requestedAt']!;
      log.push(`request ${key(ref)}`);
      setTimeout(() => {
        objects.get(key(ref))!['status'] = { lastHandledReconcileAt: at };
        log.push(`handled ${key(ref)}`);
      }, handleAfterMs);
      return objects.get(key(ref))!;
    },
  } as unknown as KubeClient;
  return { kube, log, add };
}

t.test("the registration's source handles its request before the root is asked", async (t) => {
  const { kube, log, add } = cluster(300);
  const root = flux.rootName('r1', 'staging');
  add('GitRepository', root);
  add('Kustomization', root);
  add('GitRepository', 'payment-api-staging-r1', {}, TENANT);
  add('Kustomization', 'payment-api-staging-r1', { sourceRef: { kind: 'GitRepository', name: 'payment-api-staging-r1' } }, TENANT);
  await flux.refresh(kube, 'r1', 'staging', { name: 'payment-api-staging-r1', namespace: TENANT });
  const requests = log.filter((l) => l.startsWith('request'));
  t.same(requests, [
    `request GitRepository/${TENANT}/payment-api-staging-r1`,
    `request GitRepository/${root}`,
    `request Kustomization/${root}`,
    `request Kustomization/${TENANT}/payment-api-staging-r1`,
  ]);
  t.ok(log.indexOf(`handled GitRepository/${TENANT}/payment-api-staging-r1`) < log.indexOf(`request Kustomization/${root}`), 'the source fetched before the root applies');
});

t.test('a registration not there yet (the root creates it): the root is asked at once', async (t) => {
  const { kube, log, add } = cluster(300);
  const root = flux.rootName('r2', 'staging');
  add('GitRepository', root);
  add('Kustomization', root);
  const started = Date.now();
  await flux.refresh(kube, 'r2', 'staging', { name: 'payment-api-staging-r2', namespace: 'payment-staging-r2' });
  t.same(log.filter((l) => l.startsWith('request')), [`request GitRepository/${root}`, `request Kustomization/${root}`]);
  t.ok(Date.now() - started < 250, 'nothing waited for');
});

// The settle decision (has Flux reconciled the pushed commit, or answered it with an error?) on a Kustomization and
// GitRepository recorded from a real run (promote-staging-image solved on Flux), varied where a case was not recorded.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case edits the recorded JSON freely
type Obj = KubeObject & Record<string, any>;
const recorded = () => {
  const env = fixture('promote-staging-image', 'flux', 'solution', 'live').cluster!.environments['staging']!;
  return { kustomization: structuredClone(env.kustomization) as Obj, gitRepository: structuredClone(env.gitRepository) as Obj };
};
const SHA = 'a239b20382d42e4061eb30c67ec96f7ccb7eaf7a';
const SINCE = '2026-11-26T22:16:19.000Z';
const readyOf = (o: Obj) => (o['status'].conditions as { type: string; status: string; reason?: string; message?: string }[]).find((c) => c.type === 'Ready')!;

t.test('recorded: applied and Ready at the pushed commit, every requested reconcile handled: settled', async (t) => {
  t.same(flux.settled(recorded(), SHA, SINCE), { settled: true, state: 'source=a239b20(True) attempted=a239b20 Ready=True ReconciliationSucceeded' });
  t.same(flux.settled({}, SHA, SINCE), { settled: false, state: 'no Kustomization yet' });
});

t.test('a requested reconcile not handled yet holds the verdict back; one from before `since`, or on a suspended object, does not', async (t) => {
  const s = recorded();
  s.gitRepository['status'].lastHandledReconcileAt = '2026-11-26T22:16:00.000Z';
  t.same(flux.settled(s, SHA, SINCE), { settled: false, state: 'GitRepository reconcile requested at 2026-11-26T22:16:19.831Z not handled yet' });
  t.equal(flux.settled(s, SHA, '2026-11-26T22:16:19.900Z').settled, true, 'requested before this wait began');
  const k = recorded();
  k.kustomization['status'].lastHandledReconcileAt = undefined;
  t.match(flux.settled(k, SHA, SINCE), { settled: false, state: /^Kustomization reconcile requested/ });
  // A Kustomization that failed on this revision may not record the request: its failure is the answer.
  readyOf(k.kustomization).status = 'False';
  readyOf(k.kustomization).reason = 'ReconciliationFailed';
  t.same(flux.settled(k, SHA, SINCE), { settled: true, state: 'source=a239b20(True) attempted=a239b20 Ready=False ReconciliationFailed' });
});

t.test('suspended: where it rests; health checks running for this commit: provisional', async (t) => {
  const s = recorded();
  s.kustomization['spec'].suspend = true;
  t.same(flux.settled(s, 'another-commit', SINCE), { settled: true, state: 'Kustomization suspended' });
  const h = recorded();
  h.kustomization['status'].conditions.push({ type: 'Reconciling', status: 'True', message: `Running health checks for revision main@sha1:${SHA} with a timeout of 1m0s` });
  t.same(flux.settled(h, SHA, SINCE), { settled: true, provisional: true, state: 'applied a239b20, health checks running' });
  t.equal(flux.settled(h, 'b'.repeat(40), SINCE).settled, false, 'health checks of another commit');
});

t.test('not yet: the source has not fetched the push, or the Kustomization has not tried it; a source error is an answer', async (t) => {
  const newer = 'c'.repeat(40);
  t.same(flux.settled(recorded(), newer, SINCE), { settled: false, state: 'source=a239b20(True) attempted=a239b20 Ready=True ReconciliationSucceeded' });
  const fetched = recorded();
  fetched.gitRepository['status'].artifact.revision = `main@sha1:${newer}`;
  t.equal(flux.settled(fetched, newer, SINCE).settled, false, 'fetched but not yet applied');
  readyOf(fetched.kustomization).status = 'False';
  t.equal(flux.settled(fetched, newer, SINCE).settled, true, 'a Kustomization failing (on an earlier attempt) while the source holds the push: an answer');
  const progressing = recorded();
  readyOf(progressing.kustomization).status = 'Unknown';
  t.equal(flux.settled(progressing, SHA, SINCE).settled, false, 'Ready=Unknown: still working');
  // A health check ended by a newer reconcile request (CancelHealthCheckOnNewRevision): Flux requeues at once.
  const canceled = recorded();
  readyOf(canceled.kustomization).status = 'False';
  readyOf(canceled.kustomization).reason = 'HealthCheckCanceled';
  t.same(flux.settled(canceled, SHA, SINCE), { settled: false, state: 'source=a239b20(True) attempted=a239b20 Ready=False HealthCheckCanceled' }, 'a cancelled health check is no answer');
  const sourceFailed = recorded();
  readyOf(sourceFailed.gitRepository).status = 'False';
  t.equal(flux.settled(sourceFailed, newer, SINCE).settled, true, 'the source cannot fetch: that is the answer');
});

t.test('read through the status model: odd fields read as absent, never a throw', async (t) => {
  const odd = recorded();
  // Conditions without a type, a suspend that is no boolean, a revision that is no string.
  odd.kustomization['status'].conditions.unshift({ status: 'False' }, 'Ready');
  odd.kustomization['spec'].suspend = 'true';
  t.same(flux.settled(odd, SHA, SINCE), { settled: true, state: 'source=a239b20(True) attempted=a239b20 Ready=True ReconciliationSucceeded' });
  odd.gitRepository['status'].artifact.revision = 42;
  t.same(flux.settled(odd, SHA, SINCE), { settled: false, state: 'source=-(True) attempted=a239b20 Ready=True ReconciliationSucceeded' });
  const bare = { kustomization: { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'k' } } as KubeObject };
  t.same(flux.settled(bare, SHA, SINCE), { settled: false, state: 'source=-(?) attempted=- Ready=?' }, 'no status, no source yet');
  // An object without spec (never as the API server serves it) does not hold the verdict back with its request.
  const noSpec = recorded();
  delete noSpec.gitRepository['spec'];
  noSpec.gitRepository['status'].lastHandledReconcileAt = 'an-earlier-request';
  t.equal(flux.settled(noSpec, SHA, SINCE).settled, true);
});

// Tenancy: what a run's roots and registrations may do is what these objects grant, and nothing else.
t.test('the run tenancy: namespaces, a reconciler in each, bindings only in the run namespaces, the root impersonating its own account', async (t) => {
  const namespaces = ['payment-dev-r3', 'payment-staging-r3'];
  const objs = flux.rootObjects({ runId: 'r3', environment: 'staging', repoURL: 'http://x/r.git', branch: 'main', path: 'platform/clusters/staging/flux', namespaces, rootKinds: [] });
  const byKind = (kind: string) => objs.filter((o) => o.kind === kind);
  t.same(byKind('Namespace').map((o) => o.metadata.name), namespaces);
  t.same(byKind('ServiceAccount').map((o) => `${o.metadata.namespace}/${o.metadata.name}`), ['flux-system/lab-root-r3', 'payment-dev-r3/gitops-lab-reconciler', 'payment-staging-r3/gitops-lab-reconciler']);
  const root = byKind('Kustomization')[0]!;
  t.equal(root.metadata.namespace, 'flux-system');
  t.equal((root['spec'] as { serviceAccountName: string }).serviceAccountName, 'lab-root-r3', 'the root applies as the run, never as the controller');
  // Namespaced grants: RoleBindings in the run's namespaces only, to admin and the run's tenant role.
  const bindings = byKind('RoleBinding');
  t.same([...new Set(bindings.map((b) => b.metadata.namespace))], namespaces);
  t.same([...new Set(bindings.map((b) => (b['roleRef'] as { name: string }).name))].sort(), ['admin', 'lab-r3-tenant']);
  for (const b of bindings) {
    t.same(b['subjects'], [
      { kind: 'ServiceAccount', name: 'lab-root-r3', namespace: 'flux-system' },
      { kind: 'ServiceAccount', name: 'gitops-lab-reconciler', namespace: 'payment-dev-r3' },
      { kind: 'ServiceAccount', name: 'gitops-lab-reconciler', namespace: 'payment-staging-r3' },
    ], 'only the run accounts: a ServiceAccount a learner writes gets nothing from these');
  }
  // Cluster-wide: only get and patch on the run's own Namespace objects, by name.
  const crbs = byKind('ClusterRoleBinding');
  t.equal(crbs.length, 1);
  t.equal((crbs[0]!['roleRef'] as { name: string }).name, 'lab-r3-namespaces');
  t.same((crbs[0]!['subjects'] as { name: string }[]).map((s) => s.name), ['lab-root-r3', 'system:serviceaccounts:payment-dev-r3', 'system:serviceaccounts:payment-staging-r3']);
  const nsRole = byKind('ClusterRole').find((r) => r.metadata.name === 'lab-r3-namespaces')!;
  t.same(nsRole['rules'], [{ apiGroups: [''], resources: ['namespaces'], resourceNames: namespaces, verbs: ['get', 'patch'] }]);
  const tenant = byKind('ClusterRole').find((r) => r.metadata.name === 'lab-r3-tenant')!;
  t.notOk((tenant['rules'] as { resources: string[] }[]).some((r) => r.resources.includes('*')), 'no wildcard');
  // Flux's HelmRelease (helm-controller) in the run's namespaces, but no Helm source of its own: charts come from
  // the lab GitRepository (no HelmRepository, OCIRepository or HelmChart written by the learner).
  const grants = (tenant['rules'] as { apiGroups: string[]; resources: string[] }[]).flatMap((r) => r.apiGroups.flatMap((g) => r.resources.map((x) => `${g}/${x}`)));
  t.ok(grants.includes('helm.toolkit.fluxcd.io/helmreleases'));
  t.same(grants.filter((g) => g.startsWith('source.toolkit.fluxcd.io/')), ['source.toolkit.fluxcd.io/gitrepositories']);
  for (const o of objs) t.equal(o.metadata.labels?.['gitops-lab.dev/run'], 'r3', `${o.kind} ${o.metadata.name} carries the run label`);
});

t.test('deleteRoots suspends every Kustomization and HelmRelease before deleting it, then removes the run accounts and roles', async (t) => {
  const calls: string[] = [];
  const present = new Set(['Kustomization/flux-system/lab-root-staging-r4', 'Kustomization/payment-staging-r4/payment-api-staging-r4', 'HelmRelease/payment-staging-r4/payment-api']);
  const k = (r: Ref) => `${r.kind}/${r.namespace ?? ''}/${r.name}`;
  const kube = {
    get: async (r: Ref) => (present.has(k(r)) ? { metadata: { name: r.name } } : undefined),
    list: async (_a: string, kind: string, o: { namespace: string }) =>
      [...present].filter((p) => p.startsWith(`${kind}/${o.namespace}/`)).map((p) => ({ metadata: { name: p.split('/')[2] } })),
    patch: async (r: Ref, body: unknown) => void calls.push(`patch ${k(r)} ${JSON.stringify(body)}`),
    delete: async (r: Ref) => void calls.push(`delete ${k(r)}`),
  } as unknown as KubeClient;
  await flux.deleteRoots(kube, 'r4', ['staging'], ['payment-staging-r4']);
  t.same(calls, [
    'patch Kustomization/flux-system/lab-root-staging-r4 {"spec":{"suspend":true}}',
    'delete Kustomization/flux-system/lab-root-staging-r4',
    'patch Kustomization/payment-staging-r4/payment-api-staging-r4 {"spec":{"suspend":true}}',
    'delete Kustomization/payment-staging-r4/payment-api-staging-r4',
    'patch HelmRelease/payment-staging-r4/payment-api {"spec":{"suspend":true}}',
    'delete HelmRelease/payment-staging-r4/payment-api',
    'delete GitRepository/flux-system/lab-root-staging-r4',
    'delete ServiceAccount/flux-system/lab-root-r4',
    'delete ClusterRoleBinding//lab-r4-namespaces',
    'delete ClusterRole//lab-r4-namespaces',
    'delete ClusterRole//lab-r4-tenant',
  ]);
});

t.test('stopKustomizations on a cluster without the HelmRelease CRD stops the Kustomizations and goes on', async (t) => {
  const calls: string[] = [];
  const kube = {
    get: async () => ({ metadata: { name: 'x' } }),
    list: async (_a: string, kind: string) => {
      if (kind === 'HelmRelease') throw new Error('the server could not find the requested resource');
      return [{ metadata: { name: 'payment-api-staging' } }];
    },
    patch: async (r: Ref) => void calls.push(`patch ${r.kind}/${r.name}`),
    delete: async (r: Ref) => void calls.push(`delete ${r.kind}/${r.name}`),
  } as unknown as KubeClient;
  await stopKustomizations(kube, [], ['payment-staging-r5'], true);
  t.same(calls, ['patch Kustomization/payment-api-staging', 'delete Kustomization/payment-api-staging']);
});

t.test('endOperation: Flux has no operation to end, and asks the API server nothing', async (t) => {
  const calls: string[] = [];
  const kube = new Proxy({}, { get: (_o, verb) => async () => void calls.push(String(verb)) }) as unknown as KubeClient;
  t.equal(await flux.endOperation(kube, { name: 'payment-api-staging', namespace: 'payments-staging-abc123' }), false);
  t.same(calls, []);
});

// A source already at its branch's head is not asked to fetch again (each fetch clones the lab repository): on the
// GitRepository recorded from the real run, and in the refresh's requests.
t.test('fetchedAtHead: only a Ready source of the same URL, at its current spec, whose artifact is its branch head now', async (t) => {
  const g = () => recorded().gitRepository;
  const url = g()['spec'].url as string;
  const at = { url, heads: { main: SHA } };
  t.equal(fetchedAtHead(g(), at), true, 'recorded: main@sha1:<head>, Ready, observedGeneration 1 of generation 1');
  t.equal(fetchedAtHead(g(), undefined), false, 'no repository given: fetch');
  t.equal(fetchedAtHead(undefined, at), false, 'no object');
  t.equal(fetchedAtHead(g(), { url, heads: { main: 'd'.repeat(40) } }), false, 'the branch moved since the fetch');
  t.equal(fetchedAtHead(g(), { url, heads: {} }), false, 'the branch is gone');
  t.equal(fetchedAtHead(g(), { url: url.replace('.git', '-other.git'), heads: { main: SHA } }), false, 'another repository');
  const cases: [string, (o: Obj) => void][] = [
    ['a new spec not acted on yet', (o) => Object.assign(o['metadata'], { generation: 2 })],
    ['no generation', (o) => Reflect.deleteProperty(o['metadata'], 'generation')],
    ['not Ready', (o) => (readyOf(o).status = 'False')],
    ['suspended', (o) => (o['spec'].suspend = true)],
    ['a tag beside the branch', (o) => (o['spec'].ref.tag = 'v1')],
    ['a commit beside the branch', (o) => (o['spec'].ref.commit = SHA)],
    ['a ref name', (o) => (o['spec'].ref = { name: 'refs/heads/main' })],
    ['no artifact', (o) => delete o['status'].artifact],
  ];
  for (const [what, edit] of cases) {
    const o = g();
    edit(o);
    t.equal(fetchedAtHead(o, at), false, what);
  }
});

t.test('refresh: a source at its head is not asked to fetch; the Kustomizations still are', async (t) => {
  const { kube, log, add } = cluster(300);
  const root = flux.rootName('r3', 'staging');
  const url = 'http://127.0.0.1:1/lab.git';
  const fetched = { observedGeneration: 1, conditions: [{ type: 'Ready', status: 'True' }], artifact: { revision: `main@sha1:${SHA}` } };
  add('GitRepository', root, { url, ref: { branch: 'main' } }, 'flux-system', fetched);
  add('GitRepository', 'payment-api-staging-r3', { url, ref: { branch: 'main' } }, TENANT, fetched);
  add('Kustomization', root);
  add('Kustomization', 'payment-api-staging-r3', { sourceRef: { kind: 'GitRepository', name: 'payment-api-staging-r3' } }, TENANT);
  const started = Date.now();
  await flux.refresh(kube, 'r3', 'staging', { name: 'payment-api-staging-r3', namespace: TENANT }, { url, heads: { main: SHA } });
  t.same(log.filter((l) => l.startsWith('request')), [`request Kustomization/${root}`, `request Kustomization/${TENANT}/payment-api-staging-r3`]);
  t.ok(Date.now() - started < 250, 'no fetch waited for');
  log.length = 0;
  await flux.refresh(kube, 'r3', 'staging', { name: 'payment-api-staging-r3', namespace: TENANT }, { url, heads: { main: 'e'.repeat(40) } });
  t.same(log.filter((l) => l.startsWith('request')), [
    `request GitRepository/${TENANT}/payment-api-staging-r3`,
    `request GitRepository/${root}`,
    `request Kustomization/${root}`,
    `request Kustomization/${TENANT}/payment-api-staging-r3`,
  ], 'after a push both sources fetch, the registration\'s first');
});

// A registration that is a HelmRelease (a chart in the lab repository): the refresh asks its source first, then the
// root, then the HelmRelease; read() finds it and its HelmChart when no Kustomization has the registration's name.
t.test('a HelmRelease registration: its source first, then the root, then the HelmRelease', async (t) => {
  const { kube, log, add } = cluster(100);
  const root = flux.rootName('r6', 'staging');
  add('GitRepository', root);
  add('Kustomization', root);
  add('GitRepository', 'lab', {}, TENANT);
  add('HelmRelease', 'payment-api', { chart: { spec: { chart: 'charts/payment-api', sourceRef: { kind: 'GitRepository', name: 'lab' } } } }, TENANT);
  await flux.refresh(kube, 'r6', 'staging', { name: 'payment-api', namespace: TENANT });
  t.same(log.filter((l) => l.startsWith('request')), [`request GitRepository/${TENANT}/lab`, `request GitRepository/${root}`, `request Kustomization/${root}`, `request HelmRelease/${TENANT}/payment-api`]);
});

// Recorded on a local cluster (test/fixtures/controllers/flux-helmrelease.json): installed, upgraded at a commit promoting
// staging, then an upgrade failed at a commit whose template reads a missing value.
type HelmState = { sha: string; helmRelease: Obj; helmChart: Obj; gitRepository: Obj };
const helmRecorded = (): Record<'installed' | 'upgraded' | 'failed' | 'refused', HelmState> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/controllers/flux-helmrelease.json'), 'utf8')).states;

t.test('settleHelmRelease: released or failed at the pushed commit, on objects recorded from a real run', async (t) => {
  const rec = helmRecorded();
  const SINCE = '0';
  for (const [name, ready] of [['installed', 'True'], ['upgraded', 'True'], ['failed', 'False']] as const) {
    const s = rec[name];
    const v = settleHelmRelease({ helmRelease: s.helmRelease, helmChart: s.helmChart, gitRepository: s.gitRepository }, s.sha, SINCE);
    t.equal(v.settled, true, `${name}: settled`);
    t.match(v.state, `Ready=${ready}`, name);
    t.same(flux.settled({ helmRelease: s.helmRelease, helmChart: s.helmChart, gitRepository: s.gitRepository }, s.sha, SINCE), v, `${name}: the adapter settles a HelmRelease registration so`);
  }
  const { installed, upgraded, failed } = rec;
  t.equal(settleHelmRelease({ ...installed, gitRepository: installed.gitRepository }, upgraded.sha, SINCE).settled, false, 'pushed, not fetched yet');
  t.equal(settleHelmRelease({ helmRelease: upgraded.helmRelease, helmChart: upgraded.helmChart, gitRepository: failed.gitRepository }, failed.sha, SINCE).settled, false, 'fetched, the chart not built from it yet');
  t.equal(settleHelmRelease({ helmRelease: upgraded.helmRelease, helmChart: failed.helmChart, gitRepository: failed.gitRepository }, failed.sha, SINCE).settled, false, 'the chart built, not released yet');
  const pending = structuredClone(upgraded.helmRelease);
  Object.assign(pending['metadata'], { annotations: { ...pending['metadata']['annotations'], 'reconcile.fluxcd.io/requestedAt': 'z9' } });
  t.match(settleHelmRelease({ helmRelease: pending, helmChart: upgraded.helmChart, gitRepository: upgraded.gitRepository }, upgraded.sha, 'z0'), { settled: false, state: 'HelmRelease reconcile requested at z9 not handled yet' });
  const suspended = structuredClone(installed.helmRelease);
  suspended['spec']['suspend'] = true;
  t.same(settleHelmRelease({ helmRelease: suspended }, upgraded.sha, SINCE), { settled: true, state: 'HelmRelease suspended' });
  t.same(settleHelmRelease({}, upgraded.sha, SINCE), { settled: false, state: 'no HelmRelease yet' });
  const brokenChart = structuredClone(failed.helmChart);
  brokenChart['status']['conditions'] = [{ type: 'Ready', status: 'False', reason: 'BuildFailed', message: 'no Chart.yaml' }];
  t.equal(settleHelmRelease({ helmRelease: upgraded.helmRelease, helmChart: brokenChart, gitRepository: failed.gitRepository }, failed.sha, SINCE).settled, true, 'a chart that cannot be built from the commit is an answer');
});

t.test('settleHelmRelease: a chart source in another namespace is refused once helm-controller has handled the request (recorded)', async (t) => {
  const { refused } = helmRecorded();
  const h = refused.helmRelease;
  const chart = `flux-system/${h['metadata']['namespace']}-${h['metadata']['name']}`;
  const state = { helmRelease: h, gitRepository: refused.gitRepository };
  t.same(settleHelmRelease(state, refused.sha, '0'), { settled: true, state: `HelmRelease refused by helm-controller: cross-namespace references are not allowed: cannot access HelmChart ${chart}` });
  const pending = structuredClone(h);
  Object.assign(pending['metadata'], { annotations: { ...pending['metadata']['annotations'], 'reconcile.fluxcd.io/requestedAt': 'z9' } });
  t.match(settleHelmRelease({ ...state, helmRelease: pending }, refused.sha, 'z0'), { settled: false, state: 'HelmRelease reconcile requested at z9 not handled yet' }, 'not before helm-controller has looked at it');
  const allowed = structuredClone(h);
  allowed['status']['helmChart'] = chart;
  t.notMatch(settleHelmRelease({ ...state, helmRelease: allowed }, refused.sha, '0').state, 'refused', 'a controller without the lockdown made the chart there: not refused');
});

t.test('read: a HelmRelease registration with its GitRepository and HelmChart, when no Kustomization has its name', async (t) => {
  const s = helmRecorded().upgraded;
  const ns = s.helmRelease['metadata']['namespace'] as string;
  const objects: Record<string, Obj> = { [`HelmRelease/${ns}/payment-api`]: s.helmRelease, [`GitRepository/${ns}/payment-api-staging`]: s.gitRepository, [`HelmChart/${ns}/hc-rec-payment-api`]: s.helmChart };
  const kube = { get: async (r: Ref) => objects[`${r.kind}/${r.namespace}/${r.name}`] } as unknown as KubeClient;
  const state = await flux.read(kube, { name: 'payment-api', namespace: ns });
  t.same(Object.keys(state).sort(), ['gitRepository', 'helmChart', 'helmRelease']);
  t.equal(flux.settled(state, s.sha, '0').settled, true);
  t.same(await flux.read(kube, { name: 'other', namespace: ns }), {}, 'neither kind: not registered');
});

t.test("terminating: the Kustomizations, GitRepositories and HelmReleases in the run's namespaces that are being deleted", async (t) => {
  const obj = (kind: string, namespace: string, name: string, deleting: boolean) => ({ kind, metadata: { name, namespace, ...(deleting ? { deletionTimestamp: '2026-12-04T19:28:05Z', finalizers: ['finalizers.fluxcd.io'] } : {}) } });
  const all = [
    obj('Kustomization', 'payment-staging-r4', 'payment-api-staging-r4', true),
    obj('GitRepository', 'payment-staging-r4', 'payment-api-staging-r4', false),
    obj('HelmRelease', 'payment-dev-r4', 'payment-api', true),
    obj('Kustomization', 'payment-staging-0badc0', 'payment-api-staging-0badc0', true),
  ];
  const asked: string[] = [];
  const kube = {
    list: async (_a: string, kind: string, o: { namespace: string }) => {
      asked.push(`${kind}/${o.namespace}`);
      if (kind === 'HelmRelease' && o.namespace === 'payment-staging-r4') throw new LabError('NOT_FOUND', 'the server could not find the requested resource');
      return all.filter((x) => x.kind === kind && x.metadata.namespace === o.namespace);
    },
  } as unknown as KubeClient;
  t.same(await flux.terminating(kube, 'r4', ['payment-dev-r4', 'payment-staging-r4']), ['HelmRelease/payment-api', 'Kustomization/payment-api-staging-r4']);
  t.same(asked.filter((a) => a.includes('0badc0')), [], "another run's namespaces are not looked at");
  t.equal(asked.length, 6, 'three kinds in each of the run namespaces (a kind the cluster does not serve counts as none)');
});

t.test('terminating: a cluster that does not answer is an error, not "nothing being deleted"', async (t) => {
  const kube = { list: async () => { throw new LabError('CLUSTER_UNAVAILABLE', 'connect ECONNREFUSED 127.0.0.1:6443'); } } as unknown as KubeClient;
  await t.rejects(flux.terminating(kube, 'r4', ['payment-dev-r4']), { code: 'CLUSTER_UNAVAILABLE' });
});
