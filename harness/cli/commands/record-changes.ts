/** record-changes: the watch-based change recorder process of a live session (started by the harness). */
import { appendFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { watchChanges } from '../../kube/watch-changes.js';
import { onInterrupt } from '../../scratch.js';
import type { SetExit } from './register.js';
import { readyFile } from '../../evidence/watch-recorder.js';

/** A recorder never outlives a lab day, even if nobody stops it. */
const MAX_LIFETIME_MS = 12 * 3600_000;

export function register(program: Command, setExit: SetExit): void {
  program
    .command('record-changes', { hidden: true })
    .requiredOption('--kubeconfig <file>')
    .requiredOption('--namespaces <list>')
    .requiredOption('--out <file>')
    .action(async (opts: { kubeconfig: string; namespaces: string; out: string }) => {
      const ctl = new AbortController();
      // SIGTERM/SIGINT: the CLI's interrupt cleanup stops the watch (every change seen is already appended).
      onInterrupt(() => ctl.abort());
      setTimeout(() => ctl.abort(), MAX_LIFETIME_MS).unref();
      await watchChanges(opts.kubeconfig, opts.namespaces.split(','), (c) => appendFileSync(opts.out, JSON.stringify(c) + '\n'), ctl.signal, {
        // The session waits for this before it hands anything over: every change from here on is seen.
        onReady: () => writeFileSync(readyFile(opts.out), `${process.pid}\n`),
        log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
      });
      setExit(0);
    });
}
