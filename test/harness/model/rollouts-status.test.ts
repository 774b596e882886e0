/**
 * readRollout on Rollouts recorded from real runs of canary-failed-analysis (test/fixtures/live, both controllers),
 * each field the harness reads, and on odd input: no object, no status, fields of the wrong type, fields the model
 * does not name.
 */
import t from 'tap';
import { firstImage, readRollout, rolloutCondition, strategyOf } from '../../../harness/model/rollouts-status.js';
import { fixture } from '../../helpers/fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case edits the recorded JSON freely
type Raw = Record<string, any>;
const recorded = (controller: 'argocd' | 'flux', phase: string): Raw => {
  const rollouts = fixture('canary-failed-analysis', controller, phase, 'live').cluster!.environments['staging']!.objects['Rollout']!;
  return structuredClone(rollouts[0] as Raw);
};
const ANALYSIS_FAILED = 'Metric "smoke-test" assessed Failed due to failed (1) > failureLimit (0)';

for (const c of ['argocd', 'flux'] as const) {
  t.test(`${c}: the seed, aborted by its failed background analysis, read as written`, async (t) => {
    const raw = recorded(c, 'faults');
    const r = readRollout(raw);
    t.equal(r.metadata.name, 'payment-api');
    t.equal(r.status.phase, 'Degraded');
    t.equal(r.status.message, `RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: ${ANALYSIS_FAILED}`);
    t.equal(r.status.abort, true);
    t.equal(r.status.abortedAt, raw['status'].abortedAt);
    t.match(r.status.abortedAt, /^\d{4}-\d\d-\d\dT/);
    t.equal(r.status.stableRS, '89444bc7', 'the old ReplicaSet is still stable');
    t.equal(r.status.currentPodHash, '7fbdcfd7c7', 'the new pod template');
    t.equal(r.status.currentStepIndex, 0, 'back to the first step after the abort');
    t.same(r.status.pauseConditions, [], 'recorded without pauseConditions');
    t.same(r.status.canary.currentBackgroundAnalysisRunStatus, { name: 'payment-api-7fbdcfd7c7-2', status: 'Failed', message: ANALYSIS_FAILED });
    t.equal(r.status.canary.currentStepAnalysisRunStatus, undefined, 'no step analysis: the analysis runs in the background');
    t.same(r.status.blueGreen, {}, 'a canary Rollout: the controller writes blueGreen as {}');
    t.same(r.status.conditions.map((x) => [x.type, x.status, x.reason]), [
      ['Healthy', 'False', 'RolloutHealthy'],
      ['Completed', 'False', 'RolloutCompleted'],
      ['Available', 'True', 'AvailableReason'],
      ['Paused', 'True', 'RolloutPaused'],
      ['Progressing', 'False', 'RolloutAborted'],
    ]);
    t.equal(rolloutCondition(r, 'Progressing')?.message, `Rollout aborted update to revision 2: Background analysis phase error/failed: ${ANALYSIS_FAILED}`);
    t.equal(rolloutCondition(r, 'InvalidSpec'), undefined);
    t.equal(firstImage(r), 'nginx:1.27.9');
    t.same(r.spec.template.spec.containers.map((x) => [x.name, x.image]), [['payment-api', 'nginx:1.27.9']]);
    t.equal(strategyOf(r), 'canary');
    t.equal(r.spec.strategy.blueGreen, undefined);
  });

  t.test(`${c}: the solution is Healthy and fully promoted on the stable image`, async (t) => {
    const r = readRollout(recorded(c, 'solution'));
    t.equal(r.status.phase, 'Healthy');
    t.equal(r.status.message, undefined, 'a Healthy Rollout has no message');
    t.equal(r.status.abort, undefined, 'the abort is cleared');
    t.equal(r.status.stableRS, '89444bc7');
    t.equal(r.status.currentPodHash, r.status.stableRS, 'stable is current: fully promoted');
    t.equal(r.status.currentStepIndex, 4, 'past the last of the 4 steps');
    t.same(r.status.canary, {});
    t.equal(firstImage(r), 'nginx:1.27.5');
    t.equal(rolloutCondition(r, 'Healthy')?.status, 'True');
  });

  t.test(`${c}: ReplicaSets deleted by hand make the bad image stable`, async (t) => {
    const r = readRollout(recorded(c, 'wrong-delete-replicasets-by-hand'));
    t.same([r.status.phase, r.status.stableRS, r.status.currentPodHash, firstImage(r)], ['Healthy', '7fbdcfd7c7', '7fbdcfd7c7', 'nginx:1.27.9']);
  });
}

t.test('fields the model does not name are kept', async (t) => {
  const raw = recorded('argocd', 'faults');
  const r = readRollout(raw);
  t.equal(r['kind'], 'Rollout');
  t.equal(r['apiVersion'], 'argoproj.io/v1alpha1');
  t.equal(r.status['observedGeneration'], raw['status'].observedGeneration);
  t.equal(r.status['HPAReplicas'], 4);
  t.equal(r.status['currentStepHash'], raw['status'].currentStepHash);
  t.same(r.spec.strategy.canary, raw['spec'].strategy.canary, 'the canary strategy (steps, analysis) as written');
  t.same(r.spec['selector'], raw['spec'].selector);
  t.same(r.spec.template['metadata'], raw['spec'].template.metadata);
  t.same(r.spec.template.spec.containers[0], raw['spec'].template.spec.containers[0], 'ports, probes, resources kept');
  t.equal(r.status.conditions[0]!['lastUpdateTime'], raw['status'].conditions[0].lastUpdateTime, 'Rollout conditions carry lastUpdateTime too');
});

