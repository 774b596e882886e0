/**
 * The bank's self-test on a real cluster. For each scenario and controller: seed; every check listed as
 * failing must fail; apply the solution; full marks; re-seed and apply each wrong solution; it must lose the
 * points it targets. Runs share one cluster, isolated by run id, and clean up after themselves.
 */
import { join } from 'node:path';
import type { Controller } from '../model/boundary.js';
import type { CheckResult, GradeResult } from '../model/result.js';
import type { Scenario } from '../model/scenario.js';
import { LabError } from '../errors.js';
import { onInterrupt, removeScratch, scratchDir } from '../scratch.js';
import { gradeEvidence } from './grade.js';
import { inScenarioStep, scenarioFileOf } from './step-error.js';
import { settleTimeoutMs } from './settle-timeout.js';
import { carryRestsBetweenSettles, cleanupLive, collectLiveEvidence, playSteps, resetLive, resettable, snapshotSeed, startLive, type SeedSnapshot } from './live.js';
import { removeSessionRecord } from './session.js';
import { autoParallel, fixedParallel, LoadGate } from '../load-gate.js';
import type { Session } from '../model/session.js';
import { isGitStep, type Step } from '../model/steps.js';
import type { Evidence } from '../model/evidence.js';

export interface ValidateUnit {
  readonly scenario: Scenario;
  readonly scenarioDir: string;
  readonly controller: Controller;
}

export interface PhaseOutcome {
  readonly phase: string;
  readonly status: 'pass' | 'fail' | 'error';
  /** What was wrong, one line each: a check that should have failed and passed, a check that failed after the solution... */
  readonly problems: readonly string[];
  readonly result?: GradeResult;
  readonly seconds: number;
  /**
   * How the phase got its broken state: `fresh` (a session seeded for it), `reset` (the unit's seeded session
   * returned to the broken state and verified by grading it against the seed's grade). Absent: fresh.
   */
  readonly seed?: 'fresh' | 'reset';
}

export interface ValidateRun {
  readonly scenario: string;
  readonly controller: Controller;
  readonly status: 'pass' | 'fail' | 'error';
  readonly attempts: number;
  readonly phases: readonly PhaseOutcome[];
  /** The checks that misbehaved, as `phase: check`. */
  readonly failingChecks: readonly string[];
  readonly seconds: number;
}

export interface ValidateOptions {
  readonly cluster: string;
  /**
   * Phases at once: a number, or `auto` (at least two, up to two per core and two more, one more only while the
   * machine's CPU has room: load-gate.ts).
   */
  readonly parallel: number | 'auto';
  readonly retriesOnFailure: number;
  readonly log: (line: string) => void;
  /**
   * Seed once per chain of a unit's phases and reset between phases, falling back to a fresh seed when a reset
   * cannot be verified (`validate --reuse-seeds`). Off, the default (or a scenario a reset cannot replay): every
   * phase seeds its own session. On the local provider a reset measured no cheaper than a fresh seed (bench/bank.ts).
   */
  readonly reuseSeeds?: boolean;
}

/** Deterministic sharding: unit k goes to shard k mod n (1-based i). */
export function shard<T>(items: readonly T[], spec: string | undefined): T[] {
  if (!spec) return [...items];
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new LabError('USAGE', `--shard ${spec}: expected i/n with 1 <= i <= n`);
  const i = Number(m[1]) - 1;
  const n = Number(m[2]);
  return items.filter((_, k) => k % n === i);
}

/**
 * Seeds a fresh run, applies `steps` (if any) as a person would, collects live evidence, cleans up. A step the
 * scenario wrote that cannot be played is named in the scenario file: `list` is where `steps` are written
 * (`solution.steps`, `wrongSolutions[1].steps`; default: the phase's name).
 */
