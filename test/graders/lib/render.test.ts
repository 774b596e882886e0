/** Reading renders out of evidence: environments, layers, objects by kind and name. On a recorded offline play. */
import t from 'tap';
import { findObject, idOf, layerOf, nameOf, objectsOf, renderOf } from '../../../graders/lib/render.js';
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
