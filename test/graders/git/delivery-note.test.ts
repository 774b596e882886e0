/**
 * git.delivery-note on the recorded plays of rollback-bad-promotion, base-leak and stale-branch (each
 * solution commits a note naming its fix and the revision before the incident), and around them: a note that is
 * missing, unreadable (parsed by the real bounded parser from hostile texts), of the wrong shape, or whose fields
 * disagree with the evidence.
 */
import t from 'tap';
import { contentAt, cut, deliveryNote, freeText, kindOf, MAX_CAUSE_CHARS, MAX_EVIDENCE_CHARS, MAX_EVIDENCE_ITEMS, notePath } from '../../../graders/git/delivery-note.js';
import { GRADERS } from '../../../graders/index.js';
import { parseYamlFile } from '../../../harness/evidence/git-evidence.js';
import type { CommitInfo, Evidence, ParsedFile } from '../../../harness/model/evidence.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const STAGING = 'apps/payment-api/overlays/staging';
const KUST = `${STAGING}/kustomization.yaml`;
const PROBE = `${STAGING}/readiness.yaml`;
const NOTE = notePath('rollback-bad-promotion');
const params = deliveryNote.params.parse({ boundary: 'render', paths: [KUST, PROBE], restored: true, fixIn: [`${STAGING}/**`] });
const loose = deliveryNote.params.parse({ boundary: 'render', paths: [KUST, PROBE] });

const solved = fixture('rollback-bad-promotion', 'argocd', 'solution');
const [revert, noteCommit] = solved.git.commits as [CommitInfo, CommitInfo];
const history = solved.git.history!;
/** Newest first: the promotion (the seed), dev's 1.27.7 (known good), prod, staging, dev, the base. */
const [promotion, devBump, prodEnv, stagingEnv, devEnv, base] = history.commits;
const recordedNote = solved.git.head.files[NOTE]!.docs![0] as Record<string, unknown>;
const s7 = (c: { sha: string }): string => c.sha.slice(0, 7);

