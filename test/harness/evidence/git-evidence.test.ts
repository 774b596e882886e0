/**
 * Git evidence from real repositories with hostile history: commit messages holding the bytes the old
 * `git log` format split on (\x1e, \x1f), CR, ESC sequences and look-alike headers; file names with newlines,
 * tabs and quotes; YAML files that break every bound. Real git throughout.
 */
import t from 'tap';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, gitOut } from '../../../harness/git/git.js';
import { MAX_HISTORY_COMMITS, MAX_HISTORY_FILES, parseCommitObject, readCommits, readHistory, snapshotContext, snapshotTree, snapshotTrees, splitDiffTree, splitRawDiffTree } from '../../../harness/evidence/git-evidence.js';
import { FILE_LIMITS, YamlBudget } from '../../../harness/yaml/bounded.js';

interface Repo {
  readonly dir: string;
  write(path: string, text: string | Buffer): void;
  commit(message: string, env?: Record<string, string>): Promise<string>;
}

async function repo(t: Tap.Test): Promise<Repo> {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-git-evidence-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await git(dir, ['init', '-q', '-b', 'main']);
  const msgFile = join(dir, '.git', 'MSG');
  return {
    dir,
    write(path, text) {
      const p = join(dir, path);
      mkdirSync(join(p, '..'), { recursive: true });
      writeFileSync(p, text);
    },
    async commit(message, env = {}) {
      writeFileSync(msgFile, message);
      await git(dir, ['add', '-A']);
      await git(dir, ['commit', '-q', '--allow-empty', '--cleanup=verbatim', '-F', msgFile], { env });
      return gitOut(dir, ['rev-parse', 'HEAD']);
    },
  };
}

/** What git itself says the subject and body are (%s, %b), one commit at a time so nothing is split. */
async function gitSays(dir: string, sha: string): Promise<{ subject: string; body: string }> {
  const subject = (await git(dir, ['show', '-s', '--format=%s', sha])).stdout.replace(/\n$/, '');
  const body = (await git(dir, ['show', '-s', '--format=%b', sha])).stdout.trim();
  return { subject, body };
}

t.test('messages with \\x1e and \\x1f forge no commit; subject, body, author and files are exactly the real ones', async (t) => {
  const r = await repo(t);
  r.write('seed.txt', 'seed\n');
  const seed = await r.commit('seed');
  // The old format was %x1e%H%x1f%P%x1f%an <%ae>%x1f%s%x1f%b%x1f: this message imitated a whole second record.
  const forged = `payment-api: promote\x1f\x1e${'f'.repeat(40)}\x1f\x1fEve <eve@example.com>\x1fpayment-api: promote 1.27.6 to staging\x1f\x1f`;
  r.write('apps/a.yaml', 'a: 1\n');
  const c1 = await r.commit(`${forged}\n\nbody\x1e${'e'.repeat(40)}\x1f\n`, { GIT_AUTHOR_NAME: 'Alex Learner', GIT_AUTHOR_EMAIL: 'alex@example.com' });
  const newline = 'apps/evil\nPASS  every check [10/10]: yes.yaml';
  const tabbed = 'apps/tab\there "quoted" \'single\'.yaml';
  r.write(newline, 'x: 1\n');
  r.write(tabbed, 'y: 2\n');
  const esc = 'fix \x1b[2J\x1b]8;;http://127.0.0.1:1/\x07click\x1b]8;;\x07 staging\rPASS 10/10';
  const c2 = await r.commit(`${esc}\n\ntree 0000\nparent ${'a'.repeat(40)}\nauthor Eve <eve@example.com> 1 +0000\n`);
  await git(r.dir, ['mv', 'apps/a.yaml', `apps/${'c'.repeat(40)}.yaml`]);
  const c3 = await r.commit(`\n\n  first line of a paragraph  \nsecond line\n\n\n body line 1\nbody line 2\n\n`);
  const commits = await readCommits(r.dir, seed, c3);
  t.same(commits.map((c) => c.sha), [c1, c2, c3], 'exactly the three real commits, oldest first');
  t.same(commits.map((c) => c.sha), (await gitOut(r.dir, ['rev-list', '--reverse', `${seed}..${c3}`])).split('\n'));
  t.same(commits.map((c) => c.parents), [[seed], [c1], [c2]]);
  t.same(commits.map((c) => c.author), ['Alex Learner <alex@example.com>', 'gitops-lab <lab@gitops-lab.dev>', 'gitops-lab <lab@gitops-lab.dev>'], 'the author header, not a look-alike in the message');
  t.equal(commits[0]!.subject, forged);
  t.equal(commits[0]!.body, `body\x1e${'e'.repeat(40)}\x1f`);
  t.equal(commits[1]!.subject, esc, 'ESC, BEL and CR are data, kept as they are (the reports escape them)');
  t.equal(commits[1]!.body, `tree 0000\nparent ${'a'.repeat(40)}\nauthor Eve <eve@example.com> 1 +0000`);
  t.equal(commits[2]!.subject, '  first line of a paragraph second line', "git's %s: the first paragraph, lines right-trimmed and joined");
  t.equal(commits[2]!.body, 'body line 1\nbody line 2');
  for (const c of commits) t.same({ subject: c.subject, body: c.body }, await gitSays(r.dir, c.sha), `git agrees on ${c.sha.slice(0, 7)}`);
  t.same(commits.map((c) => c.files), [
    [{ status: 'added', path: 'apps/a.yaml' }],
    [
      { status: 'added', path: newline },
      { status: 'added', path: tabbed },
    ],
    [{ status: 'renamed', path: `apps/${'c'.repeat(40)}.yaml`, oldPath: 'apps/a.yaml' }],
  ]);
});

