import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { isRecorderProcess, recorderOf, stopRunRecorders } from '../../../../harness/providers/existing/recorders.js';

const session = (runId: string, pid: unknown, file: unknown): string => JSON.stringify({ runId, live: { provider: 'existing', recorder: { pid, file } } });

t.test("a run's recorder comes from its session file, when the file is that run's and names one", async (t) => {
  t.same(recorderOf('a1b2c3', session('a1b2c3', 4242, '/h/sessions/a1b2c3/changes.jsonl')), { runId: 'a1b2c3', pid: 4242, file: '/h/sessions/a1b2c3/changes.jsonl' });
  t.equal(recorderOf('a1b2c3', session('d4e5f6', 4242, '/x')), undefined, "another run's file");
  t.equal(recorderOf('a1b2c3', session('a1b2c3', 1, '/x')), undefined, 'never pid 1');
  t.equal(recorderOf('a1b2c3', session('a1b2c3', '4242', '/x')), undefined);
  t.equal(recorderOf('a1b2c3', JSON.stringify({ runId: 'a1b2c3', live: { provider: 'local' } })), undefined, 'no recorder (audit log)');
  t.equal(recorderOf('a1b2c3', '{"runId":'), undefined);
});

t.test('a process counts as the recorder only with record-changes and --out <that file>', async (t) => {
  const cmd = (...a: string[]): string => a.join('\0') + '\0';
  t.ok(isRecorderProcess(cmd('node', '/p/main.js', 'record-changes', '--kubeconfig', 'k', '--namespaces', 'a', '--out', '/h/c.jsonl'), '/h/c.jsonl'));
  t.notOk(isRecorderProcess(cmd('node', '/p/main.js', 'record-changes', '--out', '/h/other.jsonl'), '/h/c.jsonl'));
  t.notOk(isRecorderProcess(cmd('vim', '--out', '/h/c.jsonl'), '/h/c.jsonl'), 'a reused pid');
});

t.test('down stops the recorders of recorded runs still running, and nothing else', { skip: process.platform !== 'linux' && 'reads /proc' }, async (t) => {
  const home = mkdtempSync(join(tmpdir(), 'gitops-lab-recorders-'));
  t.teardown(() => rmSync(home, { recursive: true, force: true }));
  const start = (out: string) => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'record-changes', '--out', out], { stdio: 'ignore' });
  const ours = start(join(home, 'sessions', 'a1b2c3', 'changes.jsonl'));
  const unrelated = start(join(home, 'elsewhere.jsonl'));
  t.teardown(() => {
    ours.kill();
    unrelated.kill();
  });
  await new Promise((r) => setTimeout(r, 300));
  for (const [runId, pid, file] of [
    ['a1b2c3', ours.pid, join(home, 'sessions', 'a1b2c3', 'changes.jsonl')],
    // A run whose session names the unrelated process's pid but another file: not signalled.
    ['d4e5f6', unrelated.pid, join(home, 'sessions', 'd4e5f6', 'changes.jsonl')],
  ] as const) {
    mkdirSync(join(home, 'sessions', runId), { recursive: true });
    writeFileSync(join(home, 'sessions', runId, 'session.json'), session(runId, pid, file));
  }
  const exited = new Promise<NodeJS.Signals | null>((r) => ours.on('exit', (_c, s) => r(s)));
  const stopped = stopRunRecorders(['a1b2c3', 'd4e5f6', 'ffffff'], home);
  t.same(stopped.map((s) => s.runId), ['a1b2c3']);
  t.equal(await exited, 'SIGTERM');
  t.equal(unrelated.exitCode, null, 'the other process still runs');
  t.ok(process.kill(unrelated.pid!, 0));
});
