/**
 * The offline self-test catches a scenario that would grade unfairly: an idle attempt that earns points, an
 * alternative right fix that loses points. Real plays (real git, real kubectl kustomize) of bank scenarios.
 */
import t from 'tap';
import { selfTestOffline } from '../../../harness/runner/self-test.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import type { Scenario } from '../../../harness/model/scenario.js';

t.test('the bank scenario with alternatives passes, and its alternatives are played', async (t) => {
  const { scenario, dir } = await loadScenario('stale-branch');
  t.ok(scenario.alternativeSolutions.length >= 2);
  const r = await selfTestOffline(scenario, dir, 'argocd');
  t.same(r.problems, []);
});

t.test('an alternative that is not a right fix is a defect naming it', async (t) => {
  const { scenario, dir } = await loadScenario('stale-branch');
  const bogus: Scenario = {
    ...scenario,
    alternativeSolutions: [
      {
        id: 'rename-only',
        summary: 'Touches the registration without fixing it.',
        steps: [{ action: 'git.commit', message: 'payment-api: staging', edits: [{ op: 'replace', file: 'platform/clusters/staging/argocd/payment-api.yaml', find: 'namespace: argocd', with: 'namespace: argocd # staging' }] }],
      } as Scenario['alternativeSolutions'][number],
    ],
    wrongSolutions: [],
  };
  const r = await selfTestOffline(bogus, dir, 'argocd');
  t.ok(r.problems.some((p) => p.phase === 'alternative-rename-only' && /staging-tracks-main fails after alternative solution "rename-only"/.test(p.message)), JSON.stringify(r.problems));
});

t.test('an idle attempt that earns points is a defect of the idle phase', async (t) => {
  const { scenario, dir } = await loadScenario('promote-staging-image');
  // Mark a guard as the only progress check: on the seed it passes, so the guards pay and idle scores.
  const leaky: Scenario = {
    ...scenario,
    checks: scenario.checks.map((c) => (c.name === 'base-untouched' ? { ...c, failsAfterFaults: true, progress: true } : { ...c, progress: false })),
    alternativeSolutions: [],
    wrongSolutions: [],
  };
  const r = await selfTestOffline(leaky, dir, 'argocd');
  t.ok(r.problems.some((p) => p.phase === 'idle' && /the untouched seed scores [1-9]\d*\//.test(p.message)), JSON.stringify(r.problems));
});
