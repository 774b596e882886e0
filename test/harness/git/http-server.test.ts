import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../../harness/exec.js';
import { ACCESS_FILE, newRunCredentials, withCredential, writeRepoAccess } from '../../../harness/git/access.js';
import { decide, parseCgiResponse, repositoryOf, startGitHttpServer } from '../../../harness/git/http-server.js';

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

t.test('per-run grants: each run reads and pushes only its own repository; the controllers only read it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-http-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' };
  const srv = join(dir, 'srv');
  const a = newRunCredentials('aaaaaa');
  const b = newRunCredentials('bbbbbb');
  await writeRepoAccess(join(srv, 'lab-a.git'), a);
  await writeRepoAccess(join(srv, 'lab-b.git'), b);
  for (const repo of ['lab-a.git', 'lab-b.git']) await run('git', ['init', '-q', '--bare', '-b', 'main', join(srv, repo)], { cwd: dir, env });
  const log: string[] = [];
  const server = await startGitHttpServer({ root: srv, credentials: { username: 'gitops-lab', password: 'server-secret' }, onRequest: (l) => log.push(l) });
  t.teardown(() => server.close());
  const work = join(dir, 'work');
  await run('git', ['init', '-q', '-b', 'main', work], { cwd: dir, env });
  writeFileSync(join(work, 'README'), 'hello\n');
  await run('git', ['add', '.'], { cwd: work, env });
  await run('git', ['commit', '-q', '-m', 'first'], { cwd: work, env });
  const url = (repo: string, c?: { username: string; password: string }) => (c ? withCredential(server.repoUrl(repo), c) : server.repoUrl(repo));
  const git = (args: string[]) => run('git', args, { cwd: work, env, allowFailure: true });

  t.equal((await git(['push', '-q', url('lab-a', a.learner), 'main'])).exitCode, 0, "A's learner pushes to A");
  t.equal((await git(['push', '-q', url('lab-b', b.learner), 'main'])).exitCode, 0, "B's learner pushes to B");
  const cross = await git(['push', '-q', url('lab-b', a.learner), 'main:refs/heads/stolen']);
  t.not(cross.exitCode, 0, "A's learner cannot push to B");
  t.match(cross.stderr, /403/);
  t.not((await git(['ls-remote', url('lab-b', a.learner)])).exitCode, 0, "A's learner cannot read B");
  t.not((await git(['clone', '-q', url('lab-b', a.reader), join(dir, 'c1')])).exitCode, 0, "A's reader cannot clone B");
  t.not((await git(['ls-remote', url('lab-a')])).exitCode, 0, 'nobody reads anonymously');
  t.not((await git(['push', '-q', url('lab-a', a.reader), 'main:refs/heads/r'])).exitCode, 0, 'the reader cannot push');
  t.equal((await git(['clone', '-q', url('lab-a', a.reader), join(dir, 'c2')])).exitCode, 0, "A's reader clones A");
  t.equal((await git(['ls-remote', url('lab-b', { username: 'gitops-lab', password: 'server-secret' })])).exitCode, 0, "the server's own credential opens every repository");
  const branches = await run('git', ['for-each-ref', '--format=%(refname)'], { cwd: join(srv, 'lab-b.git'), env });
  t.same(branches.stdout.trim().split('\n'), ['refs/heads/main'], 'B holds nothing A tried to push');
  t.ok(log.some((l) => l.includes('403 (learner-aaaaaa may not push to this repository)')), 'the log says who was refused what');
  // Encoded and odd paths name the repository whose grants apply, or nothing at all.
  const refs = '/info/refs?service=git-upload-pack';
  t.equal((await fetch(`${server.url}/%6cab-b.git${refs}`)).status, 401, 'a percent-encoded name is still lab-b: its grants apply');
  const asA = { headers: { authorization: `Basic ${Buffer.from(`${a.learner.username}:${a.learner.password}`).toString('base64')}` } };
  t.equal((await fetch(`${server.url}/%6cab-b.git${refs}`, asA)).status, 403, "and A's credential does not open it");
  t.equal((await fetch(`${server.url}//lab-b.git${refs}`)).status, 404, 'a path that names no repository');
  t.equal((await fetch(`${server.url}/lab-a.git%2F..%2Flab-b.git${refs}`)).status, 400, 'an encoded climb out of a repository');
  t.equal((await fetch(`${server.url}/%E0%A4%A.git${refs}`)).status, 400, 'a path that does not decode');
  t.equal((await fetch(`${server.url}/healthz`)).status, 200, 'health needs no credential');
  // A repository whose grants cannot be read lets no per-run credential in.
  writeFileSync(join(srv, 'lab-a.git', ACCESS_FILE), '{ not json');
  t.not((await git(['ls-remote', url('lab-a', a.learner)])).exitCode, 0, 'broken grants: closed');
});

