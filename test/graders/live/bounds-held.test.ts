/**
 * live.bounds-held on evidence recorded from a real run (promote-staging-image on Argo CD, solved through Git),
 * with its change record replaced where a case needs writes that run did not make: the shapes are those the
 * audit reader and the watch recorder produce (test/harness/evidence/audit.test.ts reads them from real lines).
 */
import t from 'tap';
import { boundsHeld } from '../../../graders/live/bounds-held.js';
import { WATCH_SOURCE, type RecordedChange } from '../../../harness/model/cluster-evidence.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const solved = fixture('promote-staging-image', 'argocd', 'solution', 'live');
const NS = 'payments-staging-3e0016';
const HANDOVER = '2026-11-26T22:15:12.654Z';
const COLLECTED = '2026-11-26T22:15:20.179Z';
const ARGO = 'system:serviceaccount:argocd:argocd-application-controller';
const min2 = boundsHeld.params.parse({ environment: 'staging', minReplicas: { kind: 'Deployment', name: 'payment-api', min: 2 } });

const change = (at: string, over: Partial<RecordedChange>): RecordedChange => ({
  at,
  namespace: NS,
  kind: 'Deployment',
  name: 'payment-api',
  verb: 'patch',
  user: 'kwok-admin',
  fieldManager: 'kubectl-scale',
  actor: 'person',
  source: 'audit',
  ...over,
});
const withChanges = (changes: RecordedChange[], also?: (e: typeof solved) => void) =>
  variant(solved, (e) => {
    e.cluster!.changes = changes;
    also?.(e);
  });

t.test('the fixture is what these cases assume', async (t) => {
  t.equal(solved.cluster!.handoverAt, HANDOVER);
  t.equal(solved.cluster!.collectedAt, COLLECTED);
  t.equal(solved.cluster!.environments['staging']!.namespace, NS);
  t.same(solved.cluster!.environments['staging']!.objects['Deployment']!.map((d) => (d as { spec: { replicas: number } }).spec.replicas), [2]);
});

t.test('a dip below the minimum between writes fails, naming each low write: when, by whom, the value', async (t) => {
  const e = withChanges([
    change('2026-11-26T22:15:14.100000Z', { replicas: 1 }),
    change('2026-11-26T22:15:15.200000Z', { replicas: 2 }),
    change('2026-11-26T22:15:16.300000Z', { user: ARGO, fieldManager: 'argocd-controller', actor: 'controller', replicas: 0 }),
    change('2026-11-26T22:15:17.400000Z', { user: ARGO, fieldManager: 'argocd-controller', actor: 'controller', replicas: 2 }),
  ]);
  const r = boundsHeld.grade(e, min2, ctx);
  t.equal(r.status, 'fail');
  t.equal(
    r.message,
    `A bound was broken in ${NS} after hand-over: 2026-11-26T22:15:14.100000Z: kwok-admin (field manager kubectl-scale) set 1 replica(s) (patch); ` +
      `2026-11-26T22:15:16.300000Z: ${ARGO} (field manager argocd-controller) set 0 replica(s) (patch).`,
  );
  t.same(r.mismatches, [
    { path: '2026-11-26T22:15:14.100000Z Deployment/payment-api spec.replicas', got: '1 (patch by kwok-admin (field manager kubectl-scale))', expected: 'at least 2' },
    { path: '2026-11-26T22:15:16.300000Z Deployment/payment-api spec.replicas', got: `0 (patch by ${ARGO} (field manager argocd-controller))`, expected: 'at least 2' },
  ]);
  t.equal(r.expected, 'Deployment/payment-api never below 2 replicas');
});

t.test('every write at or above the minimum, and the live object too: pass, quoting the values seen', async (t) => {
  const e = withChanges([change('2026-11-26T22:15:14.100000Z', { replicas: 3 }), change('2026-11-26T22:15:15.200000Z', { replicas: 2, user: ARGO, actor: 'controller' })]);
  const r = boundsHeld.grade(e, min2, ctx);
  t.equal(r.status, 'pass');
  t.equal(r.message, `In ${NS}, Deployment/payment-api stayed at 2 or more replicas (2 write(s) after hand-over, replicas 3, 2) (kube-apiserver audit log).`);
});