/** The solution with the note's fields changed (undefined removes one). */
function withNote(change: Record<string, unknown>, from: Evidence = solved): Evidence {
  return variant(from, (e) => {
    const note: Record<string, unknown> = { ...recordedNote, ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete note[k];
    e.git.head.files[NOTE] = { blob: 'b'.repeat(40), docs: [note] };
  });
}
/** The solution with the note file as the bounded parser reads `text`. */
const withText = (text: string): Evidence => variant(solved, (e) => void (e.git.head.files[NOTE] = parseYamlFile('c'.repeat(40), text)));
const withFile = (file: ParsedFile): Evidence => variant(solved, (e) => void (e.git.head.files[NOTE] = file));
const grade = (e: Evidence, p = params) => deliveryNote.grade(e, p, ctx);

t.test('the recorded notes pass: every solution and alternative of the three scenarios, on both controllers', async (t) => {
  const r = grade(solved);
  t.equal(r.status, 'pass');
  t.equal(r.message, `${NOTE} names the render boundary, fix ${s7(revert)} "Revert "payment-api: promote 1.27.9 to staging"" and rollback revision ${s7(devBump!)} "payment-api: promote 1.27.7 to dev".`);
  t.equal(r.actual, `boundary render, fix ${s7(revert)}, rollback ${s7(devBump!)}`);
  t.equal(r.expected, `${NOTE}: boundary render, cause, evidence, fixCommit (a commit after hand-over) and rollbackRevision (a known-good commit before it)`);
  t.equal(r.why, undefined);
  t.equal(
    r.diff,
    [
      'cause: "The promotion moved staging to 1.27.9 and its readiness probe to port 9090, which no container declares, so the new Pods never became ready and the rollout stalled."',
      'evidence 1: "kubectl kustomize apps/payment-api/overlays/staging rendered nginx:1.27.9 with a readinessProbe on port 9090; the container declares only 8080"',
      'evidence 2: "the staging rollout was stuck, its 1.27.9 Pods not ready while the 1.27.5 Pods still served"',
      'evidence 3: "after the revert staging renders nginx:1.27.5 with the base\'s probe, and the controller reports the revert applied"',
    ].join('\n'),
  );
  t.same(recordedNote['fixCommit'], revert.sha, 'the solution step filled {{git.HEAD}} with the revert');
  t.same(recordedNote['rollbackRevision'], devBump!.sha, 'and {{git.HEAD~2}} with the commit before the promotion');
  t.same(noteCommit.files, [{ status: 'added', path: NOTE }]);
  const plays: [string, string, Record<string, unknown>][] = [
    ['rollback-bad-promotion', 'alternative-revert-no-edit', params],
  ];
  const leak = { boundary: 'git', paths: ['apps/payment-api/base/deployment.yaml'], fixIn: ['apps/payment-api/base/**', `${STAGING}/**`] };
  for (const phase of ['solution', 'alternative-pin-in-base-kustomization', 'alternative-revert-then-bump-staging', 'alternative-overlay-patch']) plays.push(['base-leak', phase, leak]);
  const registrations = ['platform/clusters/staging/argocd/payment-api.yaml', 'platform/clusters/staging/flux/payment-api.yaml'];
  for (const phase of ['solution', 'alternative-full-ref-names', 'alternative-revert-freeze-commit']) {
    plays.push(['stale-branch', phase, { boundary: 'git', paths: registrations, fixIn: ['platform/clusters/staging/**'] }]);
  }
  for (const controller of ['argocd', 'flux'] as const) {
    for (const [id, phase, p] of [...plays, ['rollback-bad-promotion', 'solution', params] as const]) {
      const e = fixture(id, controller, phase);
      t.equal(deliveryNote.grade(e, deliveryNote.params.parse(p), { controller }).status, 'pass', `${id} ${controller} ${phase}`);
    }
  }
  t.equal(grade(fixture('stale-branch', 'argocd', 'alternative-target-head'), deliveryNote.params.parse({ boundary: 'git', paths: registrations })).status, 'pass');
});

t.test('no note: the seed, every wrong solution, and a note under another name', async (t) => {
  for (const phase of ['faults', 'wrong-kubectl-rollout-undo', 'wrong-roll-forward-untested-tag', 'wrong-revert-wrong-commit']) {
    const r = grade(fixture('rollback-bad-promotion', 'argocd', phase));
    t.same([r.status, r.message, r.actual, r.diff], ['fail', `There is no delivery note ${NOTE} on main.`, 'no such file', undefined], phase);
    t.match(r.why, 'which known-good revision to roll back to');
  }
  const yml = variant(solved, (e) => {
    e.git.head.files['delivery-notes/rollback-bad-promotion.yml'] = e.git.head.files[NOTE]!;
    delete e.git.head.files[NOTE];
  });
  t.equal(grade(yml).message, `There is no delivery note ${NOTE} on main (there is a delivery-notes/rollback-bad-promotion.yml; the note must be named ${NOTE}).`);
  t.equal(grade(fixture('stale-branch', 'flux', 'faults'), deliveryNote.params.parse({ boundary: 'git', paths: [KUST] })).message, 'There is no delivery note delivery-notes/stale-branch.yaml on main.', 'the scenario names the file');
});

t.test('hostile files: the bounded parser\'s refusals become a failure naming the file, never a throw', async (t) => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  const cases: [string, RegExp][] = [
    [laughs.join('\n'), /more than 64 aliases/],
    ['a: &x [1, *x]\n', /a cycle/],
    ['boundary: [render\ncause: "x\n', /./],
    ['['.repeat(100_000) + ']'.repeat(100_000), /nested deeper than 64 levels/],
    ['k: v\n'.repeat(300_000), /larger than the 1048576-byte limit/],
  ];
  for (const [text, error] of cases) {
    const file = parseYamlFile('c'.repeat(40), text);
    t.ok(file.parseError, 'the parser refuses it');
    const r = grade(withText(text));
    t.equal(r.status, 'fail');
    t.equal(r.message, `${NOTE} cannot be read as YAML: ${file.parseError}`);
    t.match(r.message, error);
    t.same([r.actual, r.diff], ['unreadable', undefined]);
  }
  // Bytes that are not UTF-8 arrive as U+FFFD (the evidence reads blobs as UTF-8): data like any other.
  const bytes = Buffer.from([0x62, 0x6f, 0x75, 0x6e, 0x64, 0x61, 0x72, 0x79, 0x3a, 0x20, 0xff, 0xfe, 0x0a]).toString('utf8');
  const r = grade(withText(bytes));
  t.same([r.status, r.mismatches![0]], ['fail', { path: `${NOTE} boundary`, got: '"\ufffd\ufffd"', expected: 'render' }]);
});

