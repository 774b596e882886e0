/**
 * live.field on live evidence recorded from real plays of promote-staging-image (both controllers): the
 * Deployment's image and status, and the hash-suffixed ReplicaSets found by name prefix or label selector.
 */
import t from 'tap';
import { liveField } from '../../../graders/live/field.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const IMAGE = 'spec.template.spec.containers[name=payment-api].image';
const params = (x: Record<string, unknown>) => liveField.params.parse({ environment: 'staging', kind: 'Deployment', ...x });
const live = (phase: string, controller: 'argocd' | 'flux' = 'argocd') => fixture('promote-staging-image', controller, phase, 'live');

t.test('the live image: the promoted one after the solution, the old one before, on both controllers', async (t) => {
  for (const controller of ['argocd', 'flux'] as const) {
    const solved = liveField.grade(live('solution', controller), params({ name: 'payment-api', path: IMAGE, equals: 'nginx:1.27.6' }), { controller });
    t.equal(solved.status, 'pass', controller);
    t.match(solved.message, /^Live Deployment\/payment-api in payments-staging-[0-9a-f]{6}: spec\.template\.spec\.containers\[name=payment-api\]\.image is "nginx:1\.27\.6"\.$/);
    t.same([solved.expected, solved.actual], ['"nginx:1.27.6"', '"nginx:1.27.6"'], 'a pass says what it expected and found too');
    const before = liveField.grade(live('faults', controller), params({ name: 'payment-api', path: IMAGE, equals: 'nginx:1.27.6' }), { controller });
    t.same(
      { status: before.status, expected: before.expected, actual: before.actual, mismatches: before.mismatches, why: before.why },
      {
        status: 'fail',
        expected: '"nginx:1.27.6"',
        actual: '"nginx:1.27.5"',
        mismatches: [{ path: `Deployment/payment-api ${IMAGE}`, got: '"nginx:1.27.5"', expected: '"nginx:1.27.6"' }],
        why: 'What the cluster runs is the live object, whatever Git and the render say.',
      },
      controller,
    );
    t.match(before.message, /^Live Deployment\/payment-api in payments-staging-[0-9a-f]{6}: spec\.template\.spec\.containers\[name=payment-api\]\.image is "nginx:1\.27\.5"\.$/, 'the failure says what is there');
  }
});

t.test('status fields are read as collected: ready replicas, a condition, a field that is not there', async (t) => {
  const e = live('solution');
  t.equal(liveField.grade(e, params({ name: 'payment-api', path: 'status.readyReplicas', equals: 2 }), ctx).status, 'pass');
  t.equal(liveField.grade(e, params({ name: 'payment-api', path: 'status.conditions[type=Available].status', oneOf: ['True'] }), ctx).status, 'pass');
  t.equal(liveField.grade(e, params({ name: 'payment-api', path: 'status.readyReplicas', notEquals: 0 }), ctx).status, 'pass');
  const unavailable = liveField.grade(e, params({ name: 'payment-api', path: 'status.unavailableReplicas', exists: true }), ctx);
  t.same([unavailable.status, unavailable.expected, unavailable.actual], ['fail', 'present', '<absent>']);
  t.equal(liveField.grade(e, params({ name: 'payment-api', path: 'status.unavailableReplicas', exists: false }), ctx).status, 'pass');
});

t.test('ReplicaSets, hash-suffixed: a prefix two share is ambiguous; a selector or a longer prefix picks one', async (t) => {
  const e = live('solution');
  const rs = (x: Record<string, unknown>) => liveField.params.parse({ environment: 'staging', kind: 'ReplicaSet', path: 'spec.replicas', ...x });
  const ambiguous = liveField.grade(e, rs({ namePrefix: 'payment-api-', equals: 2 }), ctx);
  t.same(
    [ambiguous.status, ambiguous.message, ambiguous.expected, ambiguous.actual],
    [
      'fail',
      'ReplicaSet payment-api-* matches 2 objects in payments-staging-3e0016 (ReplicaSet/payment-api-6d8c75bbf, ReplicaSet/payment-api-7589bff9b8), so the check cannot tell which to judge.',
      'exactly one ReplicaSet payment-api-*',
      'ReplicaSet/payment-api-6d8c75bbf, ReplicaSet/payment-api-7589bff9b8',
    ],
  );
  const old = liveField.grade(e, rs({ selector: 'app.kubernetes.io/name=payment-api,pod-template-hash=7589bff9b8', equals: 0 }), ctx);
  t.same(
    [old.status, old.message],
    ['pass', 'Live ReplicaSet/payment-api-7589bff9b8 (the one ReplicaSet with labels app.kubernetes.io/name=payment-api,pod-template-hash=7589bff9b8) in payments-staging-3e0016: spec.replicas is 0.'],
  );
  t.equal(liveField.grade(e, rs({ namePrefix: 'payment-api-6', equals: 2 }), ctx).status, 'pass');
  // Before the promotion there is only the one ReplicaSet, so the short prefix is not ambiguous there.
  t.equal(liveField.grade(live('faults'), rs({ namePrefix: 'payment-api-', equals: 2 }), ctx).status, 'pass');
  const none = liveField.grade(e, rs({ selector: 'pod-template-hash=nope', equals: 2 }), ctx);
  t.same([none.status, none.message, none.actual], ['fail', 'No ReplicaSet with labels pod-template-hash=nope is in payments-staging-3e0016.', 'none']);
});

