/**
 * validate's scheduling, with the bank's own scenarios: which phases a unit has, and how validateAll runs them.
 * The phase runner here stands in for a seeded live session (what test/e2e/bank.test.ts runs for real): what
 * is tested is the order, the parallelism, the retries and how outcomes become a unit's run.
 */
import t from 'tap';
import { loadScenario } from '../../../harness/scenario/load.js';
import { phaseJobs, phaseRunner, validateAll, validateExitCode, type PhaseOutcome, type PhasePlayer, type PhaseRunner, type ValidateUnit } from '../../../harness/runner/validate.js';
import { playScenario } from '../../../harness/runner/play.js';
import { LabError } from '../../../harness/errors.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const unit = async (id: string, controller: 'argocd' | 'flux'): Promise<ValidateUnit> => {
  const l = await loadScenario(id);
  return { scenario: l.scenario, scenarioDir: l.dir, controller };
};

t.test("a unit's phases: faults, solution, each alternative and each wrong solution for that controller, in order", async (t) => {
  const drift = await unit('drift-accept', 'argocd');
  const phases = phaseJobs(drift).map((j) => j.phase);
  t.same(phases.slice(0, 2), ['faults', 'solution']);
  const s = drift.scenario;
  const expected = [
    ...s.alternativeSolutions.filter((a) => !a.controllers || a.controllers.includes('argocd')).map((a) => `alternative:${a.id}`),
    ...s.wrongSolutions.filter((w) => !w.controllers || w.controllers.includes('argocd')).map((w) => `wrong:${w.id}`),
  ];
  t.same(phases.slice(2), expected);
  t.ok(phases.includes('wrong:sync-back-to-three'), 'an Argo CD-only wrong solution is an Argo CD phase');
  t.notOk(phaseJobs(await unit('drift-accept', 'flux')).some((j) => j.phase === 'wrong:sync-back-to-three'), 'and not a Flux one');
  t.equal(phaseJobs(drift)[0]!.steps, undefined, 'the faults phase plays no steps');
  // Where each phase's steps are written, for errors that name the step: the index in the scenario's own list.
  const listed = phaseJobs(await unit('drift-accept', 'flux'));
  t.equal(listed[1]!.list, 'solution.steps');
  for (const j of listed.slice(2)) {
    const [kind, id] = j.phase.split(':') as ['alternative' | 'wrong', string];
    const all = kind === 'wrong' ? s.wrongSolutions : s.alternativeSolutions;
    t.equal(j.list, `${kind === 'wrong' ? 'wrongSolutions' : 'alternativeSolutions'}[${all.findIndex((x) => x.id === id)}].steps`, j.phase);
    t.same(j.steps, all.find((x) => x.id === id)!.steps);
  }
  t.equal(listed.find((j) => j.phase.startsWith('wrong:'))!.list, 'wrongSolutions[1].steps', "Flux's first wrong solution is the list's second (the first is Argo CD's)");
});

const outcome = (phase: string, status: PhaseOutcome['status'], problems: string[] = []): PhaseOutcome => ({ phase, status, problems, seconds: 0 });

t.test('validateAll schedules phases, not units: never more than `parallel` at once, every phase once, results in unit order', async (t) => {
  const units = [await unit('promote-staging-image', 'argocd'), await unit('drift-revert', 'argocd'), await unit('flux-bad-path', 'flux')];
  let running = 0;
  let most = 0;
  const ofUnit = new Map<string, number>();
  let mostOfOneUnit = 0;
  const ran: string[] = [];
  const runner: PhaseRunner = async (u, _o, job) => {
    running++;
    most = Math.max(most, running);
    ofUnit.set(u.scenario.id, (ofUnit.get(u.scenario.id) ?? 0) + 1);
    mostOfOneUnit = Math.max(mostOfOneUnit, ofUnit.get(u.scenario.id)!);
    ran.push(`${u.scenario.id}/${job.phase}`);
    // The first unit's phases are slow: with units scheduled whole, it would run alone at the end.
    await new Promise((r) => setTimeout(r, u.scenario.id === 'promote-staging-image' ? 30 : 5));
    running--;
    ofUnit.set(u.scenario.id, ofUnit.get(u.scenario.id)! - 1);
    return outcome(job.phase, 'pass');
  };
  const lines: string[] = [];
  const runs = await validateAll(units, { cluster: 'x', parallel: 2, retriesOnFailure: 0, log: (l) => lines.push(l) }, runner);
  t.equal(most, 2, 'two phases at a time');
  const all = units.flatMap((u) => phaseJobs(u).map((j) => `${u.scenario.id}/${j.phase}`));
  t.same([...ran].sort(), [...all].sort(), 'every phase exactly once');
  t.same(runs.map((r) => `${r.scenario}/${r.controller}`), ['promote-staging-image/argocd', 'drift-revert/argocd', 'flux-bad-path/flux']);
  t.same(runs[0]!.phases.map((p) => p.phase), phaseJobs(units[0]!).map((j) => j.phase), "a run's phases in the unit's order");
  t.ok(runs.every((r) => r.status === 'pass' && r.attempts === 1));
  t.equal(lines.filter((l) => /^\[[a-z-]+\/(argocd|flux)\] PASS in \d+s$/.test(l)).length, 3, 'one summary line per unit');
  // Two phases of the same unit ran at once: the long unit is spread over both workers instead of holding one.
  t.equal(mostOfOneUnit, 2, "a unit's phases run side by side");
});