t.test('writes before hand-over, in other namespaces, to other objects, and status writes do not count', async (t) => {
  const e = withChanges([
    change('2026-11-26T22:15:10.000000Z', { replicas: 0 }),
    change('2026-11-26T22:15:14.000000Z', { replicas: 0, namespace: 'payments-prod-3e0016' }),
    change('2026-11-26T22:15:14.100000Z', { replicas: 0, name: 'worker' }),
    change('2026-11-26T22:15:14.200000Z', { replicas: 0, kind: 'Rollout' }),
    change('2026-11-26T22:15:14.300000Z', { verb: 'patch status', replicas: 1 }),
  ]);
  t.equal(boundsHeld.grade(e, min2, ctx).status, 'pass');
});

t.test('a deletion, and the live object below the minimum at grading, break the bound', async (t) => {
  const deleted = boundsHeld.grade(withChanges([change('2026-11-26T22:15:14.100000Z', { verb: 'delete', fieldManager: undefined })]), min2, ctx);
  t.equal(deleted.status, 'fail');
  t.same(deleted.mismatches, [{ path: '2026-11-26T22:15:14.100000Z Deployment/payment-api spec.replicas', got: 'deleted by kwok-admin', expected: 'at least 2' }]);
  const low = withChanges([], (e) => {
    (e.cluster!.environments['staging']!.objects['Deployment']![0] as { spec: { replicas: number } }).spec.replicas = 1;
  });
  const r = boundsHeld.grade(low, min2, ctx);
  t.equal(r.status, 'fail');
  t.equal(r.message, `A bound was broken in ${NS} after hand-over: ${COLLECTED}: Deployment/payment-api has 1 replica(s) at grading.`);
  const gone = withChanges([], (e) => {
    e.cluster!.environments['staging']!.objects['Deployment'] = [];
  });
  t.same(boundsHeld.grade(gone, min2, ctx).mismatches, [{ path: `${COLLECTED} Deployment/payment-api`, got: 'absent', expected: 'at least 2 replicas' }]);
});

t.test('evidence recorded before replica counts were kept cannot be judged: error, naming the write', async (t) => {
  // The recorded run's change record as it is: Argo CD's patch of the Deployment carries no replica count.
  const r = boundsHeld.grade(solved, min2, ctx);
  t.equal(r.status, 'error');
  t.equal(
    r.message,
    'The change record does not carry replica counts for 1 write(s) to Deployment/payment-api (evidence recorded before they were kept, e.g. patch at 2026-11-26T22:15:15.921802Z), so whether it stayed at 2 or more is unknown.',
  );
});

t.test('no cluster, no such environment, or no change recorder: cannot judge', async (t) => {
  const offline = fixture('promote-staging-image', 'argocd', 'solution');
  t.equal(boundsHeld.grade(offline, min2, ctx).message, 'There is no cluster evidence: bounds over time need a live run and its change record.');
  t.equal(boundsHeld.grade(solved, boundsHeld.params.parse({ environment: 'prod', untouched: true }), ctx).message, 'The cluster evidence has no environment "prod".');
  const none = withChanges([], (e) => {
    e.cluster!.changeSources = [];
  });
  const r = boundsHeld.grade(none, min2, ctx);
  t.equal(r.status, 'error');
  t.equal(r.message, 'No change recorder was running, so what happened between hand-over and grading is unknown.');
});

t.test('watch-sourced evidence: the same verdicts, saying why they are weaker', async (t) => {
  const watched = (replicas: number) =>
    withChanges([change('2026-11-26T22:15:14Z', { source: 'watch', user: 'kubectl-scale', replicas })], (e) => {
      e.cluster!.changeSources = [WATCH_SOURCE];
    });
  const failed = boundsHeld.grade(watched(1), min2, ctx);
  t.equal(failed.status, 'fail');
  t.match(failed.message, /^A bound was broken in payments-staging-3e0016 after hand-over: 2026-11-26T22:15:14Z: field manager kubectl-scale \(claimed by the client\) set 1 replica\(s\) \(patch\) \(weaker check: this cluster has no audit log/);
  const passed = boundsHeld.grade(watched(2), min2, ctx);
  t.equal(passed.status, 'pass');
  t.match(passed.message, /weaker check: .*managedFields manager name the client chose\)\.$/);
});

