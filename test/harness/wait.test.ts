/** The one wait helper: its value, its deadline, its pause, the message it gives up with, and checks that throw. */
import t from 'tap';
import { exitCodeFor, LabError } from '../../harness/errors.js';
import { FatalWaitError, pollUntil, waitUntil } from '../../harness/wait.js';

const rejection = (p: Promise<unknown>): Promise<unknown> => p.then(() => undefined, (e: unknown) => e);

t.test('returns the check\'s first value that is not undefined, false or pending', async (t) => {
  let n = 0;
  const seen: unknown[] = [];
  const value = await waitUntil(
    () => {
      n++;
      const r = n === 1 ? undefined : n === 2 ? false : n === 3 ? { pending: 'three' } : { rev: n };
      seen.push(r);
      return r;
    },
    { what: 'the fourth answer', timeoutMs: 5_000, intervalMs: 1 },
  );
  t.same(value, { rev: 4 });
  t.equal(n, 4, 'stops checking once it has a value');
  t.equal(await waitUntil(async () => 0, { what: 'zero', timeoutMs: 100 }), 0, 'a falsy value other than false counts');
});

t.test('at the deadline: TIMEOUT (exit code 3) naming what it waited for, the time and the last state seen', async (t) => {
  let n = 0;
  const started = Date.now();
  const err = await rejection(waitUntil(() => ({ pending: `ready=${++n}/3` }), { what: 'the deployment', timeoutMs: 300, intervalMs: 50, lastState: () => ['log: tail'] }));
  const took = Date.now() - started;
  t.ok(err instanceof LabError, 'a LabError');
  t.equal((err as LabError).code, 'TIMEOUT');
  t.equal(exitCodeFor(err), 3);
  t.equal((err as LabError).message, 'timed out after 0s waiting for the deployment');
  t.same((err as LabError).details, [`last state: ready=${n}/3`, 'log: tail']);
  t.ok(took >= 300 && took < 2_000, `waited about the timeout (${took}ms)`);
  t.ok(n >= 4 && n <= 8, `checked every interval, not in a busy loop (${n} checks in 300ms at 50ms)`);
  const seconds = await rejection(waitUntil(() => false, { what: 'x', timeoutMs: 1_400, intervalMs: 700 }));
  t.equal((seconds as LabError).message, 'timed out after 1s waiting for x');
  t.same((seconds as LabError).details, ['last state: no answer yet']);
});

t.test('a check that throws: recorded as the last state and tried again; FatalWaitError or stopOnError end it at once', async (t) => {
  let n = 0;
  t.equal(
    await waitUntil(
      () => {
        if (++n < 3) throw new Error(`connection refused ${n}`);
        return 'up';
      },
      { what: 'up', timeoutMs: 5_000, intervalMs: 1 },
    ),
    'up',
  );
  const err = await rejection(waitUntil(() => Promise.reject(new Error('connection refused')), { what: 'the API server', timeoutMs: 100, intervalMs: 10 }));
  t.same((err as LabError).details, ['last state: connection refused']);

  let fatalChecks = 0;
  const fatal = await rejection(
    waitUntil(
      () => {
        fatalChecks++;
        throw new FatalWaitError('CLUSTER_UNAVAILABLE', 'the process exited');
      },
      { what: 'x', timeoutMs: 5_000, intervalMs: 1 },
    ),
  );
  t.equal((fatal as LabError).code, 'CLUSTER_UNAVAILABLE');
  t.equal(fatalChecks, 1);
  const own = new Error('not found');
  t.equal(await rejection(waitUntil(() => Promise.reject(own), { what: 'x', timeoutMs: 5_000, intervalMs: 1, stopOnError: true })), own);
});

t.test('pollUntil reports the deadline instead of throwing; a signal ends the wait with its reason', async (t) => {
  t.same(await pollUntil(() => ({ pending: 'no' }), { what: 'x', timeoutMs: 30, intervalMs: 10 }), { done: false, last: 'no' });
  t.same(await pollUntil(() => 'yes', { what: 'x', timeoutMs: 0 }), { done: true, value: 'yes' }, 'the check runs at least once');
  const ctl = new AbortController();
  const started = Date.now();
  setTimeout(() => ctl.abort(new Error('interrupted')), 50);
  const err = await rejection(waitUntil(() => false, { what: 'x', timeoutMs: 10_000, intervalMs: 5_000, signal: ctl.signal }));
  t.match(err, { message: 'interrupted' });
  t.ok(Date.now() - started < 2_000, 'the abort cuts the pause short');
});

t.test('firstIntervalMs polls quickly at first and doubles the pause up to intervalMs', async (t) => {
  const count = async (options: { firstIntervalMs?: number }): Promise<number> => {
    let checks = 0;
    await pollUntil(() => ((checks += 1), false), { what: 'x', timeoutMs: 400, intervalMs: 1_000, ...options });
    return checks;
  };
  // 1 s pauses: one check, one pause past the deadline, one last check.
  t.equal(await count({}), 2, 'without it, the first pause is intervalMs');
  // 10, 20, 40, 80, 160 ms pauses fit in 400 ms: six or seven checks on an idle machine.
  t.ok((await count({ firstIntervalMs: 10 })) >= 4, 'with it, several checks fit where one pause of intervalMs would');
  let checks = 0;
  const started = Date.now();
  await pollUntil(() => ((checks += 1), checks === 12), { what: 'x', timeoutMs: 10_000, intervalMs: 20, firstIntervalMs: 5 });
  t.ok(Date.now() - started >= 10 * 20 - 50, 'the pause stops growing at intervalMs, and keeps it');
  t.ok(Date.now() - started < 5_000, 'and never grows past it');
});
