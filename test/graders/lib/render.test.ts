/** Reading renders out of evidence: environments, layers, objects by kind and name. On a recorded offline play. */
import t from 'tap';
import { describeTarget, findObject, hasOneTarget, idOf, LabelSelector, labelsOf, layerOf, matchTarget, nameOf, objectsOf, parseSelector, pickTarget, renderOf } from '../../../graders/lib/render.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const e = fixture('promote-staging-image', 'argocd', 'solution');

t.test('an environment and a layer by name, or nothing', async (t) => {
  t.equal(renderOf(e, 'staging')?.name, 'staging');
  t.equal(renderOf(e, 'qa'), undefined);
  const withLayer = variant(e, (x) => void (x.render.layers = [{ name: 'base', path: 'apps/payment-api/base', seed: { ok: true, digest: 'sha256:0', objects: [] }, head: { ok: true, digest: 'sha256:0', objects: [] } }]));
  t.equal(layerOf(withLayer, 'base')?.name, 'base');
  t.equal(layerOf(withLayer, 'other'), undefined);
  t.equal(layerOf(variant(e, (x) => void delete (x.render as { layers?: unknown }).layers), 'base'), undefined, 'evidence without layers');
});

t.test('objects of a render that failed are none; found by kind and name', async (t) => {
  const head = renderOf(e, 'staging')!.head;
  t.ok(objectsOf(head).length > 0);
  t.same(objectsOf({ ok: false, reason: 'kustomize', error: 'boom' }), []);
  const deployment = findObject(objectsOf(head), 'Deployment', 'payment-api');
  t.equal(deployment?.['kind'], 'Deployment');
  t.equal(findObject(objectsOf(head), 'Service', 'nope'), undefined);
  t.equal(findObject(objectsOf(head), 'Secret', 'payment-api'), undefined, 'the kind must match too');
  t.equal(idOf(deployment!), 'Deployment/payment-api');
});

t.test('a name is read only from object metadata', async (t) => {
  t.equal(nameOf({ metadata: { name: 'a' } }), 'a');
  t.equal(nameOf({ metadata: {} }), '');
  t.equal(nameOf({ metadata: null }), '');
  t.equal(nameOf({ metadata: 'a' }), '');
  t.equal(nameOf({}), '');
  t.equal(nameOf({ metadata: { name: 5 } }), '5');
  t.equal(idOf({ kind: 'Service' }), 'Service/');
});

t.test('a matchLabels selector: key=value pairs, or what is wrong with it', async (t) => {
  t.same(parseSelector('app=payment-api'), { app: 'payment-api' });
  t.same(parseSelector(' app = payment-api , tier=backend'), { app: 'payment-api', tier: 'backend' });
  t.same(parseSelector('empty='), { empty: '' }, 'an empty value is a value');
  t.equal(parseSelector('app'), '"app" is not key=value');
  t.equal(parseSelector('=x'), '"=x" is not key=value');
  t.equal(parseSelector('app=a,'), '"" is not key=value');
  t.equal(parseSelector('app==a'), '"app==a": only = is supported (matchLabels), not == or !=');
  t.equal(parseSelector('a=1,a=2'), 'the key "a" is given twice');
  t.equal(parseSelector('tier!=backend'), '"tier!=backend": only = is supported (matchLabels), not == or !=');
  t.equal(parseSelector('ti er=backend'), '"ti er" is not a label key');
  t.same(parseSelector('app.kubernetes.io/name=payment-api,pod-template-hash=6d8c75bbf'), { 'app.kubernetes.io/name': 'payment-api', 'pod-template-hash': '6d8c75bbf' });
  t.equal(parseSelector('app=a b'), '"a b" is not a label value');
  t.equal(parseSelector(`app=${'x'.repeat(64)}`), `"${'x'.repeat(64)}" is not a label value`, 'at most 63 characters');
  t.same(parseSelector(`app=${'x'.repeat(63)}`), { app: 'x'.repeat(63) });
  const bad = LabelSelector.safeParse('tier in (a)');
  t.notOk(bad.success);
  t.equal(bad.error?.issues[0]?.message, 'is not a matchLabels selector (key=value,...): "tier in (a)" is not key=value');
  t.ok(LabelSelector.safeParse('tier=backend').success);
});