t.test('the wrong shape: no document, several, or a document that is not a mapping', async (t) => {
  const empty = grade(withText(''));
  t.same([empty.status, empty.message, empty.actual], ['fail', `${NOTE} holds 0 YAML documents; a delivery note is one mapping.`, '0 documents']);
  t.equal(grade(withFile({ blob: 'x' })).message, `${NOTE} holds 0 YAML documents; a delivery note is one mapping.`, 'no docs at all');
  t.equal(grade(withText('boundary: render\n---\nboundary: git\n')).message, `${NOTE} holds 2 YAML documents; a delivery note is one mapping.`);
  const shapes: [string, string][] = [['- boundary: render\n', 'a list'], ['render\n', 'text'], ['42\n', 'a number'], ['true\n', 'true or false']];
  for (const [text, kind] of shapes) {
    const r = grade(withText(text));
    t.same([r.status, r.message, r.actual], ['fail', `${NOTE} is ${kind}, not a mapping of the note's fields.`, kind], text);
  }
  t.equal(grade(withText('~\n')).message, `${NOTE} holds 0 YAML documents; a delivery note is one mapping.`, 'the parser drops a null document');
  t.equal(grade(withFile({ blob: 'x', docs: [null] })).message, `${NOTE} is null, not a mapping of the note's fields.`);
});

t.test('boundary: the one the scenario names, in any case and spacing; anything else fails naming the field', async (t) => {
  t.equal(grade(withNote({ boundary: '  Render ' })).status, 'pass');
  const cases: [unknown, string, string][] = [
    [undefined, 'missing', 'boundary is missing'],
    [3, 'a number', "boundary is a number, not a boundary's name"],
    [['render'], 'a list', "boundary is a list, not a boundary's name"],
    ['the render step', '"the render step"', 'boundary is not one of git, render, sync, live, health, rollout'],
    ['health', 'health', 'boundary health is not where the incident first failed at hand-over'],
    ['GIT', 'git', 'boundary git is not where the incident first failed at hand-over'],
  ];
  for (const [value, got, sentence] of cases) {
    const r = grade(withNote({ boundary: value }));
    t.equal(r.status, 'fail', String(value));
    t.equal(r.message, `${NOTE}: ${sentence}.`);
    t.same(r.mismatches, [{ path: `${NOTE} boundary`, got, expected: 'render' }]);
    t.equal(r.actual, `boundary: ${got}`);
    t.match(r.why, 'which boundary failed first');
    t.equal(r.diff, grade(solved).diff, 'the free text is shown whatever fails');
  }
  t.equal(grade(withNote({ boundary: 'x'.repeat(100) })).mismatches![0]!.got, JSON.stringify(`${'x'.repeat(40)}…`), 'a long value is cut');
});

t.test('cause and evidence: free text, unscored, but present and of the right shape', async (t) => {
  const cases: [Record<string, unknown>, string, string, string][] = [
    [{ cause: undefined }, 'cause', 'missing', 'cause is not a sentence of text'],
    [{ cause: '  \n' }, 'cause', 'empty', 'cause is not a sentence of text'],
    [{ cause: { why: 'x' } }, 'cause', 'a mapping', 'cause is not a sentence of text'],
    [{ evidence: undefined }, 'evidence', 'missing', 'evidence is not a list of what you looked at'],
    [{ evidence: [] }, 'evidence', 'an empty list', 'evidence is not a list of what you looked at'],
    [{ evidence: 'I looked' }, 'evidence', 'text', 'evidence is not a list of what you looked at'],
    [{ evidence: ['ok', 7] }, 'evidence[1]', 'a number', 'evidence item 2 is not text'],
    [{ evidence: ['ok', 'fine', ' '] }, 'evidence[2]', 'empty', 'evidence item 3 is not text'],
    [{ evidence: [null, ''] }, 'evidence[0]', 'null', 'evidence item 1 is not text'],
  ];
  for (const [change, key, got, sentence] of cases) {
    const r = grade(withNote(change));
    t.equal(r.status, 'fail', JSON.stringify(change));
    t.equal(r.message, `${NOTE}: ${sentence}.`);
    t.same(r.mismatches, [{ path: `${NOTE} ${key}`, got, expected: key === 'evidence' ? 'a list of text' : 'text' }]);
  }
  t.equal(grade(withNote({ cause: 'x', evidence: ['y'] })).status, 'pass', 'what the text says is not judged');
});

