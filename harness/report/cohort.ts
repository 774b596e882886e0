/**
 * The cohort: pure aggregation of graded results for the instructor's report. Per learner and scenario:
 * score, time taken, checks passed, first failing boundary. Per scenario: pass rate, median score and time,
 * the most common first failing boundary, the share of learners failing first at each boundary, and the
 * score distribution. Per check: pass rate. Deterministic: sorted, no clocks.
 */
import { BOUNDARIES, boundaryRank, type Boundary } from '../model/boundary.js';
import type { CheckResult, GradeResult } from '../model/result.js';
import { timeTakenMs, type IndexEntry } from '../model/index-entry.js';
import { forMode } from './json.js';

export interface CohortInput {
  readonly entry: IndexEntry;
  readonly result: GradeResult;
}

export interface LearnerRow {
  readonly learner: string;
  readonly scenario: string;
  readonly controller: string;
  readonly mode: 'practice' | 'exam';
  readonly status: GradeResult['status'];
  readonly score: number;
  readonly maxScore: number;
  readonly timeTakenMs: number | null;
  readonly checksPassed: number;
  /** Checks that were judged (skipped ones are not counted). */
  readonly checksJudged: number;
  readonly firstFailure: GradeResult['firstFailure'];
  /** The first failing check in full, exam-mode rules applied (no expected values, no hint). */
  readonly firstFailingCheck: CheckResult | null;
  readonly headSha: string;
  readonly headSubject: string | null;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly deadline: string | null;
}

export interface CheckStat {
  readonly name: string;
  readonly boundary: Boundary;
  readonly grader: string;
  readonly passed: number;
  readonly judged: number;
  /** passed / judged, or null when no learner's check was judged. */
  readonly passRate: number | null;
  /** The check's hint, only when every grade of the scenario was in practice mode. */
  readonly hint: string | null;
}

export interface Bin {
  readonly label: string;
  readonly count: number;
}

export interface ScenarioStat {
  readonly scenario: string;
  readonly learners: number;
  readonly passed: number;
  readonly passRate: number;
  readonly maxScore: number;
  readonly medianScore: number | null;
  readonly medianTimeMs: number | null;
  /** The boundary most learners failed first at (ties go to the earlier boundary), and how many. */
  readonly mostCommonFirstFailure: { readonly boundary: Boundary; readonly learners: number } | null;
  /** Share of the scenario's learners whose first failure is each boundary. */
  readonly firstFailureShare: Readonly<Record<Boundary, number>>;
  readonly scoreBins: readonly Bin[];
  readonly checks: readonly CheckStat[];
}

export interface Cohort {
  readonly rows: readonly LearnerRow[];
  readonly scenarios: readonly ScenarioStat[];
  readonly learners: readonly string[];
  readonly warnings: readonly string[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One bin per score when there are few possible scores, else ten bins of the score's share. */
export function scoreBins(scores: readonly number[], maxScore: number): Bin[] {
  if (Number.isInteger(maxScore) && maxScore >= 0 && maxScore <= 20 && scores.every(Number.isInteger)) {
    return Array.from({ length: maxScore + 1 }, (_, s) => ({ label: String(s), count: scores.filter((x) => x === s).length }));
  }
  return Array.from({ length: 10 }, (_, i) => ({
    label: `${i * 10}${i === 9 ? '–100' : `–${i * 10 + 9}`}%`,
    count: scores.filter((x) => Math.min(9, Math.floor((maxScore > 0 ? x / maxScore : 0) * 10)) === i).length,
  }));
}

function rowOf({ entry, result: raw }: CohortInput): LearnerRow {
  const result = forMode(raw);
  const judged = result.checks.filter((c) => c.status !== 'skipped');
  const first = result.firstFailure ? result.checks.find((c) => c.name === result.firstFailure!.check) ?? null : null;
  return {
    learner: entry.learner,
    scenario: result.scenario,
    controller: result.controller,
    mode: result.mode,
    status: result.status,
    score: result.score,
    maxScore: result.maxScore,
    timeTakenMs: timeTakenMs(entry),
    checksPassed: judged.filter((c) => c.status === 'pass' && !c.withheld).length,
    checksJudged: judged.length,
    firstFailure: result.firstFailure,
    firstFailingCheck: first,
    headSha: result.headSha,
    headSubject: entry.headSubject ?? null,
    startedAt: entry.startedAt ?? null,
    endedAt: entry.endedAt ?? null,
    deadline: entry.deadline ?? null,
  };
}

function scenarioStat(scenario: string, inputs: readonly CohortInput[], rows: readonly LearnerRow[]): ScenarioStat {
  const n = rows.length;
  const counts = new Map<Boundary, number>();
  for (const r of rows) if (r.firstFailure) counts.set(r.firstFailure.boundary, (counts.get(r.firstFailure.boundary) ?? 0) + 1);
  let most: ScenarioStat['mostCommonFirstFailure'] = null;
  for (const b of BOUNDARIES) {
    const c = counts.get(b) ?? 0;
    if (c > 0 && (most === null || c > most.learners)) most = { boundary: b, learners: c };
  }
  const maxScore = Math.max(0, ...rows.map((r) => r.maxScore));
  const allPractice = inputs.every((i) => i.result.mode === 'practice');
  const checkNames: { name: string; boundary: Boundary; grader: string; order: number }[] = [];
  for (const { result } of inputs) {
    result.checks.forEach((c, order) => {
      if (!checkNames.some((x) => x.name === c.name)) checkNames.push({ name: c.name, boundary: c.boundary, grader: c.grader, order });
    });
  }
  checkNames.sort((a, b) => boundaryRank(a.boundary) - boundaryRank(b.boundary) || a.order - b.order);
  const checks = checkNames.map(({ name, boundary, grader }) => {
    const results = inputs.flatMap(({ result }) => result.checks.filter((c) => c.name === name));
    const judged = results.filter((c) => c.status !== 'skipped');
    const passed = judged.filter((c) => c.status === 'pass').length;
    const hint = allPractice ? results.find((c) => c.hint !== undefined)?.hint ?? null : null;
    return { name, boundary, grader, passed, judged: judged.length, passRate: judged.length === 0 ? null : passed / judged.length, hint };
  });
  const passed = rows.filter((r) => r.status === 'pass').length;
  return {
    scenario,
    learners: n,
    passed,
    passRate: n === 0 ? 0 : passed / n,
    maxScore,
    medianScore: median(rows.map((r) => r.score)),
    medianTimeMs: median(rows.flatMap((r) => (r.timeTakenMs === null ? [] : [r.timeTakenMs]))),
    mostCommonFirstFailure: most,
    firstFailureShare: Object.fromEntries(BOUNDARIES.map((b) => [b, n === 0 ? 0 : (counts.get(b) ?? 0) / n])) as Record<Boundary, number>,
    scoreBins: scoreBins(rows.map((r) => r.score), maxScore),
    checks,
  };
}

export function buildCohort(inputs: readonly CohortInput[], warnings: readonly string[] = []): Cohort {
  const sorted = [...inputs].sort((a, b) => compare(a.entry.learner, b.entry.learner) || compare(a.result.scenario, b.result.scenario));
  const rows = sorted.map(rowOf);
  const scenarioIds = [...new Set(rows.map((r) => r.scenario))].sort(compare);
  const scenarios = scenarioIds.map((id) =>
    scenarioStat(
      id,
      sorted.filter((i) => i.result.scenario === id),
      rows.filter((r) => r.scenario === id),
    ),
  );
  return { rows, scenarios, learners: [...new Set(rows.map((r) => r.learner))].sort(compare), warnings: [...warnings] };
}
