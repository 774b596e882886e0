/** live.service-endpoints on wrong-selector recorded on real Argo CD: the seeded selector (no endpoints) and the fix (2 ready). */
import t from 'tap';
import { serviceEndpoints } from '../../../graders/live/service-endpoints.js';
import { fixture, variant } from '../../helpers/fixtures.js';
import type { Evidence } from '../../../harness/model/evidence.js';

const ctx = { controller: 'argocd' as const };
const seeded = fixture('wrong-selector', 'argocd', 'faults', 'live');
const solved = fixture('wrong-selector', 'argocd', 'solution', 'live');
const p = (extra: Record<string, unknown> = {}) => serviceEndpoints.params.parse({ environment: 'staging', service: 'payment-api', ...extra });
const slices = (e: Evidence) => e.cluster!.environments['staging']!.objects['EndpointSlice'] as Record<string, any>[];

t.test('the fix has two ready endpoints; the seed none, and says the selector matches no Pod', async (t) => {
  const ok = serviceEndpoints.grade(solved, p(), ctx);
  t.same([ok.status, ok.message, ok.actual], ['pass', 'Service/payment-api has 2 ready of 2 endpoint(s).', '2 ready of 2 endpoint(s)']);
  t.equal(serviceEndpoints.grade(solved, p({ minReady: 2 }), ctx).status, 'pass', 'exactly the minimum is enough');
  const three = serviceEndpoints.grade(solved, p({ minReady: 3 }), ctx);
  t.same([three.status, three.expected], ['fail', 'at least 3 ready endpoint(s)']);
  t.same(three.mismatches, [{ path: 'Service/payment-api endpoints', got: '2 ready of 2 endpoint(s)', expected: '≥3 ready' }]);
  const none = serviceEndpoints.grade(seeded, p(), ctx);
  t.same([none.status, none.actual], ['fail', '0 ready of 0 endpoint(s)']);
  t.equal(none.why, 'Its selector {"app.kubernetes.io/name":"payment-api","tier":"backend"} matches no Pod: Synced and Healthy, yet every connection fails.');
});

t.test('endpoints that are not ready do not count, and the reason says so', async (t) => {
  const notReady = variant(solved, (e) => {
    for (const ep of slices(e)[0]!['endpoints']) ep.conditions.ready = false;
  });
  const r = serviceEndpoints.grade(notReady, p(), ctx);
  t.same([r.status, r.actual], ['fail', '0 ready of 2 endpoint(s)']);
  t.equal(r.why, 'Its Pods exist but are not Ready, so traffic has nowhere to go.');
  const noConditions = variant(solved, (e) => {
    for (const ep of slices(e)[0]!['endpoints']) delete ep.conditions;
  });
  t.equal(serviceEndpoints.grade(noConditions, p(), ctx).actual, '0 ready of 2 endpoint(s)', 'no conditions: not known to be ready');
});

t.test("only the Service's own EndpointSlices count", async (t) => {
  const other = variant(solved, (e) => void (slices(e)[0]!['metadata'].labels['kubernetes.io/service-name'] = 'checkout'));
  t.equal(serviceEndpoints.grade(other, p(), ctx).actual, '0 ready of 0 endpoint(s)');
});

t.test('no such Service, no such environment', async (t) => {
  const ns = solved.cluster!.environments['staging']!.namespace;
  const r = serviceEndpoints.grade(solved, p({ service: 'checkout' }), ctx);
  t.same([r.status, r.message, r.expected, r.actual], ['fail', `Service/checkout does not exist in ${ns}.`, 'present', 'absent']);
  t.equal(serviceEndpoints.grade(solved, serviceEndpoints.params.parse({ environment: 'qa', service: 'payment-api' }), ctx).status, 'error');
  t.equal(serviceEndpoints.describe(p()), 'Service/payment-api in staging has ≥1 ready endpoint(s)');
});
