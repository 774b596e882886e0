/**
 * watch: a live checklist that regrades after every push. It notices a push from the lab repository's
 * reflog (no polling of the cluster), asks the controller to look now, waits for it to settle, grades, and
 * redraws each check's state with the first failing boundary.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { collectOfflineEvidence } from '../../evidence/collect.js';
import { branchHeads } from '../../git/lab-repo.js';
import { PUSH_LOG } from '../../git/push-log.js';
import { repoOf, sessionStore } from '../../git/store.js';
import { gradeEvidence } from '../../runner/grade.js';
import { collectLiveEvidence } from '../../runner/live.js';
import { settleTimeoutMs } from '../../runner/settle-timeout.js';
import { loadSession } from '../../runner/session.js';
import { loadScenario } from '../../scenario/load.js';
import { renderText } from '../../report/text.js';
import { onInterrupt } from '../../scratch.js';
import { exitCodeOf } from '../output.js';
import type { SetExit } from './register.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('watch')
    .description('regrade after every push and show a live checklist (Ctrl-C to stop)')
    .requiredOption('--workspace <dir>', 'the learner workspace created by start')
    .option('--once', 'grade the current push and exit (like grade)')
    .action(async (opts: { workspace: string; once?: boolean }) => {
      const session = await loadSession(opts.workspace);
      const { scenario } = await loadScenario(session.scenario);
      // A push shows in the repository's reflog and push log; with a git server of its own storage, in the mirror
      // once fetched, so each look fetches it first.
      const reflog = join(session.bareDir, 'logs', 'refs', 'heads', session.trackedBranch);
      const pushLog = join(session.bareDir, PUSH_LOG);
      const store = sessionStore(session);
      const tty = process.stdout.isTTY ?? false;
      // Ctrl-C (or SIGTERM) stops the loop between steps: the CLI's interrupt cleanup waits for the grade in
      // flight to finish its writes (bounded), then the process exits 130 (143).
      let stopped = false;
      let wake: () => void = () => undefined;
      let loopDone: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => (loopDone = resolve));
      const unregister = onInterrupt(async () => {
        stopped = true;
        wake();
        await finished;
      });
      let lastSeen = '';
      let lastSyncError = '';
      let code = 0;
      try {
        while (!stopped) {
          // A git server that does not answer for a moment is said once, and looked at again on the next turn.
          const syncError = await store.sync(repoOf(session.bareDir)).then(
            () => '',
            (error: unknown) => (error instanceof Error ? error.message : String(error)),
          );
          if (syncError !== lastSyncError && syncError !== '') process.stderr.write(`cannot read the lab repository now: ${syncError}\n`);
          lastSyncError = syncError;
          const marks = await Promise.all([reflog, pushLog].map((f) => stat(f).then((s) => `${s.size}:${s.mtimeMs}`, () => '')));
          const mark = marks.join('|');
          if (mark !== lastSeen) {
            lastSeen = mark;
            const head = (await branchHeads(session.bareDir))[session.trackedBranch] ?? '';
            process.stderr.write(`grading ${head.slice(0, 7)}...\n`);
            const evidence = session.live ? await collectLiveEvidence({ session, cluster: session.live.cluster, log: (l) => process.stderr.write(`  ${l}\n`), settleTimeoutMs: settleTimeoutMs(scenario) }) : await collectOfflineEvidence(session);
            const result = gradeEvidence(scenario, evidence);
            code = exitCodeOf(result);
            if (tty) process.stdout.write('\x1b[2J\x1b[H');
            process.stdout.write(renderText(result, { color: tty }));
            if (opts.once) break;
            process.stdout.write(`\nwatching ${session.trackedBranch} for your next push (Ctrl-C to stop)\n`);
          }
          if (stopped) break;
          await new Promise<void>((r) => {
            const timer = setTimeout(r, 500);
            wake = () => {
              clearTimeout(timer);
              r();
            };
          });
        }
      } finally {
        unregister();
        loopDone();
      }
      setExit(code);
    });
}
