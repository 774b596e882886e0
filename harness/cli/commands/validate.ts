import { Option, type Command } from 'commander';
import { LabError } from '../../errors.js';
import { writeFileAtomic } from '../../atomic.js';
import type { Controller } from '../../model/boundary.js';
import { validateJson, validateJunit, validateMarkdown, validateText } from '../../report/validate.js';
import { shard, validateAll, validateExitCode, type ValidateUnit } from '../../runner/validate.js';
import { listScenarioIds, loadScenario } from '../../scenario/load.js';
import type { SetExit } from './register.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('validate')
    .description("the bank's self-test on a real cluster: faults fail, the solution scores full marks, wrong solutions lose their points")
    .argument('[scenarios...]', 'scenario ids (default: the whole bank)')
    .addOption(new Option('--controller <controller>', 'only this controller').choices(['argocd', 'flux']))
    .option('--cluster <name>', 'the cluster to run on (see gitops-lab up)', 'lab')
    .option('--parallel <n>', 'phases (seeded sessions) at once on the shared cluster; auto: 2 up to 2 per core + 2, one more only while the CPU has room', 'auto')
    .option('--shard <i/n>', 'run only the i-th of n shards')
    .option('--retries-on-failure <n>', 'retry a phase that does not pass (on a fresh seed)', '0')
    .option('--reuse-seeds', "reset one seeded session between a unit's phases (verified against the seed's grade; fresh seeds where it differs) instead of seeding each phase")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'junit', 'markdown']).default('text'))
    .option('--junit <file>', 'also write a JUnit report')
    .option('--markdown <file>', 'also write a Markdown report')
    .action(async (ids: string[], opts: { controller?: Controller; cluster: string; parallel: string; shard?: string; retriesOnFailure: string; reuseSeeds?: boolean; format: string; junit?: string; markdown?: string }) => {
      const parallel = opts.parallel === 'auto' ? 'auto' : Number(opts.parallel);
      const retries = Number(opts.retriesOnFailure);
      if (parallel !== 'auto' && (!Number.isInteger(parallel) || parallel < 1)) throw new LabError('USAGE', `--parallel ${opts.parallel}: expected a positive integer or auto`);
      if (!Number.isInteger(retries) || retries < 0) throw new LabError('USAGE', `--retries-on-failure ${opts.retriesOnFailure}: expected 0 or more`);
      const units: ValidateUnit[] = [];
      for (const id of ids.length > 0 ? ids : await listScenarioIds()) {
        const { scenario, dir } = await loadScenario(id);
        for (const controller of scenario.controllers) if (!opts.controller || opts.controller === controller) units.push({ scenario, scenarioDir: dir, controller });
      }
      const mine = shard(units, opts.shard);
      const started = performance.now();
      const runs = await validateAll(mine, { cluster: opts.cluster, parallel, retriesOnFailure: retries, reuseSeeds: opts.reuseSeeds === true, log: (l) => process.stderr.write(`${l}\n`) });
      process.stderr.write(`validated ${runs.length} run(s) in ${((performance.now() - started) / 1000).toFixed(0)}s\n`);
      if (opts.junit) await writeFileAtomic(opts.junit, validateJunit(runs));
      if (opts.markdown) await writeFileAtomic(opts.markdown, validateMarkdown(runs));
      const render = { json: validateJson, junit: validateJunit, markdown: validateMarkdown, text: validateText }[opts.format as 'text'];
      process.stdout.write(render(runs));
      setExit(validateExitCode(runs));
    });
}