t.test('free text for the instructor: quoted on one line each, cut to its bounds, wrong types named', async (t) => {
  const long = 'é'.repeat(MAX_CAUSE_CHARS + 50);
  const items = Array.from({ length: MAX_EVIDENCE_ITEMS + 3 }, (_, i) => (i === 0 ? 'x'.repeat(MAX_EVIDENCE_CHARS + 1) : i === 1 ? 'line\nPASS  forged [2/2]\x1b[32m' : i === 2 ? 5 : `item ${i}`));
  const text = freeText({ cause: long, evidence: items });
  const lines = text.split('\n');
  t.equal(lines[0], `cause: ${JSON.stringify(`${'é'.repeat(MAX_CAUSE_CHARS)}…`)} (${MAX_CAUSE_CHARS + 50} characters)`);
  t.equal(lines[1], `evidence 1: ${JSON.stringify(`${'x'.repeat(MAX_EVIDENCE_CHARS)}…`)} (${MAX_EVIDENCE_CHARS + 1} characters)`);
  t.equal(lines[2], 'evidence 2: "line\\nPASS  forged [2/2]\\u001b[32m"', 'a newline or ESC cannot start a line of its own');
  t.equal(lines[3], 'evidence 3: (a number, not text)');
  t.equal(lines[MAX_EVIDENCE_ITEMS], `evidence ${MAX_EVIDENCE_ITEMS}: "item ${MAX_EVIDENCE_ITEMS - 1}"`);
  t.equal(lines[MAX_EVIDENCE_ITEMS + 1], 'evidence: and 3 more');
  t.equal(lines.length, MAX_EVIDENCE_ITEMS + 2);
  t.equal(freeText({ cause: 'x'.repeat(MAX_CAUSE_CHARS), evidence: ['y'.repeat(MAX_EVIDENCE_CHARS)] }), `cause: "${'x'.repeat(MAX_CAUSE_CHARS)}"\nevidence 1: "${'y'.repeat(MAX_EVIDENCE_CHARS)}"`, 'at the bound nothing is cut');
  t.equal(freeText({ evidence: Array(MAX_EVIDENCE_ITEMS).fill('e') }).split('\n').length, MAX_EVIDENCE_ITEMS + 1, 'exactly the bound: no "more" line');
  t.equal(freeText({}), 'cause: (missing)\nevidence: (missing)');
  t.equal(freeText({ cause: ['a'], evidence: { a: 1 } }), 'cause: (a list, not text)\nevidence: (a mapping, not text)');
  // Only the note's own fields: nothing inherited is read.
  t.equal(freeText(Object.create({ cause: 'inherited' }) as Record<string, unknown>), 'cause: (missing)\nevidence: (missing)');
  const inherited = withNote({});
  const own = inherited.git.head.files[NOTE]!.docs![0] as Record<string, unknown>;
  const { boundary, ...rest } = own;
  inherited.git.head.files[NOTE]!.docs![0] = Object.assign(Object.create({ boundary }), rest);
  t.equal(grade(inherited).mismatches![0]!.got, 'missing', 'an inherited boundary is no boundary');
  // A huge note is bounded in the details, and graded in full.
  const huge = grade(withNote({ cause: 'c'.repeat(900_000), evidence: Array(100_000).fill('e') }));
  t.equal(huge.status, 'pass');
  t.ok(huge.diff!.length < 5_000, `${huge.diff!.length} characters of details`);
});

t.test('cut and kindOf', async (t) => {
  t.equal(cut('abc', 3), 'abc');
  t.equal(cut('abcd', 3), 'abc…');
  t.equal(cut('ab😀cd', 3), 'ab…', 'a surrogate pair is never split');
  t.equal(cut('ab😀cd', 4), 'ab😀…');
  t.equal(cut('a\ud800', 2), 'a\ud800', 'short enough: as it is');
  t.same([kindOf(null), kindOf([]), kindOf({}), kindOf(''), kindOf(1), kindOf(false), kindOf(undefined), kindOf(1n)], ['null', 'a list', 'a mapping', 'text', 'a number', 'true or false', 'undefined', 'bigint']);
});

