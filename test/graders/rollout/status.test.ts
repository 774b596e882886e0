/**
 * rollout.status on evidence recorded on real Argo Rollouts (canary-failed-analysis, both controllers): the seed
 * (canary aborted by its failed analysis: Degraded on 1.27.9, stable still the old ReplicaSet), the solution (abort
 * and revert: Healthy on 1.27.5, fully promoted), and the wrong fix that deletes ReplicaSets by hand (Healthy, but
 * the bad 1.27.9 became stable).
 */
import t from 'tap';
import { rolloutStatus } from '../../../graders/rollout/status.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const rec = (controller: 'argocd' | 'flux', phase: string) => fixture('canary-failed-analysis', controller, phase, 'live');
const healthyOnStable = rolloutStatus.params.parse({ environment: 'staging', rollout: 'payment-api', phase: 'Healthy', image: 'nginx:1.27.5' });
const ABORTED = 'RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: Metric "smoke-test" assessed Failed due to failed (1) > failureLimit (0)';

for (const c of ['argocd', 'flux'] as const) {
  t.test(`${c}: the solution is Healthy and fully promoted on the stable image`, async (t) => {
    const r = rolloutStatus.grade(rec(c, 'solution'), healthyOnStable, { controller: c });
    t.same([r.status, r.message], ['pass', 'Rollout/payment-api is Healthy on nginx:1.27.5.']);
  });

  t.test(`${c}: the seed fails on phase, image and promotion, quoting the controller's message`, async (t) => {
    const r = rolloutStatus.grade(rec(c, 'faults'), healthyOnStable, { controller: c });
    t.equal(r.status, 'fail');
    t.equal(r.message, 'Rollout/payment-api is Degraded, expected Healthy on nginx:1.27.5.');
    t.same(r.mismatches, [
      { path: 'Rollout/payment-api status.phase', got: `Degraded (${ABORTED})`, expected: 'Healthy' },
      { path: 'Rollout/payment-api spec image', got: 'nginx:1.27.9', expected: 'nginx:1.27.5' },
      { path: 'Rollout/payment-api status.stableRS', got: '89444bc7', expected: '7fbdcfd7c7 (currentPodHash: fully promoted)' },
    ]);
    t.same([r.expected, r.actual], ['Healthy', 'Degraded']);
    t.match(r.why, 'its phase says where it stopped');
    t.same(rolloutStatus.grade(rec(c, 'wrong-abort-only'), healthyOnStable, { controller: c }).mismatches!.length, 3, 'aborting alone changes none of it');
  });

  t.test(`${c}: ReplicaSets deleted by hand leave a Healthy Rollout on the bad image`, async (t) => {
    const e = rec(c, 'wrong-delete-replicasets-by-hand');
    const r = rolloutStatus.grade(e, healthyOnStable, { controller: c });
    t.equal(r.status, 'fail');
    t.equal(r.message, 'Rollout/payment-api is Healthy, expected Healthy on nginx:1.27.5.');
    t.same(r.mismatches, [{ path: 'Rollout/payment-api spec image', got: 'nginx:1.27.9', expected: 'nginx:1.27.5' }], 'stable is current: only the image is wrong');
    const phaseOnly = rolloutStatus.params.parse({ environment: 'staging', rollout: 'payment-api', phase: 'Healthy' });
    t.same([rolloutStatus.grade(e, phaseOnly, { controller: c }).status, rolloutStatus.grade(e, phaseOnly, { controller: c }).message], ['pass', 'Rollout/payment-api is Healthy.'], 'without an image, only the phase');
  });
}

t.test('a phase other than expected, without a controller message', async (t) => {
  const paused = rolloutStatus.params.parse({ environment: 'staging', rollout: 'payment-api', phase: 'Paused' });
  const r = rolloutStatus.grade(rec('argocd', 'solution'), paused, { controller: 'argocd' });
  t.equal(r.message, 'Rollout/payment-api is Healthy, expected Paused.');
  t.same(r.mismatches, [{ path: 'Rollout/payment-api status.phase', got: 'Healthy', expected: 'Paused' }]);
  const degraded = rolloutStatus.params.parse({ environment: 'staging', rollout: 'payment-api', phase: 'Degraded' });
  t.equal(rolloutStatus.grade(rec('argocd', 'faults'), degraded, { controller: 'argocd' }).status, 'pass', 'the seed is what Degraded means');
});

t.test('a Rollout without status, without containers, or absent', async (t) => {
  const noStatus = variant(rec('argocd', 'solution'), (e) => {
    for (const r of e.cluster!.environments['staging']!.objects['Rollout'] as Record<string, unknown>[]) {
      delete r['status'];
      (r['spec'] as { template: { spec: { containers: unknown[] } } }).template.spec.containers = [];
    }
  });
  const r = rolloutStatus.grade(noStatus, healthyOnStable, { controller: 'argocd' });
  t.equal(r.message, 'Rollout/payment-api is Unknown, expected Healthy on nginx:1.27.5.');
  t.same(r.mismatches!.map((m) => m.got), ['Unknown', 'undefined'], 'no phase reads Unknown; no container, no image; stable and current both absent agree');
  const other = rolloutStatus.params.parse({ environment: 'staging', rollout: 'checkout', phase: 'Healthy' });
  const absent = rolloutStatus.grade(rec('argocd', 'solution'), other, { controller: 'argocd' });
  const ns = rec('argocd', 'solution').cluster!.environments['staging']!.namespace;
  t.same([absent.status, absent.message, absent.expected, absent.actual], ['fail', `Rollout/checkout does not exist in ${ns}.`, 'Healthy', 'absent']);
  t.equal(rolloutStatus.grade(rec('argocd', 'solution'), rolloutStatus.params.parse({ environment: 'qa', rollout: 'payment-api', phase: 'Healthy' }), { controller: 'argocd' }).status, 'error');
});

t.test('status fields of the wrong type read as absent (harness/model/rollouts-status.ts)', async (t) => {
  const odd = variant(rec('argocd', 'faults'), (e) => {
    const r = (e.cluster!.environments['staging']!.objects['Rollout'] as { status: Record<string, unknown> }[])[0]!;
    Object.assign(r.status, { phase: 3, message: { reason: 'RolloutAborted' }, stableRS: 89444, currentPodHash: ['7fbdcfd7c7'] });
  });
  const r = rolloutStatus.grade(odd, healthyOnStable, { controller: 'argocd' });
  t.equal(r.message, 'Rollout/payment-api is Unknown, expected Healthy on nginx:1.27.5.');
  t.same(r.mismatches, [
    { path: 'Rollout/payment-api status.phase', got: 'Unknown', expected: 'Healthy' },
    { path: 'Rollout/payment-api spec image', got: 'nginx:1.27.9', expected: 'nginx:1.27.5' },
  ], 'a phase that is not a string is Unknown, with no message; stable and current both unreadable agree');
});

t.test('describe and parameters', async (t) => {
  t.equal(rolloutStatus.describe(healthyOnStable), 'Rollout/payment-api in staging is Healthy on nginx:1.27.5');
  t.equal(rolloutStatus.describe(rolloutStatus.params.parse({ environment: 'staging', rollout: 'payment-api', phase: 'Paused' })), 'Rollout/payment-api in staging is Paused');
  t.notOk(rolloutStatus.params.safeParse({ environment: 'staging', rollout: 'payment-api', phase: 'Aborted' }).success, 'Argo Rollouts phases only');
  t.same([rolloutStatus.name, rolloutStatus.boundary], ['rollout.status', 'rollout']);
});
