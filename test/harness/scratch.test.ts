/** Scratch directories and interrupt cleanup, in process: what runs, in which order, and that nothing exits. */
import t from 'tap';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every scratch directory of this test lives under its own TMPDIR, set before the module reads it.
const root = mkdtempSync(join(tmpdir(), 'gitops-lab-scratch-test-'));
process.env['TMPDIR'] = root;
t.teardown(() => rmSync(root, { recursive: true, force: true }));
const scratch = await import('../../harness/scratch.js');

t.test('withScratch removes its directory whatever happens; scratchDir names it gitops-lab-<prefix>-', async (t) => {
  let seen = '';
  await t.rejects(
    scratch.withScratch('fails', async (dir) => {
      seen = dir;
      t.match(dir, new RegExp(`^${root}/gitops-lab-fails-`));
      throw new Error('boom');
    }),
    /boom/,
  );
  t.equal(existsSync(seen), false);
  t.same(scratch.liveScratchDirs(), []);
});

// The rest interrupts; interrupted() stays true afterwards, as it does in the CLI (which then exits).
t.test('an interrupt: undos newest first, failures logged, unregistered undos skipped, then every scratch directory', async (t) => {
  t.equal(scratch.interrupted(), false);
  const order: string[] = [];
  const kept = await scratch.scratchDir('kept');
  scratch.onInterrupt(() => void order.push('first'));
  scratch.onInterrupt(async () => {
    order.push('second');
    throw new Error('cannot undo');
  });
  const unregister = scratch.onInterrupt(() => void order.push('unregistered'));
  scratch.onInterrupt(async () => {
    await new Promise((r) => setTimeout(r, 20));
    order.push('third');
    t.equal(existsSync(kept), true, 'directories are removed after the undos, which may need them');
    // A directory asked for once the cleanup has begun would be made after the sweep: none is made.
    await t.rejects(scratch.scratchDir('during'), scratch.InterruptedError);
  });
  unregister();
  // A directory whose mkdtemp is still under way when the interrupt comes is removed too.
  const late = scratch.scratchDir('late');
  const log: string[] = [];
  await scratch.interruptCleanup({ log: (l) => log.push(l) });
  t.same(order, ['third', 'second', 'first']);
  t.same(log, ['gitops-lab: cleanup step failed: cannot undo']);
  t.equal(scratch.interrupted(), true);
  t.equal(existsSync(kept), false);
  t.equal(existsSync(await late), false);
  t.same(readdirSync(root), [], 'nothing left in TMPDIR');
  const after = await scratch.scratchDir('after');
  t.equal(existsSync(after), true, 'a cleanup called in process (not by a signal) leaves scratchDir usable after it');
  await scratch.removeScratch(after);
});

t.test('undos are bounded in time; the directories go anyway', async (t) => {
  const dir = await scratch.scratchDir('slow');
  scratch.onInterrupt(() => new Promise<void>(() => undefined)); // never settles
  const log: string[] = [];
  const started = Date.now();
  await scratch.interruptCleanup({ undoTimeoutMs: 100, log: (l) => log.push(l) });
  t.ok(Date.now() - started < 5_000);
  t.same(log, ['gitops-lab: cleanup took longer than 100 ms; leaving the rest']);
  t.equal(existsSync(dir), false);
});

t.test('installSignalCleanup: the signal cleans up, then the entry point is told which signal; nothing exits here', async (t) => {
  const dir = await scratch.scratchDir('signal');
  const signals: string[] = [];
  let done: () => void = () => undefined;
  const called = new Promise<void>((r) => (done = r));
  const uninstall = scratch.installSignalCleanup((signal) => {
    signals.push(signal);
    done();
  });
  t.teardown(uninstall);
  t.equal(scratch.installSignalCleanup(() => undefined), uninstall, 'installed once');
  process.emit('SIGTERM', 'SIGTERM');
  await called;
  t.same(signals, ['SIGTERM']);
  t.equal(existsSync(dir), false);
  await t.rejects(scratch.scratchDir('after-signal'), scratch.InterruptedError, 'after a signal the process is ending: no new directory');
  process.emit('SIGINT', 'SIGINT');
  t.same(signals, ['SIGTERM', 'SIGINT'], 'a second signal is passed on at once');
});
