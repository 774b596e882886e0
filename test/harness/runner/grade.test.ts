/**
 * The scoring path on evidence recorded from real plays: the progress rule (an untouched seed scores 0,
 * guards pay only once the task has made progress), status and first-failure ordering.
 */
import t from 'tap';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyProgressRule, assembleResult, checkVars, gradeCheck, gradeEvidence, progressChecks } from '../../../harness/runner/grade.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { fixture, variant } from '../../helpers/fixtures.js';
import type { CheckResult } from '../../../harness/model/result.js';
import type { CheckSpec } from '../../../harness/model/scenario.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

for (const scope of ['offline', 'live'] as const) {
  for (const id of readdirSync(join(FIXTURES, scope))) {
    const { scenario } = await loadScenario(id);
    for (const controller of readdirSync(join(FIXTURES, scope, id)) as ('argocd' | 'flux')[]) {
      // Evidence recorded on a controller the scenario does not list is why it does not (bluegreen-preview-selector
      // on Flux: server-side apply takes the Service's selector from Argo Rollouts); it has no phases to score.
      if (!scenario.controllers.includes(controller)) continue;
      t.test(`${scope} ${id} on ${controller}: the untouched seed scores 0, the solution full marks`, async (t) => {
        const idle = gradeEvidence(scenario, fixture(id, controller, 'faults', scope));
        t.equal(idle.score, 0, `idle pays: ${idle.checks.filter((c) => c.score > 0).map((c) => c.name).join(', ')}`);
        t.equal(idle.status, 'fail');
        t.ok(idle.maxScore > 0);
        const solved = gradeEvidence(scenario, fixture(id, controller, 'solution', scope));
        const graded = new Set(solved.checks.filter((c) => c.status !== 'skipped').map((c) => c.name));
        if (progressChecks(scenario.checks, graded).length === 0) {
          // Only guards are graded in this scope (the fix is live-only): nothing here can show progress.
          t.ok(solved.checks.filter((c) => c.status === 'pass').every((c) => c.withheld && /graded on a cluster/.test(c.message)), 'guards say the task is graded on a cluster');
          return;
        }
        t.ok(idle.firstFailure, 'the report names a first failure');
        t.equal(solved.status, 'pass');
        t.equal(solved.score, solved.maxScore);
        t.notOk(solved.checks.some((c) => c.withheld), 'nothing withheld once the task is done');
      });
    }
  }
}

const spec = (name: string, extra: Partial<CheckSpec> = {}): CheckSpec => ({ name, grader: 'git.changed-within', with: {}, weight: 2, failsAfterFaults: true, ...extra });
const result = (name: string, status: CheckResult['status'], max = 2): CheckResult => ({
  name,
  grader: 'git.changed-within',
  boundary: 'git',
  status,
  score: status === 'pass' ? max : 0,
  max,
  message: `${name} ${status}.`,
  mismatches: [],
});

t.test('the progress rule: guards are withheld until a progress check passes', async (t) => {
  const specs = [spec('task'), spec('message', { grader: 'git.commit-message', weight: 1 }), spec('guard', { failsAfterFaults: false })];
  const idle = applyProgressRule(specs, [result('task', 'fail'), result('message', 'pass', 1), result('guard', 'pass')]);
  t.same(idle.map((c) => [c.name, c.score, c.withheld ?? false]), [['task', 0, false], ['message', 1, false], ['guard', 0, true]], 'a good message alone is not progress');
  t.match(idle[2]!.message, 'Not scored yet: guards earn their weight once the task has made progress (task).');
  t.equal(idle[2]!.status, 'pass', 'the guard still reports what it saw');
  const progressed = applyProgressRule(specs, [result('task', 'pass'), result('message', 'fail', 1), result('guard', 'pass')]);
  t.same(progressed.map((c) => c.score), [2, 0, 2]);
  t.notOk(progressed.some((c) => c.withheld));
  const failingGuard = applyProgressRule(specs, [result('task', 'fail'), result('message', 'fail', 1), result('guard', 'fail')]);
  t.same(failingGuard.map((c) => [c.status, c.score, c.withheld ?? false]), [['fail', 0, false], ['fail', 0, false], ['fail', 0, false]], 'a failing guard stays a failure');
});

t.test('marked progress checks decide; without any in scope, the scope\'s task checks stand in', async (t) => {
  const specs = [spec('edit'), spec('renders', { progress: true }), spec('guard', { failsAfterFaults: false })];
  t.same(progressChecks(specs, new Set(['edit', 'renders', 'guard'])).map((s) => s.name), ['renders']);
  t.same(progressChecks(specs, new Set(['edit', 'guard'])).map((s) => s.name), ['edit'], 'renders needs a cluster here');
  const onlyEdit = applyProgressRule(specs, [result('edit', 'pass'), result('renders', 'fail'), result('guard', 'pass')]);
  t.equal(onlyEdit[2]!.score, 0, 'an edit that does not render the target is not progress when renders is marked');
  // A task check marked `progress: false` (it passes for reasons other than the fix) never stands in.
  const notProgress = [spec('edit'), spec('side', { progress: false }), spec('guard', { failsAfterFaults: false })];
  t.same(progressChecks(notProgress, new Set(['edit', 'side', 'guard'])).map((s) => s.name), ['edit']);
  const sideOnly = applyProgressRule(notProgress, [result('edit', 'fail'), result('side', 'pass'), result('guard', 'pass')]);
  t.equal(sideOnly[2]!.score, 0, 'a check marked progress: false passing alone pays no guard');
  const none = applyProgressRule([spec('guard', { failsAfterFaults: false })], [result('guard', 'pass')]);
  t.equal(none[0]!.score, 0, 'no progress check in scope: no guard pays');
  t.match(none[0]!.message, 'the task is graded on a cluster');
});

