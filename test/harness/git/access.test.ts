import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { ACCESS_FILE, granted, newRunCredentials, readRepoAccess, redactURL, withCredential, withoutCredential, writeRepoAccess } from '../../../harness/git/access.js';

t.test('a run gets a learner (push) and a reader (read) credential of its own, kept only as hashes', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-access-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const a = newRunCredentials('a1b2c3');
  const b = newRunCredentials('d4e5f6');
  t.equal(a.learner.username, 'learner-a1b2c3');
  t.equal(a.reader.username, 'reader-a1b2c3');
  t.not(a.learner.password, b.learner.password);
  t.not(a.learner.password, a.reader.password);
  await writeRepoAccess(join(dir, 'a.git'), a);
  const text = JSON.stringify(readRepoAccess(join(dir, 'a.git')));
  t.notOk(text.includes(a.learner.password) || text.includes(a.reader.password), 'no password is stored');
  t.equal(statSync(join(dir, 'a.git', ACCESS_FILE)).mode & 0o777, 0o600, 'readable by the server only');
  const grants = readRepoAccess(join(dir, 'a.git'));
  if (!Array.isArray(grants)) throw new Error('grants expected');
  t.ok(granted(grants, a.learner, 'push'));
  t.ok(granted(grants, a.learner, 'read'));
  t.ok(granted(grants, a.reader, 'read'));
  t.notOk(granted(grants, a.reader, 'push'), 'the controllers cannot push');
  t.notOk(granted(grants, b.learner, 'read'), "another run's learner cannot read");
  t.notOk(granted(grants, b.reader, 'read'), "another run's reader cannot read");
  t.notOk(granted(grants, { username: a.learner.username, password: b.learner.password }, 'read'), 'the right name with a wrong password');
  t.notOk(granted(grants, { username: a.reader.username, password: a.learner.password }, 'push'), "the learner's password under the reader's name is not the learner");
});

t.test('grants that are missing read as none; malformed ones as an error naming the file and field', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-access-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  t.equal(readRepoAccess(join(dir, 'none.git')), undefined);
  const bad = join(dir, 'bad.git');
  await writeRepoAccess(bad, newRunCredentials('x'));
  writeFileSync(join(bad, ACCESS_FILE), JSON.stringify({ schemaVersion: 1, grants: [{ username: 'u', sha256: 'nothex', access: 'push' }] }));
  const e = readRepoAccess(bad);
  t.ok(e instanceof Error);
  t.match((e as Error).message, `${join(bad, ACCESS_FILE)}: grants.0.sha256`);
  writeFileSync(join(bad, ACCESS_FILE), '{');
  t.match((readRepoAccess(bad) as Error).message, ACCESS_FILE);
  writeFileSync(join(bad, ACCESS_FILE), JSON.stringify({ schemaVersion: 1, grants: [{ username: 'u', sha256: 'a'.repeat(64), access: 'admin' }] }));
  t.match((readRepoAccess(bad) as Error).message, 'grants.0.access');
});

t.test('credentials in URLs: put in, redacted for reports, removed for logs', async (t) => {
  const url = withCredential('http://127.0.0.1:4321/lab-x.git', { username: 'reader-x', password: 'p@ss/w:rd' });
  t.equal(url, 'http://reader-x:p%40ss%2Fw%3Ard@127.0.0.1:4321/lab-x.git');
  t.equal(new URL(url).password, 'p%40ss%2Fw%3Ard');
  t.equal(redactURL(url), 'http://reader-x:***@127.0.0.1:4321/lab-x.git');
  t.equal(withoutCredential(url), 'http://127.0.0.1:4321/lab-x.git');
  t.equal(redactURL('http://127.0.0.1:4321/lab-x.git'), 'http://127.0.0.1:4321/lab-x.git');
  t.equal(redactURL(`fatal: unable to access '${url}/': 403; retried http://gitops-lab:s3cret@127.0.0.1:1/x.git`), "fatal: unable to access 'http://reader-x:***@127.0.0.1:4321/lab-x.git/': 403; retried http://gitops-lab:***@127.0.0.1:1/x.git", 'every URL in a text (git\'s errors)');
  t.equal(withoutCredential('file:///tmp/x.git'), 'file:///tmp/x.git');
});
