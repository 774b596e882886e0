/**
 * An end-to-end test that starts clusters can be killed before its teardown runs: tap ends a test that times out
 * with SIGALRM and, half a second later, SIGKILL, and a person's Ctrl-C or a CI runner's cancel may be as abrupt.
 * Its clusters' processes are detached (a cluster outlives the command that started it), so they would keep
 * running. reapWhenGone starts a detached watcher that waits for this test process to end (by pid and start
 * time, so a reused pid is not mistaken for it), then does what the teardown would have done: `down` for every
 * cluster left in the test's home, and, when every down succeeded, removes the home. After a normal teardown the
 * home is gone and the watcher ends without doing anything (its log removed too).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnDetached } from '../../harness/exec.js';
import { procStartTime } from '../../harness/supervisor.js';
import { REPO_ROOT } from './cli.js';

const SCRIPT = `
pid=$1; start=$2; home=$3; log=$4; shift 4
alive() { [ "$(sed 's/.*) //' /proc/$pid/stat 2>/dev/null | cut -d' ' -f20)" = "$start" ]; }
while alive; do sleep 1; done
[ -d "$home" ] || { rm -f "$log"; exit 0; }
ok=0
for d in "$home"/clusters/*/; do
  [ -d "$d" ] || continue
  echo "reaper: $(date -u +%FT%TZ) test process $pid ended; down $(basename "$d")"
  GITOPS_LAB_HOME="$home" "$@" down --name "$(basename "$d")" || ok=1
done
[ "$ok" = 0 ] && rm -rf "$home"
`;

export interface Reaper {
  readonly pid: number;
  readonly logFile: string;
}

/**
 * Watches `watched` (default: this process) and, once it has ended, runs `<command...> down --name <cluster>` for
 * each cluster under `home`/clusters/ (default command: this Node running the built CLI).
 */
export async function reapWhenGone(home: string, options: { readonly watched?: number; readonly command?: readonly string[] } = {}): Promise<Reaper> {
  const watched = options.watched ?? process.pid;
  const start = procStartTime(watched);
  if (start === undefined) throw new Error(`reaper: no process ${watched} to watch`);
  const command = options.command ?? [process.execPath, join(REPO_ROOT, 'dist/harness/cli/main.js')];
  const logFile = join(tmpdir(), `gitops-lab-reaper-${watched}-${start}.log`);
  const { pid } = await spawnDetached('sh', ['-c', SCRIPT, 'gitops-lab-reaper', String(watched), start, home, logFile, ...command], { cwd: tmpdir(), logFile });
  return { pid, logFile };
}
