/** render.selector-matches on wrong-selector as recorded: seeded (tier: backend vs api) and solved. */
import t from 'tap';
import { selectorMatches } from '../../../graders/render/selector-matches.js';
import { fixture, variant } from '../../helpers/fixtures.js';
import type { Evidence } from '../../../harness/model/evidence.js';

const ctx = { controller: 'argocd' as const };
const faults = fixture('wrong-selector', 'argocd', 'faults');
const solved = fixture('wrong-selector', 'argocd', 'solution');
const params = (extra: Record<string, unknown> = {}) => selectorMatches.params.parse({ environment: 'staging', service: 'payment-api', ...extra });
const stagingObjects = (e: Evidence) => {
  const env = e.render.environments.find((x) => x.name === 'staging')!;
  if (!env.head.ok) throw new Error('fixture: staging must render');
  return env.head.objects;
};

t.test('the fixed selector selects the Deployment\'s Pods', async (t) => {
  const r = selectorMatches.grade(solved, params(), ctx);
  t.same([r.status, r.message], ['pass', "Service/payment-api selects Deployment/payment-api's Pods."]);
  t.equal(selectorMatches.grade(solved, params({ workload: 'payment-api' }), ctx).status, 'pass');
});

t.test('the seeded selector matches no Pod template: each differing label is named', async (t) => {
  const r = selectorMatches.grade(faults, params(), ctx);
  t.equal(r.status, 'fail');
  t.equal(r.message, "Service/payment-api's selector matches no Pod template in staging.");
  t.same(r.mismatches, [{ path: 'selector tier', got: '"backend"', expected: '"api"' }]);
  t.equal(r.expected, 'selector ⊆ {"app.kubernetes.io/name":"payment-api","tier":"api"}');
  t.equal(r.actual, '{"app.kubernetes.io/name":"payment-api","tier":"backend"}');
  t.equal(r.why, 'A Service with no matching Pods has no endpoints: Synced and Healthy, yet every connection fails.');
});

t.test('a named workload that is not there, or no workload at all: nothing to select', async (t) => {
  const r = selectorMatches.grade(solved, params({ workload: 'other' }), ctx);
  t.equal(r.status, 'fail');
  t.same([r.expected, r.mismatches], ['a workload to select', []]);
  const noWorkloads = variant(solved, (e) => {
    const objects = stagingObjects(e);
    objects.splice(0, objects.length, ...objects.filter((o) => o['kind'] !== 'Deployment'));
  });
  t.equal(selectorMatches.grade(noWorkloads, params(), ctx).expected, 'a workload to select');
  const asStatefulSet = variant(solved, (e) => {
    for (const o of stagingObjects(e)) if (o['kind'] === 'Deployment') o['kind'] = 'StatefulSet';
  });
  t.equal(selectorMatches.grade(asStatefulSet, params(), ctx).message, "Service/payment-api selects StatefulSet/payment-api's Pods.", 'any workload kind');
  const asConfigMap = variant(solved, (e) => {
    for (const o of stagingObjects(e)) if (o['kind'] === 'Deployment') o['kind'] = 'ConfigMap';
  });
  t.equal(selectorMatches.grade(asConfigMap, params(), ctx).status, 'fail', 'a ConfigMap is not a workload');
});

t.test('no selector, no Service, no render, no environment', async (t) => {
  const noSelector = variant(solved, (e) => {
    for (const o of stagingObjects(e)) if (o['kind'] === 'Service') delete (o['spec'] as Record<string, unknown>)['selector'];
  });
  const r = selectorMatches.grade(noSelector, params(), ctx);
  t.same([r.status, r.message, r.expected, r.actual], ['fail', 'Service/payment-api has no selector.', 'a selector matching the Pod labels', '{}']);
  const noService = selectorMatches.grade(solved, params({ service: 'other' }), ctx);
  t.same([noService.status, noService.message, noService.expected, noService.actual], ['fail', 'Service/other is not in the staging render.', 'present', 'absent']);
  const broken = variant(solved, (e) => {
    e.render.environments.find((x) => x.name === 'staging')!.head = { ok: false, reason: 'kustomize', error: 'first\nsecond' };
  });
  const b = selectorMatches.grade(broken, params(), ctx);
  t.same([b.status, b.message, b.actual], ['fail', 'staging does not render.', 'first']);
  const missing = selectorMatches.grade(solved, params({ environment: 'qa' }), ctx);
  t.same([missing.status, missing.message], ['error', 'The evidence has no render for "qa".']);
});

t.test('describe and parameters', async (t) => {
  t.equal(selectorMatches.describe(params()), "staging Service/payment-api selects a workload's Pods");
  t.equal(selectorMatches.describe(params({ workload: 'api' })), "staging Service/payment-api selects api's Pods");
  t.notOk(selectorMatches.params.safeParse({ environment: '', service: 'x' }).success);
  t.notOk(selectorMatches.params.safeParse({ environment: 'x', service: '' }).success);
  t.notOk(selectorMatches.params.safeParse({ environment: 'x', service: 'y', workload: '' }).success);
  t.same([selectorMatches.name, selectorMatches.boundary], ['render.selector-matches', 'render']);
});

t.test('a Rollout, a StatefulSet and a DaemonSet are workloads too; a Job is not', async (t) => {
  const canary = fixture('canary-failed-analysis', 'argocd', 'solution');
  t.equal(selectorMatches.grade(canary, params(), ctx).message, "Service/payment-api selects Rollout/payment-api's Pods.");
  for (const kind of ['StatefulSet', 'DaemonSet']) {
    const e = variant(canary, (x) => {
      const head = x.render.environments.find((r) => r.name === 'staging')!.head as { objects: Record<string, unknown>[] };
      head.objects.find((o) => o['kind'] === 'Rollout')!['kind'] = kind;
    });
    t.equal(selectorMatches.grade(e, params(), ctx).message, `Service/payment-api selects ${kind}/payment-api's Pods.`);
  }
  const job = variant(canary, (x) => {
    const head = x.render.environments.find((r) => r.name === 'staging')!.head as { objects: Record<string, unknown>[] };
    head.objects.find((o) => o['kind'] === 'Rollout')!['kind'] = 'Job';
  });
  t.equal(selectorMatches.grade(job, params(), ctx).status, 'fail', "a Job's Pods are not what a Service serves");
});