export async function playLivePhase(
  unit: ValidateUnit,
  options: Pick<ValidateOptions, 'cluster' | 'log'>,
  phase: string,
  steps: readonly Step[] | undefined,
  list = phase,
): Promise<Evidence> {
  const file = scenarioFileOf(unit.scenarioDir);
  const settle = settleTimeoutMs(unit.scenario);
  const dir = await scratchDir(`validate-${unit.scenario.id}`);
  const workspace = join(dir, 'ws');
  let session: Session | undefined;
  let unregister = (): void => undefined;
  let cleaning: Promise<void> | undefined;
  // The run goes from the cluster and the git server, and its record from the state home (a phase is no session to come back to).
  const cleanup = (s: Session): Promise<void> =>
    (cleaning ??= cleanupLive(s)
      .then(() => removeSessionRecord(s))
      .catch((e: unknown) => log(`cleanup: ${String(e)}`)));
  const log = (l: string): void => options.log(`[${unit.scenario.id}/${unit.controller}/${phase}] ${l}`);
  try {
    // startLive undoes its own half-made session if interrupted; once it hands over, the run is ours to undo.
    session = await startLive({ scenario: unit.scenario, scenarioDir: unit.scenarioDir, workspace, controller: unit.controller, cluster: options.cluster, log, settleTimeoutMs: settle }).catch((error: unknown) => {
      throw inScenarioStep(error, file, 'faults', unit.scenario.faults, false);
    });
    const handed = session;
    unregister = onInterrupt(() => cleanup(handed));
    if (steps) {
      await playSteps(session, workspace, steps, { cluster: options.cluster, log, settleTimeoutMs: settle }).catch((error: unknown) => {
        throw inScenarioStep(error, file, list, steps);
      });
    }
    return await collectLiveEvidence({ session, cluster: options.cluster, log, settleTimeoutMs: settle });
  } finally {
    // Still registered while it runs: an interrupt now waits for this same cleanup instead of exiting under it.
    if (session) await cleanup(session);
    unregister();
    await removeScratch(dir);
  }
}

/** Plays one phase on the cluster and returns its evidence (playLivePhase; a test passes recorded evidence). */
export type PhasePlayer = (unit: ValidateUnit, options: ValidateOptions, job: PhaseJob) => Promise<Evidence>;

const playLive: PhasePlayer = (unit, options, job) => playLivePhase(unit, options, job.phase, job.steps, job.list);

/**
 * Judges one phase. What the scenario got wrong is a `fail` (a scenario defect, exit 1): a check that should
 * have failed passed, the solution lost points, a wrong solution kept them, or a step the scenario wrote could
 * not be played (INVALID_SCENARIO, e.g. a `replace` whose text is not in the file). What the harness could not
 * judge is an `error` (exit 3): a check that could not judge, a wait that ran out, a cluster or controller that
 * did not answer. A proven defect wins over checks that could not judge in the same phase: the checks that did
 * judge are evidence about the scenario whatever the others say; both are listed.
 */
export function judgePhase(phase: string, played: { readonly result: GradeResult } | { readonly error: unknown }, judge: (r: GradeResult) => string[], seconds: number): PhaseOutcome {
  if ('error' in played) {
    const { error } = played;
    const message = error instanceof Error ? error.message : String(error);
    const defect = error instanceof LabError && error.code === 'INVALID_SCENARIO';
    return { phase, status: defect ? 'fail' : 'error', problems: [defect ? `scenario defect: ${message}` : message, ...(error instanceof LabError ? error.details : [])], seconds };
  }
  const { result } = played;
  const errors = result.checks.filter((c) => c.status === 'error').map((c) => `${c.name} could not judge: ${c.message}`);
  const defects = judge(result);
  return { phase, status: defects.length > 0 ? 'fail' : errors.length > 0 ? 'error' : 'pass', problems: [...errors, ...defects], result, seconds };
}

/** A phase runner that plays with `play` (live by default), grades and judges the phase. */
export function phaseRunner(play: PhasePlayer = playLive): PhaseRunner {
  return async (unit, options, job) => {
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    let evidence: Evidence;
    try {
      evidence = await play(unit, options, job);
    } catch (error) {
      return judgePhase(job.phase, { error }, job.judge, seconds());
    }
    return judgePhase(job.phase, { result: gradeEvidence(unit.scenario, evidence) }, job.judge, seconds());
  };
}

/** After the faults: every task check fails, and the untouched seed (the idle attempt) scores 0. */
export function judgeFaults(scenario: Scenario, r: GradeResult): string[] {
  const passing = r.checks
    .filter((c) => scenario.checks.find((s) => s.name === c.name)?.failsAfterFaults && c.status === 'pass')
    .map((c) => `${c.name} passes on the broken state; it must fail after the faults`);
  const idle =
    r.score === 0 ? [] : [`idle: the untouched seed scores ${r.score}/${r.maxScore} (${r.checks.filter((c) => c.score > 0).map((c) => c.name).join(', ')}); doing nothing must earn nothing`];
  return [...passing, ...idle];
}

export function judgeSolution(r: GradeResult): string[] {
  return r.checks.filter((c) => c.status === 'fail').map((c) => `${c.name} fails after the reference solution: ${c.message}`);
}

