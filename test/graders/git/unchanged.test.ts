import t from 'tap';
import { unchanged } from '../../../graders/git/unchanged.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'flux' as const };
const params = unchanged.params.parse({ paths: ['apps/payment-api/base/**'] });

t.test('an overlay-only promotion leaves the base untouched', async (t) => {
  t.equal(unchanged.grade(fixture('promote-staging-image', 'flux', 'solution'), params, ctx).status, 'pass');
});

t.test('a promotion in the base is caught, naming the file', async (t) => {
  const r = unchanged.grade(fixture('promote-staging-image', 'flux', 'wrong-promote-in-base'), params, ctx);
  t.equal(r.status, 'fail');
  t.match(r.actual, 'modified apps/payment-api/base/deployment.yaml');
});

t.test('every touched file is named, sorted, a rename by either of its paths', async (t) => {
  const base = unchanged.params.parse({ paths: ['apps/payment-api/base/**', 'platform/**'] });
  const e = variant(fixture('promote-staging-image', 'argocd', 'solution'), (x) => {
    x.git.changes = [
      { status: 'modified', path: 'platform/z.yaml' },
      { status: 'renamed', oldPath: 'apps/payment-api/base/service.yaml', path: 'apps/payment-api/overlays/staging/service.yaml' },
      { status: 'modified', path: 'apps/payment-api/overlays/staging/kustomization.yaml' },
      { status: 'deleted', path: 'apps/payment-api/base/a.yaml' },
    ] as typeof x.git.changes;
  });
  const r = unchanged.grade(e, base, { controller: 'argocd' });
  t.equal(r.status, 'fail');
  t.equal(r.message, '3 file(s) under apps/payment-api/base/**, platform/** changed.');
  t.same(r.mismatches!.map((m) => [m.path, m.got, m.expected]), [
    ['apps/payment-api/base/a.yaml', 'deleted', 'unchanged'],
    ['apps/payment-api/overlays/staging/service.yaml', 'renamed', 'unchanged'],
    ['platform/z.yaml', 'modified', 'unchanged'],
  ]);
  t.equal(r.actual, 'modified platform/z.yaml, renamed apps/payment-api/overlays/staging/service.yaml, deleted apps/payment-api/base/a.yaml');
  t.equal(r.expected, 'apps/payment-api/base/**, platform/** unchanged since hand-over');
  t.match(r.why, 'shared by other environments');
  const ok = unchanged.grade(fixture('promote-staging-image', 'argocd', 'solution'), base, { controller: 'argocd' });
  t.same([ok.status, ok.message, ok.expected], ['pass', 'apps/payment-api/base/**, platform/** is untouched.', 'apps/payment-api/base/**, platform/** unchanged since hand-over']);
  t.equal(unchanged.describe(base), 'apps/payment-api/base/**, platform/** untouched');
});
