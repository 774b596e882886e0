/**
 * The bank's offline gates: schema and lint rules per file, unique ids, every environment renders from the
 * initial repo, and the offline self-test of the git and render checks.
 */
import { removeScratch, scratchDir } from '../scratch.js';
import { join } from 'node:path';
import { renderCommit } from '../evidence/render-evidence.js';
import { createLabRepo } from '../git/lab-repo.js';
import type { Scenario } from '../model/scenario.js';
import { loadScenarioFile, type LoadedScenario } from '../scenario/load.js';
import { environmentsFor, labVars } from './start.js';
import { selfTestOffline, type SelfTestReport } from './self-test.js';

export interface LintReport {
  readonly file: string;
  readonly id?: string;
  /** Schema and rule errors: the file is invalid (exit 2). */
  readonly errors: readonly string[];
  /** Self-test defects: the scenario does not prove what it claims (exit 1). */
  readonly defects: readonly string[];
  readonly notes: readonly string[];
}

/** Every environment and layer of the initial repo (before the faults) must render. */
export async function checkInitialRenders(scenario: Scenario, dir: string, display: string): Promise<string[]> {
  const root = await scratchDir('lint');
  try {
    const bareDir = join(root, 'lab.git');
    const envs = environmentsFor(scenario);
    const lab = await createLabRepo({ scenario, scenarioDir: dir, bareDir, repoURL: `file://${bareDir}`, vars: labVars(`file://${bareDir}`, 'lint', envs), applyFaults: false });
    const outcomes = await renderCommit(bareDir, lab.seedSha, envs);
    const layers = await renderCommit(bareDir, lab.seedSha, scenario.layers);
    return [
      ...Object.entries(outcomes).flatMap(([env, o]) => (o.ok ? [] : [`${display}: environments.${env}: repo/${envs[env]!.path} does not render: ${o.error.split('\n')[0]}`])),
      ...Object.entries(layers).flatMap(([name, o]) => (o.ok ? [] : [`${display}: layers.${name}: repo/${scenario.layers[name]!.path} does not render: ${o.error.split('\n')[0]}`])),
    ];
  } finally {
    await removeScratch(root);
  }
}

export async function lintFile(file: string, options: { selfTest: boolean }): Promise<LintReport & { loaded?: LoadedScenario }> {
  const result = await loadScenarioFile(file);
  if (!result.ok) return { file, errors: result.errors, defects: [], notes: [...result.warnings] };
  const { scenario, dir, file: display } = result.value;
  const errors = await checkInitialRenders(scenario, dir, display);
  const defects: string[] = [];
  const notes: string[] = [];
  if (errors.length === 0 && options.selfTest) {
    const reports: SelfTestReport[] = [];
    for (const controller of scenario.controllers) reports.push(await selfTestOffline(scenario, dir, controller));
    for (const r of reports) {
      for (const p of r.problems) defects.push(`${display}: self-test (${r.controller}) ${p.phase}: ${p.message}`);
      if (r.needsCluster.length > 0) notes.push(`${r.controller}: wrong solution(s) ${r.needsCluster.join(', ')} target only cluster checks; validate proves them`);
    }
  }
  return { file: display, id: scenario.id, errors, defects, notes: [...new Set(notes)], loaded: result.value };
}
