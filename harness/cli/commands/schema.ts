/** schema and docs: generated files kept in step with the code (tests fail when they drift). */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { SCHEMA_FILE, scenarioJsonSchemaText } from '../../scenario/json-schema.js';
import { bankDir, listScenarioIds, loadScenario } from '../../scenario/load.js';
import { scenarioReadme } from '../../scenario/readme.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { syncReadme } from '../readme.js';
import type { SetExit } from './register.js';


async function syncFile(file: string, content: string, write: boolean): Promise<boolean> {
  const current = await readFile(file, 'utf8').catch(() => '');
  if (current === content) return true;
  if (write) await writeFile(file, content);
  return write;
}

export function register(program: Command, setExit: SetExit): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (--write updates schemas/, --check fails if it is stale)')
    .option('--write', `write ${SCHEMA_FILE}`)
    .option('--check', `exit 1 if ${SCHEMA_FILE} is out of date`)
    .action(async (opts: { write?: boolean; check?: boolean }) => {
      const text = scenarioJsonSchemaText();
      if (!opts.write && !opts.check) {
        process.stdout.write(text);
        return setExit(0);
      }
      const ok = await syncFile(join(PACKAGE_ROOT, SCHEMA_FILE), text, opts.write === true);
      if (!ok) process.stderr.write(`${SCHEMA_FILE} is out of date: run gitops-lab schema --write\n`);
      setExit(ok ? 0 : 1);
    });
  program
    .command('docs')
    .description("generate each scenario's README.md from its yaml, and README.md's generated regions (graders, CLI, exit codes) from the code (--check fails if one is stale)")
    .option('--write', 'write the READMEs')
    .option('--check', 'exit 1 if a README or a README.md region is out of date')
    .action(async (opts: { write?: boolean; check?: boolean }) => {
      let stale = 0;
      for (const id of await listScenarioIds()) {
        const { scenario } = await loadScenario(id);
        const file = join(bankDir(), id, 'README.md');
        const ok = await syncFile(file, scenarioReadme(scenario), opts.write === true);
        if (!ok) {
          stale++;
          process.stderr.write(`${file} is out of date: run gitops-lab docs --write\n`);
        } else if (opts.write) process.stdout.write(`${file}\n`);
      }
      // README.md's regions: by the time this runs, the program holds every command.
      const readme = await syncReadme(program, opts.write === true);
      if (opts.write) process.stdout.write(`${readme.file}\n`);
      else {
        stale += readme.stale.length;
        for (const region of readme.stale) process.stderr.write(`${readme.file}: region "${region}" is out of date: run gitops-lab docs --write\n`);
      }
      setExit(stale === 0 ? 0 : 1);
    });
}
