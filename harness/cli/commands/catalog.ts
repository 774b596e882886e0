/** list and show: the scenario bank at a glance. */
import type { Command } from 'commander';
import { listScenarioIds, loadScenario } from '../../scenario/load.js';
import { scenarioReadme } from '../../scenario/readme.js';
import type { SetExit } from './register.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('list')
    .description('list the scenarios in the bank')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const rows = [];
      for (const id of await listScenarioIds()) {
        const { scenario } = await loadScenario(id);
        rows.push({ id, title: scenario.title, difficulty: scenario.difficulty, controllers: scenario.controllers, timeLimitMinutes: scenario.timeLimitMinutes });
      }
      if (opts.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      else {
        const w = Math.max(...rows.map((r) => r.id.length), 2);
        for (const r of rows) process.stdout.write(`${r.id.padEnd(w)}  ${r.difficulty.padEnd(12)}  ${r.controllers.join(',').padEnd(11)}  ${r.title}\n`);
      }
      setExit(0);
    });
  program
    .command('show')
    .description("show a scenario: prompt, checks by boundary, faults and solution")
    .argument('<id>')
    .action(async (id: string) => {
      const { scenario } = await loadScenario(id);
      process.stdout.write(scenarioReadme(scenario));
      setExit(0);
    });
}