t.test('fixCommit: a commit of the learner\'s after hand-over, by id or prefix, that changes more than the note', async (t) => {
  for (const id of [revert.sha, revert.sha.slice(0, 7), revert.sha.slice(0, 12).toUpperCase(), ` ${revert.sha.slice(0, 9)}\n`]) {
    t.equal(grade(withNote({ fixCommit: id })).status, 'pass', JSON.stringify(id));
  }
  const cases: [unknown, string, string, string][] = [
    [undefined, 'missing', 'a commit id', 'fixCommit is missing'],
    [1234567, 'a number', 'a commit id in quotes', 'fixCommit is a number: put the commit id in quotes'],
    [{ sha: revert.sha }, 'a mapping', 'a commit id', 'fixCommit is a mapping, not a commit id'],
    [revert.sha.slice(0, 6), JSON.stringify(revert.sha.slice(0, 6)), 'a commit id (at least 7 hex digits)', 'fixCommit is not a commit id (at least 7 hex digits)'],
    ['HEAD~1', '"HEAD~1"', 'a commit id (at least 7 hex digits)', 'fixCommit is not a commit id (at least 7 hex digits)'],
    [`${revert.sha}${revert.sha.slice(0, 25)}`, JSON.stringify(`${revert.sha}${revert.sha.slice(0, 25)}`), 'a commit id (at least 7 hex digits)', 'fixCommit is not a commit id (at least 7 hex digits)'],
    [`${revert.sha}`.repeat(3), JSON.stringify(`${revert.sha.repeat(2)}`.slice(0, 80) + '…'), 'a commit id (at least 7 hex digits)', 'fixCommit is not a commit id (at least 7 hex digits)'],
    [promotion!.sha.slice(0, 10), `${s7(promotion!)} "payment-api: promote 1.27.9 to staging", from before hand-over`, 'a commit of yours after hand-over', `fixCommit names ${s7(promotion!)} "payment-api: promote 1.27.9 to staging", a commit from before hand-over, not your fix`],
    ['abcdef0123', 'abcdef0123, no such commit', 'a commit on main after hand-over', 'fixCommit abcdef0123 names no commit on main after hand-over'],
    [noteCommit.sha, `${s7(noteCommit)} "payment-api: delivery note for the staging rollback", which changes nothing under ${STAGING}/**`, 'the commit that fixed the incident', `fixCommit names ${s7(noteCommit)} "payment-api: delivery note for the staging rollback", which changes nothing under ${STAGING}/**`],
  ];
  for (const [value, got, expected, sentence] of cases) {
    const r = grade(withNote({ fixCommit: value }));
    t.equal(r.status, 'fail', String(value));
    t.equal(r.message, `${NOTE}: ${sentence}.`);
    t.same(r.mismatches, [{ path: `${NOTE} fixCommit`, got, expected }]);
  }
  // Without fixIn, the note's own commit is still no fix; any other file is.
  const onlyNote = grade(withNote({ fixCommit: noteCommit.sha }), loose);
  t.equal(onlyNote.message, `${NOTE}: fixCommit names ${s7(noteCommit)} "payment-api: delivery note for the staging rollback", which changes no file but the note.`);
  const withReadme = variant(withNote({ fixCommit: noteCommit.sha }), (e) => void e.git.commits[1]!.files.push({ status: 'modified', path: 'README.md' }));
  t.equal(grade(withReadme, loose).status, 'pass', 'without fixIn any file but the note makes a fix');
  t.equal(grade(withReadme).status, 'fail', 'with fixIn, README.md is outside it');
  const two = deliveryNote.params.parse({ ...params, fixIn: ['apps/payment-api/base/**', `${STAGING}/**`] });
  t.equal(grade(withNote({ fixCommit: noteCommit.sha }), two).message, `${NOTE}: fixCommit names ${s7(noteCommit)} "payment-api: delivery note for the staging rollback", which changes nothing under apps/payment-api/base/**, ${STAGING}/**.`);
  t.equal(deliveryNote.describe(two), `the delivery note names the render boundary, a fix commit after hand-over (changing apps/payment-api/base/**, ${STAGING}/**) and a rollback revision holding the known-good ${KUST}, ${PROBE}, as the head does again`);
  const empty = variant(withNote({}), (e) => void (e.git.commits[0]!.files = []));
  t.match(grade(empty, loose).message, 'which changes no file but the note');
  // A rename counts both its ends: out of the fix paths into elsewhere, or from elsewhere into them.
  for (const [path, oldPath] of [['x.yaml', PROBE], [PROBE, 'x.yaml']] as const) {
    const renamed = variant(withNote({}), (e) => void (e.git.commits[0]!.files = [{ status: 'renamed', path, oldPath }]));
    t.equal(grade(renamed).status, 'pass', `${oldPath} -> ${path}`);
  }
  const renamedNote = variant(withNote({ fixCommit: noteCommit.sha }), (e) => void (e.git.commits[1]!.files = [{ status: 'renamed', path: NOTE, oldPath: 'notes.yaml' }]));
  t.equal(grade(renamedNote, loose).status, 'pass', 'renaming another file into the note changes that file too');
  const noteRenamedAway = variant(withNote({ fixCommit: noteCommit.sha }), (e) => void (e.git.commits[1]!.files = [{ status: 'renamed', path: NOTE, oldPath: NOTE }]));
  t.equal(grade(noteRenamedAway, loose).status, 'fail', 'the note alone, under either name');
});

