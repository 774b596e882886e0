/**
 * The watch recorder beside a live session: the session waits until it watches (a change made before would go
 * unrecorded), and gives up with an infrastructure error, leaving no process behind, when it never does.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { LabError } from '../../../harness/errors.js';
import { readyFile, startRecorder } from '../../../harness/evidence/watch-recorder.js';
import { isAlive, waitFor } from '../../../harness/supervisor.js';

const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-recorder-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

/** A port on 127.0.0.1 that refuses connections: bound, then closed. */
const closedPort = async (): Promise<number> => {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
};

t.test('a recorder that cannot list its namespaces is never waited on for ever: exit 3, the process stopped', async (t) => {
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "https://127.0.0.1:${await closedPort()}", insecure-skip-tls-verify: true}\nusers:\n- name: u\n  user: {token: x}\ncontexts:\n- name: c\n  context: {cluster: c, user: u}\ncurrent-context: c\n`,
  );
  // A stale ready file from an earlier recorder in the same directory must not count.
  writeFileSync(readyFile(join(dir, 'changes.jsonl')), '1\n');
  const started = Date.now();
  const err = await startRecorder(dir, kubeconfig, ['payments-staging-abc123'], 3000).catch((e: unknown) => e);
  t.type(err, LabError);
  t.equal((err as LabError).code, 'CLUSTER_UNAVAILABLE');
  t.match((err as LabError).message, /change recorder \(pid \d+\) was not watching payments-staging-abc123 within 3s; see .*recorder\.log/);
  t.ok(Date.now() - started >= 3000, 'it waited for the ready file, not the stale one');
  const pid = Number(/pid (\d+)/.exec((err as LabError).message)![1]);
  const gone = await waitFor(async () => (isAlive(pid) ? { pending: 'still running' } : true), { what: `recorder pid ${pid} to end`, timeoutMs: 10_000 }).catch(() => false);
  t.ok(gone, `recorder pid ${pid} stopped`);
  t.notOk(existsSync(readyFile(join(dir, 'changes.jsonl'))), 'no ready file');
});