t.test('an object not in the cluster fails; no cluster evidence or no such environment cannot be judged', async (t) => {
  const missing = liveField.grade(live('solution'), params({ name: 'checkout', path: 'spec.replicas', equals: 2 }), ctx);
  t.same([missing.status, missing.message, missing.expected, missing.actual], ['fail', 'Deployment/checkout is not in payments-staging-3e0016.', 'Deployment/checkout present', 'absent']);
  t.equal(missing.why, 'The check reads the live object, so it must exist in the cluster.');
  const offline = liveField.grade(fixture('promote-staging-image', 'argocd', 'solution'), params({ name: 'payment-api', path: 'spec.replicas', equals: 2 }), ctx);
  t.same([offline.status, offline.message], ['error', 'There is no cluster evidence: this boundary needs a live run.']);
  t.equal(liveField.grade(live('solution'), params({ environment: 'qa', name: 'payment-api', path: 'spec.replicas', equals: 2 }), ctx).status, 'error');
  const older = liveField.grade(live('solution'), liveField.params.parse({ environment: 'staging', kind: 'ConfigMap', namePrefix: 'payment-config-', path: 'data.LEVEL', equals: 'x' }), ctx);
  t.same([older.status, older.message], ['error', 'The cluster evidence of staging has no ConfigMap list (recorded before gitops-lab collected ConfigMaps).'], 'a kind the recording did not list is not an empty namespace');
  const withConfig = variant(live('solution'), (x) => void (x.cluster!.environments['staging']!.objects['ConfigMap'] = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'payment-config-5m7h9t2k4b' }, data: { LEVEL: 'debug' } }]));
  const judged = liveField.grade(withConfig, liveField.params.parse({ environment: 'staging', kind: 'ConfigMap', namePrefix: 'payment-config-', path: 'data.LEVEL', equals: 'debug' }), ctx);
  t.same([judged.status, judged.message], ['pass', 'Live ConfigMap/payment-config-5m7h9t2k4b (the one ConfigMap payment-config-*) in payments-staging-3e0016: data.LEVEL is "debug".']);
  const deleted = variant(live('solution'), (x) => void (x.cluster!.environments['staging']!.objects['Deployment'] = []));
  t.equal(liveField.grade(deleted, params({ name: 'payment-api', path: 'spec.replicas', equals: 2 }), ctx).status, 'fail');
});

t.test('parameters: a collected kind, one target, one expectation, a valid path; how the check is described', async (t) => {
  const kind = liveField.params.safeParse({ environment: 'staging', kind: 'Secret', name: 'x', path: 'data', exists: true });
  t.match(kind.error?.issues[0]?.message, '"Secret" is not collected as live evidence');
  t.match(JSON.stringify(liveField.params.safeParse({ environment: 'staging', kind: 'Deployment', path: 'a', equals: 1 }).error?.issues), 'needs exactly one of name, namePrefix and selector');
  t.match(JSON.stringify(liveField.params.safeParse({ environment: 'staging', kind: 'Deployment', name: 'x', path: 'a' }).error?.issues), 'needs exactly one of equals, notEquals, exists and oneOf');
  t.match(JSON.stringify(liveField.params.safeParse({ environment: 'staging', kind: 'Deployment', name: 'x', path: 'a[', equals: 1 }).error?.issues), 'is not a valid object path');
  t.equal(liveField.describe(params({ name: 'payment-api', path: 'spec.replicas', equals: 2 })), 'live Deployment/payment-api in staging spec.replicas = 2');
  t.equal(liveField.describe(liveField.params.parse({ environment: 'staging', kind: 'ReplicaSet', selector: 'a=b', path: 'spec.replicas', exists: false })), 'live ReplicaSet with labels a=b in staging spec.replicas is absent');
});