t.test('only the failing phase is retried; the unit reports its attempts and, when it still fails, why', async (t) => {
  const u = await unit('drift-revert', 'argocd');
  const calls = new Map<string, number>();
  const runner: PhaseRunner = async (_u, _o, job) => {
    const n = (calls.get(job.phase) ?? 0) + 1;
    calls.set(job.phase, n);
    if (job.phase === 'solution') return outcome(job.phase, 'fail', ['some-check fails after the reference solution: no']);
    if (job.phase === 'faults' && n === 1) return outcome(job.phase, 'error', ['cluster hiccup']);
    return outcome(job.phase, 'pass');
  };
  const lines: string[] = [];
  const [run] = await validateAll([u], { cluster: 'x', parallel: 3, retriesOnFailure: 1, log: (l) => lines.push(l) }, runner);
  t.equal(calls.get('faults'), 2, 'the error was retried once and passed');
  t.equal(calls.get('solution'), 2, 'the failure was retried once');
  for (const j of phaseJobs(u).filter((j) => j.phase !== 'faults' && j.phase !== 'solution')) t.equal(calls.get(j.phase), 1, `${j.phase} passed first time: not rerun`);
  t.equal(run!.status, 'fail');
  t.equal(run!.attempts, 2);
  t.same(run!.failingChecks, ['solution: some-check fails after the reference solution: no']);
  t.ok(lines.includes('[drift-revert/argocd] solution: fail; retry 1 of 1'));
  t.ok(lines.includes('[drift-revert/argocd] faults: error; retry 1 of 1'));
});

// What a phase's outcome is, and validate's exit code, judged on evidence recorded from real runs of the bank:
// a scenario that fails its own self-test on a healthy cluster is a defect (exit 1), never a cluster failure (3).
const recorded = (scope: 'live' | 'offline', phases: Record<string, string>): PhasePlayer => async (u, _o, job) => {
  const phase = phases[job.phase] ?? job.phase.replace(':', '-');
  return fixture(u.scenario.id, u.controller, phase, scope);
};
const quiet = { cluster: 'x', parallel: 2, retriesOnFailure: 0, log: () => undefined };
/** promote-staging-image on Flux with the phases recorded live (faults, solution, two wrong solutions). */
const recordedUnit = async (): Promise<ValidateUnit> => {
  const u = await unit('promote-staging-image', 'flux');
  const live = new Set(['promote-in-base', 'kubectl-set-image']);
  return { ...u, scenario: { ...u.scenario, alternativeSolutions: [], wrongSolutions: u.scenario.wrongSolutions.filter((w) => live.has(w.id)) } };
};

t.test('a healthy run of the bank passes every phase and exits 0', async (t) => {
  const u = await recordedUnit();
  const runs = await validateAll([u], quiet, phaseRunner(recorded('live', {})));
  t.same(runs[0]!.phases.map((p) => `${p.phase}:${p.status}`), phaseJobs(u).map((j) => `${j.phase}:pass`));
  t.equal(validateExitCode(runs), 0);
});

