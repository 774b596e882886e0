/**
 * The offline self-test of a scenario's git and render checks: after the faults the untouched seed scores 0
 * (the idle phase) and every offline check that must fail fails; after the solution every offline check passes; after each wrong solution the offline
 * checks it targets lose their points.
 */
import { GRADERS } from '../../graders/index.js';
import { OFFLINE_BOUNDARIES, type Controller } from '../model/boundary.js';
import type { Scenario } from '../model/scenario.js';
import { gradeEvidence } from './grade.js';
import { phaseName, playScenario } from './play.js';

export interface SelfTestProblem {
  readonly phase: string;
  readonly message: string;
}

export interface SelfTestReport {
  readonly scenario: string;
  readonly controller: Controller;
  readonly problems: readonly SelfTestProblem[];
  /** Wrong solutions whose targeted checks all need a cluster. */
  readonly needsCluster: readonly string[];
}

const isOffline = (scenario: Scenario, name: string): boolean => {
  const check = scenario.checks.find((c) => c.name === name);
  const g = check && GRADERS.get(check.grader);
  return g !== undefined && OFFLINE_BOUNDARIES.includes(g.boundary);
};

export async function selfTestOffline(scenario: Scenario, scenarioDir: string, controller: Controller): Promise<SelfTestReport> {
  const problems: SelfTestProblem[] = [];
  const needsCluster = scenario.wrongSolutions
    .filter((w) => (!w.controllers || w.controllers.includes(controller)) && !w.loses.some((n) => isOffline(scenario, n)))
    .map((w) => w.id);
  await playScenario(scenario, scenarioDir, controller, async (phase, evidence) => {
    const result = gradeEvidence(scenario, evidence);
    const name = phaseName(phase);
    for (const c of result.checks) {
      if (c.status === 'error') problems.push({ phase: name, message: `${c.name} could not judge: ${c.message}` });
    }
    if (phase.kind === 'faults') {
      // The idle phase: the untouched seed is what a learner who does nothing pushes; it must score 0.
      if (result.score !== 0) {
        const paying = result.checks.filter((c) => c.score > 0).map((c) => `${c.name} (${c.score})`);
        problems.push({ phase: 'idle', message: `the untouched seed scores ${result.score}/${result.maxScore}: ${paying.join(', ')}` });
      }
      for (const c of result.checks) {
        const spec = scenario.checks.find((s) => s.name === c.name)!;
        if (spec.failsAfterFaults && c.status === 'pass') problems.push({ phase: name, message: `${c.name} passes on the broken state; it must fail after the faults` });
      }
    } else if (phase.kind === 'solution' || phase.kind === 'alternative') {
      const which = phase.kind === 'solution' ? 'the reference solution' : `alternative solution "${phase.id}"`;
      for (const c of result.checks) if (c.status === 'fail') problems.push({ phase: name, message: `${c.name} fails after ${which}: ${c.message}` });
      if (result.score !== result.maxScore && !result.checks.some((c) => c.status === 'fail')) {
        problems.push({ phase: name, message: `${which} scores ${result.score}/${result.maxScore}, not full marks` });
      }
    } else {
      const wrong = scenario.wrongSolutions.find((w) => w.id === phase.id)!;
      for (const n of wrong.loses.filter((x) => isOffline(scenario, x))) {
        const st = result.checks.find((c) => c.name === n)?.status;
        if (st !== 'fail') problems.push({ phase: name, message: `${n} is ${st ?? 'absent'} after wrong solution "${wrong.id}"; it must lose its points` });
      }
    }
  }, { wrongSolutions: true });
  return { scenario: scenario.id, controller, problems, needsCluster };
}
