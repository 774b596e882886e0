import t from 'tap';
import { changesWithin } from '../../../graders/render/changes-within.js';
import { fixture, variant } from '../../helpers/fixtures.js';
import type { Evidence } from '../../../harness/model/evidence.js';

const ctx = { controller: 'argocd' as const };
const IMAGE = 'spec.template.spec.containers[name=payment-api].image';
const params = changesWithin.params.parse({ environment: 'staging', allow: [{ object: 'Deployment/payment-api', path: IMAGE }] });

/** The recorded solution (staging promoted to 1.27.6), with one more change made to staging's render. */
function solutionPlus(change: (objects: Record<string, any>[]) => void): Evidence {
  return variant(fixture('promote-staging-image', 'argocd', 'solution'), (e) => {
    const staging = e.render.environments.find((x) => x.name === 'staging')!;
    if (!staging.head.ok) throw new Error('fixture: staging must render');
    change(staging.head.objects as Record<string, any>[]);
    staging.head.digest = 'changed';
  });
}
const deployment = (objects: Record<string, any>[]) => objects.find((o) => o['kind'] === 'Deployment')!;

t.test('the promotion alone changes only the allowed field', async (t) => {
  const r = changesWithin.grade(fixture('promote-staging-image', 'argocd', 'solution'), params, ctx);
  t.equal(r.status, 'pass');
  t.match(r.message, 'Deployment/payment-api spec.template.spec.containers[name=payment-api].image');
  t.equal(changesWithin.grade(fixture('promote-staging-image', 'argocd', 'faults'), params, ctx).status, 'pass', 'no change is within any bound');
});

t.test('nothing allowed: the promotion itself is a change', async (t) => {
  const r = changesWithin.grade(fixture('promote-staging-image', 'argocd', 'solution'), changesWithin.params.parse({ environment: 'staging' }), ctx);
  t.equal(r.status, 'fail');
  t.same(r.mismatches, [{ path: 'Deployment/payment-api spec.template.spec.containers[0].image', got: '"nginx:1.27.6"', expected: '"nginx:1.27.5" (unchanged)' }]);
});

t.test('a side effect beside the promotion fails, naming the field with before and after', async (t) => {
  const scaled = changesWithin.grade(solutionPlus((os) => (deployment(os)['spec'].replicas = 0)), params, ctx);
  t.equal(scaled.status, 'fail');
  t.same(scaled.mismatches, [{ path: 'Deployment/payment-api spec.replicas', got: '0', expected: '2 (unchanged)' }]);
  t.match(scaled.actual, 'Deployment/payment-api spec.replicas: 2 -> 0');
  const moved = changesWithin.grade(solutionPlus((os) => os.forEach((o) => (o['metadata'].namespace = 'payments-prod'))), params, ctx);
  t.equal(moved.status, 'fail');
  t.ok(moved.mismatches!.some((m) => m.path === 'Deployment/payment-api metadata.namespace' && m.got === '"payments-prod"'), 'the namespace move is named');
  const relabelled = changesWithin.grade(solutionPlus((os) => (deployment(os)['metadata'].labels = { ...deployment(os)['metadata'].labels, tier: 'x' })), params, ctx);
  t.same(relabelled.mismatches, [{ path: 'Deployment/payment-api metadata.labels.tier', got: '"x"', expected: '<absent> (unchanged)' }]);
});

t.test('an added or removed object is a change; allowing the whole object allows it', async (t) => {
  const added = solutionPlus((os) => os.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'extra', namespace: 'x' } }));
  const r = changesWithin.grade(added, params, ctx);
  t.equal(r.status, 'fail');
  t.same(r.mismatches, [{ path: 'ConfigMap/extra', got: 'added', expected: 'absent' }]);
  const whole = changesWithin.params.parse({ environment: 'staging', allow: [{ object: 'Deployment/payment-api', path: IMAGE }, { object: 'ConfigMap/extra' }] });
  t.equal(changesWithin.grade(added, whole, ctx).status, 'pass');
  const removed = solutionPlus((os) => os.splice(os.findIndex((o) => o['kind'] === 'Service'), 1));
  t.same(changesWithin.grade(removed, params, ctx).mismatches, [{ path: 'Service/payment-api', got: 'removed', expected: 'present' }]);
});

t.test('a render error is a failure; a missing environment or broken seed cannot be judged', async (t) => {
  const broken = variant(fixture('promote-staging-image', 'argocd', 'solution'), (e) => {
    e.render.environments.find((x) => x.name === 'staging')!.head = { ok: false, reason: 'kustomize', error: 'boom\nmore' };
  });
  const r = changesWithin.grade(broken, params, ctx);
  t.equal(r.status, 'fail');
  t.equal(r.actual, 'render error: boom');
  t.equal(changesWithin.grade(fixture('promote-staging-image', 'argocd', 'solution'), changesWithin.params.parse({ environment: 'qa' }), ctx).status, 'error');
});

t.test('parameters are checked: Kind/name and a valid path', async (t) => {
  t.notOk(changesWithin.params.safeParse({ environment: 'staging', allow: [{ object: 'payment-api' }] }).success);
  t.notOk(changesWithin.params.safeParse({ environment: 'staging', allow: [{ object: 'Deployment/x', path: 'a[' }] }).success);
});
