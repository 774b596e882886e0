import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../../harness/exec.js';
import { parseCgiResponse, startGitHttpServer } from '../../../harness/git/http-server.js';

t.test('CGI response parsing', async (t) => {
  const r = parseCgiResponse(Buffer.from('Status: 404 Not Found\r\nContent-Type: text/plain\r\n\r\nnope'));
  t.equal(r.status, 404);
  t.same(r.headers, [['Content-Type', 'text/plain']]);
  t.equal(r.body.toString(), 'nope');
  t.equal(parseCgiResponse(Buffer.from('Content-Type: x\n\nbody')).status, 200);
});

t.test('push with credentials, anonymous clone, push without credentials refused', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-http-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' };
  await run('git', ['init', '-q', '--bare', '-b', 'main', join(dir, 'srv', 'app.git')], { cwd: dir, env });
  const server = await startGitHttpServer({ root: join(dir, 'srv'), credentials: { username: 'learner', password: 's3cret' } });
  t.teardown(() => server.close());
  t.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const work = join(dir, 'work');
  await run('git', ['init', '-q', '-b', 'main', work], { cwd: dir, env });
  writeFileSync(join(work, 'README'), 'hello\n');
  await run('git', ['add', '.'], { cwd: work, env });
  await run('git', ['commit', '-q', '-m', 'first'], { cwd: work, env });
  const authed = server.repoUrl('app').replace('http://', 'http://learner:s3cret@');
  await run('git', ['push', '-q', authed, 'main'], { cwd: work, env });
  const denied = await run('git', ['push', server.repoUrl('app'), 'main:other'], { cwd: work, env, allowFailure: true });
  t.not(denied.exitCode, 0, 'push without credentials fails');
  await run('git', ['clone', '-q', server.repoUrl('app'), join(dir, 'clone')], { cwd: dir, env });
  const head = await run('git', ['log', '--format=%s', '-1'], { cwd: join(dir, 'clone'), env });
  t.equal(head.stdout.trim(), 'first');
  const ls = await run('git', ['ls-remote', server.repoUrl('app')], { cwd: dir, env });
  t.match(ls.stdout, /refs\/heads\/main/);
});
