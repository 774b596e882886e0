import { Option, type Command } from 'commander';
import { LabError } from '../../errors.js';
import { resolve } from 'node:path';
import { startLive } from '../../runner/live.js';
import { settleTimeoutMs } from '../../runner/settle-timeout.js';
import { assertEmptyOrMissing, promptText, startOffline } from '../../runner/start.js';
import { loadScenario } from '../../scenario/load.js';
import type { SetExit } from './register.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('start')
    .description("seed a scenario's broken state and hand the learner a Git workspace")
    .argument('<id>', 'scenario id (see gitops-lab list)')
    .requiredOption('--workspace <dir>', 'where to clone the learner workspace (must be new or empty)')
    .option('--offline', 'no cluster: grade the git and render boundaries only')
    .option('--cluster <name>', 'the cluster to seed on (see gitops-lab up)', 'lab')
    .addOption(new Option('--controller <controller>', 'GitOps controller').choices(['argocd', 'flux']))
    .addOption(new Option('--mode <mode>', 'practice shows hints; exam hides them and enforces the time limit').choices(['practice', 'exam']).default('practice'))
    .option('--learner <id>', 'learner id recorded with the results')
    .action(async (id: string, opts: { workspace: string; offline?: boolean; cluster: string; controller?: 'argocd' | 'flux'; mode: 'practice' | 'exam'; learner?: string }) => {
      if (!opts.offline) {
        const { scenario, dir } = await loadScenario(id);
        const controller = opts.controller ?? scenario.controllers[0]!;
        if (!scenario.controllers.includes(controller)) throw new LabError('USAGE', `scenario ${id} supports ${scenario.controllers.join(', ')}, not ${controller}`);
        const workspace = resolve(opts.workspace);
        await assertEmptyOrMissing(workspace);
        const session = await startLive({
          scenario,
          scenarioDir: dir,
          workspace,
          controller,
          cluster: opts.cluster,
          mode: opts.mode,
          ...(opts.learner ? { learner: opts.learner } : {}),
          log: (l) => process.stderr.write(`${l}\n`),
          settleTimeoutMs: settleTimeoutMs(scenario),
        });
        process.stdout.write(promptText(scenario, session, workspace) + '\n');
        return setExit(0);
      }
      const { session, scenario, workspace } = await startOffline({
        scenarioId: id,
        workspace: opts.workspace,
        ...(opts.controller ? { controller: opts.controller } : {}),
        mode: opts.mode,
        ...(opts.learner ? { learner: opts.learner } : {}),
      });
      process.stdout.write(promptText(scenario, session, workspace) + '\n');
      setExit(0);
    });
}
