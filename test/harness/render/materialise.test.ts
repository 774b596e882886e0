import t from 'tap';
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../../harness/exec.js';
import { materialiseCommit, unsafeTreePath } from '../../../harness/render/materialise.js';
import { bareRepoWith, IDENTITY, tempDir } from './repo.js';

t.test('regular files are written byte for byte with their mode; symlinks and submodules are skipped and recorded', async (t) => {
  const dir = tempDir(t);
  const { bare, work } = await bareRepoWith(dir, {
    'a/b/c.yaml': 'x: 1\n',
    'run.sh': '#!/bin/sh\n',
    'bin.dat': '\u0000\u0001\n\nend',
    'link': { symlink: '/etc/passwd' },
    'a/dirlink': { symlink: '..' },
    '.gitattributes': '* filter=nope\n*.yaml text eol=crlf\n',
  });
  await run('git', ['update-index', '--chmod=+x', 'run.sh'], { cwd: work, env: IDENTITY, cleanEnv: true });
  // A submodule entry (mode 160000) by hand.
  await run('git', ['update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/sub`], { cwd: work, env: IDENTITY, cleanEnv: true });
  await run('git', ['commit', '-qm', 'more'], { cwd: work, env: IDENTITY, cleanEnv: true });
  await run('git', ['push', '-q', bare, 'main'], { cwd: work, env: IDENTITY, cleanEnv: true });
  const sha = (await run('git', ['rev-parse', 'HEAD'], { cwd: work, env: IDENTITY, cleanEnv: true })).stdout.trim();
  const out = join(dir, 'out');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(out);
  const m = await materialiseCommit(bare, sha, out);
  t.same(m.ok && [...m.skipped.entries()].sort(), [['a/dirlink', 'symlink'], ['link', 'symlink'], ['vendor/sub', 'submodule']]);
  t.equal(m.ok && m.files, 4);
  t.same(readdirSync(out).sort(), ['.gitattributes', 'a', 'bin.dat', 'run.sh']);
  t.equal(readFileSync(join(out, 'a/b/c.yaml'), 'utf8'), 'x: 1\n', 'no eol conversion, no filter');
  t.equal(readFileSync(join(out, 'bin.dat'), 'utf8'), '\u0000\u0001\n\nend');
  t.equal(statSync(join(out, 'run.sh')).mode & 0o777, 0o755);
  t.equal(statSync(join(out, 'a/b/c.yaml')).mode & 0o777, 0o644);
  t.throws(() => lstatSync(join(out, 'link')), 'no symlink is created');
  t.throws(() => lstatSync(join(out, 'vendor')), 'no submodule directory');
});

t.test('unsafe tree paths are never written', async (t) => {
  for (const p of ['../x', 'a/../b', '/etc/x', 'a//b', './a', '.git/config', 'a/.GIT/hooks/x', 'a\\b', '']) t.equal(unsafeTreePath(p), true, p);
  for (const p of ['a', 'a/b.yaml', '.gitattributes', '.github/x', 'a..b/c']) t.equal(unsafeTreePath(p), false, p);
});

t.test('a tree with .git components (written with git mktree) is materialised without them', async (t) => {
  const dir = tempDir(t);
  const { bare } = await bareRepoWith(dir, { 'ok.yaml': 'a: 1\n' });
  const git = (args: string[], input?: string) => run('git', args, { cwd: bare, env: IDENTITY, cleanEnv: true, ...(input !== undefined ? { input } : {}) });
  const blob = (await git(['hash-object', '-w', '--stdin'], 'evil\n')).stdout.trim();
  const inner = (await git(['mktree'], `100644 blob ${blob}\tconfig\n`)).stdout.trim();
  const root = (await git(['mktree', '--missing'], `040000 tree ${inner}\t.GIT\n100644 blob ${blob}\tok.yaml\n`)).stdout.trim();
  const commit = (await git(['commit-tree', root, '-m', 'x'])).stdout.trim();
  const out = tempDir(t);
  const m = await materialiseCommit(bare, commit, out);
  t.same(m.ok && [...m.skipped.entries()], [['.GIT/config', 'unsafe path']]);
  t.same(readdirSync(out), ['ok.yaml']);
});