t.test('a merge, an empty commit and a root commit', async (t) => {
  const r = await repo(t);
  r.write('a.yaml', 'a: 1\n');
  const root = await r.commit('root');
  await git(r.dir, ['checkout', '-q', '-b', 'side']);
  r.write('b.yaml', 'b: 1\n');
  const side = await r.commit('side');
  await git(r.dir, ['checkout', '-q', 'main']);
  const empty = await r.commit('empty');
  await git(r.dir, ['merge', '-q', '--no-ff', '-m', 'merge side', 'side']);
  const merge = await gitOut(r.dir, ['rev-parse', 'HEAD']);
  const commits = await readCommits(r.dir, root, merge);
  t.same(commits.map((c) => c.sha).sort(), [side, empty, merge].sort());
  t.same(commits.find((c) => c.sha === merge), { sha: merge, parents: [empty, side], author: 'gitops-lab <lab@gitops-lab.dev>', subject: 'merge side', body: '', files: [] });
  t.same(commits.find((c) => c.sha === empty)!.files, []);
  t.same(commits.find((c) => c.sha === side)!.files, [{ status: 'added', path: 'b.yaml' }]);
  t.same(await readCommits(r.dir, merge, merge), []);
});

t.test('splitDiffTree: a file named like the next commit id is a path, not a commit', async (t) => {
  const a = 'a'.repeat(40);
  const b = 'b'.repeat(40);
  const out = `${a}\0A\0${b}\0M\0x\n.yaml\0${b}\0R100\0old\0${a}\0`;
  t.same(
    [...splitDiffTree(out, [a, b]).entries()],
    [
      [a, [{ status: 'added', path: b }, { status: 'modified', path: 'x\n.yaml' }]],
      [b, [{ status: 'renamed', path: a, oldPath: 'old' }]],
    ],
  );
});

t.test('parseCommitObject: continuation headers, the first author only, an identity with odd characters', async (t) => {
  const raw = `tree ${'1'.repeat(40)}\nparent ${'2'.repeat(40)}\nauthor A "B" \x1b <a@b> 1700000000 +0100\nauthor Eve <e@e> 1 +0000\ncommitter C <c@c> 1 +0000\ngpgsig -----BEGIN-----\n parent ${'3'.repeat(40)}\n -----END-----\n\nsubject\n\nbody\n`;
  t.same(parseCommitObject(raw), { parents: ['2'.repeat(40)], author: 'A "B" \x1b <a@b>', subject: 'subject', body: 'body' });
});