export function judgeWrong(loses: readonly string[], r: GradeResult): string[] {
  return loses
    .filter((n) => r.checks.some((c) => c.name === n))
    .filter((n) => r.checks.find((c) => c.name === n)?.status === 'pass')
    .map((n) => `${n} still passes after this wrong solution; it must lose its points`);
}

/** One phase of a unit: a seeded session of its own, so phases of any units can run side by side. */
export interface PhaseJob {
  readonly phase: string;
  readonly steps: readonly Step[] | undefined;
  /** Where the steps are written in scenario.yaml (`solution.steps`, `wrongSolutions[1].steps`); the faults phase plays none. */
  readonly list?: string;
  readonly judge: (r: GradeResult) => string[];
}

/** A unit's phases, in order: the faults (with the idle attempt), the solution, each alternative, each wrong solution. */
export function phaseJobs(unit: ValidateUnit): PhaseJob[] {
  const { scenario, controller } = unit;
  const here = (c: readonly Controller[] | undefined): boolean => !c || c.includes(controller);
  return [
    { phase: 'faults', steps: undefined, judge: (r) => judgeFaults(scenario, r) },
    { phase: 'solution', steps: scenario.solution.steps, list: 'solution.steps', judge: judgeSolution },
    ...scenario.alternativeSolutions.flatMap((a, i) => (here(a.controllers) ? [{ phase: `alternative:${a.id}`, steps: a.steps, list: `alternativeSolutions[${i}].steps`, judge: judgeSolution }] : [])),
    ...scenario.wrongSolutions.flatMap((w, i) =>
      here(w.controllers) ? [{ phase: `wrong:${w.id}`, steps: w.steps, list: `wrongSolutions[${i}].steps`, judge: (r: GradeResult) => judgeWrong(w.loses, r) }] : [],
    ),
  ];
}

function summarise(unit: ValidateUnit, phases: readonly PhaseOutcome[], attempts: number, seconds: number): ValidateRun {
  const status = phases.some((p) => p.status === 'error') ? 'error' : phases.some((p) => p.status === 'fail') ? 'fail' : 'pass';
  return {
    scenario: unit.scenario.id,
    controller: unit.controller,
    status,
    attempts,
    phases,
    failingChecks: phases.flatMap((p) => p.problems.map((x) => `${p.phase}: ${x}`)),
    seconds,
  };
}

/**
 * validate's exit code (DESIGN.md "Exit codes"): 1 when a scenario fails its own self-test (a defect of the
 * scenario), 3 when something could not be judged (the cluster, a controller or a wait: the bank is not fully
 * validated, so that wins over a defect found elsewhere), 0 when every run passes.
 */
export function validateExitCode(runs: readonly Pick<ValidateRun, 'status'>[]): 0 | 1 | 3 {
  return runs.some((r) => r.status === 'error') ? 3 : runs.some((r) => r.status === 'fail') ? 1 : 0;
}

/** One unit, its phases one after another (no retries). */
export async function validateUnit(unit: ValidateUnit, options: ValidateOptions): Promise<ValidateRun> {
  const started = performance.now();
  const phases: PhaseOutcome[] = [];
  for (const job of phaseJobs(unit)) phases.push(await runSeeded(unit, options, job));
  return summarise(unit, phases, 1, (performance.now() - started) / 1000);
}

/**
 * Runs every phase of every unit with at most `parallel` at once. The phase, not the unit, is what is
 * scheduled: each is a seeded session of its own, and a unit's phases differ in number (two to nine), so
 * scheduling whole units left one long unit running alone at the end. A phase that does not pass is retried
 * up to `retriesOnFailure` times (only that phase); a unit's `attempts` is the most any of its phases took.
 */
export type PhaseRunner = (unit: ValidateUnit, options: ValidateOptions, job: PhaseJob) => Promise<PhaseOutcome>;

const runSeeded: PhaseRunner = phaseRunner();

export async function validateAll(
  units: readonly ValidateUnit[],
  options: ValidateOptions,
  runPhase: PhaseRunner = runSeeded,
  stage: SeedStage = liveStage,
): Promise<ValidateRun[]> {
  // One process plays every phase: an environment's rest seen at a settle holds for the next at the same head.
  carryRestsBetweenSettles(true);
  try {
    return await (options.reuseSeeds ? validateChains(units, options, runPhase, stage) : validatePhases(units, options, runPhase));
  } finally {
    carryRestsBetweenSettles(false);
  }
}

