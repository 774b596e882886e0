import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { LabError } from '../../harness/errors.js';
import { allocatePorts, isListening } from '../../harness/ports.js';
import { isAlive, procStartTime, startProcess, stopProcess, waitFor } from '../../harness/supervisor.js';

t.test('allocatePorts gives distinct free ports and honours avoid', async (t) => {
  const first = await allocatePorts(['a', 'b', 'c'] as const);
  const ports = Object.values(first);
  t.equal(new Set(ports).size, 3);
  const second = await allocatePorts(['x', 'y'] as const, new Set(ports));
  for (const p of Object.values(second)) t.notOk(ports.includes(p));
  for (const p of ports) t.notOk(await isListening(p, 200), `port ${p} is free`);
});

t.test('waitFor returns the value, or times out with the last state seen', async (t) => {
  let n = 0;
  t.equal(await waitFor(async () => (++n >= 3 ? 'done' : { pending: `n=${n}` }), { what: 'x', timeoutMs: 5_000, intervalMs: 10 }), 'done');
  const err = await waitFor(async () => ({ pending: 'still waiting on the thing' }), { what: 'the thing', timeoutMs: 200, intervalMs: 20, lastState: () => ['extra line'] }).then(
    () => undefined,
    (e: unknown) => e,
  );
  t.ok(err instanceof LabError && err.code === 'TIMEOUT', 'TIMEOUT LabError');
  t.same((err as LabError).details, ['last state: still waiting on the thing', 'extra line']);
  t.match((err as LabError).message, /waiting for the thing/);
});

t.test('a supervised process is recorded by pid and stopped by that pid', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-sup-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const p = await startProcess({ name: 'sleeper', file: 'sleep', args: ['300'], env: {}, cwd: dir, ports: {}, ready: { tcp: 1 } }, dir, dir);
  t.teardown(() => stopProcess(p).catch(() => undefined));
  t.ok(p.pid > 0);
  t.equal(p.startTime, procStartTime(p.pid));
  t.ok(isAlive(p.pid, p.startTime));
  t.notOk(isAlive(p.pid, 'not-its-start-time'), 'a reused pid is not mistaken for ours');
  await stopProcess(p, 2_000);
  t.notOk(isAlive(p.pid));
});
