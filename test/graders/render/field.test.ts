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