t.test('snapshotTree: every hostile YAML file gets a parseError naming its bound; the others parse', async (t) => {
  const r = await repo(t);
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  r.write('deep/laughs.yaml', laughs.join('\n') + '\n');
  r.write('cycle.yml', 'a: &x [1, *x]\n');
  r.write('big.yaml', Buffer.alloc(FILE_LIMITS.maxBytes + 1, 'k: v\n'));
  r.write('nest.yaml', '['.repeat(100_000) + ']'.repeat(100_000) + '\n');
  r.write('dash.yaml', '- '.repeat(100_000) + 'x\n');
  r.write('deep60.yaml', 'a: ' + '['.repeat(60) + ']'.repeat(60) + '\n');
  r.write('tab\tname.yaml', 'ok: true\n');
  r.write('apps/Kustomization', 'resources: [a.yaml]\n');
  r.write('notes.txt', 'not yaml: [\n');
  const sha = await r.commit('hostile');
  const tree = await snapshotTree(r.dir, sha);
  t.same(Object.keys(tree.files).sort(), ['apps/Kustomization', 'big.yaml', 'cycle.yml', 'dash.yaml', 'deep/laughs.yaml', 'deep60.yaml', 'nest.yaml', 'tab\tname.yaml']);
  t.same(tree.files['tab\tname.yaml']!.docs, [{ ok: true }], 'a tab in a path is part of the path');
  t.same(tree.files['apps/Kustomization']!.docs, [{ resources: ['a.yaml'] }]);
  t.match(tree.files['deep/laughs.yaml'], { parseError: 'more than 64 aliases' });
  t.match(tree.files['cycle.yml'], { parseError: /alias \*x refers to a node that contains it \(a cycle\)/ });
  t.same(tree.files['big.yaml'], { blob: tree.files['big.yaml']!.blob, parseError: `${FILE_LIMITS.maxBytes + 1} bytes is larger than the ${FILE_LIMITS.maxBytes}-byte limit for one file` });
  t.same(tree.files['nest.yaml']!.parseError, 'nested deeper than 64 levels (too deep to parse)');
  t.same(tree.files['dash.yaml']!.parseError, 'nested deeper than 64 levels (too deep to parse)', 'compact block nesting on one line');
  t.equal(JSON.stringify(tree.files['deep60.yaml']!.docs), `[{"a":${'['.repeat(60)}${']'.repeat(60)}}]`, 'a nest within the bound parses');
  t.doesNotThrow(() => JSON.stringify(tree), 'nothing cyclic reaches the evidence');
});

t.test('one budget per grade: once it is spent, further files are not read and say so', async (t) => {
  const r = await repo(t);
  r.write('a.yaml', `a: "${'x'.repeat(100)}"\n`);
  r.write('b.yaml', `b: "${'y'.repeat(100)}"\n`);
  r.write('c.yaml', 'c: 1\n');
  const sha = await r.commit('three files');
  const context = snapshotContext(new YamlBudget(120));
  const tree = await snapshotTree(r.dir, sha, context);
  t.same(tree.files['a.yaml']!.docs, [{ a: 'x'.repeat(100) }]);
  t.same(tree.files['b.yaml']!.parseError, "the repository's YAML passes the 120-byte limit for one grade");
  t.same(tree.files['c.yaml']!.docs, [{ c: 1 }], 'a small file still fits');
  const again = await snapshotTree(r.dir, sha, context);
  t.same(again, tree, 'blobs already parsed are reused, not charged twice');
});

t.test('snapshotTrees reads seed and head at once and comes out as reading them one after the other would', async (t) => {
  const r = await repo(t);
  r.write('a.yaml', `a: "${'x'.repeat(100)}"\n`);
  const seed = await r.commit('seed');
  r.write('b.yaml', `b: "${'y'.repeat(100)}"\n`);
  r.write('c.yaml', 'c: 1\n');
  const head = await r.commit('head');
  const one = snapshotContext(new YamlBudget(120));
  const sequential = [await snapshotTree(r.dir, seed, one), await snapshotTree(r.dir, head, one)];
  const together = await snapshotTrees(r.dir, [seed, head], snapshotContext(new YamlBudget(120)));
  t.same(together, sequential);
  t.same(together[1]!.files['b.yaml']!.parseError, "the repository's YAML passes the 120-byte limit for one grade", "the head's new file is the one over the budget: the seed's is charged first");
  t.same(together[1]!.files['a.yaml']!.docs, [{ a: 'x'.repeat(100) }], 'a blob both trees hold is read and charged once');
  const alone = await snapshotTree(r.dir, head);
  t.same(await snapshotTrees(r.dir, [head, head]), [alone, alone], 'the same commit twice');
});

