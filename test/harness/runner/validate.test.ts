/**
 * validate's scheduling, with the bank's own scenarios: which phases a unit has, and how validateAll runs them.
 * The phase runner here stands in for a seeded live session (what test/e2e/bank.test.ts runs for real): what
 * is tested is the order, the parallelism, the retries and how outcomes become a unit's run.
 */
import t from 'tap';
import { loadScenario } from '../../../harness/scenario/load.js';
import { chainsOf, gradeDifferences, loadGate, steadyMessage, phaseJobs, phaseRunner, validateAll, validateExitCode, type PhaseOutcome, type PhasePlayer, type PhaseRunner, type SeedStage, type ValidateUnit } from '../../../harness/runner/validate.js';
import { gradeEvidence } from '../../../harness/runner/grade.js';
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

t.test("validateAll with parallel auto: every phase once, never more than the gate's most (the machine's CPU decides between)", async (t) => {
  const units = [await unit('drift-revert', 'argocd'), await unit('flux-bad-path', 'flux')];
  let running = 0;
  let most = 0;
  const ran: string[] = [];
  const runner: PhaseRunner = async (u, _o, job) => {
    most = Math.max(most, ++running);
    ran.push(`${u.scenario.id}/${job.phase}`);
    await new Promise((r) => setTimeout(r, 5));
    running--;
    return outcome(job.phase, 'pass');
  };
  const runs = await validateAll(units, { cluster: 'x', parallel: 'auto', retriesOnFailure: 0, log: () => undefined }, runner);
  t.same([...ran].sort(), units.flatMap((u) => phaseJobs(u).map((j) => `${u.scenario.id}/${j.phase}`)).sort(), 'every phase exactly once');
  t.ok(most >= 2 && most <= loadGate({ parallel: 'auto' }).options.max, `at most the gate's maximum at once (${most})`);
  t.ok(runs.every((r) => r.status === 'pass'));
  t.equal(loadGate({ parallel: 3 }).options.max, 3, 'a number is that many, whatever the load');
  t.equal(loadGate({ parallel: 3 }).options.min, 3);
});

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

// Seeds reused (validate's default): a fake stage stands in for the live session, handing out evidence recorded
// from real runs of the bank; what is tested is when the chain seeds, resets, verifies and falls back.
interface StageLog {
  seeds: string[];
  resets: number;
  closes: number;
}
const fakeStage = (log: StageLog, o: { afterReset?: string; resettable?: boolean } = {}): SeedStage => async (u, _o, label) => {
  log.seeds.push(`${u.scenario.id}/${u.controller}/${label}`);
  if (o.resettable === false) return undefined;
  let state = 'faults';
  return {
    async play(job) {
      state = job.phase === 'faults' ? 'faults' : job.phase.replace(':', '-');
      return fixture(u.scenario.id, u.controller, state, 'live');
    },
    async look() {
      return fixture(u.scenario.id, u.controller, state, 'live');
    },
    async reset() {
      log.resets++;
      state = o.afterReset ?? 'faults';
    },
    async close() {
      log.closes++;
    },
  };
};
const reusing = { ...quiet, reuseSeeds: true };
const freshRunner = (ran: string[]): PhaseRunner => {
  const inner = phaseRunner(recorded('live', {}));
  return async (u, o, job) => {
    ran.push(job.phase);
    return inner(u, o, job);
  };
};

t.test('seeds reused: one seed per chain, a verified reset before each further phase, outcomes as with fresh seeds', async (t) => {
  const u = await recordedUnit();
  const log: StageLog = { seeds: [], resets: 0, closes: 0 };
  const fresh: string[] = [];
  const [run] = await validateAll([u], reusing, freshRunner(fresh), fakeStage(log));
  const jobs = phaseJobs(u).map((j) => j.phase);
  t.equal(jobs.length, 4, 'faults, solution and two wrong solutions: one chain');
  t.same(log.seeds, ['promote-staging-image/flux/faults+3'], 'seeded once, named by its first phase and how many follow');
  t.equal(log.resets, 3, 'a reset before each phase after the first');
  t.equal(log.closes, 1, 'and the session closed at the end');
  t.same(fresh, [], 'no phase seeded its own session');
  t.same(run!.phases.map((p) => `${p.phase}:${p.status}:${p.seed}`), jobs.map((j, i) => `${j}:pass:${i === 0 ? 'fresh' : 'reset'}`));
  // The same verdicts as fresh seeds give on the same evidence.
  const [alone] = await validateAll([u], quiet, phaseRunner(recorded('live', {})));
  t.same(run!.phases.map((p) => [p.phase, p.status, p.result?.score]), alone!.phases.map((p) => [p.phase, p.status, p.result?.score]));
});

