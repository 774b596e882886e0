/**
 * render.field and render.object on objects found by name prefix or label selector: a configMapGenerator's
 * ConfigMap, whose name kustomize suffixes with a hash of its content, rendered by real kustomize from a real
 * commit, in place of staging's render in evidence recorded offline from promote-staging-image.
 */
import t from 'tap';
import { renderCommit } from '../../../harness/evidence/render-evidence.js';
import type { RenderOutcome } from '../../../harness/model/evidence.js';
import { field } from '../../../graders/render/field.js';
import { object } from '../../../graders/render/object.js';
import { fixture, variant } from '../../helpers/fixtures.js';
import { bareRepoWith, tempDir } from '../../harness/render/repo.js';

const ctx = { controller: 'argocd' as const };

const kustomization = (level: string, extra = '') => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
labels:
  - pairs: { app.kubernetes.io/name: payment-api }
configMapGenerator:
  - name: payment-config
    literals: [LOG_LEVEL=${level}]
${extra}`;

const SECOND = `  - name: payment-config-extra
    literals: [A=b]
`;

/** The staging render of the recorded solution, replaced by what real kustomize renders of `kustomization.yaml`. */
async function evidenceWith(t: Tap.Test, text: string) {
  const { bare, sha } = await bareRepoWith(tempDir(t), { 'env/kustomization.yaml': text });
  const outcome: RenderOutcome = (await renderCommit(bare, sha, { staging: { path: 'env' } }))['staging']!;
  t.ok(outcome.ok, 'kustomize renders it');
  return variant(fixture('promote-staging-image', 'argocd', 'solution'), (e) => {
    e.render.environments.find((r) => r.name === 'staging')!.head = outcome;
  });
}

const level = (target: Record<string, unknown>, expect: Record<string, unknown>) =>
  field.params.parse({ environment: 'staging', kind: 'ConfigMap', path: 'data.LOG_LEVEL', ...target, ...expect });

t.test('a hash-suffixed ConfigMap is found by its prefix or its labels, and the finding names the one judged', async (t) => {
  const e = await evidenceWith(t, kustomization('debug'));
  const objects = e.render.environments.find((r) => r.name === 'staging')!.head;
  const name = objects.ok ? String((objects.objects[0]!['metadata'] as { name: string }).name) : '';
  t.match(name, /^payment-config-[a-z0-9]{10}$/, 'kustomize suffixed the name');

  const byPrefix = field.grade(e, level({ namePrefix: 'payment-config-' }, { equals: 'debug' }), ctx);
  t.same([byPrefix.status, byPrefix.message], ['pass', `staging ConfigMap/${name} (the one ConfigMap payment-config-*) data.LOG_LEVEL is "debug".`]);
  const bySelector = field.grade(e, level({ selector: 'app.kubernetes.io/name=payment-api' }, { oneOf: ['info', 'debug'] }), ctx);
  t.same([bySelector.status, bySelector.message, bySelector.expected], ['pass', `staging ConfigMap/${name} (the one ConfigMap with labels app.kubernetes.io/name=payment-api) data.LOG_LEVEL is "debug".`, 'one of "info", "debug"']);
  const wrong = field.grade(e, level({ namePrefix: 'payment-config-' }, { equals: 'info' }), ctx);
  t.same(
    { status: wrong.status, message: wrong.message, mismatches: wrong.mismatches },
    {
      status: 'fail',
      message: `staging ConfigMap/${name} (the one ConfigMap payment-config-*) data.LOG_LEVEL is "debug".`,
      mismatches: [{ path: `ConfigMap/${name} data.LOG_LEVEL`, got: '"debug"', expected: '"info"' }],
    },
  );
  t.equal(field.grade(e, level({ name: 'payment-config' }, { equals: 'debug' }), ctx).message, 'ConfigMap/payment-config is not in the staging render.', 'the exact name misses the suffixed one');
  t.equal(field.grade(e, level({ namePrefix: 'payment-config-' }, { exists: true }), ctx).status, 'pass');
  t.equal(field.grade(e, field.params.parse({ environment: 'staging', kind: 'ConfigMap', namePrefix: 'payment-config-', path: 'data.OTHER', exists: false }), ctx).status, 'pass');
  const gone = field.grade(e, field.params.parse({ environment: 'staging', kind: 'ConfigMap', namePrefix: 'payment-config-', path: 'data.OTHER', exists: true }), ctx);
  t.same([gone.status, gone.expected, gone.actual], ['fail', 'present', '<absent>']);

  const present = object.grade(e, object.params.parse({ environment: 'staging', kind: 'ConfigMap', namePrefix: 'payment-config-', present: true }), ctx);
  t.same([present.status, present.message], ['pass', `ConfigMap payment-config-* (ConfigMap/${name}) is in the staging render.`]);
  const notWanted = object.grade(e, object.params.parse({ environment: 'staging', kind: 'ConfigMap', selector: 'app.kubernetes.io/name=payment-api', present: false }), ctx);
  t.same(
    [notWanted.status, notWanted.message, notWanted.actual],
    ['fail', `ConfigMap with labels app.kubernetes.io/name=payment-api (ConfigMap/${name}) is still in the staging render.`, `ConfigMap/${name}`],
  );
  const absent = object.grade(e, object.params.parse({ environment: 'staging', kind: 'ConfigMap', namePrefix: 'checkout-', present: false }), ctx);
  t.same([absent.status, absent.message], ['pass', 'ConfigMap checkout-* is not in the staging render.']);
});

t.test('a prefix two generated ConfigMaps share is ambiguous, and the check fails naming both; none matching fails too', async (t) => {
  const e = await evidenceWith(t, kustomization('debug', SECOND));
  const r = field.grade(e, level({ namePrefix: 'payment-config-' }, { equals: 'debug' }), ctx);
  t.equal(r.status, 'fail');
  t.match(r.message, /^ConfigMap payment-config-\* matches 2 objects in the staging render \(ConfigMap\/payment-config-[a-z0-9]{10}, ConfigMap\/payment-config-extra-[a-z0-9]{10}\), so the check cannot tell which to judge\.$/);
  t.equal(r.expected, 'exactly one ConfigMap payment-config-*');
  const none = field.grade(e, level({ selector: 'app.kubernetes.io/name=checkout' }, { equals: 'debug' }), ctx);
  t.same([none.status, none.message, none.actual], ['fail', 'No ConfigMap with labels app.kubernetes.io/name=checkout is in the staging render.', 'none']);
  const present = object.grade(e, object.params.parse({ environment: 'staging', kind: 'ConfigMap', namePrefix: 'payment-config-', present: true }), ctx);
  t.equal(present.status, 'pass', 'render.object: present means at least one');
  t.match(present.message, /\(ConfigMap\/payment-config-[a-z0-9]{10}, ConfigMap\/payment-config-extra-[a-z0-9]{10}\)/);
});

t.test('a content change moves the suffix; the prefix still finds it', async (t) => {
  const before = await evidenceWith(t, kustomization('debug'));
  const after = await evidenceWith(t, kustomization('info'));
  const p = level({ namePrefix: 'payment-config-' }, { equals: 'info' });
  t.equal(field.grade(before, p, ctx).status, 'fail');
  t.equal(field.grade(after, p, ctx).status, 'pass');
  const judged = (e: typeof before) => /ConfigMap\/(payment-config-[a-z0-9]+) /.exec(field.grade(e, p, ctx).message)?.[1];
  t.match(judged(before), /^payment-config-/);
  t.not(judged(before), judged(after), 'a different object by name, found by the same check');
});

t.test('describe and parameters: a target and an expectation each', async (t) => {
  t.equal(field.describe(level({ namePrefix: 'payment-config-' }, { exists: true })), 'staging ConfigMap payment-config-* data.LOG_LEVEL exists');
  t.equal(field.describe(level({ selector: 'a=b' }, { oneOf: ['x'] })), 'staging ConfigMap with labels a=b data.LOG_LEVEL in "x"');
  t.equal(object.describe(object.params.parse({ environment: 'staging', kind: 'ConfigMap', selector: 'a=b', present: false })), 'staging render has no ConfigMap with labels a=b');
  const bad = object.params.safeParse({ environment: 'staging', kind: 'ConfigMap', name: 'a', selector: 'a=b', present: true });
  t.match(JSON.stringify(bad.error?.issues), 'needs exactly one of name, namePrefix and selector');
  const badSelector = field.params.safeParse({ environment: 'staging', kind: 'ConfigMap', selector: 'a', path: 'data', exists: true });
  t.match(JSON.stringify(badSelector.error?.issues), 'is not a matchLabels selector');
  t.equal(badSelector.error?.issues[0]?.path.join('.'), 'selector', 'the error names the field');
});
