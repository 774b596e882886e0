/** Evidence bundles on disk: layout, atomic files, the index entry, and reading a results folder back. */
import t from 'tap';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Evidence } from '../../../harness/model/evidence.js';
import { GradeResult } from '../../../harness/model/result.js';
import { renderJson } from '../../../harness/report/json.js';
import { writeBundle } from '../../../harness/results/bundle.js';
import { gradedPushAt, IndexEntry } from '../../../harness/model/index-entry.js';
import { pathSegment, withLearner } from '../../../harness/results/learner.js';
import { readResultsFolder } from '../../../harness/results/read.js';
import { gradeEvidence } from '../../../harness/runner/grade.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const { scenario } = await loadScenario('promote-staging-image');
// writeBundle seals with the instructor's key in the state home: a scratch one here, never the real home.
const home = mkdtempSync(join(tmpdir(), 'gitops-lab-results-home-'));
process.env['GITOPS_LAB_HOME'] = home;
t.teardown(() => rmSync(home, { recursive: true, force: true }));

function tmp(t: Tap.Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-results-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function graded(learner: string, phase: string, change?: (e: Evidence) => void) {
  const evidence = withLearner(variant(fixture('promote-staging-image', 'argocd', phase), change ?? (() => {})), learner);
  return { result: gradeEvidence(scenario, evidence), evidence, learner };
}

t.test('a bundle: result.json as grade --format json prints it, redacted versioned evidence, report.md, an index entry', async (t) => {
  const out = tmp(t);
  const input = graded('alice', 'wrong-promote-in-base');
  const written = await writeBundle(out, input);
  const dir = join(out, 'alice', 'promote-staging-image');
  t.equal(written.dir, dir);
  t.same(readdirSync(dir).sort(), ['evidence.json', 'report.md', 'result.json', 'seal.json'], 'no temporary files left behind');
  t.equal(readFileSync(join(dir, 'result.json'), 'utf8'), renderJson(input.result));
  const evidence = Evidence.parse(JSON.parse(readFileSync(join(dir, 'evidence.json'), 'utf8')));
  t.equal(evidence.schemaVersion, 1);
  t.equal(evidence.meta.learner, 'alice');
  t.same(gradeEvidence(scenario, evidence), input.result, 'the stored evidence grades the same');
  const report = readFileSync(join(dir, 'report.md'), 'utf8');
  t.ok(report.startsWith(`# promote-staging-image: FAIL ${input.result.score}/${input.result.maxScore}`), report.split('\n')[0] ?? '');
  t.match(report, '## Session');
  t.match(report, '| started | 2026-01-02T00:00:00.000Z |');
  const entry = IndexEntry.parse(JSON.parse(readFileSync(written.entryFile, 'utf8')));
  t.equal(relative(join(out, 'index'), written.entryFile).includes('/'), false);
  t.match(entry, { learner: 'alice', scenario: 'promote-staging-image', status: 'fail', score: input.result.score, maxScore: input.result.maxScore, bundle: 'alice/promote-staging-image' });
  t.ok(input.result.score < input.result.maxScore);
  t.same(entry.firstFailure, { boundary: 'git', check: 'only-staging-overlay-changed' });
  t.equal(entry.headSubject, 'payment-api: bump image to 1.27.6 in staging');
  t.equal(entry.startedAt, '2026-01-02T00:00:00.000Z');
  t.equal(entry.endedAt, input.evidence.git.pushes.at(-1)!.at);
});

t.test('exam mode: the bundle withholds hints and expected values and records start, deadline and the graded push', async (t) => {
  const out = tmp(t);
  const input = graded('bo', 'solution', (e) => {
    e.meta.mode = 'exam';
    e.meta.deadline = '2026-01-02T00:30:00.000Z';
    // A later push after the deadline is in the reflog, but the graded commit is the one before it.
    e.git.pushes = [{ sha: e.git.headSha, at: '2026-01-02T00:20:00.000Z' }, { sha: 'f'.repeat(40), at: '2026-01-02T00:40:00.000Z' }];
  });
  const { entry, dir } = await writeBundle(out, input);
  t.match(entry, { mode: 'exam', startedAt: '2026-01-02T00:00:00.000Z', endedAt: '2026-01-02T00:20:00.000Z', deadline: '2026-01-02T00:30:00.000Z' });
  const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8'));
  t.notOk(result.checks.some((c: { hint?: string; expected?: string }) => c.hint !== undefined || c.expected !== undefined));
  t.notMatch(readFileSync(join(dir, 'report.md'), 'utf8'), /Hint:|expected/);
});

t.test('gradedPushAt: the last push of the graded commit, none when nothing was pushed', async (t) => {
  const faults = fixture('promote-staging-image', 'argocd', 'faults');
  t.equal(gradedPushAt(variant(faults, (e) => void (e.git.headSha = e.git.seedSha))), undefined);
  const solution = fixture('promote-staging-image', 'argocd', 'solution');
  t.equal(gradedPushAt(solution), solution.git.pushes.at(-1)!.at);
});

t.test('learner ids from people cannot leave the results folder or hide', async (t) => {
  for (const id of ['..', '.', '../../etc', 'a/b', '.hidden', 'x\\y', 'ü ñ']) {
    const seg = pathSegment(id);
    t.notMatch(seg, /[/\\]/, id);
    t.not(seg.startsWith('.'), true, id);
    t.equal(decodeURIComponent(seg), id);
  }
  const out = tmp(t);
  const { dir } = await writeBundle(out, graded('../../escape', 'solution'));
  t.equal(relative(out, dir).startsWith('..'), false);
});

t.test('a result graded for another learner than the bundle is refused', async (t) => {
  const input = graded('alice', 'solution');
  await t.rejects(writeBundle(tmp(t), { ...input, learner: 'mallory' }), /bundle for learner "mallory"/);
});

t.test('reading a results folder: latest grade per bundle, and a result that matches no entry is left out with a warning', async (t) => {
  const out = tmp(t);
  await writeBundle(out, graded('alice', 'wrong-promote-in-base'));
  const solved = graded('alice', 'solution', (e) => void (e.meta.collectedAt = '2026-01-03T00:00:00.000Z'));
  await writeBundle(out, solved);
  const faults = graded('bo', 'faults');
  await writeBundle(out, faults);
  const folder = await readResultsFolder(out);
  t.same(folder.warnings, []);
  t.same(folder.records.map((r) => [r.entry.learner, r.result.status, r.result.score]), [['alice', 'pass', solved.result.maxScore], ['bo', 'fail', faults.result.score]]);
  t.ok(GradeResult.safeParse(folder.records[0]!.result).success);
  // A result.json that no entry describes (a grade interrupted between its writes) is not guessed at.
  const file = join(out, 'bo', 'promote-staging-image', 'result.json');
  const text = readFileSync(file, 'utf8');
  const torn = text.replace(`"score": ${faults.result.score},`, `"score": ${faults.result.score + 1},`);
  t.not(torn, text);
  writeFileSync(file, torn);
  const read = await readResultsFolder(out);
  t.same(read.records.map((r) => r.entry.learner), ['alice']);
  t.match(read.warnings, [/^bo\/promote-staging-image: result\.json matches none of its 1 index entries/]);
});

t.test('a folder without results, and an invalid index entry, are errors that name the file and field', async (t) => {
  const out = tmp(t);
  await t.rejects(readResultsFolder(join(out, 'nope')), { code: 'NOT_FOUND' });
  await t.rejects(readResultsFolder(out), { code: 'NOT_FOUND', message: /holds no graded results/ });
  await writeBundle(out, graded('alice', 'solution'));
  const index = join(out, 'index');
  const name = readdirSync(index)[0]!;
  const entry = JSON.parse(readFileSync(join(index, name), 'utf8'));
  delete entry.learner;
  writeFileSync(join(index, name), JSON.stringify(entry));
  await t.rejects(readResultsFolder(out), { code: 'INVALID_CONFIG', details: [new RegExp(`${name}: learner: Required$`)] });
});

t.test('a bundle stores the evidence redacted: no Secret value reaches evidence.json or its digest', async (t) => {
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"password":"aHVudGVyMg=="}}' } },
    data: { password: 'aHVudGVyMg==' },
    stringData: { url: 'postgres://app:hunter2@db/payments' },
  };
  const input = graded('carol', 'solution', (e) => {
    const file = Object.keys(e.git.head.files)[0]!;
    e.git.head.files[file]!.docs!.push(structuredClone(secret));
    const staging = e.render.environments.find((x) => x.name === 'staging')!;
    if (staging.head.ok) staging.head.objects.push(structuredClone(secret));
  });
  const before = JSON.stringify(input.evidence);
  const out = tmp(t);
  const { dir, entry } = await writeBundle(out, input);
  const stored = readFileSync(join(dir, 'evidence.json'), 'utf8');
  for (const value of ['aHVudGVyMg==', 'hunter2']) t.notMatch(stored, value, `${value} is not stored`);
  t.equal(stored.split('"(redacted)"').length - 1, 2 * 3, 'per Secret: data.password, stringData.url and the last-applied annotation');
  const storedEvidence = Evidence.parse(JSON.parse(stored));
  const storedSecret = storedEvidence.render.environments.find((x) => x.name === 'staging')!;
  t.same(storedSecret.head.ok && storedSecret.head.objects.at(-1), {
    ...secret,
    metadata: { name: 'db', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '(redacted)' } },
    data: { password: '(redacted)' },
    stringData: { url: '(redacted)' },
  });
  t.equal(entry.digests.evidence, createHash('sha256').update(stored).digest('hex'), 'the index digests the redacted file');
  t.equal(JSON.stringify(input.evidence), before, 'the evidence being graded is not changed');
  t.match(stored, '"kind": "Secret"', 'the Secret itself is kept, only its values are blanked');
});

t.test('a result graded on other evidence (scenario or commit) is refused', async (t) => {
  const input = graded('alice', 'solution');
  await t.rejects(writeBundle(tmp(t), { ...input, result: { ...input.result, headSha: 'e'.repeat(40) } }), {
    code: 'USAGE',
    message: `the result (promote-staging-image at ${'e'.repeat(40)}) was not graded on this evidence (promote-staging-image at ${input.evidence.git.headSha})`,
  });
  await t.rejects(writeBundle(tmp(t), { ...input, result: { ...input.result, scenario: 'base-leak' } }), { code: 'USAGE', message: /^the result \(base-leak at / });
  await t.rejects(writeBundle(tmp(t), { ...input, evidence: variant(input.evidence, (e) => void (e.meta.learner = 'bo')) }), {
    code: 'USAGE',
    message: 'bundle for learner "alice": the result says "alice" and the evidence "bo"',
  });
});
