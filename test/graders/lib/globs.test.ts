/** Repository path globs in checks: the semantics users know from their tools, dot files included. */
import t from 'tap';
import { matcher } from '../../../graders/lib/globs.js';

t.test('globs match repository paths, dot files too, any of several', async (t) => {
  const staging = matcher(['apps/payment-api/overlays/staging/**']);
  t.ok(staging('apps/payment-api/overlays/staging/kustomization.yaml'));
  t.ok(staging('apps/payment-api/overlays/staging/.hidden/patch.yaml'), 'dot directories are matched');
  t.notOk(staging('apps/payment-api/overlays/prod/kustomization.yaml'));
  const two = matcher(['platform/**', '*.md']);
  t.ok(two('README.md'));
  t.ok(two('platform/clusters/staging/argocd/app.yaml'));
  t.notOk(two('docs/a.md'), '* stays in one directory');
  t.notOk(matcher([])('anything'));
});
