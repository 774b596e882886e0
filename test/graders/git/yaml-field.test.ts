/** git.yaml-field on promote-staging-image as recorded (staging's kustomization holds newTag 1.27.6). */
import t from 'tap';
import { yamlField } from '../../../graders/git/yaml-field.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const solved = fixture('promote-staging-image', 'argocd', 'solution');
const STAGING = 'apps/payment-api/overlays/staging/kustomization.yaml';
const FLUX = 'platform/clusters/staging/flux/payment-api.yaml';
const params = (extra: Record<string, unknown>) => yamlField.params.parse({ file: STAGING, path: 'images[name=nginx].newTag', ...extra });

t.test('equals: the field holds the value', async (t) => {
  const r = yamlField.grade(solved, params({ equals: '1.27.6' }), ctx);
  t.same({ status: r.status, message: r.message, expected: r.expected, actual: r.actual }, {
    status: 'pass',
    message: `${STAGING} images[name=nginx].newTag is "1.27.6".`,
    expected: '"1.27.6"',
    actual: '"1.27.6"',
  });
  const wrong = yamlField.grade(solved, params({ equals: '1.27.7' }), ctx);
  t.same({ status: wrong.status, message: wrong.message, expected: wrong.expected, actual: wrong.actual, mismatches: wrong.mismatches }, {
    status: 'fail',
    message: `${STAGING} images[name=nginx].newTag is "1.27.6".`,
    expected: '"1.27.7"',
    actual: '"1.27.6"',
    mismatches: [{ path: `${STAGING} images[name=nginx].newTag`, got: '"1.27.6"', expected: '"1.27.7"' }],
  });
  t.equal(wrong.why, 'Each layer owns its own values: the base holds what every environment shares, an overlay what only it needs.');
});

t.test('notEquals: anything but the value', async (t) => {
  t.equal(yamlField.grade(solved, params({ notEquals: '1.27.5' }), ctx).status, 'pass');
  const r = yamlField.grade(solved, params({ notEquals: '1.27.6' }), ctx);
  t.same([r.status, r.expected], ['fail', 'anything but "1.27.6"']);
});

t.test('kind picks the document; without it, the first', async (t) => {
  const flux = (kind: string | undefined, equals: unknown) => yamlField.params.parse({ file: FLUX, path: 'kind', equals, ...(kind ? { kind } : {}) });
  t.equal(yamlField.grade(solved, flux('Kustomization', 'Kustomization'), ctx).status, 'pass');
  t.equal(yamlField.grade(solved, flux(undefined, 'GitRepository'), ctx).status, 'pass');
  t.equal(yamlField.grade(solved, flux(undefined, 'Kustomization'), ctx).status, 'fail');
  const none = yamlField.grade(solved, flux('HelmRelease', 'x'), ctx);
  t.same([none.status, none.message, none.actual], ['fail', `${FLUX} has no HelmRelease document.`, 'absent']);
  const empty = yamlField.grade(variant(solved, (e) => void (e.git.head.files[FLUX]!.docs = [])), flux(undefined, 'x'), ctx);
  t.same([empty.status, empty.message], ['fail', `${FLUX} has no YAML document.`]);
  const noDocs = yamlField.grade(variant(solved, (e) => void delete e.git.head.files[FLUX]!.docs), flux(undefined, 'x'), ctx);
  t.equal(noDocs.message, `${FLUX} has no YAML document.`);
});

t.test('a missing file or invalid YAML fails, saying which', async (t) => {
  const missing = yamlField.grade(solved, yamlField.params.parse({ file: 'nope.yaml', path: 'a', equals: 1 }), ctx);
  t.same([missing.status, missing.message, missing.expected, missing.actual], ['fail', 'nope.yaml does not exist on main.', '1', 'no such file']);
  const invalid = yamlField.grade(variant(solved, (e) => void (e.git.head.files[STAGING]!.parseError = 'bad indentation at line 3')), params({ equals: '1.27.6' }), ctx);
  t.same([invalid.status, invalid.message, invalid.actual], ['fail', `${STAGING} is not valid YAML: bad indentation at line 3`, 'invalid YAML']);
});

t.test('describe and parameters', async (t) => {
  t.equal(yamlField.describe(params({ equals: '1.27.6' })), `${STAGING} images[name=nginx].newTag = "1.27.6"`);
  t.equal(yamlField.describe(params({ notEquals: 2 })), `${STAGING} images[name=nginx].newTag != 2`);
  t.notOk(yamlField.params.safeParse({ file: STAGING, path: 'a' }).success, 'needs equals or notEquals');
  t.notOk(yamlField.params.safeParse({ file: '', path: 'a', equals: 1 }).success);
  t.notOk(yamlField.params.safeParse({ file: STAGING, path: 'a', kind: '', equals: 1 }).success);
  t.same([yamlField.name, yamlField.boundary], ['git.yaml-field', 'git']);
});

t.test('an empty document before the one named by kind is skipped, not a crash', async (t) => {
  const e = variant(solved, (x) => void x.git.head.files[FLUX]!.docs!.unshift(null));
  const r = yamlField.grade(e, yamlField.params.parse({ file: FLUX, kind: 'Kustomization', path: 'kind', equals: 'Kustomization' }), ctx);
  t.equal(r.status, 'pass');
  const missing = yamlField.params.safeParse({ file: FLUX, path: 'kind' });
  t.notOk(missing.success);
  t.match(JSON.stringify(missing.error?.issues), 'needs equals or notEquals');
});