t.test('untouched: any write by anyone after hand-over fails, naming each; no-op writes do not count', async (t) => {
  const untouched = boundsHeld.params.parse({ environment: 'staging', untouched: true });
  // The recorded run: Argo CD and the controllers wrote staging after hand-over (the promotion itself).
  const r = boundsHeld.grade(solved, untouched, ctx);
  t.equal(r.status, 'fail');
  t.equal(r.mismatches?.length, solved.cluster!.changes.filter((c) => c.namespace === NS).length);
  t.same(r.mismatches?.[0], { path: '2026-11-26T22:15:15.921802Z Deployment/payment-api', got: 'patch by kwok-admin (field manager argocd-controller, agent argocd/v0.0.0) (controller)', expected: 'no change' });
  t.match(r.message, /; and \d+ more\.$/);
  const quiet = withChanges([change('2026-11-26T22:15:14Z', { user: 'system:serviceaccount:flux-system:kustomize-controller', fieldManager: 'kustomize-controller', actor: 'controller', noop: true, replicas: 2 })]);
  const q = boundsHeld.grade(quiet, untouched, ctx);
  t.equal(q.status, 'pass');
  t.equal(q.message, `In ${NS}, nothing in ${NS} changed after hand-over (1 write(s) that changed nothing, such as a controller's periodic apply) (kube-apiserver audit log).`);
  const minted = withChanges([change('2026-11-26T22:15:14Z', { kind: 'TokenRequest', namespace: NS, name: 'argocd-application-controller', verb: 'create token' })]);
  t.equal(boundsHeld.grade(minted, untouched, ctx).status, 'pass', 'a minted token is fixed-through-git\'s concern, not a change to the namespace');
});

t.test('endpoints: a stretch without a ready endpoint longer than allowed fails, quoting it and who emptied it', async (t) => {
  const slice = (at: string, readyEndpoints: number, over: Partial<RecordedChange> = {}) =>
    change(at, { kind: 'EndpointSlice', name: 'payment-api-rb5fv', verb: 'update', user: 'system:kube-controller-manager', fieldManager: undefined, actor: 'controller', service: 'payment-api', readyEndpoints, ...over });
  const p = (max: number) => boundsHeld.params.parse({ environment: 'staging', endpoints: { service: 'payment-api', maxSecondsWithout: max } });
  const e = withChanges([slice('2026-11-26T22:15:13Z', 1), slice('2026-11-26T22:15:14Z', 0), slice('2026-11-26T22:15:18Z', 2)]);
  const r = boundsHeld.grade(e, p(3), ctx);
  t.equal(r.status, 'fail');
  t.equal(
    r.message,
    `A bound was broken in ${NS} after hand-over: Service payment-api had no ready endpoint for 4s from 2026-11-26T22:15:14Z, until 2026-11-26T22:15:18Z, after update EndpointSlice/payment-api-rb5fv by system:kube-controller-manager.`,
  );
  t.same(r.mismatches, [{ path: '2026-11-26T22:15:14Z Service/payment-api ready endpoints', got: '0 for 4s', expected: 'none for at most 3s' }]);
  const ok = boundsHeld.grade(e, p(4), ctx);
  t.equal(ok.status, 'pass');
  t.equal(ok.message, `In ${NS}, Service payment-api was never without a ready endpoint for more than 4s (3 EndpointSlice write(s) after hand-over, longest stretch without 4s) (kube-apiserver audit log).`);
  // Emptied and never filled again: the stretch runs to grading.
  const still = boundsHeld.grade(withChanges([slice('2026-11-26T22:15:14Z', 0)]), p(3), ctx);
  t.match(still.message, /no ready endpoint for 6s from 2026-11-26T22:15:14Z, still none at grading \(2026-11-26T22:15:20\.179Z\)/);
  // A second slice with ready endpoints keeps the Service served; a delete empties a slice.
  const two = withChanges([slice('2026-11-26T22:15:13Z', 1, { name: 'payment-api-x' }), slice('2026-11-26T22:15:14Z', 0), slice('2026-11-26T22:15:15Z', 0, { verb: 'delete', name: 'payment-api-x', readyEndpoints: undefined, service: undefined })]);
  const tr = boundsHeld.grade(two, p(3), ctx);
  t.equal(tr.status, 'fail');
  t.match(tr.message, /no ready endpoint for 5s from 2026-11-26T22:15:15Z, still none at grading .* after delete EndpointSlice\/payment-api-x/);
  // Empty at hand-over (the live slice, never written since, has none ready): the stretch starts at hand-over.
  const emptyLive = (changes: RecordedChange[]) =>
    withChanges(changes, (x) => {
      for (const s of x.cluster!.environments['staging']!.objects['EndpointSlice']!) (s as { endpoints: unknown[] }).endpoints = [];
    });
  const fromStart = boundsHeld.grade(emptyLive([]), p(3), ctx);
  t.equal(fromStart.status, 'fail');
  t.match(fromStart.message, /no ready endpoint for 8s from 2026-11-26T22:15:12\.654Z, still none at grading/);
  // A slice created after hand-over was not there before it: the stretch still starts at hand-over, ending when it is ready.
  const created = boundsHeld.grade(emptyLive([slice('2026-11-26T22:15:19Z', 1, { verb: 'create', name: 'payment-api-new' })]), p(3), ctx);
  t.match(created.message, /no ready endpoint for 6s from 2026-11-26T22:15:12\.654Z, until 2026-11-26T22:15:19Z\./);
  // Another Service's slices are not this one's.
  t.equal(boundsHeld.grade(withChanges([slice('2026-11-26T22:15:14Z', 0, { service: 'worker', name: 'worker-abc' })]), p(3), ctx).status, 'pass');
});

