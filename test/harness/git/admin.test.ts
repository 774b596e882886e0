import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { ACCESS_FILE, grantsFor, newRunCredentials, readRepoAccess } from '../../../harness/git/access.js';
import { handleAdmin } from '../../../harness/git/admin.js';
import { gitOut } from '../../../harness/git/git.js';
import { startGitHttpServer } from '../../../harness/git/http-server.js';
import { DEADLINE_FILE, PUSH_LOG } from '../../../harness/git/push-log.js';
import { scratch } from '../../helpers/cli.js';

const body = (value: unknown): Buffer => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const SHA = 'a'.repeat(40);
const LINE = `1796411835037 ${'0'.repeat(40)} ${SHA} refs/heads/main\n`;

t.test('handleAdmin: make a repository with its grants, close it, read and replace its push log, remove it', async (t) => {
  const { dir: root } = scratch(t);
  const creds = newRunCredentials('abc123');
  const grants = grantsFor(creds);
  const repo = join(root, 'lab-abc123.git');
  const made = await handleAdmin(root, { method: 'PUT', path: '/-/repos/lab-abc123.git', body: body({ branch: 'main', grants }) });
  t.same(made, { status: 201, body: 'lab-abc123.git\n' });
  t.same(readRepoAccess(repo), grants, 'the grants, hashes only');
  t.notMatch(readFileSync(join(repo, ACCESS_FILE), 'utf8'), creds.learner.password);
  t.equal(await gitOut(repo, ['symbolic-ref', 'HEAD']), 'refs/heads/main', 'the branch named');
  t.equal(await gitOut(repo, ['config', 'core.logAllRefUpdates']), 'always');
  t.ok(existsSync(join(repo, 'hooks', 'post-receive')) && existsSync(join(repo, 'hooks', 'pre-receive')), 'the push log and deadline hooks');
  const again = await handleAdmin(root, { method: 'PUT', path: '/-/repos/lab-abc123.git', body: body({ branch: 'main', grants: grants.slice(0, 1) }) });
  t.equal(again.status, 200, 'made again: there already, its grants replaced');
  t.same(readRepoAccess(repo), grants.slice(0, 1));

  t.same(await handleAdmin(root, { method: 'GET', path: '/-/repos/lab-abc123.git/pushes', body: body('') }), { status: 200, body: '' }, 'no pushes yet: an empty log');
  t.equal((await handleAdmin(root, { method: 'PUT', path: '/-/repos/lab-abc123.git/pushes', body: body(LINE + LINE) })).status, 204);
  t.equal(readFileSync(join(repo, PUSH_LOG), 'utf8'), LINE + LINE);
  t.same(await handleAdmin(root, { method: 'GET', path: '/-/repos/lab-abc123.git/pushes', body: body('') }), { status: 200, body: LINE + LINE });
  const bad = await handleAdmin(root, { method: 'PUT', path: '/-/repos/lab-abc123.git/pushes', body: body(`${LINE}1 2 3 4\n`) });
  t.same(bad, { status: 400, body: 'line 2 is not a push log line\n' });
  t.equal(readFileSync(join(repo, PUSH_LOG), 'utf8'), LINE + LINE, 'a refused log changes nothing');
  t.equal((await handleAdmin(root, { method: 'DELETE', path: '/-/repos/lab-abc123.git/pushes', body: body('') })).status, 204);
  t.notOk(existsSync(join(repo, PUSH_LOG)));

  t.equal((await handleAdmin(root, { method: 'PUT', path: '/-/repos/lab-abc123.git/deadline', body: body({ deadline: '2026-12-04T20:00:00Z' }) })).status, 204);
  t.equal(readFileSync(join(repo, DEADLINE_FILE), 'utf8'), `${Date.parse('2026-12-04T20:00:00Z')} 2026-12-04T20:00:00.000Z\n`);
  t.equal((await handleAdmin(root, { method: 'PUT', path: '/-/repos/lab-abc123.git/deadline', body: body({ deadline: 'tomorrow' }) })).status, 400);

  t.equal((await handleAdmin(root, { method: 'POST', path: '/-/repos/lab-abc123.git/pushes', body: body('') })).status, 405);
  t.equal((await handleAdmin(root, { method: 'DELETE', path: '/-/repos/lab-abc123.git', body: body('') })).status, 204);
  t.notOk(existsSync(repo), 'removed');
  t.equal((await handleAdmin(root, { method: 'DELETE', path: '/-/repos/lab-abc123.git', body: body('') })).status, 404, 'twice: no such repository');
  t.equal((await handleAdmin(root, { method: 'GET', path: '/-/repos/lab-abc123.git/pushes', body: body('') })).status, 404);
});

