/**
 * Grading: runs every applicable check of a scenario over one Evidence and assembles the result.
 * Deterministic: same scenario and evidence, same result (no clocks, checks in scenario order).
 */
import { GRADERS } from '../../graders/index.js';
import { BOUNDARIES, boundaryRank, OFFLINE_BOUNDARIES, type Boundary } from '../model/boundary.js';
import type { Evidence } from '../model/evidence.js';
import { RESULT_SCHEMA_VERSION, type CheckResult, type GradeResult } from '../model/result.js';
import type { CheckSpec, Scenario } from '../model/scenario.js';
import { LabError } from '../errors.js';
import { fillDeep, type LabVars } from '../git/template.js';
import { labVars } from './start.js';

export function checksFor(scenario: Scenario, controller: Evidence['meta']['controller']): CheckSpec[] {
  return scenario.checks.filter((c) => !c.controllers || c.controllers.includes(controller));
}

export function gradeCheck(check: CheckSpec, evidence: Evidence): CheckResult {
  const grader = GRADERS.get(check.grader);
  if (!grader) throw new LabError('INVALID_SCENARIO', `check ${check.name}: unknown grader "${check.grader}"`);
  const base = { name: check.name, grader: grader.name, boundary: grader.boundary, max: check.weight, hint: check.hint };
  if (evidence.meta.scope === 'offline' && !OFFLINE_BOUNDARIES.includes(grader.boundary)) {
    return { ...base, status: 'skipped', score: 0, message: `Needs a cluster: the ${grader.boundary} boundary is not graded offline.`, mismatches: [] };
  }
  // `{{lab.ns.<env>}}` and friends in a check's parameters name what they name in the graded run.
  const params = grader.params.safeParse(fillDeep(check.with, checkVars(evidence)));
  if (!params.success) {
    throw new LabError('INVALID_SCENARIO', `check ${check.name}: invalid parameters for ${grader.name}`, {
      details: params.error.issues.map((i) => `with.${i.path.join('.')}: ${i.message}`),
    });
  }
  let finding;
  try {
    finding = grader.grade(evidence, params.data, { controller: evidence.meta.controller });
  } catch (error) {
    // A grader that throws could not judge: that is an error outcome, never a learner failure.
    finding = { status: 'error' as const, message: `The grader failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return {
    ...base,
    status: finding.status,
    score: finding.status === 'pass' ? check.weight : 0,
    message: finding.message,
    ...(finding.expected !== undefined ? { expected: finding.expected } : {}),
    ...(finding.actual !== undefined ? { actual: finding.actual } : {}),
    ...(finding.why !== undefined ? { why: finding.why } : {}),
    ...(finding.diff !== undefined ? { diff: finding.diff } : {}),
    mismatches: [...(finding.mismatches ?? [])],
  };
}

/**
 * The values `{{lab.*}}` takes in a check's parameters: those of the run the evidence comes from. A run on a
 * cluster suffixes its names with `-<run>`; offline none is (as labVars and environmentsFor make them at start).
 */
export function checkVars(evidence: Evidence): LabVars {
  const suffix = evidence.meta.scope === 'live' ? `-${evidence.meta.runId}` : '';
  return labVars(evidence.git.repoURL, evidence.meta.runId, evidence.environments, suffix);
}

export function gradeEvidence(scenario: Scenario, evidence: Evidence): GradeResult {
  const specs = checksFor(scenario, evidence.meta.controller);
  const checks = specs.map((c) => gradeCheck(c, evidence));
  return assembleResult(scenario.id, evidence, applyProgressRule(specs, checks));
}

/** Guards protect what must not break; a check that must fail on the seed is a task check. */
export const isGuard = (spec: CheckSpec): boolean => !spec.failsAfterFaults;

/**
 * The checks that show progress on the task among those graded in this scope: the ones marked `progress`,
 * else every task check except commit-message checks (a message alone is not progress).
 */
export function progressChecks(specs: readonly CheckSpec[], graded: ReadonlySet<string>): CheckSpec[] {
  const inScope = specs.filter((s) => graded.has(s.name));
  const marked = inScope.filter((s) => s.progress === true);
  if (marked.length > 0) return marked;
  // No marked check is graded in this scope (they need a cluster): this scope's task checks stand in.
  return inScope.filter((s) => !isGuard(s) && s.progress !== false && s.grader !== 'git.commit-message');
}

/**
 * The progress rule: a guard earns its weight only once the attempt has made progress on the task, that is
 * once at least one progress check passes. Until then a passing guard scores 0 and says why, so an untouched
 * seed scores 0 (lint and validate prove it: the "idle" phase). With no progress check in scope, no guard pays.
 */
export function applyProgressRule(specs: readonly CheckSpec[], checks: readonly CheckResult[]): CheckResult[] {
  const graded = new Set(checks.filter((c) => c.status !== 'skipped').map((c) => c.name));
  const progress = progressChecks(specs, graded);
  const byName = new Map(checks.map((c) => [c.name, c]));
  if (progress.some((p) => byName.get(p.name)?.status === 'pass')) return [...checks];
  const names = progress.map((p) => p.name).join(', ') || 'none is graded in this scope: the task is graded on a cluster';
  const guard = new Set(specs.filter(isGuard).map((s) => s.name));
  return checks.map((c) =>
    guard.has(c.name) && c.status === 'pass'
      ? { ...c, score: 0, withheld: true, message: `${c.message} Not scored yet: guards earn their weight once the task has made progress (${names}).` }
      : c,
  );
}

export function assembleResult(scenarioId: string, evidence: Evidence, checks: CheckResult[]): GradeResult {
  const counted = checks.filter((c) => c.status !== 'skipped');
  const score = counted.reduce((s, c) => s + c.score, 0);
  const maxScore = counted.reduce((s, c) => s + c.max, 0);
  const status = counted.some((c) => c.status === 'error') ? 'error' : score === maxScore && !counted.some((c) => c.withheld) ? 'pass' : 'fail';
  const failing = counted
    .filter((c) => c.status === 'fail' || c.status === 'error')
    .sort((a, b) => boundaryRank(a.boundary) - boundaryRank(b.boundary));
  const first = failing[0];
  const boundaries = BOUNDARIES.flatMap((boundary: Boundary) => {
    const cs = checks.filter((c) => c.boundary === boundary);
    if (cs.length === 0) return [];
    const live = cs.filter((c) => c.status !== 'skipped');
    const st = live.length === 0 ? 'skipped' : live.some((c) => c.status === 'error') ? 'error' : live.some((c) => c.status === 'fail') ? 'fail' : 'pass';
    return [{ boundary, status: st as CheckResult['status'], score: live.reduce((s, c) => s + c.score, 0), max: live.reduce((s, c) => s + c.max, 0) }];
  });
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    kind: 'gitops-lab/grade',
    scenario: scenarioId,
    controller: evidence.meta.controller,
    runId: evidence.meta.runId,
    ...(evidence.meta.learner !== undefined ? { learner: evidence.meta.learner } : {}),
    mode: evidence.meta.mode,
    scope: evidence.meta.scope,
    headSha: evidence.git.headSha,
    status,
    score,
    maxScore,
    firstFailure: first ? { boundary: first.boundary, check: first.name, message: first.message } : null,
    boundaries,
    checks,
  };
}