t.test('endpoints on watch-sourced evidence cannot be judged: the recorder does not watch EndpointSlices', async (t) => {
  const e = withChanges([], (x) => {
    x.cluster!.changeSources = [WATCH_SOURCE];
  });
  const r = boundsHeld.grade(e, boundsHeld.params.parse({ environment: 'staging', endpoints: { service: 'payment-api', maxSecondsWithout: 30 } }), ctx);
  t.equal(r.status, 'error');
  t.match(r.message, /^Only the audit log records EndpointSlice writes/);
});

t.test('parameters: at least one bound, nothing unknown', async (t) => {
  t.notOk(boundsHeld.params.safeParse({ environment: 'staging' }).success, 'no bound');
  t.notOk(boundsHeld.params.safeParse({ environment: 'staging', untouched: false }).success, 'untouched is true or absent');
  t.notOk(boundsHeld.params.safeParse({ environment: 'staging', minReplicas: { kind: 'Deployment', name: 'a', min: 1, max: 3 } }).success, 'unknown key');
  t.notOk(boundsHeld.params.safeParse({ environment: 'staging', minReplicas: { kind: 'ConfigMap', name: 'a', min: 1 } }).success, 'a kind without replicas');
  t.notOk(boundsHeld.params.safeParse({ environment: 'staging', untouched: true, extra: 1 }).success);
  t.equal(boundsHeld.describe(min2), 'in staging, after hand-over: Deployment/payment-api never below 2 replicas');
});

/**
 * drift-accept as recorded on real controllers (`record --cluster lab drift-accept`, audit log): the fix keeps
 * staging at 5; the learner who scales to 3 and back between two pushes breaks the bound at that write; Argo CD's
 * sync with Git unchanged and Flux resumed without accepting the drift are the controllers breaking it.
 */