async function validatePhases(units: readonly ValidateUnit[], options: ValidateOptions, runPhase: PhaseRunner): Promise<ValidateRun[]> {
  const jobs = units.flatMap((unit, u) => phaseJobs(unit).map((job, p) => ({ u, p, job })));
  const ledger = new Ledger(units, options.log);
  const gate = loadGate(options);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const { u, p, job } = jobs[next++]!;
      const play = (): Promise<PhaseOutcome> => runPhase(units[u]!, options, job);
      await gate.run(async () => {
        ledger.started(u);
        ledger.record(u, p, await ledger.retried(u, job, await play(), play, options.retriesOnFailure));
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(gate.options.max, jobs.length)) }, worker));
  return ledger.runs();
}

/** The gate every phase passes before it starts (a fixed number lets that many run, whatever the load). */
export function loadGate(options: Pick<ValidateOptions, 'parallel'>): LoadGate {
  return new LoadGate(options.parallel === 'auto' ? autoParallel() : fixedParallel(options.parallel));
}

/**
 * Per unit: its phases' outcomes, the attempts they took and when the first began and the last ended; a unit is
 * summarised (and logged) as soon as its last phase is recorded.
 */
class Ledger {
  private readonly outcomes: PhaseOutcome[][];
  private readonly attempts: number[];
  private readonly first: number[];
  private readonly last: number[];
  private readonly left: number[];
  private readonly out: ValidateRun[];

  constructor(
    private readonly units: readonly ValidateUnit[],
    private readonly log: (line: string) => void,
  ) {
    this.outcomes = units.map((unit) => new Array<PhaseOutcome>(phaseJobs(unit).length));
    this.attempts = units.map(() => 1);
    this.first = units.map(() => Infinity);
    this.last = units.map(() => 0);
    this.left = units.map((unit) => phaseJobs(unit).length);
    this.out = new Array<ValidateRun>(units.length);
  }

  started(u: number): void {
    this.first[u] = Math.min(this.first[u]!, performance.now());
  }

  /** Retries a phase that did not pass (`again` plays it anew) up to `retries` times; `how` ends the log line. */
  async retried(u: number, job: PhaseJob, outcome: PhaseOutcome, again: () => Promise<PhaseOutcome>, retries: number, how = ''): Promise<PhaseOutcome> {
    const unit = this.units[u]!;
    for (let attempt = 2; outcome.status !== 'pass' && attempt <= retries + 1; attempt++) {
      this.log(`[${unit.scenario.id}/${unit.controller}] ${job.phase}: ${outcome.status}; retry ${attempt - 1} of ${retries}${how}`);
      this.attempts[u] = Math.max(this.attempts[u]!, attempt);
      outcome = await again();
    }
    return outcome;
  }

  record(u: number, p: number, outcome: PhaseOutcome): void {
    this.outcomes[u]![p] = outcome;
    this.last[u] = Math.max(this.last[u]!, performance.now());
    if (--this.left[u]! === 0) this.finish(u);
  }

  private finish(u: number): void {
    const unit = this.units[u]!;
    const run = summarise(unit, this.outcomes[u]!, this.attempts[u]!, (this.last[u]! - this.first[u]!) / 1000);
    this.out[u] = run;
    this.log(`[${unit.scenario.id}/${unit.controller}] ${run.status.toUpperCase()} in ${run.seconds.toFixed(0)}s`);
  }

  /** Every unit's run, in unit order (a unit without phases, none today, summarised now). */
  runs(): ValidateRun[] {
    for (let u = 0; u < this.units.length; u++) if (!this.out[u]) this.finish(u);
    return this.out;
  }
}

/** A seeded session that a chain of phases shares (live: a real session on the cluster; tests: recorded evidence). */
export interface SeededSession {
  /** Plays a phase's steps (none: the faults phase) and returns the evidence then. */
  play(job: PhaseJob): Promise<Evidence>;
  /** The evidence as it stands, without playing anything. */
  look(): Promise<Evidence>;
  /** Returns the session to the broken state it was handed over in (not verified: the caller grades it). */
  reset(): Promise<void>;
  /** Removes the session from the cluster and the git server. */
  close(): Promise<void>;
}

/** Seeds a session a chain can reuse; undefined when a reset cannot replay this scenario's seed (phases then seed their own). */
export type SeedStage = (unit: ValidateUnit, options: ValidateOptions, label: string) => Promise<SeededSession | undefined>;

