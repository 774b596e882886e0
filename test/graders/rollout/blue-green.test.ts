/**
 * rollout.blue-green on evidence recorded on real Argo Rollouts (bluegreen-preview-selector): the seed (InvalidSpec:
 * the preview Service selects role: preview, no preview ReplicaSet), the learner's fix once the Rollouts controller
 * answered it (`solution`: Paused, preview on the new ReplicaSet; recorded with `grade --out` 25 s after the push), the
 * fix graded before the Rollouts controller answered it (`solution-early`: validate's solution phase before the settle
 * waited for Rollouts), the wrong fix that swaps
 * the Services, and the same fix under Flux, whose server-side apply took the whole (atomic) selector and dropped
 * rollouts-pod-template-hash, so the Rollout promoted 1.27.6 at once.
 */
import t from 'tap';
import { rolloutBlueGreen } from '../../../graders/rollout/blue-green.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const rec = (controller: 'argocd' | 'flux', phase: string) => fixture('bluegreen-preview-selector', controller, phase, 'live');
const awaiting = rolloutBlueGreen.params.parse({ environment: 'staging', rollout: 'payment-api', awaitingPromotion: true, activeService: 'payment-api', previewService: 'payment-api-preview', minReady: 2 });
const ctx = { controller: 'argocd' as const };

t.test('the fix, answered: active on the stable ReplicaSet, preview on the new one, each with its own Pods', async (t) => {
  const r = rolloutBlueGreen.grade(rec('argocd', 'solution'), awaiting, ctx);
  t.same([r.status, r.message], [
    'pass',
    'Rollout/payment-api: active Service/payment-api serves 89444bc7 (the stable ReplicaSet, 2 ready); preview Service/payment-api-preview serves 97db4f58 (the new ReplicaSet, 2 ready); awaiting promotion.',
  ]);
  const promoted = rolloutBlueGreen.params.parse({ environment: 'staging', rollout: 'payment-api', awaitingPromotion: false });
  const p = rolloutBlueGreen.grade(rec('argocd', 'solution'), promoted, ctx);
  t.equal(p.status, 'fail', 'awaiting promotion is not fully promoted');
  t.same(p.mismatches, [
    { path: 'Rollout/payment-api status.stableRS', got: '89444bc7', expected: '97db4f58 (currentPodHash: fully promoted)' },
    { path: 'Rollout/payment-api status.blueGreen.previewSelector', got: '97db4f58', expected: '89444bc7 (the stable ReplicaSet)' },
    { path: 'Service/payment-api-preview spec.selector["rollouts-pod-template-hash"]', got: '97db4f58', expected: '89444bc7 (the stable ReplicaSet)' },
    { path: 'Service/payment-api-preview endpoints', got: 'Pods not of 89444bc7: payment-api-97db4f58-cctk8, payment-api-97db4f58-275td', expected: 'only Pods of the stable ReplicaSet' },
  ]);
});

const NOTHING_WAITS = { path: 'Rollout/payment-api status.currentPodHash', got: '89444bc7 (stableRS 89444bc7)', expected: 'a new ReplicaSet, not the stable one: a release awaiting promotion' };

t.test('argocd seed: InvalidSpec, nothing waits for promotion, and the preview selects no Pod', async (t) => {
  const r = rolloutBlueGreen.grade(rec('argocd', 'faults'), awaiting, ctx);
  t.same([r.status, r.message], ['fail', 'Rollout/payment-api is not serving as a blue-green rollout awaiting promotion should: 2 mismatch(es).']);
  t.same(r.mismatches, [
    NOTHING_WAITS,
    { path: 'Service/payment-api-preview endpoints', got: '0 ready (selector {"app.kubernetes.io/name":"payment-api","role":"preview","rollouts-pod-template-hash":"89444bc7","tier":"backend"})', expected: '≥2 ready Pods of the new ReplicaSet' },
  ]);
  t.equal(r.actual, 'stableRS 89444bc7, currentPodHash 89444bc7, activeSelector 89444bc7, previewSelector 89444bc7');
  t.match(r.why, 'verified through the preview Service before promotion');
});