t.test('decide: the rules on their own', async (t) => {
  const server = { credentials: { username: 'gitops-lab', password: 's' } };
  const grants = [{ username: 'learner-x', sha256: '0'.repeat(64), access: 'push' as const }];
  t.same(decide('read', undefined, {}, undefined), { allow: true, user: undefined }, 'no credentials configured: open (local tests)');
  t.same(decide('push', undefined, {}, undefined), { allow: true, user: 'gitops-lab' });
  t.same(decide('read', undefined, server, undefined), { allow: true, user: undefined }, 'a repository without grants reads anonymously');
  t.match(decide('read', undefined, { ...server, authenticateReads: true }, undefined), { allow: false, status: 401 });
  t.match(decide('push', undefined, server, undefined), { allow: false, status: 401 });
  t.match(decide('push', { username: 'gitops-lab', password: 'wrong' }, server, undefined), { allow: false, status: 401 });
  t.same(decide('push', { username: 'gitops-lab', password: 's' }, server, grants), { allow: true, user: 'gitops-lab' });
  t.match(decide('read', undefined, server, grants), { allow: false, status: 401 });
  t.match(decide('read', { username: 'learner-x', password: 'nope' }, server, grants), { allow: false, status: 403, reason: 'learner-x may not read this repository' });
  t.match(decide('read', { username: 'gitops-lab', password: 's' }, server, new Error('bad')), { allow: true });
  t.match(decide('read', { username: 'learner-x', password: 'nope' }, server, new Error('bad')), { allow: false, status: 403, reason: "the repository's grants cannot be read (bad)" });
  t.equal(repositoryOf('/lab-a.git/info/refs'), 'lab-a.git');
  t.equal(repositoryOf('/lab-a.git'), 'lab-a.git');
  t.equal(repositoryOf('/x/lab-a.git/info/refs'), undefined, 'nested paths name no repository');
  t.equal(repositoryOf('/.hidden.git/info/refs'), undefined);
});

// A push runs no housekeeping in the lab repository (receive-pack's `gc --auto` after every push, maintenance):
// the repository asks for both; a hook run by the server's receive-pack reads what its git is told.
t.test('a push through the server runs git with gc and maintenance switched off, whatever the repository says', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-http-gc-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const env = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' };
  const bare = join(dir, 'srv', 'app.git');
  await run('git', ['init', '-q', '--bare', '-b', 'main', bare], { cwd: dir, env });
  for (const [k, v] of [['receive.autogc', 'true'], ['gc.auto', '1'], ['maintenance.auto', 'true']]) await run('git', ['config', k!, v!], { cwd: bare, env });
  const seen = join(dir, 'seen');
  writeFileSync(join(bare, 'hooks', 'post-update'), `#!/bin/sh\nfor k in receive.autogc gc.auto maintenance.auto; do echo "$k=$(git config --get $k)"; done > '${seen}'\n`, { mode: 0o755 });
  const server = await startGitHttpServer({ root: join(dir, 'srv'), credentials: { username: 'learner', password: 's3cret' } });
  t.teardown(() => server.close());
  const work = join(dir, 'work');
  await run('git', ['init', '-q', '-b', 'main', work], { cwd: dir, env });
  writeFileSync(join(work, 'f'), '1\n');
  await run('git', ['add', '.'], { cwd: work, env });
  await run('git', ['commit', '-q', '-m', 'c'], { cwd: work, env });
  await run('git', ['push', '-q', server.repoUrl('app').replace('http://', 'http://learner:s3cret@'), 'main'], { cwd: work, env });
  t.equal(readFileSync(seen, 'utf8'), 'receive.autogc=false\ngc.auto=0\nmaintenance.auto=false\n');
});
