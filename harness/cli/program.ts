/**
 * The CLI program. Each command lives in its own file under commands/ and exports `register(program, setExit)`.
 * Errors the harness throws become exit codes here (2 usage or invalid input, 3 infrastructure).
 */
import { Command, CommanderError } from 'commander';
import { exitCodeFor, formatError } from '../errors.js';
import { interrupted } from '../scratch.js';
import { COMMANDS } from './commands/index.js';

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command();
  program
    .name('gitops-lab')
    .description('Teach, practise and grade GitOps delivery on Kubernetes: seed a broken scenario, grade every boundary.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let exitCode = 0;
  const setExit = (code: number): void => {
    exitCode = code;
  };
  for (const register of COMMANDS) register(program, setExit);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other parse failure is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    // An error caused by the interrupt's own cleanup (a scratch directory removed under a running command)
    // is not news: the entry point is about to exit 130 or 143.
    if (!interrupted()) process.stderr.write(formatError(error) + '\n');
    return exitCodeFor(error);
  }
}
