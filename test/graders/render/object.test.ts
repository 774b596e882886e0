/** render.object on promote-staging-image as recorded: staging renders a Namespace, a Service and a Deployment. */
import t from 'tap';
import { object } from '../../../graders/render/object.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const solved = fixture('promote-staging-image', 'argocd', 'solution');
const params = (kind: string, name: string, present: boolean, environment = 'staging') => object.params.parse({ environment, kind, name, present });

t.test('present or absent as required: pass', async (t) => {
  t.same(
    [object.grade(solved, params('Service', 'payment-api', true), ctx).status, object.grade(solved, params('Service', 'payment-api', true), ctx).message],
    ['pass', 'Service/payment-api is in the staging render.'],
  );
  const absent = object.grade(solved, params('ConfigMap', 'payment-api', false), ctx);
  t.same([absent.status, absent.message], ['pass', 'ConfigMap/payment-api is not in the staging render.']);
});

t.test('missing or still there: fail, with both sides', async (t) => {
  const missing = object.grade(solved, params('Service', 'other', true), ctx);
  t.same(
    { status: missing.status, message: missing.message, expected: missing.expected, actual: missing.actual, mismatches: missing.mismatches },
    { status: 'fail', message: 'Service/other is missing from the staging render.', expected: 'present', actual: 'absent', mismatches: [{ path: 'Service/other', got: 'absent', expected: 'present' }] },
  );
  const still = object.grade(solved, params('Deployment', 'payment-api', false), ctx);
  t.same(
    { status: still.status, message: still.message, expected: still.expected, actual: still.actual, mismatches: still.mismatches },
    { status: 'fail', message: 'Deployment/payment-api is still in the staging render.', expected: 'absent', actual: 'present', mismatches: [{ path: 'Deployment/payment-api', got: 'present', expected: 'absent' }] },
  );
  t.equal(object.grade(solved, params('Service', 'payment-api', false, 'prod'), ctx).status, 'fail', 'the named environment is the one read');
  t.equal(object.grade(solved, params('Deployment', 'payment-api', true), ctx).status, 'pass', 'kind and name both match');
  t.equal(object.grade(solved, params('Deployment', 'payments-staging', true), ctx).status, 'fail', 'a Namespace of that name is not a Deployment');
});

t.test('no render or no environment', async (t) => {
  const broken = variant(solved, (e) => {
    e.render.environments.find((x) => x.name === 'staging')!.head = { ok: false, reason: 'missing', error: 'no such directory\nmore' };
  });
  const r = object.grade(broken, params('Service', 'payment-api', false), ctx);
  t.same([r.status, r.message, r.actual], ['fail', 'staging does not render.', 'no such directory'], 'a render that fails is not "absent"');
  const q = object.grade(solved, params('Service', 'payment-api', true, 'qa'), ctx);
  t.same([q.status, q.message], ['error', 'The evidence has no render for "qa".']);
});

t.test('describe and parameters', async (t) => {
  t.equal(object.describe(params('Service', 'a', true)), 'staging render has Service/a');
  t.equal(object.describe(params('Service', 'a', false)), 'staging render has no Service/a');
  for (const bad of [{ environment: '', kind: 'a', name: 'b', present: true }, { environment: 'a', kind: '', name: 'b', present: true }, { environment: 'a', kind: 'b', name: '', present: true }]) {
    t.notOk(object.params.safeParse(bad).success, JSON.stringify(bad));
  }
  t.same([object.name, object.boundary], ['render.object', 'render']);
});
