/** Atomic writes on the real file system: whole content or the old one, never a temporary file left behind. */
import t from 'tap';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicSync, writeJsonAtomic } from '../../harness/atomic.js';

const root = mkdtempSync(join(tmpdir(), 'gitops-lab-atomic-test-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));
const dirOf = (name: string): string => {
  const d = join(root, name);
  mkdirSync(d, { recursive: true });
  return d;
};

/** Text that writeFile takes in chunks and that fails after the first chunk reached the temporary file. */
async function* failsHalfway(): AsyncGenerator<string> {
  yield 'half of the new content';
  throw new Error('disk went away');
}

t.test('a write that fails part-way leaves the old content and no temporary file', async (t) => {
  const dir = dirOf('fails');
  const file = join(dir, 'result.json');
  writeFileSync(file, 'old content\n');
  await t.rejects(writeFileAtomic(file, failsHalfway() as unknown as string), /disk went away/);
  t.equal(readFileSync(file, 'utf8'), 'old content\n');
  t.same(readdirSync(dir), ['result.json']);
});

t.test('a rename that fails (a directory in the way) leaves no temporary file, async and sync', async (t) => {
  const dir = dirOf('rename');
  const target = join(dir, 'state.json');
  mkdirSync(join(target, 'inside'), { recursive: true });
  await t.rejects(writeJsonAtomic(target, { a: 1 }));
  t.throws(() => writeFileAtomicSync(target, '{}\n'));
  t.same(readdirSync(dir), ['state.json']);
  t.same(readdirSync(target), ['inside']);
});

t.test('writeJsonAtomic writes two-space JSON with a newline, creating the directory', async (t) => {
  const file = join(root, 'json', 'deep', 'x.json');
  await writeJsonAtomic(file, { a: [1, 2] });
  t.equal(readFileSync(file, 'utf8'), '{\n  "a": [\n    1,\n    2\n  ]\n}\n');
});

t.test('concurrent writers: the file ends whole (one writer\'s full text), no temporary files remain', async (t) => {
  const dir = dirOf('race');
  const file = join(dir, 'big.txt');
  const texts = Array.from({ length: 16 }, (_, i) => String.fromCharCode(97 + i).repeat(256 * 1024));
  await Promise.all(texts.map((text) => writeFileAtomic(file, text)));
  t.ok(texts.includes(readFileSync(file, 'utf8')), 'the content is one writer\'s text, whole');
  t.same(readdirSync(dir), ['big.txt']);
});

t.test('writeFileAtomicSync sets the mode it is given (owner-only state)', async (t) => {
  const file = join(root, 'mode', 'state.json');
  writeFileAtomicSync(file, '{}\n', { mode: 0o600 });
  t.equal(readFileSync(file, 'utf8'), '{}\n');
  t.equal(statSync(file).mode & 0o777, 0o600);
});
