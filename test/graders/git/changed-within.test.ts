import t from 'tap';
import { changedWithin } from '../../../graders/git/changed-within.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const params = changedWithin.params.parse({ allow: ['apps/payment-api/overlays/staging/**'] });

t.test('the reference promotion stays inside the staging overlay', async (t) => {
  const r = changedWithin.grade(fixture('promote-staging-image', 'argocd', 'solution'), params, ctx);
  t.equal(r.status, 'pass');
});

t.test('no commit at all fails: the desired state is still the broken one', async (t) => {
  const r = changedWithin.grade(fixture('promote-staging-image', 'argocd', 'faults'), params, ctx);
  t.equal(r.status, 'fail');
  t.equal(r.actual, 'no changes');
});

t.test('a promotion in the base names the base file as outside the allowed paths', async (t) => {
  const r = changedWithin.grade(fixture('promote-staging-image', 'argocd', 'wrong-promote-in-base'), params, ctx);
  t.equal(r.status, 'fail');
  t.same(r.mismatches, [{ path: 'apps/payment-api/base/deployment.yaml', got: 'modified', expected: 'unchanged' }]);
});

t.test('a rename out of the allowed paths counts its old path too', async (t) => {
  const e = variant(fixture('promote-staging-image', 'argocd', 'solution'), (x) => {
    x.git.changes = [{ status: 'renamed', oldPath: 'apps/payment-api/base/service.yaml', path: 'apps/payment-api/overlays/staging/service.yaml' }];
  });
  t.equal(changedWithin.grade(e, params, ctx).status, 'fail');
});

t.test('requireChange: false accepts an untouched repository', async (t) => {
  const r = changedWithin.grade(fixture('promote-staging-image', 'argocd', 'faults'), changedWithin.params.parse({ allow: ['x/**'], requireChange: false }), ctx);
  t.equal(r.status, 'pass');
});
