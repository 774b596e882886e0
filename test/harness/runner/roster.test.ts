/**
 * Roster parsing: the CSV a class starts from, held to strict learner ids (they become file names), every problem
 * named by file, line and field, all of them at once; hostile rows (path walks, flags, terminal escapes, text
 * direction tricks, NUL bytes, unclosed quotes, FIFOs, huge files) are refused before anything starts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../../harness/exec.js';
import { LabError } from '../../../harness/errors.js';
import { MAX_LEARNERS, MAX_ROSTER_BYTES, parseRoster, readRoster, splitCsv } from '../../../harness/runner/roster.js';

const F = 'roster.csv';

/** The LabError parseRoster throws, with its problems (the message when there is one, else the details). */
function problems(text: string): { error: LabError; lines: string[] } {
  try {
    parseRoster(text, F);
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    return { error, lines: error.details.length > 0 ? [...error.details] : [error.message] };
  }
  throw new Error(`parsed without error: ${JSON.stringify(text)}`);
}

t.test('a roster: header in any case, quoted fields, CRLF, a BOM, blank lines; extra columns are ignored with a warning', async (t) => {
  const text = '\ufeffLearner , Name,EMAIL,section\r\nalice,"Liddell, Alice",alice@example.com,A\r\n\r\nbob-2,"Bob ""the builder""",,B\r\ncarol,,,\r\n';
  const roster = parseRoster(text, F);
  t.same(roster.learners, [
    { learner: 'alice', name: 'Liddell, Alice', email: 'alice@example.com', line: 2 },
    { learner: 'bob-2', name: 'Bob "the builder"', line: 4 },
    { learner: 'carol', line: 5 },
  ]);
  t.same(roster.warnings, ['roster.csv:1: ignoring column(s) "section" (a roster reads learner, name, email)']);
  t.same(parseRoster('learner\nx\ny', F).learners.map((l) => l.learner), ['x', 'y'], 'only the learner column, no final newline');
  t.same(parseRoster(`learner\n${'a'.repeat(40)}\n`, F).learners.length, 1, '40 characters is the limit');
  t.same(parseRoster('learner,notes\ndan,"two\nlines"\nerin,\n', F).learners.map((l) => l.line), [2, 4], 'a row after a multi-line quoted field names its own line');
});

t.test('learner ids that could walk a path, pass for a flag or differ only in case are refused, naming file, line and field', async (t) => {
  const bad = ['Alice', '-rf', '../etc', 'a/b', 'a--b', 'a-', '.hidden', 'al ice', 'ålice', 'a_b', 'a'.repeat(41), 'a\\b', '~root'];
  for (const id of bad) {
    const { error, lines } = problems(`learner,name\nok,OK\n"${id}",X\n`);
    t.equal(error.code, 'INVALID_CONFIG', id);
    t.same(lines, [`roster.csv:3: learner: ${JSON.stringify(id)} must be 1 to 40 lowercase letters, digits and single dashes, starting and ending with a letter or digit`], id);
  }
  t.same(problems('learner,name\n,Nobody\n').lines, ['roster.csv:2: learner: empty; every row needs a learner id']);
  t.same(problems('learner\nalice\nbob\nalice\n').lines, ['roster.csv:4: learner: "alice" is already on line 2; each learner once']);
});

t.test('names that would print as something else, and emails that are not addresses, are refused', async (t) => {
  t.same(problems('learner,name\nmal,"\u001b[31mred\u001b[0m"\n').lines, [`roster.csv:2: name: ${JSON.stringify('\u001b[31mred\u001b[0m')} holds control or text-direction characters`]);
  t.match(problems('learner,name\nmal,"evil\u202egnp.exe"\n').lines, [/^roster\.csv:2: name: .* holds control or text-direction characters$/]);
  t.match(problems('learner,name\nmal,"two\rlines"\n').lines, [/^roster\.csv:2: name: /]);
  t.same(problems(`learner,name\nlong,${'n'.repeat(101)}\n`).lines, ['roster.csv:2: name: 101 characters; at most 100']);
  for (const email of ['bob', 'bob@x', 'a b@x.io', '<a@x.io>', 'a@x.io,b@y.io']) {
    t.match(problems(`learner,email\nbob,"${email}"\n`).lines, [/^roster\.csv:2: email: .* is not an email address \(user@host\.domain\)$/], email);
  }
});

