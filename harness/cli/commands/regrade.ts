import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Evidence } from '../../model/evidence.js';
import { gradeEvidence } from '../../runner/grade.js';
import { parseJsonFile } from '../../results/read.js';
import { loadScenario } from '../../scenario/load.js';
import { LabError } from '../../errors.js';
import { exitCodeOf, formatOption, formatResult, type Format } from '../output.js';
import type { SetExit } from './index.js';

/** Grades a saved evidence bundle again, offline, with the current graders: an appeal without a cluster. */
export function register(program: Command, setExit: SetExit): void {
  program
    .command('regrade')
    .description('grade a saved evidence.json again with the current graders (no cluster, no workspace)')
    .argument('<evidence>', 'an evidence.json written by grade --out (or by record)')
    .addOption(formatOption())
    .action(async (file: string, opts: { format: Format }) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new LabError('NOT_FOUND', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      const evidence = parseJsonFile(Evidence, text, file);
      const { scenario } = await loadScenario(evidence.meta.scenario);
      const result = gradeEvidence(scenario, evidence);
      process.stdout.write(formatResult(result, opts.format));
      setExit(exitCodeOf(result));
    });
}