t.test('argocd fix graded before the Rollouts controller answered it: the preview has Pods, but nothing waits for promotion', async (t) => {
  const r = rolloutBlueGreen.grade(rec('argocd', 'solution-early'), awaiting, ctx);
  t.same([r.status, r.mismatches], ['fail', [NOTHING_WAITS]]);
});

t.test('the Services swapped in the Rollout: the names the check expects are not the ones the Rollout uses', async (t) => {
  const r = rolloutBlueGreen.grade(rec('argocd', 'wrong-swap-active-and-preview'), awaiting, ctx);
  t.equal(r.status, 'fail');
  t.same(r.mismatches!.slice(0, 2), [
    { path: 'Rollout/payment-api spec.strategy.blueGreen.activeService', got: 'payment-api-preview', expected: 'payment-api' },
    { path: 'Rollout/payment-api spec.strategy.blueGreen.previewService', got: 'payment-api', expected: 'payment-api-preview' },
  ]);
});

t.test('flux: the selector without the hash (taken by server-side apply), and the Rollout promoted at once', async (t) => {
  const e = rec('flux', 'solution-selector-taken-by-flux');
  const r = rolloutBlueGreen.grade(e, awaiting, { controller: 'flux' });
  t.equal(r.status, 'fail');
  t.same(r.mismatches!.filter((m) => m.path.endsWith('["rollouts-pod-template-hash"]')).map((m) => m.got), ['undefined', 'undefined'], 'neither live Service carries the hash');
});

t.test('endpoints that are not Pods of the ReplicaSet, or not Pods the evidence holds', async (t) => {
  const stranger = variant(rec('argocd', 'solution'), (e) => {
    const pods = e.cluster!.environments['staging']!.objects['Pod'] as { metadata: { name: string; labels: Record<string, string> } }[];
    const p = pods.find((x) => x.metadata.name === 'payment-api-97db4f58-cctk8')!;
    p.metadata.labels['rollouts-pod-template-hash'] = '89444bc7';
    const slices = e.cluster!.environments['staging']!.objects['EndpointSlice'] as { endpoints?: { targetRef?: { name?: string } }[] }[];
    for (const s of slices) for (const ep of s.endpoints ?? []) if (ep.targetRef?.name === 'payment-api-97db4f58-275td') ep.targetRef.name = 'gone';
  });
  const r = rolloutBlueGreen.grade(stranger, awaiting, ctx);
  t.same(r.mismatches, [{ path: 'Service/payment-api-preview endpoints', got: 'Pods not of 97db4f58: payment-api-97db4f58-cctk8, gone', expected: 'only Pods of the new ReplicaSet' }]);
});

t.test('absent, canary, another environment', async (t) => {
  const e = rec('argocd', 'solution');
  const other = rolloutBlueGreen.params.parse({ environment: 'staging', rollout: 'checkout', awaitingPromotion: true });
  t.same([rolloutBlueGreen.grade(e, other, ctx).status, rolloutBlueGreen.grade(e, other, ctx).actual], ['fail', 'absent']);
  const canary = variant(e, (x) => {
    const r = (x.cluster!.environments['staging']!.objects['Rollout'] as { spec: { strategy: Record<string, unknown> } }[])[0]!;
    r.spec.strategy = { canary: { steps: [] } };
  });
  t.equal(rolloutBlueGreen.grade(canary, awaiting, ctx).message, 'Rollout/payment-api is not a blue-green Rollout (strategy: canary).');
  t.equal(rolloutBlueGreen.grade(e, rolloutBlueGreen.params.parse({ environment: 'qa', rollout: 'payment-api', awaitingPromotion: true }), ctx).status, 'error');
  t.throws(() => rolloutBlueGreen.params.parse({ environment: 'staging', rollout: 'payment-api' }), 'awaitingPromotion is required');
});