t.test('an id that starts more than one commit is ambiguous; one more digit settles it', async (t) => {
  const twin = `${revert.sha.slice(0, 8)}${revert.sha[8] === 'f' ? 'e' : 'f'}${'0'.repeat(31)}`;
  const e = variant(withNote({ fixCommit: revert.sha.slice(0, 8) }), (x) => void x.git.commits.push({ ...revert, sha: twin }));
  const r = grade(e);
  t.equal(r.message, `${NOTE}: fixCommit ${revert.sha.slice(0, 8)} is ambiguous: write more of the id.`);
  t.same(r.mismatches, [{ path: `${NOTE} fixCommit`, got: `${revert.sha.slice(0, 8)}, which 2 commits start with`, expected: 'one commit' }]);
  t.equal(grade(variant(e, (x) => void ((x.git.head.files[NOTE]!.docs![0] as Record<string, unknown>)['fixCommit'] = revert.sha.slice(0, 9)))).status, 'pass');
  // Ambiguity spans the commits before hand-over too.
  const across = variant(withNote({ rollbackRevision: devBump!.sha.slice(0, 7) }), (x) => void x.git.commits.push({ ...revert, sha: `${devBump!.sha.slice(0, 7)}${'1'.repeat(33)}` }));
  t.equal(grade(across).message, `${NOTE}: rollbackRevision ${devBump!.sha.slice(0, 7)} is ambiguous: write more of the id.`);
});

t.test('rollbackRevision: a commit at or before hand-over that holds the known-good content of the named paths', async (t) => {
  t.equal(grade(withNote({ rollbackRevision: stagingEnv!.sha.slice(0, 7) })).status, 'pass', 'any commit holding the known-good overlay (here: where staging began)');
  t.equal(grade(withNote({ rollbackRevision: prodEnv!.sha })).status, 'pass');
  const cases: [string, string, string, string][] = [
    [
      promotion!.sha,
      `${s7(promotion!)} "payment-api: promote 1.27.9 to staging", at or after ${s7(promotion!)} "payment-api: promote 1.27.9 to staging"`,
      `a commit before ${s7(promotion!)}`,
      `rollbackRevision ${s7(promotion!)} "payment-api: promote 1.27.9 to staging" holds the broken state: ${s7(promotion!)} "payment-api: promote 1.27.9 to staging" changed ${KUST}, ${PROBE} at or before it`,
    ],
    [
      devEnv!.sha,
      `${s7(devEnv!)} "payment-api: add dev environment", whose ${KUST} differs from ${s7(devBump!)}'s`,
      `a commit holding ${s7(devBump!)}'s ${KUST}, ${PROBE}`,
      `rollbackRevision ${s7(devEnv!)} "payment-api: add dev environment" does not hold the known-good ${KUST}`,
    ],
    [
      revert.sha.slice(0, 10),
      `${s7(revert)} "Revert "payment-api: promote 1.27.9 to staging"", after hand-over`,
      'a known-good commit from before hand-over',
      `rollbackRevision names ${s7(revert)} "Revert "payment-api: promote 1.27.9 to staging"", a commit made after hand-over`,
    ],
    ['0123456789', '0123456789, no such commit', 'a commit of main at or before hand-over', 'rollbackRevision 0123456789 names no commit of main at or before hand-over'],
    ['1.27.5', '"1.27.5"', 'a commit id (at least 7 hex digits)', 'rollbackRevision is not a commit id (at least 7 hex digits)'],
  ];
  for (const [value, got, expected, sentence] of cases) {
    const r = grade(withNote({ rollbackRevision: value }));
    t.equal(r.status, 'fail', value);
    t.equal(r.message, `${NOTE}: ${sentence}.`);
    t.same(r.mismatches, [{ path: `${NOTE} rollbackRevision`, got, expected }]);
  }
  t.equal(grade(withNote({ rollbackRevision: undefined })).message, `${NOTE}: rollbackRevision is missing.`);
  // Both named paths differ at the base commit (neither file exists there): both are named.
  const both = grade(withNote({ rollbackRevision: base!.sha }), deliveryNote.params.parse({ boundary: 'render', paths: [KUST, `${STAGING}/namespace.yaml`] }));
  t.equal(both.mismatches![0]!.got, `${s7(base!)} "Add payment-api base manifests", whose ${KUST}, ${STAGING}/namespace.yaml differ from ${s7(devBump!)}'s`);
  t.equal(both.message, `${NOTE}: rollbackRevision ${s7(base!)} "Add payment-api base manifests" does not hold the known-good ${KUST}, ${STAGING}/namespace.yaml.`);
});

