/** record: plays scenarios and saves the evidence, for grader tests (test/fixtures/) and for inspection. */
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Controller } from '../../model/boundary.js';
import type { Evidence } from '../../model/evidence.js';
import { redactEvidence } from '../../results/redact.js';
import { playLivePhase } from '../../runner/validate.js';
import { phaseName, playScenario } from '../../runner/play.js';
import { writeJsonAtomic } from '../../atomic.js';
import { listScenarioIds, loadScenario } from '../../scenario/load.js';
import type { SetExit } from './register.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('record')
    .description('play scenarios offline (faults, solution, wrong solutions) and save the evidence of each as JSON')
    .argument('[scenarios...]', 'scenario ids (default: the whole bank)')
    .option('--out <dir>', 'where to write <scenario>/<controller>/<phase>.json (default: test/fixtures/offline, or test/fixtures/live with --cluster)')
    .option('--cluster <name>', 'play on this running cluster and record live evidence (seed, solution, each wrong solution)')
    .addOption(new Option('--controller <controller>', 'only this controller').choices(['argocd', 'flux']))
    .action(async (ids: string[], opts: { out?: string; cluster?: string; controller?: Controller }) => {
      let written = 0;
      const out = resolve(opts.out ?? (opts.cluster ? 'test/fixtures/live' : 'test/fixtures/offline'));
      const save = async (scenario: string, controller: string, phase: string, evidence: Evidence): Promise<void> => {
        const file = join(out, scenario, controller, `${phase}.json`);
        await writeJsonAtomic(file, redactEvidence(evidence));
        process.stdout.write(`${file}\n`);
        written++;
      };
      for (const id of ids.length > 0 ? ids : await listScenarioIds()) {
        const { scenario, dir } = await loadScenario(id);
        for (const controller of scenario.controllers) {
          if (opts.controller && opts.controller !== controller) continue;
          if (!opts.cluster) {
            await playScenario(scenario, dir, controller, (phase, evidence) => save(scenario.id, controller, phaseName(phase), evidence));
            continue;
          }
          const unit = { scenario, scenarioDir: dir, controller };
          const log = (l: string): void => void process.stderr.write(`${l}\n`);
          const cluster = opts.cluster;
          await save(scenario.id, controller, 'faults', await playLivePhase(unit, { cluster, log }, 'faults', undefined));
          await save(scenario.id, controller, 'solution', await playLivePhase(unit, { cluster, log }, 'solution', scenario.solution.steps));
          for (const w of scenario.wrongSolutions) {
            if (w.controllers && !w.controllers.includes(controller)) continue;
            await save(scenario.id, controller, `wrong-${w.id}`, await playLivePhase(unit, { cluster, log }, `wrong-${w.id}`, w.steps));
          }
        }
      }
      process.stderr.write(`${written} evidence file(s) written\n`);
      setExit(0);
    });
}