t.test('a target names one object by name, name prefix or labels (live ReplicaSets as recorded: two, hash-suffixed)', async (t) => {
  const live = fixture('promote-staging-image', 'argocd', 'solution', 'live').cluster!.environments['staging']!;
  const sets = live.objects['ReplicaSet']!;
  t.same(sets.map(nameOf), ['payment-api-6d8c75bbf', 'payment-api-7589bff9b8']);
  t.same(matchTarget(sets, { kind: 'ReplicaSet', namePrefix: 'payment-api-' }).map(nameOf), ['payment-api-6d8c75bbf', 'payment-api-7589bff9b8']);
  t.same(matchTarget(sets, { kind: 'ReplicaSet', namePrefix: 'payment-api-75' }).map(nameOf), ['payment-api-7589bff9b8']);
  t.same(matchTarget(sets, { kind: 'ReplicaSet', selector: 'pod-template-hash=6d8c75bbf' }).map(nameOf), ['payment-api-6d8c75bbf']);
  t.same(matchTarget(sets, { kind: 'ReplicaSet', selector: 'pod-template-hash=6d8c75bbf,tier=frontend' }), [], 'every pair must hold');
  t.same(matchTarget(sets, { kind: 'Deployment', namePrefix: 'payment-api-' }), [], 'the kind must match too');
  t.same(matchTarget(sets, { kind: 'ReplicaSet', name: 'payment-api-' }), [], 'a name is exact');

  const one = pickTarget(sets, { kind: 'ReplicaSet', selector: 'pod-template-hash=6d8c75bbf' }, live.namespace);
  t.same(one.ok && [one.id, one.where], ['ReplicaSet/payment-api-6d8c75bbf', 'ReplicaSet/payment-api-6d8c75bbf (the one ReplicaSet with labels pod-template-hash=6d8c75bbf)']);
  const byName = pickTarget(sets, { kind: 'ReplicaSet', name: 'payment-api-7589bff9b8' }, live.namespace);
  t.same(byName.ok && byName.where, 'ReplicaSet/payment-api-7589bff9b8', 'by name, the id alone');
  const several = pickTarget(sets, { kind: 'ReplicaSet', namePrefix: 'payment-api-' }, 'payments-staging-3e0016');
  t.same(several, {
    ok: false,
    matches: ['ReplicaSet/payment-api-6d8c75bbf', 'ReplicaSet/payment-api-7589bff9b8'],
    message: 'ReplicaSet payment-api-* matches 2 objects in payments-staging-3e0016 (ReplicaSet/payment-api-6d8c75bbf, ReplicaSet/payment-api-7589bff9b8), so the check cannot tell which to judge.',
    expected: 'exactly one ReplicaSet payment-api-*',
    actual: 'ReplicaSet/payment-api-6d8c75bbf, ReplicaSet/payment-api-7589bff9b8',
  });
  const none = pickTarget(sets, { kind: 'ReplicaSet', selector: 'app=checkout' }, 'the staging render');
  t.same(none, { ok: false, matches: [], message: 'No ReplicaSet with labels app=checkout is in the staging render.', expected: 'exactly one ReplicaSet with labels app=checkout', actual: 'none' });
  const missing = pickTarget(sets, { kind: 'ReplicaSet', name: 'x' }, 'the staging render');
  t.same(missing, { ok: false, matches: [], message: 'ReplicaSet/x is not in the staging render.', expected: 'ReplicaSet/x present', actual: 'absent' });
});

t.test('exactly one of name, namePrefix and selector; labels read only from metadata.labels', async (t) => {
  t.ok(hasOneTarget({ name: 'a' }));
  t.ok(hasOneTarget({ namePrefix: 'a' }));
  t.ok(hasOneTarget({ selector: 'a=b' }));
  t.notOk(hasOneTarget({}));
  t.notOk(hasOneTarget({ name: 'a', selector: 'a=b' }));
  t.notOk(hasOneTarget({ name: 'a', namePrefix: 'a' }));
  t.equal(describeTarget({ kind: 'ConfigMap', namePrefix: 'cfg-' }), 'ConfigMap cfg-*');
  t.equal(describeTarget({ kind: 'ConfigMap', selector: 'a=b' }), 'ConfigMap with labels a=b');
  t.equal(describeTarget({ kind: 'ConfigMap', name: 'cfg' }), 'ConfigMap/cfg');
  t.same(labelsOf({ metadata: { labels: { a: 'b' } } }), { a: 'b' });
  t.same(labelsOf({ metadata: { labels: ['a'] } }), {});
  t.same(labelsOf({ metadata: null }), {});
  t.same(labelsOf({ labels: { a: 'b' } }), {});
  t.same(matchTarget([{ kind: 'Pod', metadata: { name: 'p', labels: { n: 1 } } }], { kind: 'Pod', selector: 'n=1' }), [], 'a label value that is not the string does not match');
});
