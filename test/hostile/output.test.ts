/**
 * Hostile bytes in what a learner pushes, shown in every report: a commit subject with ESC sequences, an OSC-8
 * hyperlink, a bare CR and formula starts, and a file name with a newline that imitates a report line. Graded
 * through the built CLI (real git, real kubectl kustomize), then the cohort report over the results folder.
 */
import t from 'tap';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from '../helpers/cli.js';
import { boundaryRank, type Boundary } from '../../harness/model/boundary.js';

const OSC8 = '\x1b]8;;http://127.0.0.1:9/\x07link\x1b]8;;\x07';
const SUBJECT = `=HYPERLINK("http://127.0.0.1:9/")\x1b[2J payment-api to staging ${OSC8}\r@SUM(1)|x\u202egnp.exe`;
/** No slash in a file name: the link's target is a scheme and a host. */
const FILE_OSC8 = '\x1b]8;;ssh:127.0.0.1\x07link\x1b]8;;\x07';
const FILE = `notes/${FILE_OSC8}\nPASS  base-untouched [2]: injected\r.txt`;
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** RFC 4180 records (quoted fields may hold CR, LF, commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += ch;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

/** Table rows of a Markdown text, and the cells of each (split at unescaped pipes). */
const tableRows = (md: string): string[][] =>
  md
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) => l.split(/(?<!\\)\|/).slice(1, -1));

t.test('a hostile subject and file name: escaped in text, one line per Markdown row, guarded in the cohort CSV', async (t) => {
  const cli = scratch(t);
  const ws = join(cli.dir, 'W');
  t.equal((await cli.run(['start', 'promote-staging-image', '--offline', '--workspace', ws])).exitCode, 0);
  const staging = join(ws, 'apps/payment-api/overlays/staging/kustomization.yaml');
  writeFileSync(staging, readFileSync(staging, 'utf8').replace('1.27.5', '1.27.6'));
  mkdirSync(join(ws, 'notes'), { recursive: true });
  writeFileSync(join(ws, FILE), 'hello\n');
  await cli.git(ws, ['add', '-A']);
  t.equal((await cli.git(ws, ['commit', '-q', '--cleanup=verbatim', '-m', SUBJECT])).exitCode, 0);
  await cli.git(ws, ['push', '-q', 'origin', 'main']);
  const out = join(cli.dir, 'out');

  const json = JSON.parse((await cli.run(['grade', '--offline', '--workspace', ws, '--format', 'json'])).stdout);
  const checks: { name: string; boundary: Boundary; status: string }[] = json.checks;
  t.same(checks.filter((c) => c.status === 'fail').map((c) => c.name), ['only-staging-overlay-changed'], 'the stray file is the only failure');
  t.same(json.checks.find((c: { name: string }) => c.name === 'only-staging-overlay-changed').mismatches[0].path, FILE, 'JSON keeps the exact bytes');

  const text = await cli.run(['grade', '--offline', '--workspace', ws, '--out', out]);
  t.equal(text.exitCode, 1, text.stderr);
  t.notOk(RAW.test(text.stdout), 'no raw ESC, BEL, CR, C1 or bidi control in the text report');
  const checkLines = text.stdout.split('\n').filter((l) => /^  (PASS|FAIL|ERROR|SKIP)\s/.test(l));
  // The text report goes boundary by boundary.
  const byBoundary = [...checks].sort((a, b) => boundaryRank(a.boundary) - boundaryRank(b.boundary)).map((c) => c.name);
  t.same(checkLines.map((l) => /^\s*\S+\s+(\S+)/.exec(l)![1]), byBoundary, 'one line per real check, none injected');
  t.match(text.stdout, `        notes/\\x1b]8;;ssh:127.0.0.1\\x07link\\x1b]8;;\\x07\\nPASS  base-untouched [2]: injected\\r.txt: got added, expected unchanged\n`);
  t.match(text.stdout, '=HYPERLINK("http://127.0.0.1:9/")\\x1b[2J payment-api to staging \\x1b]8;;http://127.0.0.1:9/\\x07link\\x1b]8;;\\x07\\r@SUM(1)|x\\u202egnp.exe');

  const md = await cli.run(['grade', '--offline', '--workspace', ws, '--format', 'markdown']);
  t.notOk(RAW.test(md.stdout), 'no raw control in the Markdown report');
  const rows = tableRows(md.stdout);
  t.equal(rows.length, 2 + checks.length, 'header, rule and one row per check');
  t.same(rows.map((r) => r.length), rows.map(() => 5), 'every row has exactly five cells');
  t.match(md.stdout, 'payment-api to staging');

  const bundles = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('report.md'));
  t.equal(bundles.length, 1);
  const reportMd = readFileSync(join(out, bundles[0]!), 'utf8');
  t.notOk(RAW.test(reportMd), 'no raw control in the bundle report.md');
  const session = tableRows(reportMd.slice(reportMd.indexOf('## Session')));
  t.ok(session.length >= 7);
  t.same(session.map((r) => r.length), session.map(() => 2), 'the session table keeps two cells a row');
  t.match(reportMd, '| graded commit | `' + json.headSha.slice(0, 12) + '` =HYPERLINK("http://127.0.0.1:9/")\\x1b\\[2J payment-api to staging \\x1b\\]8;;http://127.0.0.1:9/\\x07link\\x1b\\]8;;\\x07\\r@SUM(1)\\|x\\u202egnp.exe |\n');

  const csv = await cli.run(['report', out, '--format', 'csv']);
  t.equal(csv.exitCode, 0, csv.stderr);
  const [header, ...records] = parseCsv(csv.stdout);
  t.equal(records.length, 1, 'one learner, one scenario: the CR inside the subject ends no record');
  const row = Object.fromEntries(header!.map((h, i) => [h, records[0]![i]]));
  t.equal(row['head_subject'], `'${SUBJECT.replace('\r@', "\r'@")}`, 'the formula start is guarded, and so is the line after the CR');
  t.equal(row['first_failing_check'], 'only-staging-overlay-changed');
  for (const cell of records[0]!) t.notMatch(cell, /^[=+\-@\t\r]/, `cell ${JSON.stringify(cell.slice(0, 20))} is not a formula`);

  const cohortMd = await cli.run(['report', out, '--format', 'markdown']);
  t.equal(cohortMd.exitCode, 0, cohortMd.stderr);
  t.notOk(RAW.test(cohortMd.stdout), 'no raw control in the cohort Markdown');
  const learnerRows = tableRows(cohortMd.stdout.slice(cohortMd.stdout.indexOf('## Learners')));
  t.same(learnerRows.map((r) => r.length), [9, 9, 9], 'header, rule, one learner row of nine cells');
});
