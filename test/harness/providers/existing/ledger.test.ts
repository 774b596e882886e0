import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { LabError } from '../../../../harness/errors.js';
import { REPO_ROOT } from '../../../helpers/cli.js';
import { appendRun, ledgerLine, ledgerPath, parseLedger, readLedger } from '../../../../harness/providers/existing/ledger.js';

// The built module (npm test builds first), as the harness's own processes load it.
const LEDGER_JS = join(REPO_ROOT, 'dist/harness/providers/existing/ledger.js');

t.test('a ledger line holds the run id, its namespaces and the time; it round-trips', async (t) => {
  const line = ledgerLine({ runId: 'a1b2c3', namespaces: ['payment-staging-a1b2c3', 'payment-prod-a1b2c3'] }, new Date('2026-11-27T01:00:00Z'));
  t.equal(line, '{"runId":"a1b2c3","namespaces":["payment-staging-a1b2c3","payment-prod-a1b2c3"],"at":"2026-11-27T01:00:00.000Z"}\n');
  t.same(parseLedger(line), [{ runId: 'a1b2c3', namespaces: ['payment-staging-a1b2c3', 'payment-prod-a1b2c3'], at: '2026-11-27T01:00:00.000Z' }]);
});

t.test('a record that could make down delete something the run did not create is refused', async (t) => {
  t.throws(() => ledgerLine({ runId: 'ABC123', namespaces: [] }), LabError, 'not a harness run id');
  t.throws(() => ledgerLine({ runId: 'a1b2c', namespaces: [] }), LabError);
  const e = t.throws(() => ledgerLine({ runId: 'a1b2c3', namespaces: ['payment-staging-a1b2c3', 'kube-system'] })) as LabError;
  t.match(e.message, /do not carry its id: kube-system/);
});

t.test('parsing skips torn, foreign and invalid lines, and namespaces without the run id', async (t) => {
  const text = [
    '{"runId":"a1b2c3","namespaces":["payment-staging-a1b2c3"],"at":"t1"}',
    '{"runId":"d4e5f6","namespaces":["payment-dev-d4e5f6","default","team-x"],"at":"t2"}',
    '{"runId":"../etc","namespaces":["x-../etc"]}',
    '{"runId":"0badc0","namespaces":"not-a-list"}',
    'null',
    '{"runId":"abcdef","namespa',
    '',
  ].join('\n');
  t.same(parseLedger(text), [
    { runId: 'a1b2c3', namespaces: ['payment-staging-a1b2c3'], at: 't1' },
    { runId: 'd4e5f6', namespaces: ['payment-dev-d4e5f6'], at: 't2' },
  ]);
});

t.test('no ledger file: no runs', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-ledger-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  t.same(readLedger(dir), []);
  appendRun(dir, { runId: 'a1b2c3', namespaces: ['p-a1b2c3'] });
  writeFileSync(ledgerPath(dir), readFileSync(ledgerPath(dir), 'utf8') + '{"runId":"ffffff","names');
  t.same(readLedger(dir).map((e) => e.runId), ['a1b2c3'], 'a line being written is skipped');
});

t.test('runs appended by many processes at once are all kept (no read-modify-write)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-ledger-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const PROCS = 6;
  const EACH = 40;
  const script = `
    const { appendRun } = await import(${JSON.stringify(LEDGER_JS)});
    const p = Number(process.argv[1]);
    for (let i = 0; i < ${EACH}; i++) {
      const runId = (p * 256 + i).toString(16).padStart(6, '0');
      appendRun(${JSON.stringify(dir)}, { runId, namespaces: ['payment-staging-' + runId, 'payment-prod-' + runId] });
    }`;
  await Promise.all(
    Array.from({ length: PROCS }, (_, p) =>
      new Promise<void>((resolve, reject) => {
        const c = spawn(process.execPath, ['--input-type=module', '-e', script, String(p)], { stdio: 'inherit' });
        c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${p} exited ${code}`))));
      }),
    ),
  );
  const runs = readLedger(dir);
  t.equal(runs.length, PROCS * EACH, 'every run is there');
  t.equal(new Set(runs.map((r) => r.runId)).size, PROCS * EACH, 'each once');
  t.ok(runs.every((r) => r.namespaces.length === 2), 'no line was torn');
});