t.test('a tree of countless YAML files reads the first MAX_YAML_FILES and says how many it left out', async (t) => {
  const { MAX_YAML_FILES } = await import('../../../harness/evidence/git-evidence.js');
  const r = await repo(t);
  const n = MAX_YAML_FILES + 7;
  for (let i = 0; i < n; i++) r.write(`many/f${String(i).padStart(5, '0')}.yaml`, `i: ${i}\n`);
  const sha = await r.commit('many files');
  const snap = await snapshotTree(r.dir, sha);
  const paths = Object.keys(snap.files);
  t.equal(paths.length, MAX_YAML_FILES + 1, 'the read files and one overflow entry');
  const overflow = snap.files[`many/f${String(MAX_YAML_FILES).padStart(5, '0')}.yaml`]!;
  t.equal(overflow.parseError, `the tree holds ${n} YAML files, more than the ${MAX_YAML_FILES} gitops-lab reads; 7 (from this one on) were not read`);
  t.same(snap.files['many/f00000.yaml']!.docs, [{ i: 0 }]);
});

t.test('readHistory: the seed and its first parents, newest first, each with the blobs its change left', async (t) => {
  const r = await repo(t);
  const sha40 = 'd'.repeat(40);
  r.write('a.yaml', 'a: 1\n');
  r.write('b.txt', 'b\n');
  const root = await r.commit('root');
  r.write('a.yaml', 'a: 2\n');
  r.write(`${sha40}.yaml`, 'x: 1\n');
  r.write(':colon\nnewline.yaml', 'y: 1\n');
  const c1 = await r.commit('change a\n\nbody');
  await git(r.dir, ['checkout', '-q', '-b', 'side']);
  r.write('side.yaml', 's: 1\n');
  const side = await r.commit('side');
  await git(r.dir, ['checkout', '-q', 'main']);
  await git(r.dir, ['rm', '-q', 'b.txt']);
  const c2 = await r.commit('delete b');
  await git(r.dir, ['merge', '-q', '--no-ff', '-m', 'merge side', 'side']);
  const merge = await gitOut(r.dir, ['rev-parse', 'HEAD']);
  const blob = (rev: string, path: string) => gitOut(r.dir, ['rev-parse', `${rev}:${path}`]);
  const h = await readHistory(r.dir, merge);
  t.same(h.commits.map((c) => c.sha), [merge, c2, c1, root], 'first parents only: the side branch is not on the line');
  t.notOk(h.commits.some((c) => c.sha === side));
  t.same(h.commits.map((c) => c.subject), ['merge side', 'delete b', 'change a', 'root']);
  t.same(h.commits[0]!.files, [{ path: 'side.yaml', blob: await blob(merge, 'side.yaml') }], 'a merge against its first parent');
  t.same(h.commits[1]!.files, [{ path: 'b.txt' }], 'a deleted file has no blob');
  t.same(h.commits[2]!.files, [
    { path: ':colon\nnewline.yaml', blob: await blob(c1, ':colon\nnewline.yaml') },
    { path: 'a.yaml', blob: await blob(c1, 'a.yaml') },
    { path: `${sha40}.yaml`, blob: await blob(c1, `${sha40}.yaml`) },
  ]);
  t.same(h.commits[3]!.files, [
    { path: 'a.yaml', blob: await blob(root, 'a.yaml') },
    { path: 'b.txt', blob: await blob(root, 'b.txt') },
  ], 'the root commit: every file of its tree');
  t.equal(h.complete, true);
  t.same(await readHistory(r.dir, root), { commits: [{ sha: root, subject: 'root', files: h.commits[3]!.files }], complete: true });
});

