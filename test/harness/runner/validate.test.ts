/**
 * validate's scheduling, with the bank's own scenarios: which phases a unit has, and how validateAll runs them.
 * The phase runner here stands in for a seeded live session (what test/e2e/bank.test.ts runs for real): what
 * is tested is the order, the parallelism, the retries and how outcomes become a unit's run.
 */
import t from 'tap';
import { loadScenario } from '../../../harness/scenario/load.js';
import { phaseJobs, validateAll, type PhaseOutcome, type PhaseRunner, type ValidateUnit } from '../../../harness/runner/validate.js';

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