t.test('drift-accept recorded: every write below 5 is named with its time, writer and value', async (t) => {
  const min5 = boundsHeld.params.parse({ environment: 'staging', minReplicas: { kind: 'Deployment', name: 'payment-api', min: 5 } });
  const rec = (c: 'argocd' | 'flux', phase: string) => fixture('drift-accept', c, phase, 'live');
  for (const c of ['argocd', 'flux'] as const) {
    t.equal(boundsHeld.grade(rec(c, 'faults'), min5, { controller: c }).status, 'pass', `${c}: hand-over at 5`);
    const solved = boundsHeld.grade(rec(c, 'solution'), min5, { controller: c });
    t.equal(solved.status, 'pass', `${c}: the fix never goes below 5`);
    const dip = boundsHeld.grade(rec(c, 'wrong-dip-to-three-between-pushes'), min5, { controller: c });
    t.equal(dip.status, 'fail', `${c}: the dip`);
    t.same(dip.mismatches!.map((m) => m.got), ['3 (patch by kwok-admin (field manager kubectl-scale))'], `${c}: only the person's write to 3, none by the controller`);
    t.match(dip.mismatches![0]!.path, /^2026-12-02T\d\d:\d\d:\d\d\.\d+Z Deployment\/payment-api spec\.replicas$/);
    t.equal(dip.expected, 'Deployment/payment-api never below 5 replicas');
  }
  const sync = boundsHeld.grade(rec('argocd', 'wrong-sync-back-to-three'), min5, { controller: 'argocd' });
  t.same(sync.mismatches!.map((m) => m.got), ['3 (patch by system:serviceaccount:argocd:argocd-application-controller (field manager argocd-controller, agent argocd/v0.0.0))', '3'], "Argo CD's sync to 3, and 3 at grading");
  const resumed = boundsHeld.grade(rec('flux', 'wrong-resume-without-accepting'), min5, { controller: 'flux' });
  t.equal(resumed.status, 'fail');
  t.ok(resumed.mismatches!.every((m) => m.got.startsWith('3')), 'every breach is a 3');
  t.match(resumed.mismatches![0]!.got, 'kustomize-controller');
});

t.test('minReplicas: Rollouts and StatefulSets too; a deletecollection of the kind breaks it; what the live object lacks', async (t) => {
  t.ok(boundsHeld.params.safeParse({ environment: 'staging', minReplicas: { kind: 'Rollout', name: 'a', min: 1 } }).success);
  t.ok(boundsHeld.params.safeParse({ environment: 'staging', minReplicas: { kind: 'StatefulSet', name: 'a', min: 1 } }).success);
  t.match(JSON.stringify(boundsHeld.params.safeParse({ environment: 'staging' }).error?.issues), 'name at least one bound: minReplicas, untouched or endpoints');
  const all = withChanges([change('2026-11-26T22:15:14Z', { verb: 'deletecollection', name: '', replicas: undefined })]);
  const r = boundsHeld.grade(all, min2, ctx);
  t.equal(r.status, 'fail', 'kubectl delete deployment --all took it');
  t.same(r.mismatches, [{ path: '2026-11-26T22:15:14Z Deployment/payment-api spec.replicas', got: 'deleted by kwok-admin (field manager kubectl-scale)', expected: 'at least 2' }]);
  t.match(r.message, 'deleted it (deletecollection)');
  const notCollected = withChanges([], (x) => delete (x.cluster!.environments['staging']!.objects as Record<string, unknown>)['Deployment']);
  t.equal(boundsHeld.grade(notCollected, min2, ctx).status, 'pass', 'a kind not collected: only the writes count');
  const noSpec = withChanges([], (x) => ((x.cluster!.environments['staging']!.objects['Deployment'] as Record<string, unknown>[])[0]!['spec'] = undefined));
  t.equal(boundsHeld.grade(noSpec, min2, ctx).status, 'pass', 'a live object without a spec has no count to judge');
  const gone = boundsHeld.grade(withChanges([], (x) => void (x.cluster!.environments['staging']!.objects['Deployment'] = [])), min2, ctx);
  t.match(gone.message, `${COLLECTED}: Deployment/payment-api is not in ${NS}`);
  const atHandover = withChanges([change(HANDOVER, { replicas: 0 })]);
  t.equal(boundsHeld.grade(atHandover, min2, ctx).status, 'pass', 'a write at the hand-over instant is the seed');
  const five = withChanges(['14', '15', '16', '17', '18'].map((s) => change(`2026-11-26T22:15:${s}Z`, { replicas: 1 })));
  const many = boundsHeld.grade(five, min2, ctx);
  t.match(many.message, /; and 2 more\.$/);
  t.equal(many.actual!.split('; ').length, 3);
  t.equal(many.mismatches!.length, 5);
});