t.test('restored: the head holds what the rollback revision holds; a roll forward with a good note does not', async (t) => {
  const fwd = fixture('rollback-bad-promotion', 'argocd', 'wrong-roll-forward-untested-tag');
  const noted = variant(fwd, (e) => {
    e.git.head.files[NOTE] = { blob: 'b'.repeat(40), docs: [{ ...recordedNote, fixCommit: e.git.commits[0]!.sha }] };
  });
  const r = grade(noted);
  t.equal(r.status, 'fail');
  t.equal(r.message, `${NOTE}: main does not hold what rollbackRevision ${s7(devBump!)} "payment-api: promote 1.27.7 to dev" holds in ${KUST}, ${PROBE}: the fix did not restore it.`);
  t.same(r.mismatches, [{ path: `${NOTE} rollbackRevision`, got: `main's ${KUST}, ${PROBE} differ from ${s7(devBump!)}'s`, expected: `main holding ${s7(devBump!)}'s ${KUST}, ${PROBE}` }]);
  t.equal(grade(noted, loose).status, 'pass', 'without restored the revision is judged on its own');
  // One path restored, one not: only that one is named; a file the head lacks is absent there too.
  const half = variant(solved, (e) => void (e.git.head.files[PROBE] = { blob: 'd'.repeat(40) }));
  t.same(grade(half).mismatches, [{ path: `${NOTE} rollbackRevision`, got: `main's ${PROBE} differs from ${s7(devBump!)}'s`, expected: `main holding ${s7(devBump!)}'s ${KUST}, ${PROBE}` }]);
  t.notOk(solved.git.head.files[PROBE], 'the revert deleted the probe patch, which the known-good revision never had');
});

t.test('what cannot be judged is an error, not a learner failure; a learner failure still wins', async (t) => {
  const old = variant(solved, (e) => void delete e.git.history);
  const r = grade(old);
  t.equal(r.status, 'error');
  t.equal(r.message, `${NOTE}: the rollback revision cannot be judged: the evidence holds no history before hand-over (it was recorded by an older gitops-lab).`);
  t.equal(r.diff, grade(solved).diff);
  t.equal(grade(variant(old, (e) => void ((e.git.head.files[NOTE]!.docs![0] as Record<string, unknown>)['boundary'] = 'git'))).status, 'fail');
  t.equal(grade(variant(old, (e) => void ((e.git.head.files[NOTE]!.docs![0] as Record<string, unknown>)['rollbackRevision'] = revert.sha))).status, 'fail', 'a commit after hand-over is known without the history');
  t.equal(grade(withNote({ fixCommit: promotion!.sha }, old)).message, `${NOTE}: fixCommit ${promotion!.sha} names no commit on main after hand-over.`, 'without the history, a commit from before it is just not one of the learner\'s');
  // Paths no commit before hand-over changed: the check's parameters, not the learner.
  const never = grade(solved, deliveryNote.params.parse({ boundary: 'render', paths: ['nothing/here.yaml', 'nor/there.yml'] }));
  t.equal(never.status, 'error');
  t.equal(never.message, `${NOTE}: the rollback revision cannot be judged: no commit at or before hand-over changed nothing/here.yaml, nor/there.yml (the check's paths, or a history cut short).`);
  // A history cut short still judges what it holds.
  const short = variant(solved, (e) => void (e.git.history = { commits: e.git.history!.commits.slice(0, 3), complete: false }));
  t.equal(grade(short, loose).status, 'pass', 'known good and rollback revision both older than the history: the same content');
  const older = grade(short);
  t.equal(older.status, 'error', 'but whether the head holds it again is not known');
  t.equal(older.message, `${NOTE}: the rollback revision cannot be judged: ${KUST}, ${PROBE} at ${s7(devBump!)} is older than the recorded history.`);
  const oneOlder = grade(withNote({ rollbackRevision: prodEnv!.sha }, variant(short, (e) => void e.git.history!.commits[1]!.files.push({ path: KUST, blob: 'e'.repeat(40) }))), loose);
  t.equal(oneOlder.status, 'error', 'known good recorded, the rollback revision older than the history');
  t.equal(oneOlder.message, `${NOTE}: the rollback revision cannot be judged: ${KUST} at ${s7(prodEnv!)} is older than the recorded history.`);
  const one = variant(short, (e) => void (e.git.history!.commits = e.git.history!.commits.slice(0, 1)));
  t.equal(grade(one).message, `${NOTE}: the rollback revision cannot be judged: ${devBump!.sha} is none of the 1 latest commits before hand-over, and older ones were not recorded.`);
  t.equal(grade(withNote({ rollbackRevision: promotion!.sha }, one)).status, 'fail', 'what the history holds is judged');
  t.equal(grade(variant(one, (e) => void (e.git.history!.complete = true))).status, 'fail', 'a complete history that lacks it: no such commit');
});

