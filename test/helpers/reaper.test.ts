/**
 * The e2e reaper on real processes: a `sleep` stands in for the test process and a small script for the CLI (it
 * records the `down` it is asked for); killing the sleep must bring the downs and the home's removal.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { spawnDetached } from '../../harness/exec.js';
import { isAlive } from '../../harness/supervisor.js';
import { pollUntil, sleep } from '../../harness/wait.js';
import { reapWhenGone } from './reaper.js';

const work = mkdtempSync(join(tmpdir(), 'gitops-lab-reaper-test-'));
t.teardown(() => rmSync(work, { recursive: true, force: true }));

/** A stand-in CLI: appends "<GITOPS_LAB_HOME> <args>" to a file; fails for a cluster named "stuck". */
const calls = join(work, 'calls.txt');
const fakeCli = join(work, 'fake-cli.sh');
writeFileSync(fakeCli, `echo "$GITOPS_LAB_HOME $*" >> ${calls}\n[ "$3" != stuck ]\n`);

async function scene(clusters: readonly string[]) {
  const home = mkdtempSync(join(work, 'home-'));
  for (const c of clusters) mkdirSync(join(home, 'clusters', c), { recursive: true });
  const watched = await spawnDetached('sleep', ['60'], { cwd: work, logFile: join(work, 'sleep.log') });
  const reaper = await reapWhenGone(home, { watched: watched.pid, command: ['sh', fakeCli] });
  t.teardown(() => {
    for (const pid of [watched.pid, reaper.pid]) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(reaper.logFile, { force: true });
  });
  return { home, watched, reaper };
}

const recorded = (): string[] => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : []);

t.test('while the test process lives, nothing is downed; once it is killed, every cluster is, and the home goes', async (t) => {
  rmSync(calls, { force: true });
  const { home, watched, reaper } = await scene(['a', 'b']);
  await sleep(1_500);
  t.same(recorded(), [], 'nothing while the watched process runs');
  t.ok(isAlive(reaper.pid), 'the reaper waits');
  process.kill(watched.pid, 'SIGKILL');
  const done = await pollUntil(() => !existsSync(home), { what: 'the reaper', timeoutMs: 20_000, intervalMs: 200 });
  t.ok(done.done, 'the home is removed');
  t.same(recorded(), [`${home} down --name a`, `${home} down --name b`]);
  t.match(readFileSync(reaper.logFile, 'utf8'), /test process \d+ ended; down a/);
});

t.test('a down that fails keeps the home (its state names what is left); a home already gone means nothing to do', async (t) => {
  rmSync(calls, { force: true });
  const stuck = await scene(['stuck']);
  const clean = await scene([]);
  rmSync(clean.home, { recursive: true, force: true }); // what a normal teardown leaves
  process.kill(stuck.watched.pid, 'SIGKILL');
  process.kill(clean.watched.pid, 'SIGKILL');
  const ended = await pollUntil(() => !isAlive(stuck.reaper.pid) && !isAlive(clean.reaper.pid), { what: 'both reapers to end', timeoutMs: 20_000, intervalMs: 200 });
  t.ok(ended.done);
  t.same(recorded(), [`${stuck.home} down --name stuck`], 'only the home that was left is reaped');
  t.ok(existsSync(stuck.home), 'kept after a failed down');
  t.notOk(existsSync(clean.reaper.logFile), 'a reaper with nothing to do leaves no log');
  t.ok(existsSync(stuck.reaper.logFile), 'one that downed something keeps its log');
});
