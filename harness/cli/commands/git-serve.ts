/** git-serve: the lab git server process (started by the harness beside a cluster; not for direct use). */
import type { Command } from 'commander';
import { serveLabGit } from '../../git/serve.js';
import { onInterrupt } from '../../scratch.js';
import type { SetExit } from './register.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('git-serve', { hidden: true })
    .description('serve bare repositories under --root over smart HTTP on 127.0.0.1')
    .requiredOption('--root <dir>')
    .requiredOption('--port <port>')
    .option('--host <address>', 'listen address (0.0.0.0 only inside a Pod: the in-cluster git server)', '127.0.0.1')
    .action(async (opts: { root: string; port: string; host: string }) => {
      const server = await serveLabGit({ root: opts.root, port: Number(opts.port), host: opts.host });
      // SIGTERM/SIGINT: the CLI's interrupt cleanup closes the server (requests in flight finish), then exits.
      await new Promise<void>((resolve) =>
        onInterrupt(async () => {
          await server.close();
          resolve();
        }),
      );
      setExit(0);
    });
}
