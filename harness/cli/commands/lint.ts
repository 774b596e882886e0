import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { lintFile } from '../../runner/lint.js';
import { bankDir, listScenarioIds } from '../../scenario/load.js';
import type { SetExit } from './register.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('lint')
    .description('offline gates for the bank: schema, graders and parameters, renders, and the git/render self-test')
    .argument('[scenarios...]', 'scenario ids or paths to scenario.yaml files (default: the whole bank)')
    .option('--bank <dir>', 'scenario bank directory', bankDir())
    .option('--no-self-test', 'skip the offline self-test (schema and render gates only)')
    .action(async (args: string[], opts: { bank: string; selfTest: boolean }) => {
      const files = (args.length > 0 ? args : await listScenarioIds(opts.bank)).map((a) =>
        a.endsWith('.yaml') || a.endsWith('.yml') ? resolve(a) : join(opts.bank, a, 'scenario.yaml'),
      );
      let invalid = 0;
      let defective = 0;
      const ids = new Map<string, string>();
      for (const file of files) {
        const r = await lintFile(file, { selfTest: opts.selfTest });
        const errors = [...r.errors];
        if (r.id) {
          const other = ids.get(r.id);
          if (other) errors.push(`${r.file}: id: "${r.id}" is also the id of ${other}`);
          ids.set(r.id, r.file);
        }
        for (const e of errors) process.stdout.write(`${e}\n`);
        for (const d of r.defects) process.stdout.write(`${d}\n`);
        for (const n of r.notes) process.stdout.write(`${r.file}: note: ${n}\n`);
        if (errors.length === 0 && r.defects.length === 0) process.stdout.write(`${r.file}: ok\n`);
        if (errors.length > 0) invalid++;
        else if (r.defects.length > 0) defective++;
      }
      process.stdout.write(`${files.length} scenario(s): ${files.length - invalid - defective} ok, ${invalid} invalid, ${defective} failing self-test\n`);
      setExit(invalid > 0 ? 2 : defective > 0 ? 1 : 0);
    });
}
