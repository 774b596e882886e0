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

t.test('what the check is described as, in both forms', async (t) => {
  t.equal(changesWithin.describe!(changesWithin.params.parse({ environment: 'prod' })), 'prod renders as at hand-over');
  t.equal(
    changesWithin.describe!(changesWithin.params.parse({ environment: 'staging', allow: [{ object: 'Deployment/payment-api', path: 'spec.replicas' }, { object: 'ConfigMap/extra' }] })),
    'staging changes only in Deployment/payment-api spec.replicas, ConfigMap/extra',
  );
  t.match(changesWithin.summary, /allowed fields/);
});

t.test('pass and fail say what was allowed and how many places changed', async (t) => {
  const none = changesWithin.params.parse({ environment: 'staging' });
  const idle = changesWithin.grade(fixture('promote-staging-image', 'argocd', 'faults'), none, ctx);
  t.equal(idle.status, 'pass');
  t.equal(idle.message, 'staging changed only where the task allows (nothing).');
  const one = changesWithin.grade(fixture('promote-staging-image', 'argocd', 'solution'), none, ctx);
  t.equal(one.message, 'staging changed in 1 place the task does not ask for.');
  t.equal(one.expected, 'only nothing changes in staging');
  t.match(one.why, /side effect/);
  const many = changesWithin.grade(
    solutionPlus((os) => {
      const d = deployment(os);
      d['spec'].replicas = 0;
      d['spec'].minReadySeconds = 5;
      d['spec'].paused = true;
      d['spec'].revisionHistoryLimit = 1;
    }),
    params,
    ctx,
  );
  t.equal(many.message, 'staging changed in 4 places the task does not ask for.');
  t.equal(many.mismatches!.length, 4, 'every extra field is named');
  t.equal(many.actual!.split('; ').length, 3, 'the summary line quotes the first three');
  t.equal(many.expected, `only Deployment/payment-api ${IMAGE} changes in staging`);
});

t.test('changes are reported in the order of the objects\' ids, not the render\'s', async (t) => {
  const both = solutionPlus((os) => {
    deployment(os)['spec'].replicas = 0;
    const svc = os.find((o) => o['kind'] === 'Service')!;
    svc['metadata'].labels = { ...svc['metadata'].labels, tier: 'x' };
  });
  const r = changesWithin.grade(both, params, ctx);
  t.same(r.mismatches!.map((m) => m.path.split(' ')[0]), ['Deployment/payment-api', 'Service/payment-api']);
});

t.test('an allowed field may also be removed; an allowed field of another object allows nothing here', async (t) => {
  const replicas = changesWithin.params.parse({ environment: 'staging', allow: [{ object: 'Deployment/payment-api', path: IMAGE }, { object: 'Deployment/payment-api', path: 'spec.replicas' }] });
  t.equal(changesWithin.grade(solutionPlus((os) => delete deployment(os)['spec'].replicas), replicas, ctx).status, 'pass', 'replicas removed');
  t.equal(changesWithin.grade(solutionPlus((os) => (deployment(os)['spec'].replicas = 7)), replicas, ctx).status, 'pass', 'replicas changed');
  const elsewhere = changesWithin.params.parse({ environment: 'staging', allow: [{ object: 'Deployment/other', path: IMAGE }] });
  const r = changesWithin.grade(fixture('promote-staging-image', 'argocd', 'solution'), elsewhere, ctx);
  t.equal(r.status, 'fail', "another Deployment's image does not cover payment-api's");
  t.equal(r.mismatches!.length, 1);
  const wholeOther = changesWithin.params.parse({ environment: 'staging', allow: [{ object: 'Deployment/other' }] });
  t.equal(changesWithin.grade(fixture('promote-staging-image', 'argocd', 'solution'), wholeOther, ctx).status, 'fail', 'nor does another whole object');
});

t.test('a container allowed by index may be replaced whole; the others may not change', async (t) => {
  const first = changesWithin.params.parse({ environment: 'staging', allow: [{ object: 'Deployment/payment-api', path: 'spec.template.spec.containers[0]' }] });
  t.equal(changesWithin.grade(fixture('promote-staging-image', 'argocd', 'solution'), first, ctx).status, 'pass');
  const sidecar = solutionPlus((os) => deployment(os)['spec'].template.spec.containers.push({ name: 'sidecar', image: 'busybox' }));
  const r = changesWithin.grade(sidecar, first, ctx);
  t.equal(r.status, 'fail', 'a container added beside the allowed one');
  t.match(r.mismatches![0]!.path, 'Deployment/payment-api spec.template.spec.containers');
});

t.test('a seed that did not render cannot be judged, quoting its first line', async (t) => {
  const broken = variant(fixture('promote-staging-image', 'argocd', 'solution'), (e) => {
    e.render.environments.find((x) => x.name === 'staging')!.seed = { ok: false, reason: 'kustomize', error: 'no base\nstack' };
  });
  const r = changesWithin.grade(broken, params, ctx);
  t.equal(r.status, 'error');
  t.equal(r.message, 'staging did not render at hand-over: no base');
  const head = variant(fixture('promote-staging-image', 'argocd', 'solution'), (e) => {
    e.render.environments.find((x) => x.name === 'staging')!.head = { ok: false, reason: 'kustomize', error: 'boom\nmore' };
  });
  t.equal(changesWithin.grade(head, params, ctx).message, 'staging does not render, so what changed cannot be bounded.');
  t.equal(changesWithin.grade(head, params, ctx).expected, 'a render that differs only in the allowed fields');
  t.equal(changesWithin.grade(fixture('promote-staging-image', 'argocd', 'solution'), changesWithin.params.parse({ environment: 'qa' }), ctx).message, 'The evidence has no render for "qa".');
});

t.test('parameters: the allowed list defaults to nothing; object names are Kind/name without spaces', async (t) => {
  t.same(changesWithin.params.parse({ environment: 'prod' }).allow, []);
  t.notOk(changesWithin.params.safeParse({ environment: '', allow: [] }).success, 'an environment is named');
  t.notOk(changesWithin.params.safeParse({ environment: 'staging', allow: [{ object: 'Deployment/pay ment' }] }).success);
  t.notOk(changesWithin.params.safeParse({ environment: 'staging', allow: [{ object: '1Deployment/x' }] }).success);
  t.notOk(changesWithin.params.safeParse({ environment: 'staging', allow: [{ object: 'Deployment/x/y' }] }).success);
  t.notOk(changesWithin.params.safeParse({ environment: 'staging', allow: [{ object: 'Deployment/x', extra: 1 }] }).success, 'strict');
  t.ok(changesWithin.params.safeParse({ environment: 'staging', allow: [{ object: 'Deployment/x' }] }).success);
});

t.test('an object that is not Kind/name is refused with an example', async (t) => {
  const r = changesWithin.params.safeParse({ environment: 'staging', allow: [{ object: 'payment-api' }] });
  t.match(JSON.stringify(r.error?.issues), 'must be Kind/name, e.g. Deployment/payment-api');
});
