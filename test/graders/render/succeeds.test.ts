/** render.succeeds on promote-staging-image as recorded, and with environments that no longer render. */
import t from 'tap';
import { succeeds } from '../../../graders/render/succeeds.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const solved = fixture('promote-staging-image', 'argocd', 'solution');
const breaking = (...names: string[]) =>
  variant(solved, (e) => {
    for (const env of e.render.environments.filter((x) => names.includes(x.name))) env.head = { ok: false, reason: 'kustomize', error: `${env.name}: accumulating resources\nmore` };
  });

t.test('every environment renders: pass, naming them', async (t) => {
  const r = succeeds.grade(solved, succeeds.params.parse({}), ctx);
  t.same([r.status, r.message], ['pass', 'dev, staging, prod render cleanly.']);
  t.equal(succeeds.grade(breaking('prod'), succeeds.params.parse({ environments: ['staging'] }), ctx).message, 'staging render cleanly.', 'only the listed ones');
});

t.test('an environment that does not render fails with kustomize\'s first line; several are all named', async (t) => {
  const one = succeeds.grade(breaking('staging'), succeeds.params.parse({}), ctx);
  t.same(
    { status: one.status, message: one.message, expected: one.expected, actual: one.actual, mismatches: one.mismatches },
    {
      status: 'fail',
      message: 'staging no longer renders.',
      expected: 'kustomize build succeeds',
      actual: 'staging: accumulating resources\nmore',
      mismatches: [{ path: 'apps/payment-api/overlays/staging', got: 'staging: accumulating resources', expected: 'renders' }],
    },
  );
  t.equal(one.why, 'A controller cannot apply what it cannot render; the sync stops at the render boundary.');
  const two = succeeds.grade(breaking('dev', 'prod'), succeeds.params.parse({}), ctx);
  t.equal(two.message, 'dev, prod no longer render.');
  t.equal(two.actual, 'dev: accumulating resources\nmore', 'the first broken one in full');
  t.equal(two.mismatches?.length, 2);
  t.equal(succeeds.grade(breaking('dev'), succeeds.params.parse({ environments: ['staging', 'prod'] }), ctx).status, 'pass', 'an unlisted environment is not judged');
});

t.test('describe and parameters', async (t) => {
  t.equal(succeeds.describe(succeeds.params.parse({})), 'every environment renders');
  t.equal(succeeds.describe(succeeds.params.parse({ environments: ['dev', 'prod'] })), 'dev, prod renders');
  t.notOk(succeeds.params.safeParse({ environments: [] }).success);
  t.notOk(succeeds.params.safeParse({ environments: [''] }).success);
  t.same([succeeds.name, succeeds.boundary], ['render.succeeds', 'render']);
});
