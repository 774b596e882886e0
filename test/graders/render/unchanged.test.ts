import t from 'tap';
import { diffObjects, unchanged } from '../../../graders/render/unchanged.js';
import { fixture, variant } from '../../helpers/fixtures.js';

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

const solved = fixture('promote-staging-image', 'argocd', 'solution');
const changeRender = (env: string, change: (objects: Record<string, unknown>[]) => void) =>
  variant(solved, (e) => {
    const r = e.render.environments.find((x) => x.name === env)!;
    if (!r.head.ok) throw new Error(`fixture: ${env} must render`);
    change(r.head.objects);
    r.head.digest = `${r.head.digest}-changed`;
  });

t.test('an object added to or removed from a render is named, added as added and removed as removed', async (t) => {
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'extra', namespace: 'payments-prod' }, data: { a: '1' } };
  const added = unchanged.grade(changeRender('prod', (objects) => objects.push(configMap)), params, ctx);
  t.equal(added.status, 'fail');
  t.same(added.mismatches, [{ path: 'prod ConfigMap/extra', got: 'added', expected: 'absent' }]);
  t.equal(added.message, 'The change leaks into prod.');
  t.equal(added.expected, 'dev, prod unchanged');
  t.equal(added.actual, 'prod ConfigMap/extra: added');
  t.equal(added.why, 'A fix for one environment must not change what the others render; that is how a staging change reaches prod.');
  const removed = unchanged.grade(changeRender('dev', (objects) => objects.splice(1, 1)), params, ctx);
  t.same(removed.mismatches, [{ path: 'dev Service/payment-api', got: 'removed', expected: 'present' }]);
  t.equal(removed.message, 'The change leaks into dev.');
});

t.test('several changes: every environment named once, at most three in the summary, all in the mismatches', async (t) => {
  const e = variant(solved, (x) => {
    for (const env of x.render.environments.filter((r) => r.name !== 'staging')) {
      if (!env.head.ok) throw new Error('fixture: must render');
      env.head.objects = env.head.objects.map((o) => ({ ...o, moved: 'yes' }));
      env.head.digest = 'other';
    }
  });
  const r = unchanged.grade(e, params, ctx);
  t.equal(r.message, 'The change leaks into dev, prod.');
  t.equal(r.mismatches?.length, 6);
  t.same(r.mismatches?.[0], { path: 'dev Deployment/payment-api moved', got: '"yes"', expected: '<absent>' });
  t.equal(r.actual, ['Deployment/payment-api', 'Namespace/payments-dev', 'Service/payment-api'].map((id) => `dev ${id} moved: "yes"`).join('; '));
});

t.test('a render error in a protected environment fails with its first line; same objects in other bytes fail too', async (t) => {
  const broken = variant(solved, (x) => {
    const prod = x.render.environments.find((r) => r.name === 'prod')!;
    prod.head = { ok: false, reason: 'kustomize', error: 'accumulating resources: boom\nsecond line' };
  });
  const r = unchanged.grade(broken, params, ctx);
  t.equal(r.status, 'fail');
  t.same(r.mismatches, [{ path: 'prod', got: 'render error: accumulating resources: boom', expected: 'unchanged render' }]);
  const reordered = changeRender('dev', (objects) => objects.reverse());
  const o = unchanged.grade(reordered, params, ctx);
  t.equal(o.status, 'fail', 'byte-for-byte: a reordered render is a change');
  t.same(o.mismatches, [{ path: 'dev', got: 'different bytes (formatting or order)', expected: 'identical render' }]);
  const seedBroken = variant(solved, (x) => {
    const dev = x.render.environments.find((r) => r.name === 'dev')!;
    dev.seed = { ok: false, reason: 'kustomize', error: 'x' };
  });
  t.equal(unchanged.grade(seedBroken, params, ctx).status, 'fail', 'a seed that did not render is not "unchanged"');
});

t.test('an environment the evidence does not have cannot be judged; the pass names the environments', async (t) => {
  const r = unchanged.grade(solved, unchanged.params.parse({ environments: ['qa'] }), ctx);
  t.same([r.status, r.message], ['error', 'The evidence has no render for "qa".']);
  t.equal(unchanged.grade(solved, params, ctx).message, 'dev, prod render exactly as before.');
});

t.test('diffObjects: added and removed keys, arrays of another length, equal values', async (t) => {
  t.same(diffObjects({ a: 1 }, { a: 1 }), []);
  t.same(diffObjects({ a: 1 }, { b: 1 }), [
    { path: 'a', got: '<absent>', expected: '1' },
    { path: 'b', got: '1', expected: '<absent>' },
  ]);
  t.same(diffObjects({ l: [1] }, { l: [1, 2] }), [{ path: 'l', got: '[1,2]', expected: '[1]' }]);
  t.same(diffObjects(1, 2), [{ path: '.', got: '2', expected: '1' }]);
  t.same(diffObjects([{ x: 1 }], [{ x: 2 }]), [{ path: '[0].x', got: '2', expected: '1' }]);
  t.same(diffObjects({ o: { k: 1 } }, { o: [1] }), [{ path: 'o', got: '[1]', expected: '{"k":1}' }]);
  t.same(diffObjects({ o: null }, { o: { k: 1 } }), [{ path: 'o', got: '{"k":1}', expected: 'null' }]);
});

t.test('describe and summary, as the generated READMEs show them', async (t) => {
  t.equal(unchanged.describe(unchanged.params.parse({ environments: ['prod'] })), 'prod renders byte-identical to hand-over');
  t.equal(unchanged.describe(params), 'dev, prod render byte-identical to hand-over');
  t.same([unchanged.name, unchanged.boundary], ['render.unchanged', 'render']);
  t.ok(unchanged.params.safeParse({ environments: [] }).success === false, 'at least one environment');
  t.ok(unchanged.params.safeParse({ environments: [''] }).success === false, 'no empty name');
});

t.test('survivors of mutation testing: key order, an array against a non-array, a render broken before and after', async (t) => {
  t.same(diffObjects({ b: 1, a: 1 }, { b: 2, a: 2 }), [
    { path: 'a', got: '2', expected: '1' },
    { path: 'b', got: '2', expected: '1' },
  ], 'keys in sorted order, whatever order the objects hold them in');
  t.same(diffObjects([1], { x: 1 }), [{ path: '.', got: '{"x":1}', expected: '[1]' }], 'an array replaced by an object is one change');
  t.same(diffObjects({ x: 1 }, [1]), [{ path: '.', got: '[1]', expected: '{"x":1}' }]);
  const brokenBoth = variant(solved, (e) => {
    const prod = e.render.environments.find((x) => x.name === 'prod')!;
    prod.seed = { ok: false, reason: 'kustomize', error: 'before' };
    prod.head = { ok: false, reason: 'kustomize', error: 'after' };
  });
  const r = unchanged.grade(brokenBoth, params, ctx);
  t.same([r.status, r.mismatches], ['fail', [{ path: 'prod', got: 'render error: after', expected: 'unchanged render' }]], 'a protected environment must render: nothing to compare is not "unchanged"');
  t.equal(unchanged.summary, "Other environments' renders are byte-for-byte what they were at hand-over.", 'the summary `show` and the READMEs print');
});

t.test('diffObjects: an array that became something else is one change, not one per element', async (t) => {
  t.same(diffObjects([1], 'x'), [{ path: '.', got: '"x"', expected: '[1]' }]);
  t.same(diffObjects({ ports: [80, 443] }, { ports: { http: 80 } }), [{ path: 'ports', got: '{"http":80}', expected: '[80,443]' }]);
});
