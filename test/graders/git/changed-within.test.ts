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

/** The recorded solution with its change list replaced. */
const withChanges = (changes: { status: string; path: string; oldPath?: string }[]) =>
  variant(fixture('promote-staging-image', 'argocd', 'solution'), (x) => {
    x.git.changes = changes as typeof x.git.changes;
  });

t.test('files outside are listed, sorted, renames as old -> new; the inside ones are not', async (t) => {
  const r = changedWithin.grade(
    withChanges([
      { status: 'modified', path: 'apps/payment-api/overlays/staging/kustomization.yaml' },
      { status: 'added', path: 'platform/z.yaml' },
      { status: 'renamed', oldPath: 'apps/payment-api/base/service.yaml', path: 'apps/payment-api/overlays/staging/service.yaml' },
      { status: 'deleted', path: 'apps/payment-api/base/a.yaml' },
    ]),
    params,
    ctx,
  );
  t.equal(r.status, 'fail');
  t.equal(r.message, '3 changed file(s) lie outside the allowed paths.');
  t.same(r.mismatches, [
    { path: 'apps/payment-api/base/a.yaml', got: 'deleted', expected: 'unchanged' },
    { path: 'apps/payment-api/base/service.yaml -> apps/payment-api/overlays/staging/service.yaml', got: 'renamed', expected: 'unchanged' },
    { path: 'platform/z.yaml', got: 'added', expected: 'unchanged' },
  ]);
  t.equal(r.actual, 'platform/z.yaml, apps/payment-api/overlays/staging/service.yaml, apps/payment-api/base/a.yaml');
  t.equal(r.expected, 'changes only under apps/payment-api/overlays/staging/**');
  t.match(r.why, 'Fix the layer that owns the problem');
  const two = changedWithin.params.parse({ allow: ['a/**', 'b/**'] });
  t.equal(changedWithin.grade(withChanges([{ status: 'added', path: 'c' }]), two, ctx).expected, 'changes only under a/**, b/**');
  t.equal(changedWithin.describe(two), 'changes only under a/**, b/**');
});

t.test('what pass and the empty cases say', async (t) => {
  const ok = changedWithin.grade(withChanges([{ status: 'modified', path: 'apps/payment-api/overlays/staging/a.yaml' }, { status: 'added', path: 'apps/payment-api/overlays/staging/b.yaml' }]), params, ctx);
  t.same([ok.status, ok.message, ok.expected], ['pass', 'All 2 changed file(s) are inside the allowed paths.', 'changes only under apps/payment-api/overlays/staging/**']);
  const none = changedWithin.grade(fixture('promote-staging-image', 'argocd', 'faults'), params, ctx);
  t.equal(none.message, 'Nothing changed on the tracked branch since the scenario was handed over.');
  t.match(none.why, 'A GitOps fix is a commit');
  const allowed = changedWithin.grade(fixture('promote-staging-image', 'argocd', 'faults'), changedWithin.params.parse({ allow: ['x/**'], requireChange: false }), ctx);
  t.equal(allowed.message, 'Nothing changed, as allowed.');
  t.ok(changedWithin.params.parse({ allow: ['x'] }).requireChange, 'a change is required unless said otherwise');
  t.notOk(changedWithin.params.safeParse({ allow: [] }).success, 'at least one allowed path');
});
