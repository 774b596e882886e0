/**
 * render.field on a layer (a kustomize directory that is not an environment): base-leak's base is judged by
 * what it renders, so pinning the released image through the base's own `images:` is as right as editing the
 * Deployment. Evidence recorded offline by `gitops-lab record base-leak` (real git, real kustomize).
 */
import t from 'tap';
import { field } from '../../../graders/render/field.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const params = field.params.parse({ layer: 'base', kind: 'Deployment', name: 'payment-api', path: 'spec.template.spec.containers[name=payment-api].image', equals: 'nginx:1.27.4' });

t.test('the base renders the released image whichever of its files holds it', async (t) => {
  const edited = field.grade(fixture('base-leak', 'argocd', 'solution'), params, ctx);
  t.equal(edited.status, 'pass');
  t.equal(edited.message, 'layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.4".');
  t.equal(field.grade(fixture('base-leak', 'argocd', 'alternative-pin-in-base-kustomization'), params, ctx).status, 'pass', "the base's images: pin");
});

t.test('the leak still in the base, or pinned in prod instead: the base renders 1.27.5', async (t) => {
  for (const phase of ['faults', 'wrong-pin-prod-overlay']) {
    const r = field.grade(fixture('base-leak', 'argocd', phase), params, ctx);
    t.equal(r.status, 'fail', phase);
    t.equal(r.message, 'layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".');
    t.same(r.mismatches, [{ path: 'Deployment/payment-api spec.template.spec.containers[name=payment-api].image', got: '"nginx:1.27.5"', expected: '"nginx:1.27.4"' }]);
    t.equal(r.why, 'Every environment built on layer base starts from what it renders.');
  }
});

t.test('evidence without the layer (older bundles) cannot be judged; a layer that does not render fails', async (t) => {
  const older = variant(fixture('base-leak', 'argocd', 'solution'), (e) => {
    delete (e.render as { layers?: unknown }).layers;
  });
  const r = field.grade(older, params, ctx);
  t.equal(r.status, 'error');
  t.equal(r.message, 'The evidence has no render for layer "base".');
  const broken = variant(fixture('base-leak', 'argocd', 'solution'), (e) => {
    e.render.layers![0]!.head = { ok: false, reason: 'error', error: 'accumulating resources: missing.yaml' } as never;
  });
  const b = field.grade(broken, params, ctx);
  t.equal(b.status, 'fail');
  t.match(b.message, /^layer base does not render/);
});

t.test('exactly one of environment and layer', async (t) => {
  t.notOk(field.params.safeParse({ kind: 'Deployment', name: 'x', path: 'spec', equals: 1 }).success, 'neither');
  t.notOk(field.params.safeParse({ environment: 'prod', layer: 'base', kind: 'Deployment', name: 'x', path: 'spec', equals: 1 }).success, 'both');
  t.equal(field.describe!(params), 'layer base Deployment/payment-api spec.template.spec.containers[name=payment-api].image = "nginx:1.27.4"');
});