/** Commits made by git fast-import, for histories too long to make one `git commit` at a time. */
async function fastImport(dir: string, commits: readonly Readonly<Record<string, string>>[]): Promise<string> {
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}`;
  const tip = await git(dir, ['rev-parse', '--verify', '--quiet', 'refs/heads/main'], { allowFailure: true });
  const stream = commits
    .map((files, i) =>
      [
        'commit refs/heads/main',
        `committer x <x@x> ${1_700_000_000 + i} +0000`,
        data(`c${i}`),
        ...(i === 0 && tip.exitCode === 0 ? ['from refs/heads/main^0'] : []),
        ...Object.entries(files).map(([p, c]) => `M 100644 inline ${p}\n${data(c)}`),
      ].join('\n'),
    )
    .join('\n');
  await git(dir, ['fast-import', '--quiet'], { input: stream + '\n' });
  return gitOut(dir, ['rev-parse', 'main']);
}

t.test('readHistory is bounded: MAX_HISTORY_COMMITS commits, MAX_HISTORY_FILES file entries, then incomplete', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-history-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await git(dir, ['init', '-q', '--bare', '-b', 'main']);
  const exact = await fastImport(dir, Array.from({ length: MAX_HISTORY_COMMITS }, (_, i) => ({ 'a.yaml': `i: ${i}\n` })));
  const full = await readHistory(dir, exact);
  t.same([full.commits.length, full.complete], [MAX_HISTORY_COMMITS, true], 'exactly the bound: the root is in it');
  const more = await fastImport(dir, [{ 'a.yaml': 'one more\n' }]);
  const cut = await readHistory(dir, more);
  t.same([cut.commits.length, cut.complete], [MAX_HISTORY_COMMITS, false], 'one more commit: the root is left out');
  t.equal(cut.commits[0]!.sha, more);

  const wide = mkdtempSync(join(tmpdir(), 'gitops-lab-history-wide-'));
  t.teardown(() => rmSync(wide, { recursive: true, force: true }));
  await git(wide, ['init', '-q', '--bare', '-b', 'main']);
  const many = Object.fromEntries(Array.from({ length: MAX_HISTORY_FILES - 1 }, (_, i) => [`f${i}.yaml`, `${i}\n`]));
  const fits = await fastImport(wide, [many, { 'g.yaml': '1\n' }]);
  const h = await readHistory(wide, fits);
  t.same([h.commits.length, h.complete, h.commits.reduce((n, c) => n + c.files.length, 0)], [2, true, MAX_HISTORY_FILES], 'exactly the bound');
  const over = await fastImport(wide, [{ 'h.yaml': '1\n' }]);
  const h2 = await readHistory(wide, over);
  t.same([h2.commits.map((c) => c.sha), h2.complete], [[over, fits], false], 'the commit that passes the bound is left out, with every older one');
});

t.test('splitRawDiffTree: entries start with ":", a path follows its entry, anything else is refused', async (t) => {
  const a = 'a'.repeat(40);
  const b = 'b'.repeat(40);
  const z = '0'.repeat(40);
  const entry = (src: string, dst: string, st: string) => `:100644 100644 ${src} ${dst} ${st}`;
  const out = `${a}\0${entry(z, '1'.repeat(40), 'A')}\0${b}\0${entry('2'.repeat(40), z, 'D')}\0:x\0${b}\0${entry(z, '3'.repeat(40), 'A')}\0${a}\0`;
  t.same([...splitRawDiffTree(out, [a, b]).entries()], [
    [a, [{ path: b, blob: '1'.repeat(40) }, { path: ':x' }]],
    [b, [{ path: a, blob: '3'.repeat(40) }]],
  ]);
  t.same([...splitRawDiffTree(`${a}\0`, [a]).entries()], [[a, []]], 'a commit that changed nothing');
  t.throws(() => splitRawDiffTree(`${entry(z, z, 'M')}\0x\0`, [a]), /unexpected ":100644/, 'an entry before any commit');
  t.throws(() => splitRawDiffTree(`${a}\0M\0x\0`, [a]), /unexpected "M"/);
  t.throws(() => splitRawDiffTree(`${a}\0${entry(z, z, 'M')}`, [a]), /unexpected ":100644/, 'an entry without its path');
  t.throws(() => splitRawDiffTree(`${b}\0`, [a]), /unexpected "b{40}"/, 'a commit out of order');
});