// Variants of the recorded fix, one per case a recording did not hold (their mutation survivors).
type Slice = { metadata?: { labels?: Record<string, string> }; endpoints?: { conditions?: { ready?: boolean }; targetRef?: { kind?: string; name?: string } }[] };
const previewSlices = (e: ReturnType<typeof rec>): Slice[] =>
  (e.cluster!.environments['staging']!.objects['EndpointSlice'] as Slice[]).filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === 'payment-api-preview');
const previewEndpoint = (e: ReturnType<typeof rec>, pod: string) => previewSlices(e).flatMap((s) => s.endpoints ?? []).find((ep) => ep.targetRef?.name === pod)!;

t.test('only ready endpoints count: not ready, or with no conditions at all, is none', async (t) => {
  for (const [why, edit] of [
    ['ready: false', (ep: NonNullable<Slice['endpoints']>[number]) => void (ep.conditions = { ready: false })],
    ['no conditions', (ep: NonNullable<Slice['endpoints']>[number]) => void delete ep.conditions],
  ] as const) {
    const e = variant(rec('argocd', 'solution'), (x) => edit(previewEndpoint(x, 'payment-api-97db4f58-cctk8')));
    const r = rolloutBlueGreen.grade(e, awaiting, ctx);
    t.equal(r.status, 'fail', why);
    t.match(r.mismatches, [{ path: 'Service/payment-api-preview endpoints', got: /^1 ready \(selector /, expected: '≥2 ready Pods of the new ReplicaSet' }], why);
  }
  const sliceWithoutEndpoints = variant(rec('argocd', 'solution'), (x) => {
    for (const s of previewSlices(x)) delete s.endpoints;
  });
  t.match(rolloutBlueGreen.grade(sliceWithoutEndpoints, awaiting, ctx).mismatches, [{ path: 'Service/payment-api-preview endpoints', got: /^0 ready/ }], 'a slice with no endpoints field: none');
});

t.test("an endpoint that is not a Pod, or has no target, serves no ReplicaSet's Pods", async (t) => {
  const e = variant(rec('argocd', 'solution'), (x) => {
    previewEndpoint(x, 'payment-api-97db4f58-cctk8').targetRef!.kind = 'Node';
    delete previewEndpoint(x, 'payment-api-97db4f58-275td').targetRef;
  });
  const r = rolloutBlueGreen.grade(e, awaiting, ctx);
  t.same(r.mismatches, [{ path: 'Service/payment-api-preview endpoints', got: 'Pods not of 97db4f58: payment-api-97db4f58-cctk8, <no target>', expected: 'only Pods of the new ReplicaSet' }]);
});

t.test('a Service the Rollout names that is not there, and a Rollout that names no preview Service', async (t) => {
  const noService = variant(rec('argocd', 'solution'), (x) => {
    const objects = x.cluster!.environments['staging']!.objects;
    objects['Service'] = (objects['Service'] as { metadata: { name: string } }[]).filter((s) => s.metadata.name !== 'payment-api-preview');
  });
  t.same(rolloutBlueGreen.grade(noService, awaiting, ctx).mismatches, [{ path: 'Service/payment-api-preview', got: 'absent', expected: 'the preview Service' }]);
  const noPreview = variant(rec('argocd', 'solution'), (x) => {
    const r = (x.cluster!.environments['staging']!.objects['Rollout'] as { spec: { strategy: { blueGreen: Record<string, unknown> } } }[])[0]!;
    delete r.spec.strategy.blueGreen['previewService'];
  });
  const unnamed = rolloutBlueGreen.params.parse({ environment: 'staging', rollout: 'payment-api', awaitingPromotion: true });
  t.same(rolloutBlueGreen.grade(noPreview, unnamed, ctx).mismatches, [{ path: 'Rollout/payment-api spec.strategy.blueGreen.previewService', got: 'absent', expected: 'a preview Service' }]);
});

t.test('what a failing grade says: the Rollout absent, no strategy, and the expected state', async (t) => {
  const e = rec('argocd', 'solution');
  const absentOne = rolloutBlueGreen.grade(e, rolloutBlueGreen.params.parse({ environment: 'staging', rollout: 'checkout', awaitingPromotion: true }), ctx);
  t.same([absentOne.message, absentOne.expected], [`Rollout/checkout does not exist in ${e.cluster!.environments['staging']!.namespace}.`, 'a blue-green Rollout']);
  const none = variant(e, (x) => {
    (x.cluster!.environments['staging']!.objects['Rollout'] as { spec: { strategy: Record<string, unknown> } }[])[0]!.spec.strategy = {};
  });
  const r = rolloutBlueGreen.grade(none, awaiting, ctx);
  t.same([r.message, r.expected, r.actual], ['Rollout/payment-api is not a blue-green Rollout (strategy: none).', 'blueGreen', 'none']);
  const promoted = rolloutBlueGreen.params.parse({ environment: 'staging', rollout: 'payment-api', awaitingPromotion: false });
  t.equal(rolloutBlueGreen.grade(e, promoted, ctx).expected, 'active Service on the stable ReplicaSet, preview Service on the stable one, each with ready endpoints');
  t.equal(rolloutBlueGreen.grade(rec('argocd', 'faults'), awaiting, ctx).expected, 'active Service on the stable ReplicaSet, preview Service on the new one, each with ready endpoints');
});

t.test('describe names the Services when the check names them', async (t) => {
  t.equal(
    rolloutBlueGreen.describe(awaiting),
    'Rollout/payment-api in staging: the active Service payment-api serves the stable ReplicaSet, the preview Service payment-api-preview the new one, awaiting promotion',
  );
  t.equal(
    rolloutBlueGreen.describe(rolloutBlueGreen.params.parse({ environment: 'staging', rollout: 'payment-api', awaitingPromotion: false })),
    'Rollout/payment-api in staging: the active Service serves the stable ReplicaSet, the preview Service the stable one too (fully promoted)',
  );
});

// bluegreen-preview-renamed, recorded on real Argo Rollouts under both controllers: the base's Services carry Flux's
// `kustomize.toolkit.fluxcd.io/ssa: IfNotPresent`, so under Flux too the Services keep the hash Argo Rollouts adds.
const renamed = (controller: 'argocd' | 'flux', phase: string) => fixture('bluegreen-preview-renamed', controller, phase, 'live');

for (const controller of ['argocd', 'flux'] as const) {
  t.test(`${controller}, a Rollout that names a missing preview Service: refused, then answered once it names payment-api-preview`, async (t) => {
    const seed = rolloutBlueGreen.grade(renamed(controller, 'faults'), awaiting, { controller });
    t.equal(seed.status, 'fail');
    t.same(seed.mismatches!.slice(0, 2), [
      { path: 'Rollout/payment-api spec.strategy.blueGreen.previewService', got: 'payment-api-qa', expected: 'payment-api-preview' },
      NOTHING_WAITS,
    ]);
    const fixed = rolloutBlueGreen.grade(renamed(controller, 'solution'), awaiting, { controller });
    t.same([fixed.status, fixed.message], [
      'pass',
      'Rollout/payment-api: active Service/payment-api serves 89444bc7 (the stable ReplicaSet, 2 ready); preview Service/payment-api-preview serves 97db4f58 (the new ReplicaSet, 2 ready); awaiting promotion.',
    ]);
  });

  t.test(`${controller}, the missing Service created instead: a preview comes up, but not behind payment-api-preview`, async (t) => {
    const r = rolloutBlueGreen.grade(renamed(controller, 'wrong-create-the-missing-service'), awaiting, { controller });
    t.equal(r.status, 'fail');
    t.same(r.mismatches!.map((m) => m.path), [
      'Rollout/payment-api spec.strategy.blueGreen.previewService',
      'Service/payment-api-preview spec.selector["rollouts-pod-template-hash"]',
      'Service/payment-api-preview endpoints',
    ]);
    t.match(r.mismatches![2]!.got, /^Pods not of 97db4f58: payment-api-89444bc7-/);
  });
}