t.test('handleAdmin refuses bad names and bodies, and makes nothing then', async (t) => {
  const { dir: root } = scratch(t);
  const grants = grantsFor(newRunCredentials('abc123'));
  for (const path of ['/-/repos/../x.git', '/-/repos/x', '/-/repos/.x.git', '/-/repos/x.git/hooks', '/-/repos/x.git/pushes/extra']) {
    t.equal((await handleAdmin(root, { method: 'PUT', path, body: body({ branch: 'main', grants }) })).status, 404, path);
  }
  const cases: [unknown, RegExp][] = [
    ['{', /not JSON/],
    [{ branch: 'main' }, /grants: Invalid input/],
    [{ branch: '-evil', grants }, /branch: Invalid/],
    [{ branch: 'main', grants: [{ username: 'x', sha256: 'nothex', access: 'push' }] }, /grants\.0\.sha256/],
    [{ branch: 'main', grants, extra: 1 }, /Unrecognized key/],
  ];
  for (const [value, message] of cases) {
    const r = await handleAdmin(root, { method: 'PUT', path: '/-/repos/x.git', body: body(value) });
    t.equal(r.status, 400, JSON.stringify(value));
    t.match(r.body, message);
  }
  t.equal((await handleAdmin(root, { method: 'PUT', path: '/-/repos/x.git', body: Buffer.alloc(5 * 1024 * 1024) })).status, 413);
  t.notOk(existsSync(join(root, 'x.git')), 'nothing made');
});

t.test("the admin API over HTTP answers only to the server's own credential", async (t) => {
  const { dir: root } = scratch(t);
  const own = { username: 'gitops-lab', password: 'server-secret' };
  const server = await startGitHttpServer({ root, credentials: own });
  t.teardown(() => server.close());
  const creds = newRunCredentials('abc123');
  const as = (c?: { username: string; password: string }): Record<string, string> => (c ? { authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}` } : {});
  const put = (c?: { username: string; password: string }) =>
    fetch(`${server.url}/-/repos/lab.git`, { method: 'PUT', headers: as(c), body: JSON.stringify({ branch: 'main', grants: grantsFor(creds) }) });
  t.equal((await put()).status, 401, 'anonymous');
  t.equal((await put({ username: own.username, password: 'guess' })).status, 403, 'a wrong password');
  t.notOk(existsSync(join(root, 'lab.git')));
  t.equal((await put(own)).status, 201, "the server's own credential");
  t.equal((await fetch(`${server.url}/-/repos/lab.git/pushes`, { headers: as(creds.learner) })).status, 403, "the repository's learner cannot read its push log");
  t.equal((await fetch(`${server.url}/-/repos/lab.git`, { method: 'DELETE', headers: as(creds.learner) })).status, 403, 'nor remove it');
  t.equal((await fetch(`${server.url}/-/repos/%6cab.git/pushes`, { headers: as(own) })).status, 200, 'a percent-encoded name is decoded once');
  t.ok(existsSync(join(root, 'lab.git')));
  const open = await startGitHttpServer({ root });
  t.teardown(() => open.close());
  const r = await fetch(`${open.url}/-/repos/lab.git/pushes`, { headers: as(own) });
  t.equal(r.status, 403, 'a server without a credential of its own takes no admin request');
  t.match(await r.text(), /no credential of its own/);
});
