/** A run's record in the state home: removed whole, and nothing of another run's. */
import t from 'tap';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { recordFile, removeSessionRecord } from '../../../harness/runner/session.js';

t.test('removeSessionRecord removes the run record and its state directory, and nothing of another run', async (t) => {
  const home = mkdtempSync(join(tmpdir(), 'gitops-lab-session-test-'));
  t.teardown(() => rmSync(home, { recursive: true, force: true }));
  const saved = process.env['GITOPS_LAB_HOME'];
  process.env['GITOPS_LAB_HOME'] = home;
  t.teardown(() => (saved === undefined ? delete process.env['GITOPS_LAB_HOME'] : (process.env['GITOPS_LAB_HOME'] = saved)));
  const mine = recordFile('abc123');
  const other = recordFile('def456');
  t.equal(mine, join(home, 'sessions', 'abc123', 'session.json'));
  for (const f of [mine, other, join(dirname(mine), 'renders', 'x.json')]) {
    mkdirSync(dirname(f), { recursive: true });
    writeFileSync(f, '{}');
  }
  const elsewhere = join(home, 'offline-state', 'abc123');
  mkdirSync(elsewhere, { recursive: true });
  await removeSessionRecord({ runId: 'abc123', stateDir: elsewhere });
  t.equal(existsSync(dirname(mine)), false, 'the record directory, render cache and all');
  t.equal(existsSync(elsewhere), false, 'a state directory kept elsewhere');
  t.equal(existsSync(other), true, "another run's record stays");
  // The usual case: the state directory is the record's own.
  await removeSessionRecord({ runId: 'def456', stateDir: dirname(other) });
  t.equal(existsSync(dirname(other)), false);
});
