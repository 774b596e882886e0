/**
 * The scoring path, check by check and result by result: what each status scores, what counts towards the
 * maximum, how the grade's status is decided, and that the first failure is chosen in boundary order (git,
 * render, sync, live, health, rollout), not in the order the checks are listed.
 */
import t from 'tap';
import { assembleResult, checksFor, gradeCheck } from '../../../harness/runner/grade.js';
import { LabError } from '../../../harness/errors.js';
import { boundaryRank, BOUNDARIES, BOUNDARY_QUESTIONS } from '../../../harness/model/boundary.js';
import type { Boundary } from '../../../harness/model/boundary.js';
import type { CheckResult } from '../../../harness/model/result.js';
import type { CheckSpec } from '../../../harness/model/scenario.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { fixture } from '../../helpers/fixtures.js';

const liveSolved = fixture('promote-staging-image', 'argocd', 'solution', 'live');
const offlineSolved = fixture('promote-staging-image', 'argocd', 'solution');

const check = (name: string, grader: string, withParams: Record<string, unknown>, weight = 3): CheckSpec => ({
  name,
  grader,
  with: withParams,
  weight,
  failsAfterFaults: true,
  hint: `${name} hint`,
});

t.test('a passing check scores its weight; a failing check 0', async (t) => {
  const passing = gradeCheck(check('ready', 'health.available', { environment: 'staging', deployment: 'payment-api' }, 4), liveSolved);
  t.same(
    { name: passing.name, grader: passing.grader, boundary: passing.boundary, status: passing.status, score: passing.score, max: passing.max, hint: passing.hint },
    { name: 'ready', grader: 'health.available', boundary: 'health', status: 'pass', score: 4, max: 4, hint: 'ready hint' },
  );
  const failing = gradeCheck(check('tag', 'health.available', { environment: 'staging', deployment: 'payment-api', image: 'nginx:9.9.9' }, 4), liveSolved);
  t.same([failing.status, failing.score, failing.max], ['fail', 0, 4]);
  t.ok(failing.mismatches.length > 0, 'the mismatches are carried into the result');
  t.equal(failing.expected, 'Available=True, 2/2 ready on nginx:9.9.9');
  t.equal(failing.why, 'Synced is not the same as usable: health asks whether the Pods are Ready to serve.');
});

t.test('an error check (the grader could not judge) scores 0, never its weight', async (t) => {
  const r = gradeCheck(check('ready', 'health.available', { environment: 'nowhere', deployment: 'payment-api' }, 5), liveSolved);
  t.same([r.status, r.score, r.max], ['error', 0, 5]);
  t.equal(r.message, 'The cluster evidence has no environment "nowhere".');
});

t.test('a grader that throws is an error, not a failure and not a crash', async (t) => {
  // render.object with a path the evidence cannot be walked by: a grader bug is simulated by broken evidence.
  const broken = structuredClone(offlineSolved);
  (broken.render as unknown as { environments: unknown }).environments = null;
  const r = gradeCheck(check('renders', 'render.succeeds', { environments: ['staging'] }, 2), broken);
  t.same([r.status, r.score, r.max], ['error', 0, 2]);
  t.match(r.message, /^The grader failed: /);
});

t.test('offline, a cluster check is skipped and scores nothing', async (t) => {
  const r = gradeCheck(check('ready', 'health.available', { environment: 'staging', deployment: 'payment-api' }), offlineSolved);
  t.same(
    { status: r.status, score: r.score, max: r.max, message: r.message, mismatches: r.mismatches },
    { status: 'skipped', score: 0, max: 3, message: 'Needs a cluster: the health boundary is not graded offline.', mismatches: [] },
  );
  const gitCheck = gradeCheck(check('in-overlay', 'git.changed-within', { allow: ['apps/payment-api/overlays/staging/**'] }), offlineSolved);
  t.equal(gitCheck.status, 'pass', 'git and render are graded offline');
});

