/**
 * Validating the bank, on a subset of it, three ways measured in the same run (2 cores, local provider):
 *   reuse    = one shared cluster, a unit's phases in chains on one seeded session, reset and verified between
 *              phases (validate's default);
 *   fresh    = one shared cluster, every phase seeding a session of its own (`validate --fresh-seeds`);
 *   baseline = one cluster per run: for each scenario x controller, `up` a cluster of its own, validate the unit
 *              on it with fresh seeds, `down` it (one after another: two clusters at once thrash 2 cores).
 * Each mode prints its wall time and seconds per phase; the whole bank is extrapolated from seconds per phase
 * times the bank's phase count (a mode's per-phase cost on the subset, at the same parallelism), and the baseline
 * adds one up + down per unit of the bank at the cost measured here.
 *
 *   TS_NODE_TRANSPILE_ONLY=1 node --import @isaacs/ts-node-temp-fork-for-pr-2009/import bench/bank.ts \
 *     [--scenarios wrong-selector,drift-revert,promote-staging-image] [--parallel auto|N] [--skip-baseline]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flag, reporter } from './lib.js';
import { LocalProvider } from '../harness/providers/local/provider.js';
import { listScenarioIds, loadScenario } from '../harness/scenario/load.js';
import { phaseJobs, validateAll, type ValidateRun, type ValidateUnit } from '../harness/runner/validate.js';

const home = mkdtempSync(join(tmpdir(), 'gitops-lab-bench-bank-'));
process.env['GITOPS_LAB_HOME'] = home;
const SUBSET = flag('--scenarios', 'wrong-selector,drift-revert,promote-staging-image').split(',');
const parallelFlag = flag('--parallel', 'auto');
/** A number of phases at once, or `auto` (validate's load gate: harness/load-gate.ts). */
const PARALLEL: number | 'auto' = parallelFlag === 'auto' ? 'auto' : Number(parallelFlag);
const provider = new LocalProvider();
const NAME = 'bench-bank';
const quiet = (): void => undefined;
const { report, lines } = reporter();

async function unitsOf(ids: readonly string[]): Promise<ValidateUnit[]> {
  const units: ValidateUnit[] = [];
  for (const id of ids) {
    const { scenario, dir } = await loadScenario(id);
    for (const controller of scenario.controllers) units.push({ scenario, scenarioDir: dir, controller });
  }
  return units;
}
const phasesOf = (units: readonly ValidateUnit[]): number => units.reduce((n, u) => n + phaseJobs(u).length, 0);
const seconds = (t0: number): number => (performance.now() - t0) / 1000;

/** Runs validate; every run must pass, or the timing means nothing. */
async function timed(label: string, run: () => Promise<ValidateRun[]>): Promise<number> {
  const t0 = performance.now();
  const runs = await run();
  const s = seconds(t0);
  const bad = runs.filter((r) => r.status !== 'pass');
  if (bad.length > 0) throw new Error(`${label}: ${bad.map((r) => `${r.scenario}/${r.controller} ${r.status}: ${r.failingChecks.join('; ')}`).join(' | ')}`);
  const resets = runs.flatMap((r) => r.phases).filter((p) => p.seed === 'reset').length;
  report(`${label}: ${s.toFixed(0)}s for ${runs.flatMap((r) => r.phases).length} phases${resets > 0 ? ` (${resets} on a reset seed)` : ''}`);
  return s;
}

try {
  const units = await unitsOf(SUBSET);
  const bank = await unitsOf(await listScenarioIds());
  const phases = phasesOf(units);
  report(`subset: ${units.length} runs (${SUBSET.join(', ')}), ${phases} phases; the bank: ${bank.length} runs, ${phasesOf(bank)} phases; --parallel ${PARALLEL}`);
  let t0 = performance.now();
  await provider.up({ name: NAME, controllers: 'all', nodes: 2, log: quiet });
  const upAll = seconds(t0);
  const reuse = await timed('reuse (shared cluster, seeds reset)', () => validateAll(units, { cluster: NAME, parallel: PARALLEL, retriesOnFailure: 0, reuseSeeds: true, log: quiet }));
  const fresh = await timed('fresh (shared cluster, a seed per phase)', () => validateAll(units, { cluster: NAME, parallel: PARALLEL, retriesOnFailure: 0, reuseSeeds: false, log: quiet }));
  t0 = performance.now();
  await provider.down(NAME);
  const downAll = seconds(t0);
  const scale = phasesOf(bank) / phases;
  report(`whole bank, extrapolated (x${scale.toFixed(2)} phases): reuse ${((reuse * scale) / 60).toFixed(1)} min, fresh ${((fresh * scale) / 60).toFixed(1)} min, plus one up (${upAll.toFixed(0)}s) and down (${downAll.toFixed(0)}s)`);
  report(`reuse vs fresh: ratio ${(reuse / fresh).toFixed(2)} (${(fresh / reuse).toFixed(2)}x faster)`);
  if (!process.argv.includes('--skip-baseline')) {
    let ups = 0;
    const baseline = await timed('baseline (one cluster per run)', async () => {
      const out: ValidateRun[] = [];
      for (const [i, u] of units.entries()) {
        const own = `bench-own-${i}`;
        const u0 = performance.now();
        await provider.up({ name: own, controllers: u.scenario.rollouts ? 'all' : u.controller, nodes: 2, log: quiet });
        ups += seconds(u0);
        try {
          out.push(...(await validateAll([u], { cluster: own, parallel: PARALLEL, retriesOnFailure: 0, reuseSeeds: false, log: quiet })));
        } finally {
          const d0 = performance.now();
          await provider.down(own);
          ups += seconds(d0);
        }
      }
      return out;
    });
    report(`baseline: ${(ups / units.length).toFixed(1)}s of up + down per run; whole bank extrapolated ${((baseline * (bank.length / units.length)) / 60).toFixed(1)} min (per run, x${(bank.length / units.length).toFixed(2)} runs)`);
    report(`reuse vs one cluster per run: ratio ${(reuse / baseline).toFixed(2)} (${(baseline / reuse).toFixed(2)}x faster); fresh vs one cluster per run: ${(baseline / fresh).toFixed(2)}x faster`);
  }
} finally {
  await provider.down(NAME).catch(() => undefined);
  rmSync(home, { recursive: true, force: true });
}
process.stdout.write(lines.join('\n') + '\n');