t.test('untouched: one write named in full; no write at all says nothing about no-ops', async (t) => {
  const untouched = boundsHeld.params.parse({ environment: 'staging', untouched: true });
  const one = boundsHeld.grade(withChanges([change('2026-11-26T22:15:14Z', { replicas: 3 })]), untouched, ctx);
  t.equal(one.message, `A bound was broken in ${NS} after hand-over: 2026-11-26T22:15:14Z: patch Deployment/payment-api by kwok-admin (field manager kubectl-scale) (person).`);
  const none = boundsHeld.grade(withChanges([]), untouched, ctx);
  t.equal(none.message, `In ${NS}, nothing in ${NS} changed after hand-over (kube-apiserver audit log).`);
  const all = boundsHeld.params.parse({ environment: 'staging', untouched: true, minReplicas: { kind: 'Deployment', name: 'payment-api', min: 2 }, endpoints: { service: 'payment-api', maxSecondsWithout: 30 } });
  t.equal(boundsHeld.describe(all), 'in staging, after hand-over: Deployment/payment-api never below 2 replicas; nothing changed; Service payment-api never without ready endpoints for more than 30s');
  t.equal(boundsHeld.grade(withChanges([]), all, ctx).expected, undefined, 'a pass has no expectation to quote');
});

t.test('endpoints: the record read right', async (t) => {
  const slice = (at: string, readyEndpoints: number | undefined, over: Partial<RecordedChange> = {}) =>
    change(at, { kind: 'EndpointSlice', name: 'payment-api-rb5fv', verb: 'update', user: 'system:kube-controller-manager', fieldManager: undefined, actor: 'controller', service: 'payment-api', readyEndpoints, ...over });
  const p = (max: number) => boundsHeld.params.parse({ environment: 'staging', endpoints: { service: 'payment-api', maxSecondsWithout: max } });
  const liveSlices = (x: typeof solved) => x.cluster!.environments['staging']!.objects['EndpointSlice'] as Record<string, any>[];

  // Two empty writes in a row: the stretch starts at the first.
  const twice = boundsHeld.grade(withChanges([slice('2026-11-26T22:15:14Z', 0), slice('2026-11-26T22:15:16Z', 0), slice('2026-11-26T22:15:18Z', 2)]), p(3), ctx);
  t.same(twice.mismatches!.map((m) => m.got), ['0 for 4s']);
  // The audit log is not in time order: writes are sorted before the stretches are measured.
  const unordered = boundsHeld.grade(withChanges([slice('2026-11-26T22:15:18Z', 2), slice('2026-11-26T22:15:14Z', 0)]), p(3), ctx);
  t.same(unordered.mismatches!.map((m) => m.got), ['0 for 4s']);
  // A write that changed nothing is no evidence of a change.
  t.equal(boundsHeld.grade(withChanges([slice('2026-11-26T22:15:14Z', 0, { noop: true })]), p(3), ctx).status, 'pass');
  // A write without its ready count cannot be judged.
  const unknown = boundsHeld.grade(withChanges([slice('2026-11-26T22:15:14Z', undefined)]), p(3), ctx);
  t.same([unknown.status, unknown.message], ['error', 'The change record does not carry ready endpoints for 1 EndpointSlice write(s) of Service payment-api (evidence recorded before they were kept), so how long it had none is unknown.']);
  // No gap at all: the pass does not speak of a longest stretch.
  t.equal(boundsHeld.grade(withChanges([slice('2026-11-26T22:15:14Z', 1)]), p(3), ctx).message, `In ${NS}, Service payment-api was never without a ready endpoint for more than 3s (1 EndpointSlice write(s) after hand-over) (kube-apiserver audit log).`);
  // No slice live or written: nothing known to be empty.
  t.equal(boundsHeld.grade(withChanges([], (x) => void (x.cluster!.environments['staging']!.objects['EndpointSlice'] = [])), p(3), ctx).status, 'pass');
  // Live endpoints marked not ready are not ready; another Service's ready slice does not serve this one.
  const notReady = withChanges([], (x) => liveSlices(x).forEach((s) => s['endpoints'].forEach((e: any) => (e.conditions.ready = false))));
  t.match(boundsHeld.grade(notReady, p(3), ctx).message, /no ready endpoint for 8s from 2026-11-26T22:15:12\.654Z, still none at grading/);
  const otherServes = withChanges([], (x) => {
    const mine = liveSlices(x)[0]!;
    liveSlices(x).push({ ...structuredClone(mine), metadata: { ...mine['metadata'], name: 'worker-abc', labels: { 'kubernetes.io/service-name': 'worker' } } });
    mine['endpoints'] = [];
  });
  t.equal(boundsHeld.grade(otherServes, p(3), ctx).status, 'fail', "the worker's endpoints are not payment-api's");
  // A slice created after hand-over and ready now was not there at hand-over: it does not make hand-over served.
  const createdLater = withChanges([slice('2026-11-26T22:15:19Z', 2, { verb: 'create', name: 'payment-api-new' })], (x) => {
    const mine = liveSlices(x)[0]!;
    liveSlices(x).push({ ...structuredClone(mine), metadata: { ...mine['metadata'], name: 'payment-api-new' } });
    mine['endpoints'] = [];
  });
  t.match(boundsHeld.grade(createdLater, p(3), ctx).message, /no ready endpoint for 6s from 2026-11-26T22:15:12\.654Z, until 2026-11-26T22:15:19Z/);
  // The audit log in its older spelling is still an audit log: EndpointSlices are judged, nothing is called weaker.
  const older = withChanges([slice('2026-11-26T22:15:14Z', 1)], (x) => void (x.cluster!.changeSources = ['kube-apiserver audit log', WATCH_SOURCE]));
  const o = boundsHeld.grade(older, p(3), ctx);
  t.equal(o.status, 'pass');
  t.notMatch(o.message, 'weaker check');
});

