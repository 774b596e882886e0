import { Option, type Command } from 'commander';
import { LabError } from '../../errors.js';
import { collectOfflineEvidence } from '../../evidence/collect.js';
import { collectLiveEvidence } from '../../runner/live.js';
import { settleTimeoutMs } from '../../runner/settle-timeout.js';
import { loadSession } from '../../runner/session.js';
import { gradeEvidence } from '../../runner/grade.js';
import { writeBundle } from '../../results/bundle.js';
import { resolveLearner, withLearner } from '../../results/learner.js';
import { loadScenario } from '../../scenario/load.js';
import { exitCodeOf, formatOption, formatResult, type Format } from '../output.js';
import type { SetExit } from './register.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('grade')
    .description("collect evidence from the learner's pushed branch and grade every check")
    .requiredOption('--workspace <dir>', 'the learner workspace created by start')
    .option('--offline', 'grade the git and render boundaries only')
    .addOption(formatOption())
    .option('--out <dir>', 'also write result.json, evidence.json and report.md to <dir>/<learner>/<scenario>/')
    .option('--learner <id>', "learner id for the result (default: the session's learner, else the OS user name)")
    .addOption(new Option('--color', 'colour the text report').default(process.stdout.isTTY ?? false))
    .action(async (opts: { workspace: string; offline?: boolean; format: Format; color: boolean; out?: string; learner?: string }) => {
      const session = await loadSession(opts.workspace);
      if (!opts.offline && session.provider === 'offline') {
        throw new LabError('USAGE', `${opts.workspace} is an offline session; grade it with --offline`);
      }
      const { scenario } = await loadScenario(session.scenario);
      const learner = opts.out !== undefined || opts.learner !== undefined ? resolveLearner(opts.learner, session) : undefined;
      const collected =
        session.live && !opts.offline
          ? await collectLiveEvidence({ session, cluster: session.live.cluster, log: (l) => process.stderr.write(`${l}\n`), settleTimeoutMs: settleTimeoutMs(scenario) })
          : await collectOfflineEvidence(session);
      const evidence = learner === undefined ? collected : withLearner(collected, learner);
      const result = gradeEvidence(scenario, evidence);
      if (opts.out !== undefined) await writeBundle(opts.out, { result, evidence, learner: learner! });
      process.stdout.write(formatResult(result, opts.format, opts.color));
      setExit(exitCodeOf(result));
    });
}
