/** `gitops-lab stop --workspace W`: end one session (live or offline); other sessions and the cluster stay. */
import type { Command } from 'commander';
import { stopSession } from '../../runner/stop.js';
import type { SetExit } from './register.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('stop')
    .description("End one session: its run leaves the cluster and the git server (roots, registrations, namespaces, lab repository); the workspace's files stay.")
    .requiredOption('--workspace <dir>', "the session's workspace")
    .action(async (opts: { workspace: string }) => {
      const { session, removed } = await stopSession(opts.workspace);
      process.stdout.write(`session ${session.runId} (${session.scenario}, ${session.controller}) ended; removed:\n${removed.map((r) => `  ${r}`).join('\n')}\n`);
      setExit(0);
    });
}
