/**
 * When a push arrived, by the harness's clock. The lab repository's reflog is written by receive-pack with
 * the *pusher's* committer identity, so `GIT_COMMITTER_DATE=... git push` can date a push at will. Instead a
 * post-receive hook installed in every lab repository appends the receiving machine's time to a log inside
 * the bare repository: offline the hook runs in the push's receive-pack, live under the lab git server.
 * The repository's own config points core.hooksPath at it, so a pusher's global config cannot switch it off,
 * and receive.fsckObjects refuses malformed objects (tree entries like `..` or `.git`) at the door.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from './git.js';

export const PUSH_LOG = 'gitops-lab-pushes.log';

/** The hook: one line per updated ref, `<epoch ms> <old> <new> <ref>`, appended (O_APPEND: concurrent pushes interleave whole lines). */
export const POST_RECEIVE_HOOK = `#!/bin/sh
# gitops-lab: records when each push was received, by this machine's clock (never the pusher's dates).
log="\${GIT_DIR:-.}/${PUSH_LOG}"
while read old new ref; do
  printf '%s %s %s %s\\n' "$(date -u +%s%3N)" "$old" "$new" "$ref" >> "$log"
done
exit 0
`;

/** Where an exam session's deadline is kept in its lab repository: `<epoch ms> <ISO time>`. */
export const DEADLINE_FILE = 'gitops-lab-deadline';

/**
 * An exam repository takes no push after its deadline, by this machine's clock: what the controllers apply then
 * stays the commit that is graded (the last push before the deadline), so a push after it cannot move the cluster
 * boundaries of a grade whose Git boundary it does not reach. Without a deadline file every push is taken.
 */
export const PRE_RECEIVE_HOOK = `#!/bin/sh
# gitops-lab: an exam session takes no push after its deadline (this machine's clock, never the pusher's).
f="\${GIT_DIR:-.}/${DEADLINE_FILE}"
[ -f "$f" ] || exit 0
read -r closes iso < "$f"
now="$(date -u +%s%3N)"
case "$closes$now" in *[!0-9]*|'') echo "gitops-lab: cannot read this exam's deadline; push refused" >&2; exit 1 ;; esac
if [ "$now" -gt "$closes" ]; then
  echo "gitops-lab: the exam ended at $iso; this push is refused. Your last push before the deadline is the one graded." >&2
  exit 1
fi
exit 0
`;

/** Closes the repository to pushes after `deadline` (an ISO time): the pre-receive hook reads it. */
export async function closeAt(bareDir: string, deadline: string): Promise<void> {
  const ms = Date.parse(deadline);
  if (Number.isNaN(ms)) throw new Error(`closeAt: not a time: ${deadline}`);
  await writeFile(join(bareDir, DEADLINE_FILE), `${ms} ${new Date(ms).toISOString()}\n`);
}

/** Installs the push log hook, the deadline hook and the repository's receive checks in a bare lab repository. */
export async function installPushLog(bareDir: string): Promise<void> {
  const hooks = join(bareDir, 'hooks');
  await mkdir(hooks, { recursive: true });
  const hook = join(hooks, 'post-receive');
  await writeFile(hook, POST_RECEIVE_HOOK);
  await chmod(hook, 0o755);
  const pre = join(hooks, 'pre-receive');
  await writeFile(pre, PRE_RECEIVE_HOOK);
  await chmod(pre, 0o755);
  await git(bareDir, ['config', 'core.hooksPath', hooks]);
  await git(bareDir, ['config', 'receive.fsckObjects', 'true']);
}

/**
 * Makes a bare lab repository: its branch named, a reflog of every ref, and the hooks and receive checks above.
 * The harness calls it on its own repositories; a lab git server with its own storage, on the harness's request.
 */
export async function initLabBare(bareDir: string, branch: string): Promise<void> {
  await mkdir(bareDir, { recursive: true });
  await git(bareDir, ['init', '-q', '--bare', '-b', branch]);
  // Keep a reflog (history of the branch), and log each push's arrival by our clock (exam deadlines, time taken).
  await git(bareDir, ['config', 'core.logAllRefUpdates', 'always']);
  await installPushLog(bareDir);
}

export interface Push {
  readonly sha: string;
  readonly at: string;
}

/** Parses the push log: updates of `refs/heads/<branch>`, oldest first; deletions and malformed lines skipped. */
export function parsePushLog(text: string, branch: string): Push[] {
  const ref = `refs/heads/${branch}`;
  const out: Push[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d{10,16}) ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) (\S+)$/.exec(line);
    if (!m || m[4] !== ref || /^0+$/.test(m[3]!)) continue;
    const ms = Number(m[1]);
    // `date +%s%3N` gives milliseconds; a date without %N support gives "<seconds>3N" and fails the regex.
    out.push({ sha: m[3]!, at: new Date(ms).toISOString() });
  }
  return out;
}

/** The branch's pushes from the log, or undefined when the repository has no log (made before the hook existed). */
export async function readPushLog(bareDir: string, branch: string): Promise<Push[] | undefined> {
  let text: string;
  try {
    text = await readFile(join(bareDir, PUSH_LOG), 'utf8');
  } catch {
    return undefined;
  }
  return parsePushLog(text, branch);
}
