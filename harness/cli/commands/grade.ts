import { Option, type Command } from 'commander';
import { LabError } from '../../errors.js';
import { collectOfflineEvidence } from '../../evidence/collect.js';
import { loadSession } from '../../runner/session.js';
import { gradeEvidence } from '../../runner/grade.js';
import { loadScenario } from '../../scenario/load.js';
import { exitCodeOf, formatOption, formatResult, type Format } from '../output.js';
import type { SetExit } from './index.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('grade')
    .description("collect evidence from the learner's pushed branch and grade every check")
    .requiredOption('--workspace <dir>', 'the learner workspace created by start')
    .option('--offline', 'grade the git and render boundaries only')
    .addOption(formatOption())
    .addOption(new Option('--color', 'colour the text report').default(process.stdout.isTTY ?? false))
    .action(async (opts: { workspace: string; offline?: boolean; format: Format; color: boolean }) => {
      const session = await loadSession(opts.workspace);
      if (!opts.offline && session.provider === 'offline') {
        throw new LabError('USAGE', `${opts.workspace} is an offline session; grade it with --offline`);
      }
      const { scenario } = await loadScenario(session.scenario);
      const evidence = await collectOfflineEvidence(session);
      const result = gradeEvidence(scenario, evidence);
      process.stdout.write(formatResult(result, opts.format, opts.color));
      setExit(exitCodeOf(result));
    });
}
