/** record: plays scenarios and saves the evidence, for grader tests (test/fixtures/) and for inspection. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { phaseName, playScenario } from '../../runner/play.js';
import { writeJsonAtomic } from '../../runner/session.js';
import { listScenarioIds, loadScenario } from '../../scenario/load.js';
import type { SetExit } from './index.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('record')
    .description('play scenarios offline (faults, solution, wrong solutions) and save the evidence of each as JSON')
    .argument('[scenarios...]', 'scenario ids (default: the whole bank)')
    .option('--out <dir>', 'where to write <scenario>/<controller>/<phase>.json', 'test/fixtures/offline')
    .action(async (ids: string[], opts: { out: string }) => {
      let written = 0;
      for (const id of ids.length > 0 ? ids : await listScenarioIds()) {
        const { scenario, dir } = await loadScenario(id);
        for (const controller of scenario.controllers) {
          await playScenario(scenario, dir, controller, async (phase, evidence) => {
            const file = join(resolve(opts.out), scenario.id, controller, `${phaseName(phase)}.json`);
            await writeJsonAtomic(file, evidence);
            process.stdout.write(`${file}\n`);
            written++;
          });
        }
      }
      process.stderr.write(`${written} evidence file(s) written\n`);
      setExit(0);
    });
}