t.test('an unknown grader or invalid parameters are a scenario error naming the check', async (t) => {
  t.throws(() => gradeCheck(check('x', 'no.such-grader', {}), offlineSolved), new LabError('INVALID_SCENARIO', 'check x: unknown grader "no.such-grader"'));
  try {
    gradeCheck(check('y', 'health.available', { environment: 'staging' }), liveSolved);
    t.fail('invalid parameters must throw');
  } catch (error) {
    t.ok(error instanceof LabError);
    t.equal((error as LabError).code, 'INVALID_SCENARIO');
    t.equal((error as LabError).message, 'check y: invalid parameters for health.available');
    t.same((error as LabError).details, ['with.deployment: Invalid input: expected string, received undefined']);
  }
});

t.test('checksFor keeps the checks of the evidence\'s controller', async (t) => {
  const { scenario } = await loadScenario('promote-staging-image');
  const onlyFlux = { ...scenario, checks: [{ ...scenario.checks[0]!, controllers: ['flux' as const] }, scenario.checks[1]!] };
  t.same(checksFor(onlyFlux, 'argocd').map((c) => c.name), [scenario.checks[1]!.name]);
  t.same(checksFor(onlyFlux, 'flux').map((c) => c.name), [scenario.checks[0]!.name, scenario.checks[1]!.name]);
});

const result = (name: string, boundary: Boundary, status: CheckResult['status'], max = 2): CheckResult => ({
  name,
  grader: 'test.grader',
  boundary,
  status,
  score: status === 'pass' ? max : 0,
  max,
  message: `${name} ${status}.`,
  mismatches: [],
});

t.test('the boundaries are ranked in the order a good engineer debugs them', async (t) => {
  t.same(BOUNDARIES, ['git', 'render', 'sync', 'live', 'health', 'rollout']);
  t.same(BOUNDARIES.map(boundaryRank), [0, 1, 2, 3, 4, 5]);
});

t.test('the first failure is the earliest boundary that fails, whatever the order of the checks', async (t) => {
  const listed = [result('healthy', 'health', 'fail'), result('synced', 'sync', 'fail'), result('renders', 'render', 'fail'), result('in-git', 'git', 'pass')];
  const r = assembleResult('s', liveSolved, listed);
  t.same(r.firstFailure, { boundary: 'render', check: 'renders', message: 'renders fail.' });
  const reversed = assembleResult('s', liveSolved, [...listed].reverse());
  t.same(reversed.firstFailure, { boundary: 'render', check: 'renders', message: 'renders fail.' });
  const twoInOne = assembleResult('s', liveSolved, [result('rollout', 'rollout', 'fail'), result('a', 'live', 'fail'), result('b', 'live', 'fail')]);
  t.equal(twoInOne.firstFailure?.check, 'a', 'within a boundary, the scenario\'s order');
  const errorFirst = assembleResult('s', liveSolved, [result('healthy', 'health', 'fail'), result('synced', 'sync', 'error')]);
  t.same(errorFirst.firstFailure, { boundary: 'sync', check: 'synced', message: 'synced error.' }, 'an error is a failure to report');
  const skippedOnly = assembleResult('s', offlineSolved, [result('healthy', 'health', 'skipped'), result('in-git', 'git', 'pass')]);
  t.equal(skippedOnly.firstFailure, null, 'a skipped check is not a failure');
});

t.test('status, score and maximum: error beats fail, skipped counts nowhere, pass is full marks', async (t) => {
  const pass = assembleResult('s', liveSolved, [result('a', 'git', 'pass', 2), result('b', 'health', 'pass', 3), result('c', 'rollout', 'skipped', 7)]);
  t.same([pass.status, pass.score, pass.maxScore], ['pass', 5, 5]);
  const fail = assembleResult('s', liveSolved, [result('a', 'git', 'pass', 2), result('b', 'health', 'fail', 3)]);
  t.same([fail.status, fail.score, fail.maxScore], ['fail', 2, 5]);
  const error = assembleResult('s', liveSolved, [result('a', 'git', 'pass', 2), result('b', 'health', 'fail', 3), result('c', 'sync', 'error', 1)]);
  t.same([error.status, error.score, error.maxScore], ['error', 2, 6]);
  const errorOnly = assembleResult('s', liveSolved, [result('a', 'git', 'pass', 2), result('c', 'sync', 'error', 1)]);
  t.equal(errorOnly.status, 'error', 'an error is never a pass or a silent fail');
});