t.test('a result with a withheld guard is not a pass even if the sums agree', async (t) => {
  const base = fixture('promote-staging-image', 'argocd', 'faults');
  const checks: CheckResult[] = [{ ...result('guard', 'pass'), score: 0, max: 0, withheld: true }];
  const r = assembleResult('promote-staging-image', base, checks);
  t.equal(r.status, 'fail');
  // One withheld among checks that pass in full is enough to hold the pass back.
  const mixed = assembleResult('promote-staging-image', base, [result('task', 'pass'), { ...result('guard', 'pass'), score: 0, max: 0, withheld: true }]);
  t.equal(mixed.score, mixed.maxScore, 'the sums agree');
  t.equal(mixed.status, 'fail');
});

t.test("invalid check parameters name each field's full path", async (t) => {
  const bad = spec('bad', { grader: 'git.yaml-field', with: { file: 'a.yaml', path: 'spec', equals: 1, kind: 7 } });
  t.throws(() => gradeCheck(bad, fixture('promote-staging-image', 'argocd', 'faults')), { code: 'INVALID_SCENARIO', message: 'check bad: invalid parameters for git.yaml-field', details: [/^with\.kind: /] });
  const nested = spec('nested', { grader: 'render.unchanged', with: { environments: ['dev', 7] } });
  t.throws(() => gradeCheck(nested, fixture('promote-staging-image', 'argocd', 'faults')), { message: 'check nested: invalid parameters for render.unchanged', details: [/^with\.environments\.1: /] });
});

t.test('promoting the wrong tag earns no guard points', async (t) => {
  const { scenario } = await loadScenario('promote-staging-image');
  const wrongTag = variant(fixture('promote-staging-image', 'argocd', 'solution'), (e) => {
    const staging = e.render.environments.find((x) => x.name === 'staging')!;
    if (!staging.head.ok) throw new Error('fixture: staging must render');
    const dep = staging.head.objects.find((o) => o['kind'] === 'Deployment') as { spec: { template: { spec: { containers: { image: string }[] } } } };
    dep.spec.template.spec.containers[0]!.image = 'nginx:1.27.7';
    staging.head.digest = 'changed';
  });
  const r = gradeEvidence(scenario, wrongTag);
  const guards = r.checks.filter((c) => scenario.checks.find((s) => s.name === c.name)?.failsAfterFaults === false && c.status !== 'skipped');
  t.ok(guards.length > 0);
  t.ok(guards.every((c) => c.score === 0), guards.map((c) => `${c.name}=${c.score}`).join(' '));
  t.equal(r.firstFailure?.check, 'staging-renders-dev-image');
});

t.test("{{lab.*}} in a check's parameters names what it names in the graded run: live suffixed, offline not", async (t) => {
  const check = (equals: string): CheckSpec =>
    spec('registration-namespace', { grader: 'git.yaml-field', with: { file: 'platform/clusters/staging/argocd/payment-api.yaml', kind: 'Application', path: 'spec.destination.namespace', equals } });
  const live = fixture('promote-staging-image', 'argocd', 'solution', 'live');
  t.equal(live.environments['staging']!.namespace, 'payments-staging-3e0016', 'the recorded run');
  t.match(gradeCheck(check('{{lab.ns.staging}}'), live), { status: 'pass' }, 'the run\'s own staging namespace');
  t.match(gradeCheck(check('{{ lab.ns.staging }}'), live), { status: 'pass' }, 'spaces inside the braces');
  t.match(gradeCheck(check('payments-staging{{lab.suffix}}'), live), { status: 'pass' }, 'the suffix');
  t.match(gradeCheck(check('{{lab.ns.prod}}'), live), { status: 'fail', expected: /payments-prod-3e0016/ }, 'another environment: filled, and wrong');
  t.match(gradeCheck(check('payments-staging'), live), { status: 'fail' }, 'without the template the literal does not match a live run');
  const offline = fixture('promote-staging-image', 'argocd', 'solution', 'offline');
  t.match(gradeCheck(check('{{lab.ns.staging}}'), offline), { status: 'pass' }, 'offline: the unsuffixed namespace');
  t.match(gradeCheck(check('payments-staging{{lab.suffix}}'), offline), { status: 'pass' }, 'offline: no suffix');
  t.same(checkVars(live), { repoURL: live.git.repoURL, runId: '3e0016', suffix: '-3e0016', namespaces: { dev: 'payments-dev-3e0016', staging: 'payments-staging-3e0016', prod: 'payments-prod-3e0016' }, project: 'lab-3e0016' });
  t.equal(checkVars(offline).suffix, '');
  t.equal(checkVars(offline).project, 'default');
});