t.test('several problems: the first in the message, every one in the mismatches', async (t) => {
  const r = grade(withNote({ boundary: 'sync', cause: undefined, fixCommit: 'zzz', rollbackRevision: promotion!.sha }));
  t.equal(r.status, 'fail');
  t.equal(r.message, `${NOTE}: boundary sync is not where the incident first failed at hand-over (and 3 more).`);
  t.same(r.mismatches!.map((m) => m.path), ['boundary', 'cause', 'fixCommit', 'rollbackRevision'].map((k) => `${NOTE} ${k}`));
  t.equal(r.actual, `boundary: sync; cause: missing; fixCommit: "zzz"; rollbackRevision: ${s7(promotion!)} "payment-api: promote 1.27.9 to staging", at or after ${s7(promotion!)} "payment-api: promote 1.27.9 to staging"`);
  t.equal(grade(withNote({ boundary: 'sync', cause: undefined })).message, `${NOTE}: boundary sync is not where the incident first failed at hand-over (and 1 more).`);
});

t.test('long commit subjects are cut in what the grade says', async (t) => {
  const e = variant(solved, (x) => void (x.git.commits[0]!.subject = `Revert ${'x'.repeat(200)}`));
  const r = grade(e);
  t.equal(r.message, `${NOTE} names the render boundary, fix ${s7(revert)} "${`Revert ${'x'.repeat(200)}`.slice(0, 72)}…" and rollback revision ${s7(devBump!)} "payment-api: promote 1.27.7 to dev".`);
});

t.test('contentAt: a path\'s blob at a commit of the history, absent, or older than the history', async (t) => {
  t.equal(contentAt(history, 0, KUST), history.commits[0]!.files.find((f) => f.path === KUST)!.blob);
  t.equal(contentAt(history, 1, KUST), stagingEnv!.files.find((f) => f.path === KUST)!.blob, 'the last change at or before the commit');
  t.equal(contentAt(history, 4, KUST), 'absent', 'before staging existed, in a complete history');
  t.equal(contentAt({ ...history, complete: false }, 4, KUST), 'unrecorded');
  t.equal(contentAt({ commits: [{ sha: 'a', subject: 's', files: [{ path: KUST }] }], complete: false }, 0, KUST), 'absent', 'deleted');
});

t.test('the grader: registered, described, parameters validated', async (t) => {
  t.equal(GRADERS.get('git.delivery-note'), deliveryNote);
  t.same([deliveryNote.name, deliveryNote.boundary], ['git.delivery-note', 'git']);
  t.match(deliveryNote.summary, 'delivery-notes/<scenario>.yaml');
  t.equal(deliveryNote.describe(params), `the delivery note names the render boundary, a fix commit after hand-over (changing ${STAGING}/**) and a rollback revision holding the known-good ${KUST}, ${PROBE}, as the head does again`);
  t.equal(deliveryNote.describe(loose), `the delivery note names the render boundary, a fix commit after hand-over and a rollback revision holding the known-good ${KUST}, ${PROBE}`);
  for (const bad of [
    {},
    { boundary: 'render' },
    { boundary: 'deploy', paths: [KUST] },
    { boundary: 'render', paths: [] },
    { boundary: 'render', paths: [''] },
    { boundary: 'render', paths: ['apps/payment-api/overlays/staging'] },
    { boundary: 'render', paths: ['README.md'] },
    { boundary: 'render', paths: ['a.yaml.orig'] },
    { boundary: 'render', paths: ['x/Kustomization.bak'] },
    { boundary: 'render', paths: [KUST], fixIn: [] },
    { boundary: 'render', paths: [KUST], restored: 'yes' },
    { boundary: 'render', paths: [KUST], file: 'x.yaml' },
  ]) {
    t.notOk(deliveryNote.params.safeParse(bad).success, JSON.stringify(bad));
  }
  for (const good of ['a.yml', 'a/b.yaml', 'x/Kustomization', 'Kustomization']) t.ok(deliveryNote.params.safeParse({ boundary: 'git', paths: [good] }).success, good);
  t.equal(deliveryNote.params.safeParse({ boundary: 'git', paths: ['README.md'] }).error?.issues[0]?.message, 'a YAML file (.yaml, .yml or Kustomization)');
  t.equal(notePath('wrong-selector'), 'delivery-notes/wrong-selector.yaml');
});
