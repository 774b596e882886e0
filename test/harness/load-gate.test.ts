/**
 * The load gate on a simulated clock and CPU: the jobs' starts are decided by what the machine reports, so the
 * CPU counters and time are the test's (a real machine's load is what the gate reads in validate).
 */
import t from 'tap';
import { autoParallel, fixedParallel, LoadGate, machineCpuTimes, type LoadGateOptions } from '../../harness/load-gate.js';

/** A machine whose busy share the test sets; time moves only when the gate sleeps. */
function machine(busyShare: () => number) {
  let now = 0;
  let busy = 0;
  let total = 0;
  const advance = (ms: number): void => {
    now += ms;
    total += ms * 2;
    busy += ms * 2 * busyShare();
  };
  return {
    now: () => now,
    cpu: () => ({ busy, total }),
    sleep: async (ms: number) => {
      advance(ms);
      await Promise.resolve();
    },
  };
}

const opts = (m: ReturnType<typeof machine>, o: Partial<LoadGateOptions> = {}): LoadGateOptions => ({ min: 2, max: 4, busyBelow: 0.85, windowMs: 3000, spacingMs: 3000, pollMs: 500, ...m, ...o });

t.test('below min, jobs start at once whatever the load; at max, none', async (t) => {
  const m = machine(() => 1);
  const gate = new LoadGate(opts(m));
  await gate.enter();
  await gate.enter();
  t.equal(m.now(), 0, 'two started with the machine fully busy, without waiting');
  let third = false;
  void gate.enter().then(() => (third = true));
  for (let i = 0; i < 50; i++) await m.sleep(0);
  t.equal(third, false, 'a third waits while the machine is busy');
  gate.leave();
  for (let i = 0; i < 50 && !third; i++) await Promise.resolve();
  t.equal(third, true, 'and starts when one ends (back under min)');
  t.equal(gate.peak, 2);
});

t.test('between min and max, one more starts once the last window was under the threshold, spaced apart', async (t) => {
  let share = 0.95;
  const m = machine(() => share);
  const gate = new LoadGate(opts(m));
  await gate.enter();
  await gate.enter();
  const started: number[] = [];
  const waiting = [gate.enter().then(() => started.push(m.now())), gate.enter().then(() => started.push(m.now())), gate.enter().then(() => started.push(m.now()))];
  // Busy for 20 s: nothing more starts.
  for (let i = 0; i < 40; i++) await m.sleep(500);
  t.same(started, [], 'none while 95 % busy');
  share = 0.3;
  await Promise.race([Promise.all(waiting.slice(0, 2)), (async () => { for (let i = 0; i < 200; i++) await m.sleep(500); })()]);
  t.equal(started.length, 2, 'two more once the load fell: up to max (4)');
  t.ok(started[1]! - started[0]! >= 3000, `spaced by at least 3 s (${started.join(', ')})`);
  t.ok(started[0]! >= 20_000 + 3000, 'the first only after a whole window under the threshold');
  t.equal(gate.peak, 4, 'never more than max');
  gate.leave();
  await waiting[2];
  t.equal(gate.peak, 4, 'the fifth took the freed place');
});

t.test('run: the place is given back when the job fails', async (t) => {
  const m = machine(() => 1);
  const gate = new LoadGate(opts(m, { min: 1, max: 1 }));
  await t.rejects(gate.run(async () => Promise.reject(new Error('phase failed'))), /phase failed/);
  t.equal(await gate.run(async () => 'next'), 'next', 'the next job runs');
});

t.test('a fixed parallelism ignores the load; auto scales with the cores; bad bounds are refused', async (t) => {
  const m = machine(() => 1);
  const gate = new LoadGate({ ...fixedParallel(3), ...m });
  await Promise.all([gate.enter(), gate.enter(), gate.enter()]);
  t.equal(m.now(), 0);
  t.equal(gate.peak, 3);
  t.same([autoParallel(2).min, autoParallel(2).max], [2, 6]);
  t.same([autoParallel(8).min, autoParallel(8).max], [2, 18]);
  t.throws(() => new LoadGate({ ...fixedParallel(2), min: 3 }), /min <= max/);
  t.throws(() => new LoadGate({ ...fixedParallel(2), min: 0 }), /1 <= min/);
  const real = machineCpuTimes();
  t.ok(real.total > 0 && real.busy >= 0 && real.busy <= real.total, "the machine's own counters");
});