t.test('paused on a step, a step analysis running, and a blueGreen Rollout, as the controller writes them', async (t) => {
  // Not recorded: a canary paused on its pause step (pauseConditions with reason CanaryPauseStep, controllerPause)
  // and a step AnalysisRun, and a blueGreen Rollout waiting for promotion; shapes from types.go.
  const raw = recorded('argocd', 'solution');
  Object.assign(raw['status'], {
    phase: 'Paused',
    message: 'CanaryPauseStep',
    currentStepIndex: 1,
    controllerPause: true,
    pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-12-02T04:45:10Z' }],
    canary: { currentStepAnalysisRunStatus: { name: 'payment-api-7fbdcfd7c7-2-1', status: 'Running' } },
  });
  const paused = readRollout(raw);
  t.same(paused.status.pauseConditions, [{ reason: 'CanaryPauseStep', startTime: '2026-12-02T04:45:10Z' }]);
  t.equal(paused.status.currentStepIndex, 1);
  t.same(paused.status.canary.currentStepAnalysisRunStatus, { name: 'payment-api-7fbdcfd7c7-2-1', status: 'Running' });
  t.equal(paused.status['controllerPause'], true);

  raw['spec'].strategy = { blueGreen: { activeService: 'payment-api', previewService: 'payment-api-preview', autoPromotionEnabled: false } };
  raw['status'] = { phase: 'Paused', pauseConditions: [{ reason: 'BlueGreenPause', startTime: '2026-12-02T04:45:10Z' }], blueGreen: { activeSelector: '89444bc7', previewSelector: '7fbdcfd7c7' } };
  const bg = readRollout(raw);
  t.equal(strategyOf(bg), 'blueGreen');
  t.same(bg.spec.strategy.blueGreen, { activeService: 'payment-api', previewService: 'payment-api-preview', autoPromotionEnabled: false });
  t.same([bg.status.blueGreen.activeSelector, bg.status.blueGreen.previewSelector], ['89444bc7', '7fbdcfd7c7']);
  t.equal(bg.status.currentStepIndex, undefined, 'blueGreen has no steps');
  t.same(bg.status.pauseConditions.map((p) => p.reason), ['BlueGreenPause']);
});

t.test('odd input never throws: no object, no status, wrong types read as absent', async (t) => {
  const empty = {
    metadata: { annotations: {} },
    spec: { strategy: {}, template: { spec: { containers: [] } } },
    status: { pauseConditions: [], conditions: [], canary: {}, blueGreen: {} },
  };
  for (const odd of [undefined, null, 'Rollout', 7, [], {}, { status: null }, { status: 'Healthy' }, { spec: [] }]) t.same(readRollout(odd), empty, JSON.stringify(odd) ?? 'undefined');
  const r = readRollout({
    spec: { strategy: { canary: 'steps', blueGreen: [] }, template: { spec: { containers: [null, { image: 5, name: 'a' }, { image: 'nginx:1.27.5' }] } } },
    status: {
      phase: 3,
      message: { reason: 'x' },
      abort: 'true',
      abortedAt: 0,
      pauseConditions: [{ startTime: 'no reason' }, 'CanaryPauseStep', { reason: 'BlueGreenPause', startTime: 1 }],
      currentPodHash: 7,
      stableRS: ['89444bc7'],
      currentStepIndex: '2',
      conditions: [{ type: 'Progressing', reason: 9 }, { reason: 'no type' }],
      canary: { currentStepAnalysisRunStatus: 'Failed', currentBackgroundAnalysisRunStatus: { status: false, message: 'm' } },
      blueGreen: 'active',
    },
  });
  t.same(r.status, {
    pauseConditions: [{ reason: 'BlueGreenPause' }],
    conditions: [{ type: 'Progressing' }],
    canary: { currentBackgroundAnalysisRunStatus: { message: 'm' } },
    blueGreen: {},
  });
  t.equal(strategyOf(r), undefined, 'strategies that are not objects read as absent');
  t.same(r.spec.template.spec.containers, [{ name: 'a' }, { image: 'nginx:1.27.5' }], 'a container that is not an object is left out');
  t.equal(firstImage(r), undefined, 'the first container has no string image');
  t.equal(readRollout({ status: { currentStepIndex: 1.5 } }).status.currentStepIndex, undefined, 'a step index is an integer');
});

t.test('blueGreen selectors of the wrong type read as absent', async (t) => {
  const r = readRollout({ status: { blueGreen: { activeSelector: 5, previewSelector: { hash: 'x' } } } });
  t.same([r.status.blueGreen.activeSelector, r.status.blueGreen.previewSelector], [undefined, undefined]);
  t.same(readRollout({ status: { blueGreen: { activeSelector: '7d9f', previewSelector: '5c6b' } } }).status.blueGreen, { activeSelector: '7d9f', previewSelector: '5c6b' });
});