t.test('a scenario that fails its own self-test on a healthy cluster is a defect: fail and exit 1, not 3', async (t) => {
  const u = await recordedUnit();
  // A solution that fixes nothing (it leaves the broken state), faults that break nothing (the solved state),
  // a wrong solution that is in fact right: each played and recorded on a real cluster.
  const runs = await validateAll([u], quiet, phaseRunner(recorded('live', { faults: 'solution', solution: 'faults', 'wrong:promote-in-base': 'solution' })));
  const byPhase = new Map(runs[0]!.phases.map((p) => [p.phase, p]));
  t.equal(byPhase.get('faults')!.status, 'fail');
  t.match(byPhase.get('faults')!.problems.join('\n'), /staging-renders-dev-image passes on the broken state; it must fail after the faults/);
  t.match(byPhase.get('faults')!.problems.join('\n'), /idle: the untouched seed scores [1-9]\d*\/\d+/);
  t.equal(byPhase.get('solution')!.status, 'fail');
  t.match(byPhase.get('solution')!.problems.join('\n'), /staging-renders-dev-image fails after the reference solution/);
  t.equal(byPhase.get('wrong:promote-in-base')!.status, 'fail');
  t.match(byPhase.get('wrong:promote-in-base')!.problems.join('\n'), /base-untouched still passes after this wrong solution; it must lose its points/);
  t.equal(byPhase.get('wrong:kubectl-set-image')!.status, 'pass');
  t.equal(runs[0]!.status, 'fail');
  t.equal(validateExitCode(runs), 1);
});

t.test('a defect proven by checks that judged wins over checks that could not judge in the same phase', async (t) => {
  const u = await recordedUnit();
  // No change recorder ran: the checks of who changed what cannot judge. After a "solution" that is the broken
  // state, the other checks still prove the defect.
  const unrecorded = (phase: string): PhasePlayer => async () => variant(fixture('promote-staging-image', 'flux', phase, 'live'), (e) => void (e.cluster!.changeSources = []));
  const out = await phaseRunner(unrecorded('faults'))(u, quiet, phaseJobs(u)[1]!);
  t.equal(out.status, 'fail');
  t.match(out.problems.join('\n'), /could not judge: No change recorder was running/);
  t.match(out.problems.join('\n'), /staging-renders-dev-image fails after the reference solution/);
  // With nothing proven, what could not judge is an error: exit 3.
  const solved = await phaseRunner(unrecorded('solution'))(u, quiet, phaseJobs(u)[1]!);
  t.equal(solved.status, 'error');
  t.match(solved.problems.join('\n'), /could not judge: No change recorder was running/);
  t.notMatch(solved.problems.join('\n'), /fails after the reference solution/);
  t.equal(validateExitCode([{ status: solved.status }]), 3);
});

t.test('a step the scenario wrote that cannot be played is a defect (exit 1); a cluster that does not answer is an error (exit 3)', async (t) => {
  const u = await unit('promote-staging-image', 'flux');
  const bad = structuredClone(u.scenario);
  // A replace whose text is not in the file, played offline with real git.
  const solution = bad.solution.steps[0]!;
  if (solution.action !== 'git.commit') throw new Error('promote-staging-image: the solution starts with a commit');
  (solution as { edits: unknown[] }).edits = [{ op: 'replace', file: 'apps/payment-api/overlays/staging/kustomization.yaml', find: 'newTag: "9.9.9"', with: 'newTag: "1.27.6"' }];
  let thrown: unknown;
  await playScenario(bad, u.scenarioDir, 'flux', async () => undefined, { wrongSolutions: false }).catch((e: unknown) => (thrown = e));
  t.ok(thrown instanceof LabError && thrown.code === 'INVALID_SCENARIO', String(thrown));
  const defective = await phaseRunner(async () => { throw thrown; })(u, quiet, phaseJobs(u)[1]!);
  t.equal(defective.status, 'fail');
  t.match(defective.problems[0], /^scenario defect: .*replace in apps\/payment-api\/overlays\/staging\/kustomization.yaml: text "newTag: "9\.9\.9"" not found/);
  t.equal(validateExitCode([{ status: defective.status }]), 1);
  for (const code of ['CLUSTER_UNAVAILABLE', 'TIMEOUT', 'COMMAND_FAILED'] as const) {
    const broken = await phaseRunner(async () => { throw new LabError(code, 'the controller stopped answering', { details: ['last state: Ready=Unknown'] }); })(u, quiet, phaseJobs(u)[1]!);
    t.equal(broken.status, 'error', code);
    t.same(broken.problems, ['the controller stopped answering', 'last state: Ready=Unknown']);
  }
  t.equal(validateExitCode([{ status: 'fail' }, { status: 'error' }, { status: 'pass' }]), 3, 'a bank not fully validated: 3 wins over a defect elsewhere');
  t.equal(validateExitCode([{ status: 'pass' }, { status: 'fail' }]), 1);
});