/** The live stage: startLive once, resetLive between phases, cleanupLive at the end. */
export const liveStage: SeedStage = async (unit, options, label) => {
  const file = scenarioFileOf(unit.scenarioDir);
  const settle = settleTimeoutMs(unit.scenario);
  const log = (l: string): void => options.log(`[${unit.scenario.id}/${unit.controller}/${label}] ${l}`);
  const dir = await scratchDir(`validate-${unit.scenario.id}`);
  const workspace = join(dir, 'ws');
  let session: Session;
  try {
    session = await startLive({ scenario: unit.scenario, scenarioDir: unit.scenarioDir, workspace, controller: unit.controller, cluster: options.cluster, log, settleTimeoutMs: settle }).catch((error: unknown) => {
      throw inScenarioStep(error, file, 'faults', unit.scenario.faults, false);
    });
  } catch (error) {
    await removeScratch(dir);
    throw error;
  }
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> =>
    (cleaning ??= cleanupLive(session)
      .then(() => removeSessionRecord(session))
      .catch((e: unknown) => log(`cleanup: ${String(e)}`)));
  const unregister = onInterrupt(cleanup);
  const close = async (): Promise<void> => {
    await cleanup();
    unregister();
    await removeScratch(dir);
  };
  if (!resettable(unit.scenario, session)) {
    await close();
    return undefined;
  }
  const snapshot: SeedSnapshot = await snapshotSeed(session);
  const collect = (settled = false): Promise<Evidence> => collectLiveEvidence({ session, cluster: options.cluster, log, settleTimeoutMs: settle, settled });
  let justReset = false;
  return {
    // Right after a reset, which settled every environment on the restored head, nothing needs asking again.
    look: () => collect(justReset),
    async play(job) {
      justReset = false;
      if (job.steps) {
        const steps = job.steps;
        await playSteps(session, workspace, steps, { cluster: options.cluster, log, settleTimeoutMs: settle }).catch((error: unknown) => {
          throw inScenarioStep(error, file, job.list ?? job.phase, steps);
        });
      }
      return collect();
    },
    async reset() {
      log('reset to the broken state');
      justReset = false;
      session = await resetLive(session, workspace, snapshot, unit.scenario, { cluster: options.cluster, log, settleTimeoutMs: settle });
      // Cluster faults replayed after the settle are asked about again, as a fresh seed's first grade does.
      justReset = unit.scenario.faults.every(isGitStep);
    },
    close,
  };
};

/**
 * A check's message without what varies between two looks at the same state: digits (a controller's temporary
 * directory, a retry's clock time: each run of digits reads as one; a commit still differs by its letters), Argo
 * CD's "(cached)" on a manifest error it repeats from its cache, and which earlier commit a Flux Kustomization last
 * applied in full when it has not finished applying its source's (`applied <x> (source at <y>)`, x not y): that is
 * the controller's history, which a reset cannot give back (the seed's was the commit before the faults, a reset's
 * the last phase's), while what is live is the source's either way.
 */
export const steadyMessage = (message: string): string =>
  message
    .replace(/ ?\(cached\)/g, '')
    .replace(/ applied ([0-9a-f]{7,64}) \(source at ([0-9a-f]{7,64})\)/g, (whole, applied: string, source: string) => (applied === source ? whole : ` applied an earlier commit (source at ${source})`))
    .replace(/\d+/g, '#');

/**
 * Where a reset state's grade differs from the seed's: per check, its status, score or (steady) message. Empty:
 * the reset is the broken state the seed handed over, as far as every check of the scenario can tell.
 */
export function gradeDifferences(seed: GradeResult, reset: GradeResult): string[] {
  const verdict = (c: CheckResult): string => `${c.status} ${c.score}/${c.max}: `;
  const key = (c: CheckResult): string => verdict(c) + steadyMessage(c.message);
  const shown = (c: CheckResult): string => verdict(c) + c.message;
  const before = new Map(seed.checks.map((c) => [c.name, c]));
  const after = new Map(reset.checks.map((c) => [c.name, c]));
  const out: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name);
    const b = after.get(name);
    if (!a || !b) out.push(`${name}: ${a ? 'missing after the reset' : 'not in the seed grade'}`);
    else if (key(a) !== key(b)) out.push(`${name}: seeded "${shown(a)}", after the reset "${shown(b)}"`);
  }
  return out;
}

/** Phases a chain plays on one seeded session at most: long units are split so that no chain runs alone at the end. */
export const CHAIN_PHASES = 4;