// Cases the mutation run showed missing (Stryker survivors in graders/live/bounds-held.ts).
t.test('endpoints: live slices without labels, names or endpoint conditions; writes of other Services counted out', async (t) => {
  const p = boundsHeld.params.parse({ environment: 'staging', endpoints: { service: 'payment-api', maxSecondsWithout: 3 } });
  const liveSlices = (slices: unknown[], changes: RecordedChange[] = []) =>
    withChanges(changes, (x) => {
      x.cluster!.environments['staging']!.objects['EndpointSlice'] = slices as Record<string, unknown>[];
    });
  // An endpoint without conditions is ready (Kubernetes reads an absent ready condition as ready).
  const noConditions = boundsHeld.grade(liveSlices([{ metadata: { name: 's1', labels: { 'kubernetes.io/service-name': 'payment-api' } }, endpoints: [{ nodeName: 'kwok-node-0' }] }]), p, ctx);
  t.equal(noConditions.status, 'pass', noConditions.message);
  // Slices without labels or metadata belong to no Service: they neither serve nor empty this one.
  const unlabelled = boundsHeld.grade(liveSlices([{ metadata: { name: 's2' }, endpoints: [] }, { endpoints: [] }, { metadata: { name: 's3', labels: { 'kubernetes.io/service-name': 'payment-api' } }, endpoints: [{ conditions: { ready: true } }] }]), p, ctx);
  t.equal(unlabelled.status, 'pass', unlabelled.message);
  const onlyUnlabelled = boundsHeld.grade(liveSlices([{ metadata: { name: 's2' }, endpoints: [] }, { endpoints: null }]), p, ctx);
  t.equal(onlyUnlabelled.status, 'pass', 'no slice of this Service is known at hand-over: no stretch is invented');
  // Another Service's slice writes are not counted in the summary.
  const other = boundsHeld.grade(
    withChanges([change('2026-11-26T22:15:14Z', { kind: 'EndpointSlice', name: 'worker-abc', verb: 'update', user: 'system:kube-controller-manager', fieldManager: undefined, actor: 'controller', service: 'worker', readyEndpoints: 0 })]),
    p,
    ctx,
  );
  t.equal(other.message, `In ${NS}, Service payment-api was never without a ready endpoint for more than 3s (0 EndpointSlice write(s) after hand-over) (kube-apiserver audit log).`);
});

