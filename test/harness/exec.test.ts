/** exec.ts: the one module that runs external commands. Real processes (sleep). */
import t from 'tap';
import { run, stopRunningCommands } from '../../harness/exec.js';

t.test('stopRunningCommands ends what run() still waits on, and waits for it to exit', async (t) => {
  const started = performance.now();
  const sleeping = run('sleep', ['30'], { cwd: process.cwd() }).then(
    () => 'finished',
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  await new Promise((r) => setTimeout(r, 200));
  await stopRunningCommands(2000);
  t.match(await sleeping, /sleep 30 was killed by SIGTERM/);
  t.ok(performance.now() - started < 10_000, 'not left to run its 30 s');
  const quick = await run('true', [], { cwd: process.cwd() });
  t.equal(quick.exitCode, 0, 'a command that ended is no longer tracked: nothing to stop');
  await stopRunningCommands(2000);
});

t.test('a command that ignores SIGTERM is killed after the grace period', async (t) => {
  const stubborn = run('sh', ['-c', 'trap "" TERM; sleep 30'], { cwd: process.cwd() }).then(
    () => 'finished',
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  await new Promise((r) => setTimeout(r, 300));
  const started = performance.now();
  await stopRunningCommands(500);
  t.match(await stubborn, /killed by SIGKILL/);
  t.ok(performance.now() - started < 5000, 'ended shortly after the grace period');
});