t.test('a reset that is not the seeded broken state ends reuse for the unit: the rest seed afresh, and the log says why', async (t) => {
  const u = await recordedUnit();
  const log: StageLog = { seeds: [], resets: 0, closes: 0 };
  const fresh: string[] = [];
  const lines: string[] = [];
  // The reset leaves the solved state: every check that differs from the seed's grade is named.
  const [run] = await validateAll([u], { ...reusing, log: (l) => lines.push(l) }, freshRunner(fresh), fakeStage(log, { afterReset: 'solution' }));
  t.equal(log.resets, 1, 'one reset tried');
  t.equal(log.closes, 1, 'its session closed');
  t.same(fresh, phaseJobs(u).slice(1).map((j) => j.phase), 'the solution and every later phase seeded their own session');
  t.ok(run!.phases.slice(1).every((p) => p.seed === 'fresh' && p.status === 'pass'));
  const why = lines.find((l) => /the reset is not the seeded broken state/.test(l));
  t.match(why, /^\[promote-staging-image\/flux\] solution: the reset is not the seeded broken state \(/);
  t.match(why, /staging-renders-dev-image: seeded "fail 0\/3: staging Deployment\/payment-api [^;]*1\.27\.5[^;]*", after the reset "pass 3\/3: [^;]*1\.27\.6/);
  t.match(why, /seeding afresh from here$/);
});

t.test('a scenario a reset cannot replay, or a reset that throws, falls back to fresh seeds', async (t) => {
  const u = await recordedUnit();
  const log: StageLog = { seeds: [], resets: 0, closes: 0 };
  const fresh: string[] = [];
  await validateAll([u], reusing, freshRunner(fresh), fakeStage(log, { resettable: false }));
  t.equal(log.seeds.length, 1, 'asked once');
  t.same(fresh, phaseJobs(u).map((j) => j.phase), 'then every phase seeded its own');
  const throwing: SeedStage = async (unit, o, label) => {
    const s = (await fakeStage(log)(unit, o, label))!;
    return { ...s, reset: async () => { throw new Error('update-ref failed'); } };
  };
  const lines: string[] = [];
  const fresh2: string[] = [];
  const [run] = await validateAll([u], { ...reusing, log: (l) => lines.push(l) }, freshRunner(fresh2), throwing);
  t.same(fresh2, phaseJobs(u).slice(1).map((j) => j.phase));
  t.ok(lines.some((l) => /solution: the reset is not the seeded broken state \(the reset failed: update-ref failed\)/.test(l)));
  t.equal(run!.status, 'pass');
});

t.test('a phase that does not pass on a reset seed is retried on a fresh one', async (t) => {
  const u = await recordedUnit();
  const log: StageLog = { seeds: [], resets: 0, closes: 0 };
  const fresh: string[] = [];
  // A stage whose solution phase plays the broken state (as a reset that let a fix slip would): it fails, and the retry seeds afresh.
  const stage: SeedStage = async (unit, o, label) => {
    const s = (await fakeStage(log)(unit, o, label))!;
    return { ...s, play: async (job) => (job.phase === 'solution' ? fixture(unit.scenario.id, unit.controller, 'faults', 'live') : s.play(job)) };
  };
  const lines: string[] = [];
  const [run] = await validateAll([u], { ...reusing, retriesOnFailure: 1, log: (l) => lines.push(l) }, freshRunner(fresh), stage);
  t.same(fresh, ['solution'], 'only the failing phase, on a fresh seed');
  t.ok(lines.includes('[promote-staging-image/flux] solution: fail; retry 1 of 1 on a fresh seed'));
  t.equal(run!.phases.find((p) => p.phase === 'solution')!.seed, 'fresh');
  t.equal(run!.attempts, 2);
  t.equal(run!.status, 'pass');
});

t.test('chains: a long unit is cut so no chain runs alone at the end; longest first; never more than `parallel` seeds at once', async (t) => {
  const units = [await unit('drift-revert', 'argocd'), await unit('drift-accept', 'argocd'), await unit('promote-staging-image', 'flux')];
  const chains = chainsOf(units, 4);
  for (const [u, unit] of units.entries()) {
    const mine = chains.filter((c) => c.u === u);
    t.same(mine.flatMap((c) => c.jobs.map((j) => j.job.phase)), phaseJobs(unit).map((j) => j.phase), `${unit.scenario.id}: every phase once, in order`);
    t.ok(mine.every((c) => c.jobs.length <= 4));
    const sizes = mine.map((c) => c.jobs.length);
    t.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `${unit.scenario.id}: chains of even length (${sizes.join(', ')})`);
  }
  t.same(chains.map((c) => c.jobs.length), [...chains.map((c) => c.jobs.length)].sort((a, b) => b - a), 'longest first');
  // At most `parallel` chains hold a session at once.
  let open = 0;
  let most = 0;
  const stage: SeedStage = async () => {
    open++;
    most = Math.max(most, open);
    await new Promise((r) => setTimeout(r, 5));
    return {
      play: async () => { await new Promise((r) => setTimeout(r, 5)); return fixture('promote-staging-image', 'flux', 'faults', 'live'); },
      look: async () => fixture('promote-staging-image', 'flux', 'faults', 'live'),
      reset: async () => undefined,
      close: async () => void open--,
    };
  };
  const passAll: PhaseRunner = async (_u, _o, job) => outcome(job.phase, 'pass');
  await validateAll(units, { ...reusing, parallel: 2 }, passAll, stage);
  t.equal(most, 2);
  t.equal(open, 0, 'every seeded session closed');
});

t.test('gradeDifferences: per check, status, score and message; nothing when the grades agree', async (t) => {
  const u = await recordedUnit();
  const faults = gradeEvidence(u.scenario, fixture('promote-staging-image', 'flux', 'faults', 'live'));
  t.same(gradeDifferences(faults, gradeEvidence(u.scenario, fixture('promote-staging-image', 'flux', 'faults', 'live'))), []);
  const solved = gradeEvidence(u.scenario, fixture('promote-staging-image', 'flux', 'solution', 'live'));
  const d = gradeDifferences(faults, solved);
  t.ok(d.length > 0);
  t.ok(d.every((x) => /^[a-z0-9-]+: seeded "(pass|fail|error|skipped) \d+\/\d+: .*", after the reset ".*"$/.test(x)), d.join('\n'));
  const renamed = { ...faults, checks: faults.checks.map((c, i) => (i === 0 ? { ...c, name: 'other' } : c)) };
  t.same(gradeDifferences(faults, renamed), [`${faults.checks[0]!.name}: missing after the reset`, 'other: not in the seed grade']);
  const reworded = { ...faults, checks: faults.checks.map((c, i) => (i === 0 ? { ...c, message: `${c.message} (again)` } : c)) };
  t.equal(gradeDifferences(faults, reworded).length, 1, 'a message alone differs: not the same state');
  // What differs between two looks at the same state does not count: digits, and Argo CD's "(cached)".
  const looks = (m: string) => ({ ...faults, checks: faults.checks.map((c, i) => (i === 0 ? { ...c, message: m } : c)) });
  const seeded = looks('refused it: stat /flux/tmp/kustomization-3580917976/platform: no such file; failed to generate manifest: app path does not exist');
  t.same(gradeDifferences(seeded, looks('refused it: stat /flux/tmp/kustomization-768684059/platform: no such file; failed to generate manifest: app path does not exist')), []);
  t.same(gradeDifferences(looks('x: Manifest generation error: app path does not exist'), looks('x: Manifest generation error (cached): app path does not exist')), []);
  t.equal(gradeDifferences(looks('Argo CD is Synced at 6e0c67a.'), looks('Argo CD is Synced at 8f4c5ab.')).length, 1, 'another commit still differs');
  t.match(gradeDifferences(looks('applied 1a2b3c4'), looks('applied 5d6e7f8'))[0], /seeded "\w+ \d+\/\d+: applied 1a2b3c4", after the reset "\w+ \d+\/\d+: applied 5d6e7f8"/, 'shown as they are');
  // Flux: which earlier commit the Kustomization last applied in full is its history, not the broken state.
  const flux = (applied: string, source: string) => looks(`Flux reports Ready=Unknown applied ${applied} (source at ${source}).`);
  t.same(gradeDifferences(flux('8612fb8', 'd1f91b0'), flux('f445e62', 'd1f91b0')), [], 'another earlier commit applied, the same source: the same state');
  t.equal(gradeDifferences(flux('8612fb8', 'd1f91b0'), flux('f445e62', 'e58d4c3')).length, 1, 'another source commit still differs');
  t.equal(gradeDifferences(flux('d1f91b0', 'd1f91b0'), flux('f445e62', 'd1f91b0')).length, 1, "the source's commit applied in full is not an earlier one");
  t.equal(steadyMessage('Flux reports Ready=False applied 8612fb8 (source at d1f91b0).'), 'Flux reports Ready=False applied an earlier commit (source at d#f#b#).');
  t.equal(steadyMessage('Retrying attempt #2 at 10:16PM.'), steadyMessage('Retrying attempt #3 at 11:02PM.'));
});
