/**
 * The offline self-test of a scenario's git and render checks: after the faults every offline check that
 * must fail fails; after the solution every offline check passes; after each wrong solution the offline
 * checks it targets lose their points.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GRADERS } from '../../graders/index.js';
import { collectOfflineEvidence } from '../evidence/collect.js';
import { applyGitSteps, cloneWorkspace, createLabRepo } from '../git/lab-repo.js';
import { git } from '../git/git.js';
import { OFFLINE_BOUNDARIES, type Controller } from '../model/boundary.js';
import type { GradeResult } from '../model/result.js';
import type { Scenario } from '../model/scenario.js';
import type { Step } from '../model/steps.js';
import { gradeEvidence } from './grade.js';
import { environmentsFor, labVars } from './start.js';
import type { Session } from './session.js';

export interface SelfTestProblem {
  readonly phase: 'faults' | 'solution' | `wrong:${string}`;
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
  const root = await mkdtemp(join(tmpdir(), `gitops-lab-selftest-${scenario.id}-`));
  const problems: SelfTestProblem[] = [];
  const needsCluster: string[] = [];
  try {
    const bareDir = join(root, 'lab.git');
    const repoURL = `file://${bareDir}`;
    const environments = environmentsFor(scenario);
    const vars = labVars(repoURL, 'selftest', environments);
    const lab = await createLabRepo({ scenario, scenarioDir, bareDir, repoURL, vars });
    const session: Session = {
      schemaVersion: 1,
      runId: 'selftest',
      scenario: scenario.id,
      controller,
      provider: 'offline',
      mode: 'practice',
      bareDir,
      repoURL,
      trackedBranch: lab.trackedBranch,
      seedSha: lab.seedSha,
      seedBranches: lab.seedBranches,
      environments,
      startedAt: new Date(0).toISOString(),
      stateDir: root,
    };
    const grade = async (): Promise<GradeResult> => gradeEvidence(scenario, await collectOfflineEvidence(session));
    const statusOf = (r: GradeResult, name: string) => r.checks.find((c) => c.name === name)?.status;

    const broken = await grade();
    for (const c of broken.checks) {
      const spec = scenario.checks.find((s) => s.name === c.name)!;
      if (c.status === 'error') problems.push({ phase: 'faults', message: `${c.name} could not judge: ${c.message}` });
      if (spec.failsAfterFaults && c.status === 'pass') {
        problems.push({ phase: 'faults', message: `${c.name} passes on the broken state; it must fail after the faults` });
      }
    }

    const play = async (steps: readonly Step[]): Promise<GradeResult> => {
      // Back to the hand-over state: every branch at its seed commit, nothing else.
      const work = join(root, `work-${Math.random().toString(36).slice(2, 8)}`);
      for (const [branch, sha] of Object.entries(lab.seedBranches)) {
        await git(bareDir, ['update-ref', `refs/heads/${branch}`, sha]);
      }
      await cloneWorkspace(bareDir, work, lab.trackedBranch);
      await applyGitSteps(work, steps, { trackedBranch: lab.trackedBranch, vars });
      return grade();
    };

    const solved = await play(scenario.solution.steps);
    for (const c of solved.checks) {
      if (c.status === 'fail' || c.status === 'error') problems.push({ phase: 'solution', message: `${c.name} ${c.status}s after the reference solution: ${c.message}` });
    }

    for (const wrong of scenario.wrongSolutions) {
      if (wrong.controllers && !wrong.controllers.includes(controller)) continue;
      const targeted = wrong.loses.filter((n) => isOffline(scenario, n));
      if (targeted.length === 0) {
        needsCluster.push(wrong.id);
        continue;
      }
      const r = await play(wrong.steps);
      for (const name of targeted) {
        const st = statusOf(r, name);
        if (st !== 'fail') problems.push({ phase: `wrong:${wrong.id}`, message: `${name} is ${st ?? 'absent'} after wrong solution "${wrong.id}"; it must lose its points` });
      }
    }
    return { scenario: scenario.id, controller, problems, needsCluster };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
