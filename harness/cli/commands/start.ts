import { Option, type Command } from 'commander';
import { LabError } from '../../errors.js';
import { promptText, startOffline } from '../../runner/start.js';
import type { SetExit } from './index.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('start')
    .description("seed a scenario's broken state and hand the learner a Git workspace")
    .argument('<id>', 'scenario id (see gitops-lab list)')
    .requiredOption('--workspace <dir>', 'where to clone the learner workspace (must be new or empty)')
    .option('--offline', 'no cluster: grade the git and render boundaries only')
    .addOption(new Option('--controller <controller>', 'GitOps controller').choices(['argocd', 'flux']))
    .addOption(new Option('--mode <mode>', 'practice shows hints; exam hides them and enforces the time limit').choices(['practice', 'exam']).default('practice'))
    .option('--learner <id>', 'learner id recorded with the results')
    .action(async (id: string, opts: { workspace: string; offline?: boolean; controller?: 'argocd' | 'flux'; mode: 'practice' | 'exam'; learner?: string }) => {
      if (!opts.offline) {
        throw new LabError('USAGE', 'live sessions on a cluster are not available in this version; pass --offline', {
          suggestion: `gitops-lab start ${id} --offline --workspace ${opts.workspace}`,
        });
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
