/**
 * Plays a scenario offline in a scratch directory: the broken state after the faults, then the reference
 * solution, then each alternative solution and each wrong solution, each from the hand-over state. Used by the self-test (lint) and by the
 * fixture recorder. History is reproducible: fixed clock, fixed identities, a symbolic repository URL.
 */
import { removeScratch, scratchDir } from '../scratch.js';
import { join } from 'node:path';
import { collectOfflineEvidence } from '../evidence/collect.js';
import { applyGitSteps, branchHeads, cloneWorkspace, createLabRepo, labClock } from '../git/lab-repo.js';
import { git } from '../git/git.js';
import type { Controller } from '../model/boundary.js';
import type { Evidence } from '../model/evidence.js';
import type { Scenario } from '../model/scenario.js';
import type { Step } from '../model/steps.js';
import { environmentsFor, labVars } from './start.js';
import { newSession } from './session.js';
import { inScenarioStep, scenarioFileOf } from './step-error.js';

export type Phase =
  | { readonly kind: 'faults' }
  | { readonly kind: 'solution' }
  | { readonly kind: 'alternative'; readonly id: string }
  | { readonly kind: 'wrong'; readonly id: string };

export const phaseName = (p: Phase): string => (p.kind === 'wrong' ? `wrong-${p.id}` : p.kind === 'alternative' ? `alternative-${p.id}` : p.kind);

/** The URL written into registrations during plays: a name, not a location, so recorded evidence is stable. */
export const PLAY_REPO_URL = 'file:///gitops-lab/play/payment-api.git';

const FIXED_TIME = new Date('2026-01-02T00:00:00Z');
const DAY = 86_400;

export async function playScenario(
  scenario: Scenario,
  scenarioDir: string,
  controller: Controller,
  visit: (phase: Phase, evidence: Evidence) => Promise<void>,
  options: { readonly wrongSolutions?: boolean } = {},
): Promise<void> {
  const root = await scratchDir(`play-${scenario.id}`);
  try {
    const bareDir = join(root, 'lab.git');
    const environments = environmentsFor(scenario);
    const vars = labVars(PLAY_REPO_URL, 'play', environments);
    const file = scenarioFileOf(scenarioDir);
    // The faults are played as the lab repository is made: an edit of theirs that cannot be played is named there.
    const lab = await createLabRepo({ scenario, scenarioDir, bareDir, repoURL: PLAY_REPO_URL, vars }).catch((error: unknown) => {
      throw inScenarioStep(error, file, 'faults', scenario.faults, false);
    });
    const session = newSession({
      runId: 'play',
      scenario,
      controller,
      provider: 'offline',
      mode: 'practice',
      lab,
      environments,
      layers: scenario.layers,
      stateDir: root,
      now: FIXED_TIME,
    });
    const collect = () => collectOfflineEvidence(session, { now: () => FIXED_TIME });
    let plays = 0;
    const play = async (list: string, steps: readonly Step[]): Promise<Evidence> => {
      // Back to the hand-over state: every branch at its seed commit, branches made since then gone.
      for (const [branch, sha] of Object.entries(await branchHeads(bareDir))) {
        const seed = lab.seedBranches[branch];
        if (seed === undefined) await git(bareDir, ['update-ref', '-d', `refs/heads/${branch}`, sha]);
        else if (seed !== sha) await git(bareDir, ['update-ref', `refs/heads/${branch}`, seed]);
      }
      const work = join(root, `work-${++plays}`);
      await cloneWorkspace(bareDir, work, lab.trackedBranch);
      await applyGitSteps(work, steps, { trackedBranch: lab.trackedBranch, vars, clock: labClock(1_767_225_600 + DAY) }).catch((error: unknown) => {
        throw inScenarioStep(error, file, list, steps);
      });
      return collect();
    };
    await visit({ kind: 'faults' }, await collect());
    await visit({ kind: 'solution' }, await play('solution.steps', scenario.solution.steps));
    if (options.wrongSolutions === false) return;
    for (const [i, alt] of scenario.alternativeSolutions.entries()) {
      if (alt.controllers && !alt.controllers.includes(controller)) continue;
      await visit({ kind: 'alternative', id: alt.id }, await play(`alternativeSolutions[${i}].steps`, alt.steps));
    }
    for (const [i, wrong] of scenario.wrongSolutions.entries()) {
      if (wrong.controllers && !wrong.controllers.includes(controller)) continue;
      await visit({ kind: 'wrong', id: wrong.id }, await play(`wrongSolutions[${i}].steps`, wrong.steps));
    }
  } finally {
    await removeScratch(root);
  }
}
