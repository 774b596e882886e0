/**
 * The lab repository's receive hooks, with real git pushing over the file protocol (receive-pack runs the hooks
 * as the lab git server does): the push log, and an exam repository that takes no push after its deadline.
 */
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../harness/exec.js';
import { closeAt, DEADLINE_FILE, installPushLog, readPushLog } from '../../../harness/git/push-log.js';

const gitEnv = { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.com' };
const git = (cwd: string, args: string[], allowFailure = false) => run('git', args, { cwd, env: gitEnv, timeoutMs: 30_000, allowFailure });

async function lab(t: Tap.Test): Promise<{ bare: string; ws: string; push: (n: number) => Promise<{ exitCode: number; stderr: string }> }> {
  const root = mkdtempSync(join(tmpdir(), 'gitops-lab-push-log-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const bare = join(root, 'lab.git');
  await git(root, ['init', '-q', '--bare', '-b', 'main', bare]);
  await installPushLog(bare);
  const ws = join(root, 'ws');
  await git(root, ['init', '-q', '-b', 'main', ws]);
  await git(ws, ['remote', 'add', 'origin', bare]);
  const push = async (n: number) => {
    writeFileSync(join(ws, 'f.txt'), `${n}\n`);
    await git(ws, ['add', 'f.txt']);
    await git(ws, ['commit', '-qm', `change ${n}`]);
    const r = await git(ws, ['push', '-q', 'origin', 'HEAD:main'], true);
    return { exitCode: r.exitCode, stderr: r.stderr };
  };
  return { bare, ws, push };
}

t.test('without a deadline every push lands and is logged by the receiving clock', async (t) => {
  const { bare, push } = await lab(t);
  t.equal((await push(1)).exitCode, 0);
  t.equal((await push(2)).exitCode, 0);
  t.equal((await readPushLog(bare, 'main'))?.length, 2);
});

t.test('an exam repository takes pushes until its deadline and refuses every one after it, saying so', async (t) => {
  const { bare, ws, push } = await lab(t);
  await closeAt(bare, new Date(Date.now() + 60 * 60_000).toISOString());
  t.equal((await push(1)).exitCode, 0, 'before the deadline');
  const inTime = (await git(ws, ['rev-parse', 'HEAD'])).stdout.trim();
  await closeAt(bare, '2026-12-03T10:00:00Z');
  t.equal(readFileSync(join(bare, DEADLINE_FILE), 'utf8'), `${Date.parse('2026-12-03T10:00:00Z')} 2026-12-03T10:00:00.000Z\n`);
  const late = await push(2);
  t.not(late.exitCode, 0, 'after the deadline');
  t.match(late.stderr, 'gitops-lab: the exam ended at 2026-12-03T10:00:00.000Z; this push is refused. Your last push before the deadline is the one graded.');
  t.equal((await git(bare, ['rev-parse', 'main'])).stdout.trim(), inTime, 'the branch stays at the last push in time');
  t.equal((await readPushLog(bare, 'main'))?.length, 1, 'the refused push is not logged');
  // A committer date the pusher sets moves nothing: the hook reads this machine's clock.
  const dated = await run('git', ['push', '-q', 'origin', 'HEAD:refs/heads/other'], { cwd: ws, env: { ...gitEnv, GIT_COMMITTER_DATE: '2000-01-01T00:00:00Z' }, timeoutMs: 30_000, allowFailure: true });
  t.not(dated.exitCode, 0, 'any branch, any date the pusher claims');
});

t.test('a deadline file that is not a time refuses the push instead of letting it through', async (t) => {
  const { bare, push } = await lab(t);
  writeFileSync(join(bare, DEADLINE_FILE), 'soon\n');
  const r = await push(1);
  t.not(r.exitCode, 0);
  t.match(r.stderr, "cannot read this exam's deadline");
  await t.rejects(closeAt(bare, 'tomorrow'), /not a time/);
});
