import t from 'tap';
import { diffObjects, unchanged } from '../../../graders/render/unchanged.js';
import { fixture } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const params = unchanged.params.parse({ environments: ['dev', 'prod'] });

t.test('an overlay-only promotion leaves dev and prod byte-identical', async (t) => {
  t.equal(unchanged.grade(fixture('promote-staging-image', 'argocd', 'solution'), params, ctx).status, 'pass');
});

t.test('a base bump leaks into prod, and the report names the field', async (t) => {
  const r = unchanged.grade(fixture('promote-staging-image', 'argocd', 'wrong-promote-in-base'), params, ctx);
  t.equal(r.status, 'fail');
  t.match(r.message, 'prod');
  t.notMatch(r.message, 'dev', 'dev overrides the tag, so only prod changes');
  t.same(r.mismatches, [
    { path: 'prod Deployment/payment-api spec.template.spec.containers[0].image', got: '"nginx:1.27.6"', expected: '"nginx:1.27.4"' },
  ]);
});

t.test('diffObjects lists leaf differences with before as expected', async (t) => {
  t.same(diffObjects({ a: { b: 1, c: [1, 2] } }, { a: { b: 2, c: [1, 3] } }), [
    { path: 'a.b', got: '2', expected: '1' },
    { path: 'a.c[1]', got: '3', expected: '2' },
  ]);
});
