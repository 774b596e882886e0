import t from 'tap';
import { field } from '../../../graders/render/field.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const image = (environment: string, equals: string) =>
  field.params.parse({ environment, kind: 'Deployment', name: 'payment-api', path: 'spec.template.spec.containers[name=payment-api].image', equals });

t.test('staging renders the promoted image after the solution, not before', async (t) => {
  t.equal(field.grade(fixture('promote-staging-image', 'argocd', 'solution'), image('staging', 'nginx:1.27.6'), ctx).status, 'pass');
  const before = field.grade(fixture('promote-staging-image', 'argocd', 'faults'), image('staging', 'nginx:1.27.6'), ctx);
  t.equal(before.status, 'fail');
  t.equal(before.actual, '"nginx:1.27.5"');
  t.same(before.mismatches, [{ path: 'Deployment/payment-api spec.template.spec.containers[name=payment-api].image', got: '"nginx:1.27.5"', expected: '"nginx:1.27.6"' }]);
});

t.test('a base bump does not reach staging, whose overlay overrides the tag', async (t) => {
  t.equal(field.grade(fixture('promote-staging-image', 'argocd', 'wrong-promote-in-base'), image('staging', 'nginx:1.27.6'), ctx).status, 'fail');
  t.equal(field.grade(fixture('promote-staging-image', 'argocd', 'wrong-promote-in-base'), image('prod', 'nginx:1.27.6'), ctx).status, 'pass');
});

t.test('a render error fails the check with the render error, it does not throw', async (t) => {
  const e = variant(fixture('promote-staging-image', 'argocd', 'solution'), (x) => {
    x.render.environments.find((r) => r.name === 'staging')!.head = { ok: false, reason: 'kustomize', error: 'error: accumulating resources' };
  });
  const r = field.grade(e, image('staging', 'nginx:1.27.6'), ctx);
  t.equal(r.status, 'fail');
  t.match(r.actual, 'render error: error: accumulating resources');
});

t.test('an unknown environment is an error (could not judge), not a learner failure', async (t) => {
  t.equal(field.grade(fixture('promote-staging-image', 'argocd', 'solution'), image('qa', 'x'), ctx).status, 'error');
});

t.test('parameters need equals or notEquals and a valid path', async (t) => {
  t.notOk(field.params.safeParse({ environment: 'staging', kind: 'Deployment', name: 'x', path: 'spec' }).success);
  t.notOk(field.params.safeParse({ environment: 'staging', kind: 'Deployment', name: 'x', path: 'a[', equals: 1 }).success);
});

t.test('what the check is described as; an object not in the render; what a missing render says', async (t) => {
  const solved = fixture('promote-staging-image', 'argocd', 'solution');
  const p = (x: Record<string, unknown>) => field.params.parse({ kind: 'Deployment', name: 'payment-api', path: 'spec.replicas', ...x });
  t.equal(field.describe(p({ environment: 'staging', equals: 2 })), 'staging Deployment/payment-api spec.replicas = 2');
  t.equal(field.describe(p({ environment: 'staging', notEquals: 0 })), 'staging Deployment/payment-api spec.replicas != 0');
  t.equal(field.describe(p({ layer: 'base', equals: false })), 'layer base Deployment/payment-api spec.replicas = false');
  const absent = field.grade(solved, field.params.parse({ environment: 'staging', kind: 'Deployment', name: 'checkout', path: 'spec.replicas', equals: 2 }), ctx);
  t.same([absent.status, absent.message, absent.expected, absent.actual], ['fail', 'Deployment/checkout is not in the staging render.', 'Deployment/checkout present', 'absent']);
  t.equal(field.grade(solved, p({ environment: 'qa', equals: 2 }), ctx).message, 'The evidence has no render for "qa".');
  t.equal(field.grade(solved, p({ layer: 'nope', equals: 2 }), ctx).message, 'The evidence has no render for layer "nope".');
  const broken = variant(solved, (x) => void (x.render.environments.find((r) => r.name === 'staging')!.head = { ok: false, reason: 'kustomize', error: 'boom' }));
  t.equal(field.grade(broken, p({ environment: 'staging', equals: 2 }), ctx).why, 'The field can only be right once the environment renders.');
  const both = field.params.safeParse({ environment: 'staging', layer: 'base', kind: 'Deployment', name: 'x', path: 'a', equals: 1 });
  t.match(JSON.stringify(both.error?.issues), 'needs exactly one of environment and layer');
  const neither = field.params.safeParse({ environment: 'staging', kind: 'Deployment', name: 'x', path: 'a' });
  t.match(JSON.stringify(neither.error?.issues), 'needs exactly one of equals, notEquals, exists and oneOf');
  const two = field.params.safeParse({ environment: 'staging', kind: 'Deployment', name: 'x', path: 'a', equals: 1, notEquals: 2 });
  t.match(JSON.stringify(two.error?.issues), 'needs exactly one of equals, notEquals, exists and oneOf', 'two expectations are refused, not one silently ignored');
  const noTarget = field.params.safeParse({ environment: 'staging', kind: 'Deployment', path: 'a', equals: 1 });
  t.match(JSON.stringify(noTarget.error?.issues), 'needs exactly one of name, namePrefix and selector');
  const twoTargets = field.params.safeParse({ environment: 'staging', kind: 'Deployment', name: 'x', namePrefix: 'x', path: 'a', equals: 1 });
  t.match(JSON.stringify(twoTargets.error?.issues), 'needs exactly one of name, namePrefix and selector');
});