t.test('endpoints: a slice first updated after hand-over was of unknown state before it; one first created was not there', async (t) => {
  const p = boundsHeld.params.parse({ environment: 'staging', endpoints: { service: 'payment-api', maxSecondsWithout: 3 } });
  const write = (at: string, verb: string, readyEndpoints: number) =>
    change(at, { kind: 'EndpointSlice', name: 'payment-api-b', verb, user: 'system:kube-controller-manager', fieldManager: undefined, actor: 'controller', service: 'payment-api', readyEndpoints });
  const emptyLive = (changes: RecordedChange[]) =>
    withChanges(changes, (x) => {
      for (const s of x.cluster!.environments['staging']!.objects['EndpointSlice']!) (s as { endpoints: unknown[] }).endpoints = [];
    });
  // Slice b is updated (it existed, state unknown) 6 s after hand-over: no stretch is assumed before it.
  const updated = boundsHeld.grade(emptyLive([write('2026-11-26T22:15:19Z', 'update', 1)]), p, ctx);
  t.equal(updated.status, 'pass', updated.message);
  // Created at 22:15:19 then updated: its first write is the create, so the Service had nothing ready before it.
  const created = boundsHeld.grade(emptyLive([write('2026-11-26T22:15:19Z', 'create', 1), write('2026-11-26T22:15:20Z', 'update', 1)]), p, ctx);
  t.equal(created.status, 'fail');
  t.match(created.message, /no ready endpoint for 6s from 2026-11-26T22:15:12\.654Z, until 2026-11-26T22:15:19Z\./);
});

t.test('change sources: an audit source by another spelling is authenticated; only a watch source is weaker; all are quoted', async (t) => {
  const sourced = (sources: string[], replicas = 2) =>
    withChanges([change('2026-11-26T22:15:14Z', { replicas })], (e) => {
      e.cluster!.changeSources = sources;
    });
  const ep = boundsHeld.params.parse({ environment: 'staging', endpoints: { service: 'payment-api', maxSecondsWithout: 30 } });
  const rotated = boundsHeld.grade(sourced(['kube-apiserver audit log (rotated files)']), ep, ctx);
  t.equal(rotated.status, 'pass', 'an audit log source by any suffix can judge endpoints');
  const other = boundsHeld.grade(sourced(['a recorder of another kind']), min2, ctx);
  t.equal(other.message, `In ${NS}, Deployment/payment-api stayed at 2 or more replicas (1 write(s) after hand-over, replicas 2) (a recorder of another kind).`, 'not called weaker: it is no watch');
  const watchOther = boundsHeld.grade(sourced(['watch of Deployments (informer)']), min2, ctx);
  t.match(watchOther.message, /\(watch of Deployments \(informer\); weaker check: /);
  const both = boundsHeld.grade(sourced(['kube-apiserver audit log (authenticated users)', 'a second recorder']), min2, ctx);
  t.equal(both.message, `In ${NS}, Deployment/payment-api stayed at 2 or more replicas (1 write(s) after hand-over, replicas 2) (kube-apiserver audit log (authenticated users), a second recorder).`);
  const cannot = boundsHeld.grade(sourced([WATCH_SOURCE, 'another']), ep, ctx);
  t.equal(cannot.message, `Only the audit log records EndpointSlice writes; this evidence's changes come from ${WATCH_SOURCE}, another, so how long Service payment-api had no ready endpoint is unknown.`);
});

t.test('untouched: writes that changed nothing are counted apart from a token request', async (t) => {
  const untouched = boundsHeld.params.parse({ environment: 'staging', untouched: true });
  const e = withChanges([
    change('2026-11-26T22:15:14Z', { user: 'system:serviceaccount:flux-system:kustomize-controller', fieldManager: 'kustomize-controller', actor: 'controller', noop: true, replicas: 2 }),
    change('2026-11-26T22:15:15Z', { kind: 'TokenRequest', name: 'argocd-application-controller', verb: 'create token' }),
  ]);
  t.equal(boundsHeld.grade(e, untouched, ctx).message, `In ${NS}, nothing in ${NS} changed after hand-over (1 write(s) that changed nothing, such as a controller's periodic apply) (kube-apiserver audit log).`);
});

t.test('three broken writes are all shown, with no "and 0 more"; a fourth is counted', async (t) => {
  const low = (n: number) => withChanges(Array.from({ length: n }, (_, i) => change(`2026-11-26T22:15:1${3 + i}Z`, { replicas: 1 })));
  const three = boundsHeld.grade(low(3), min2, ctx);
  t.notMatch(three.message, /more/);
  t.equal(three.message.split('set 1 replica(s)').length - 1, 3);
  t.match(boundsHeld.grade(low(4), min2, ctx).message, /; and 1 more\.$/);
});