interface Chain {
  readonly u: number;
  readonly jobs: readonly { readonly p: number; readonly job: PhaseJob }[];
}

/** A unit's phases in order, cut into chains of at most `size`; the longest chains first (they bound the end). */
export function chainsOf(units: readonly ValidateUnit[], size = CHAIN_PHASES): Chain[] {
  const chains: Chain[] = [];
  units.forEach((unit, u) => {
    const jobs = phaseJobs(unit).map((job, p) => ({ p, job }));
    const n = Math.ceil(jobs.length / size);
    const per = Math.ceil(jobs.length / Math.max(1, n));
    for (let i = 0; i < jobs.length; i += per) chains.push({ u, jobs: jobs.slice(i, i + per) });
  });
  // Stable: equal lengths keep the units' order.
  return chains.map((c, i) => ({ c, i })).sort((a, b) => b.c.jobs.length - a.c.jobs.length || a.i - b.i).map((x) => x.c);
}

/**
 * validateAll with seeds reused: each chain seeds one session, plays its first phase on it, and before each
 * further phase resets it and grades the reset state against the seed's grade (the faults phase's, or a look
 * right after seeding). A reset that differs (or fails) ends reuse for that unit: the chain's remaining phases,
 * and retries, seed their own sessions as validateAll does without reuse.
 */
async function validateChains(units: readonly ValidateUnit[], options: ValidateOptions, runPhase: PhaseRunner, stage: SeedStage): Promise<ValidateRun[]> {
  const chains = chainsOf(units);
  const ledger = new Ledger(units, options.log);
  const gate = loadGate(options);
  const reusable = units.map(() => true);
  const runChain = async ({ u, jobs }: Chain): Promise<void> => {
    const unit = units[u]!;
    const log = (l: string): void => options.log(`[${unit.scenario.id}/${unit.controller}] ${l}`);
    let seeded: SeededSession | undefined;
    let baseline: GradeResult | undefined;
    const drop = async (): Promise<void> => {
      const s = seeded;
      seeded = undefined;
      baseline = undefined;
      if (s) await s.close();
    };
    try {
      for (const [k, { p, job }] of jobs.entries()) {
        // Each phase passes the gate: a chain waiting for room holds its seeded session, not a place.
        await gate.run(async () => {
          ledger.started(u);
          const started = performance.now();
          const seconds = (): number => (performance.now() - started) / 1000;
          let outcome: PhaseOutcome | undefined;
          let wasReset = false;
          // Back to the broken state, verified against the seed's grade; or, with none to reuse, a new seed when more phases follow.
          if (seeded && baseline) {
            const differences = await seeded
              .reset()
              .then(() => seeded!.look())
              .then((ev) => gradeDifferences(baseline!, gradeEvidence(unit.scenario, ev)))
              .catch((error: unknown) => [`the reset failed: ${error instanceof Error ? error.message : String(error)}`]);
            if (differences.length > 0) {
              log(`${job.phase}: the reset is not the seeded broken state (${differences.join('; ')}); seeding afresh from here`);
              reusable[u] = false;
              await drop();
            } else wasReset = true;
          } else if (seeded) await drop();
          if (!seeded && reusable[u] && k < jobs.length - 1) {
            try {
              seeded = await stage(unit, options, `${job.phase}+${jobs.length - k - 1}`);
              if (!seeded) reusable[u] = false;
              else if (job.phase !== 'faults') baseline = gradeEvidence(unit.scenario, await seeded.look());
            } catch (error) {
              outcome = judgePhase(job.phase, { error }, job.judge, seconds());
            }
          }
          if (!outcome && seeded) {
            const seed = wasReset ? 'reset' : 'fresh';
            try {
              const result = gradeEvidence(unit.scenario, await seeded.play(job));
              if (job.phase === 'faults') baseline = result;
              outcome = { ...judgePhase(job.phase, { result }, job.judge, seconds()), seed };
            } catch (error) {
              outcome = { ...judgePhase(job.phase, { error }, job.judge, seconds()), seed };
            }
          }
          const fresh = async (): Promise<PhaseOutcome> => ({ ...(await runPhase(unit, options, job)), seed: 'fresh' });
          ledger.record(u, p, await ledger.retried(u, job, outcome ?? (await fresh()), fresh, options.retriesOnFailure, ' on a fresh seed'));
        });
      }
    } finally {
      await drop();
    }
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chains.length) await runChain(chains[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(gate.options.max, chains.length)) }, worker));
  return ledger.runs();
}
