/** live.matches-render on drift-accept recorded on real Argo CD: the fix (live and Git at 5) and the seed (live 5, Git 3). */
import t from 'tap';
import { fieldList, matchesRender, NAMED_FIELDS } from '../../../graders/live/matches-render.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const seeded = fixture('drift-accept', 'argocd', 'faults', 'live');
const solved = fixture('drift-accept', 'argocd', 'solution', 'live');
const p = (extra: Record<string, unknown> = {}) => matchesRender.params.parse({ environment: 'staging', kind: 'Deployment', name: 'payment-api', paths: ['spec.replicas'], ...extra });

t.test('the fix: live equals the render; the seed: the hand-made scale-up is drift, named', async (t) => {
  t.same([matchesRender.grade(solved, p(), ctx).status, matchesRender.grade(solved, p(), ctx).message], ['pass', 'Live Deployment/payment-api matches Git at spec.replicas.']);
  const r = matchesRender.grade(seeded, p({ paths: ['spec.replicas', 'spec.template.spec.containers[0].image'] }), ctx);
  t.equal(r.status, 'fail');
  t.equal(r.message, 'Live Deployment/payment-api drifts from Git at spec.replicas.', 'the drifted field is named, not the one that matches');
  t.same(r.mismatches, [{ path: 'Deployment/payment-api spec.replicas', got: '5', expected: '3' }]);
  t.same([r.expected, r.actual], ['Deployment/payment-api spec.replicas=3', 'Deployment/payment-api spec.replicas=5']);
  t.match(r.why, 'drift');
  const two = matchesRender.grade(variant(seeded, (e) => ((e.cluster!.environments['staging']!.objects['Deployment'] as any[])[0].spec.minReadySeconds = 9)), p({ paths: ['spec.replicas', 'spec.minReadySeconds'] }), ctx);
  t.equal(two.expected, 'Deployment/payment-api spec.replicas=3, Deployment/payment-api spec.minReadySeconds=<absent>');
  t.equal(two.actual, 'Deployment/payment-api spec.replicas=5, Deployment/payment-api spec.minReadySeconds=9');
  t.equal(two.message, 'Live Deployment/payment-api drifts from Git at spec.replicas and spec.minReadySeconds.');
});

t.test('the message names at most three drifted fields, in the order of the check, then how many more', async (t) => {
  const paths = ['spec.replicas', 'spec.minReadySeconds', 'spec.paused', 'spec.revisionHistoryLimit', 'spec.progressDeadlineSeconds', 'spec.template.spec.containers[0].image'];
  const drifted = variant(seeded, (e) => {
    const d = (e.cluster!.environments['staging']!.objects['Deployment'] as any[])[0];
    Object.assign(d.spec, { minReadySeconds: 9, paused: true, revisionHistoryLimit: 99, progressDeadlineSeconds: 1 });
  });
  const r = matchesRender.grade(drifted, p({ paths }), ctx);
  t.equal(r.message, 'Live Deployment/payment-api drifts from Git at spec.replicas, spec.minReadySeconds, spec.paused and 2 more.');
  t.equal(r.mismatches?.length, 5, 'every drifted field is in the mismatches');
  const three = matchesRender.grade(drifted, p({ paths: ['spec.paused', 'spec.replicas', 'spec.revisionHistoryLimit'] }), ctx);
  t.equal(three.message, 'Live Deployment/payment-api drifts from Git at spec.paused, spec.replicas and spec.revisionHistoryLimit.');
  t.equal(fieldList(['a']), 'a');
  t.equal(fieldList(['a', 'b']), 'a and b');
  t.equal(fieldList(['a', 'b', 'c']), 'a, b and c');
  t.equal(fieldList(['a', 'b', 'c', 'd']), 'a, b, c and 1 more');
  t.equal(NAMED_FIELDS, 3);
});

t.test('not rendered, not live, no render, no environment', async (t) => {
  const ns = solved.cluster!.environments['staging']!.namespace;
  const notRendered = matchesRender.grade(solved, p({ name: 'checkout' }), ctx);
  t.same([notRendered.status, notRendered.message, notRendered.expected, notRendered.actual], ['fail', 'Deployment/checkout is not in the staging render.', 'rendered', 'absent']);
  const notLive = variant(solved, (e) => void (e.cluster!.environments['staging']!.objects['Deployment'] = []));
  const r = matchesRender.grade(notLive, p(), ctx);
  t.same([r.status, r.message, r.expected, r.actual, r.why], ['fail', `Deployment/payment-api does not exist in ${ns}.`, 'present as rendered', 'absent', 'The controller has not applied the desired state.']);
  const broken = variant(solved, (e) => void (e.render.environments.find((x) => x.name === 'staging')!.head = { ok: false, reason: 'kustomize', error: 'boom' }));
  t.same([matchesRender.grade(broken, p(), ctx).status, matchesRender.grade(broken, p(), ctx).message], ['error', 'staging has no render to compare the live state with.']);
  const noRender = variant(solved, (e) => void (e.render.environments = e.render.environments.filter((x) => x.name !== 'staging')));
  t.equal(matchesRender.grade(noRender, p(), ctx).status, 'error');
  t.equal(matchesRender.grade(solved, p({ environment: 'qa' }), ctx).status, 'error');
  t.equal(matchesRender.describe(p({ paths: ['spec.replicas', 'spec.selector'] })), 'live Deployment/payment-api in staging equals the render at spec.replicas, spec.selector');
});

t.test('an environment the evidence lacks is reported as such; a pass names every path compared', async (t) => {
  t.equal(matchesRender.grade(solved, p({ environment: 'qa' }), ctx).message, 'The cluster evidence has no environment "qa".');
  t.equal(matchesRender.grade(solved, p({ paths: ['spec.replicas', 'spec.selector'] }), ctx).message, 'Live Deployment/payment-api matches Git at spec.replicas, spec.selector.');
});
