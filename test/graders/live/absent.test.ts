/** live.absent on live evidence recorded from a real run (promote-staging-image on Argo CD, solved). */
import t from 'tap';
import { absent } from '../../../graders/live/absent.js';
import { fixture } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const solved = fixture('promote-staging-image', 'argocd', 'solution', 'live');
const ns = solved.cluster!.environments['staging']!.namespace;
const p = (name: string, kind = 'Deployment', environment = 'staging') => absent.params.parse({ environment, kind, name });

t.test('an object the cluster does not hold passes; one it holds fails, named', async (t) => {
  const gone = absent.grade(solved, p('payment-worker'), ctx);
  t.same([gone.status, gone.message], ['pass', `Deployment/payment-worker is gone from ${ns}.`]);
  const there = absent.grade(solved, p('payment-api'), ctx);
  t.equal(there.status, 'fail');
  t.equal(there.message, `Deployment/payment-api still runs in ${ns}.`);
  t.same([there.expected, there.actual], ['absent', 'present']);
  t.same(there.mismatches, [{ path: 'Deployment/payment-api', got: 'present', expected: 'absent' }]);
  t.match(there.why, 'an orphan keeps running unmanaged');
  t.equal(absent.grade(solved, p('payment-api', 'Service'), ctx).status, 'fail', 'the Service of the same name is there too');
  t.equal(absent.grade(solved, p('payment-api', 'Rollout'), ctx).status, 'pass', 'kind matters');
});

t.test('an environment the evidence does not have cannot be judged; a kind never collected is refused', async (t) => {
  t.equal(absent.grade(solved, p('payment-api', 'Deployment', 'qa'), ctx).status, 'error');
  t.notOk(absent.params.safeParse({ environment: 'staging', kind: 'Secret', name: 'x' }).success, 'no check on evidence that is never collected');
  t.equal(absent.describe(p('payment-worker')), 'Deployment/payment-worker is gone from staging');
});

t.test('a kind the evidence has no list for (recorded before it was collected) cannot be judged: no list is no proof of absence', async (t) => {
  const older = structuredClone(solved);
  delete (older.cluster!.environments['staging']!.objects as Record<string, unknown>)['ConfigMap'];
  const r = absent.grade(older, p('payment-config', 'ConfigMap'), ctx);
  t.equal(r.status, 'error');
  t.equal(r.message, 'The cluster evidence of staging has no ConfigMap list (recorded before gitops-lab collected ConfigMaps).');
  t.equal(absent.grade(older, p('payment-worker'), ctx).status, 'pass', 'a kind it has a list for is judged as before');
});
