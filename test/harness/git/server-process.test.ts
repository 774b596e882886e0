import t from 'tap';
import { ensureGitServer, readGitServer, stopGitServer } from '../../../harness/git/server-process.js';
import { freePort } from '../../../harness/ports.js';
import { isAlive } from '../../../harness/supervisor.js';
import { scratch } from '../../helpers/cli.js';

t.test('sessions seeded at once share one lab git server, and stopping it leaves no process', async (t) => {
  const { dir } = scratch(t);
  t.teardown(() => stopGitServer(dir));
  const port = await freePort();
  const [a, b, c] = await Promise.all([ensureGitServer(dir, port), ensureGitServer(dir, port), ensureGitServer(dir, port)]);
  t.equal(a.pid, b.pid);
  t.equal(b.pid, c.pid);
  t.equal(readGitServer(dir)?.pid, a.pid);
  const res = await fetch(`${a.url}/nothing.git/info/refs?service=git-upload-pack`);
  t.ok(res.status >= 400 && res.status < 500, `the server answers (${res.status})`);
  await stopGitServer(dir);
  // Gone: exited (a zombie not yet reaped by this test process counts as gone, as it does for stopGitServer).
  t.notOk(isAlive(a.pid!), 'the server process is gone');
  t.equal(readGitServer(dir), undefined);
});