t.test('per-boundary totals: in boundary order, only boundaries with checks, skipped ones marked skipped', async (t) => {
  const r = assembleResult('s', liveSolved, [
    result('healthy', 'health', 'pass', 3),
    result('in-git', 'git', 'pass', 2),
    result('git-msg', 'git', 'fail', 1),
    result('synced', 'sync', 'error', 2),
    result('live-ok', 'live', 'pass', 1),
    result('live-skip', 'live', 'skipped', 4),
    result('canary', 'rollout', 'skipped', 5),
  ]);
  t.same(r.boundaries, [
    { boundary: 'git', status: 'fail', score: 2, max: 3 },
    { boundary: 'sync', status: 'error', score: 0, max: 2 },
    { boundary: 'live', status: 'pass', score: 1, max: 1 },
    { boundary: 'health', status: 'pass', score: 3, max: 3 },
    { boundary: 'rollout', status: 'skipped', score: 0, max: 0 },
  ]);
});

t.test('the result carries the evidence\'s identity', async (t) => {
  const withLearner = structuredClone(liveSolved);
  withLearner.meta.learner = 'alice';
  const r = assembleResult('promote-staging-image', withLearner, [result('a', 'git', 'pass')]);
  t.same(
    { schemaVersion: r.schemaVersion, kind: r.kind, scenario: r.scenario, controller: r.controller, runId: r.runId, learner: r.learner, mode: r.mode, scope: r.scope, headSha: r.headSha },
    {
      schemaVersion: 1,
      kind: 'gitops-lab/grade',
      scenario: 'promote-staging-image',
      controller: 'argocd',
      runId: liveSolved.meta.runId,
      learner: 'alice',
      mode: liveSolved.meta.mode,
      scope: 'live',
      headSha: liveSolved.git.headSha,
    },
  );
  t.notOk('learner' in assembleResult('s', offlineSolved, []), 'no learner key when the evidence names none');
});

t.test('survivors of mutation testing: optional fields only when the grader gave them; a withheld guard among passes; an error among passes', async (t) => {
  const r = gradeCheck(check('ready', 'health.available', { environment: 'nowhere', deployment: 'payment-api' }, 5), liveSolved);
  t.same(Object.keys(r).sort(), ['boundary', 'grader', 'hint', 'max', 'message', 'mismatches', 'name', 'score', 'status'], 'no expected, actual, why or diff key the grader did not give');
  t.same(r.mismatches, []);
  const withheld = assembleResult('s', liveSolved, [result('a', 'git', 'pass', 2), { ...result('guard', 'render', 'pass', 2), score: 0, withheld: true }]);
  t.same([withheld.status, withheld.score, withheld.maxScore], ['fail', 2, 4], 'one withheld guard among passes is not a pass');
  const mixed = assembleResult('s', liveSolved, [result('a', 'sync', 'pass', 1), result('b', 'sync', 'error', 1), result('c', 'sync', 'fail', 1)]);
  t.same(mixed.boundaries, [{ boundary: 'sync', status: 'error', score: 1, max: 3 }], 'one error makes the boundary error');
});

t.test('each boundary asks its question', async (t) => {
  t.same(BOUNDARY_QUESTIONS, {
    git: 'Does Git hold the intended change, in the right file and layer?',
    render: 'Do the rendered manifests say what was intended, and did only the intended environment change?',
    sync: 'Has the controller reconciled the intended revision, without errors?',
    live: "Do live objects match desired state, with nothing changed behind Git's back?",
    health: 'Are the workloads usable?',
    rollout: 'Did progressive delivery move, pause or abort as it should?',
  });
});