t.test('CSV that does not parse is named by line', async (t) => {
  t.same(problems('learner,name\nalice,"Alice\n').lines, ['roster.csv:2: a quoted field is never closed']);
  t.same(problems('learner,name\nali"ce,A\n').lines, ['roster.csv:2: a quote inside an unquoted field (quote the whole field, and double a quote inside it)']);
  t.same(problems('learner,name\n"alice"x,A\n').lines, ['roster.csv:2: text after a closing quote (quote the whole field, and double a quote inside it)']);
  t.same(problems('learner,name\nalice\nbob,B,extra\n').lines, ['roster.csv:2: 1 field(s), the header has 2', 'roster.csv:3: 3 field(s), the header has 2']);
  t.same(problems('learner\nalice\n\0bob\n').lines, ['roster.csv:3: a NUL byte; a roster is a text (CSV) file']);
  t.same(splitCsv('a,"b\nc"\nd', F).records, [{ line: 1, fields: ['a', 'b\nc'] }, { line: 3, fields: ['d'] }]);
});

t.test('a header without learner, with a column twice or unnamed, or no rows at all', async (t) => {
  t.same(problems('').lines, ['roster.csv: no header line; the first line names the columns (learner, and optionally name, email)']);
  t.same(problems('\n\n').lines, ['roster.csv: no header line; the first line names the columns (learner, and optionally name, email)']);
  t.same(problems('id,name\nalice,A\n').lines, ['roster.csv:1: the header has no "learner" column (it has: "id", "name")']);
  t.same(problems('learner\n').lines, ['roster.csv: no learners; the roster has a header line and no rows']);
  t.same(problems('learner,name,Name\nalice,A,B\n').lines, ['roster.csv:1: the column "name" is named twice']);
  t.same(problems('learner,,email\nalice,,\n').lines, ['roster.csv:1: column 2 of the header has no name']);
  const many = `learner\n${Array.from({ length: MAX_LEARNERS + 1 }, (_, i) => `l${i}`).join('\n')}\n`;
  t.same(problems(many).lines, [`roster.csv: ${MAX_LEARNERS + 1} learners; a class takes at most ${MAX_LEARNERS}`]);
});

t.test('every problem at once, in line order, with a hint that nothing was started', async (t) => {
  const { error, lines } = problems('learner,name,email\nBob,B,\nok,O,not-mail\nok,again,\n"open,x,\n');
  t.equal(error.message, 'roster.csv: 4 problems in the roster');
  t.same(lines, [
    'roster.csv:2: learner: "Bob" must be 1 to 40 lowercase letters, digits and single dashes, starting and ending with a letter or digit',
    'roster.csv:3: email: "not-mail" is not an email address (user@host.domain)',
    'roster.csv:4: learner: "ok" is already on line 3; each learner once',
    'roster.csv:5: a quoted field is never closed',
  ]);
  t.match(error.suggestion, /nothing was started/);
});

t.test('readRoster: a missing file, a directory, a FIFO, a huge file and bytes that are not UTF-8', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-roster-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await t.rejects(readRoster(join(dir, 'none.csv')), { code: 'NOT_FOUND', message: `${join(dir, 'none.csv')}: no such roster file` });
  mkdirSync(join(dir, 'folder.csv'));
  await t.rejects(readRoster(join(dir, 'folder.csv')), { code: 'INVALID_CONFIG', message: /folder\.csv: not a regular file/ });
  await run('mkfifo', [join(dir, 'fifo.csv')], { cwd: dir });
  await t.rejects(readRoster(join(dir, 'fifo.csv')), { code: 'INVALID_CONFIG', message: /fifo\.csv: not a regular file/ }, 'a FIFO is refused, not read (it would block)');
  writeFileSync(join(dir, 'big.csv'), `learner\n${'a\n'.repeat(MAX_ROSTER_BYTES / 2 + 1)}`);
  await t.rejects(readRoster(join(dir, 'big.csv')), { code: 'INVALID_CONFIG', message: /big\.csv: \d+ bytes; a roster is at most 1048576/ });
  writeFileSync(join(dir, 'latin1.csv'), Buffer.concat([Buffer.from('learner,name\nzoe,Zo'), Buffer.from([0xeb]), Buffer.from('\n')]));
  await t.rejects(readRoster(join(dir, 'latin1.csv')), { code: 'INVALID_CONFIG', message: /latin1\.csv:2: not UTF-8/ });
  writeFileSync(join(dir, 'ok.csv'), 'learner,name\nzoe,Zoë\n');
  t.same((await readRoster(join(dir, 'ok.csv'))).learners, [{ learner: 'zoe', name: 'Zoë', line: 2 }]);
});
