/**
 * The class runner without a cluster: the sessions are real offline sessions (real git, real kustomize), started
 * by a starter that stands in for startLive (the live start is test/e2e/class.test.ts). What is tested is the
 * class's own logic: the record (round trip, malformed and edited records refused), checks before anything starts,
 * the bound on sessions at once, a learner's failure not stopping the others, handouts, status from the lab
 * repositories' push logs, grade into bundles the cohort report reads, and down through the per-session stop.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../../harness/exec.js';
import { LabError } from '../../../harness/errors.js';
import type { ClassLearner, ClassRecord } from '../../../harness/model/class-record.js';
import { buildCohort } from '../../../harness/report/cohort.js';
import { writeBundle } from '../../../harness/results/bundle.js';
import { readResultsFolder } from '../../../harness/results/read.js';
import {
  classId,
  classRecordFile,
  classStatus,
  downClass,
  gradeClass,
  learnerStatus,
  parseDeadline,
  readClassRecord,
  startClass,
  writeClassRecord,
  type LearnerStarter,
  type StartClassOptions,
} from '../../../harness/runner/class.js';
import { parseRoster } from '../../../harness/runner/roster.js';
import { loadSession } from '../../../harness/runner/session.js';
import { DEADLINE_FILE } from '../../../harness/git/push-log.js';
import { startOffline } from '../../../harness/runner/start.js';
import { stopSession } from '../../../harness/runner/stop.js';
import { loadScenario } from '../../../harness/scenario/load.js';

const root = mkdtempSync(join(tmpdir(), 'gitops-lab-class-'));
process.env['GITOPS_LAB_HOME'] = join(root, 'home');
t.teardown(() => rmSync(root, { recursive: true, force: true }));

const SCENARIO = 'wrong-selector';
const { scenario, dir: scenarioDir } = await loadScenario(SCENARIO);
const gitEnv = { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.com' };
const git = (cwd: string, args: string[]) => run('git', args, { cwd, env: gitEnv, timeoutMs: 30_000 });

/** An offline session in place of startLive; counts how many run at once. */
function offlineStarter(fail: ReadonlySet<string> = new Set()): { start: LearnerStarter; calls: string[]; most: () => number } {
  const calls: string[] = [];
  let running = 0;
  let most = 0;
  const start: LearnerStarter = async (o) => {
    calls.push(o.learner);
    running++;
    most = Math.max(most, running);
    try {
      await new Promise((r) => setTimeout(r, 50));
      if (fail.has(o.learner)) throw new LabError('CLUSTER_UNAVAILABLE', `the controller did not answer for ${o.learner}`);
      return (await startOffline({ scenarioId: o.scenario.id, workspace: o.workspace, controller: o.controller, mode: o.mode, learner: o.learner, ...(o.deadline !== undefined ? { deadline: o.deadline } : {}) })).session;
    } finally {
      running--;
    }
  };
  return { start, calls, most: () => most };
}

const roster = parseRoster('learner,name,email\nalice,Alice Liddell,alice@example.com\nbob,Bob,\ncarol,,\ndan,Dan,\n', 'roster.csv');

function options(dir: string, start: LearnerStarter, extra: Partial<StartClassOptions> = {}): StartClassOptions {
  return { roster, rosterFile: 'roster.csv', scenario, scenarioDir, controller: 'argocd', mode: 'practice', cluster: 'lab', dir, id: 'ws-class', parallel: 2, log: () => undefined, start, checkCluster: async () => undefined, ...extra };
}

const learner = (over: Partial<ClassLearner> & { learner: string }): ClassLearner => ({ state: 'pending', workspace: `workspaces/${over.learner}`, handout: `handouts/${over.learner}.md`, ...over });

const record = (learners: ClassLearner[]): ClassRecord => ({
  schemaVersion: 1,
  kind: 'gitops-lab/class',
  id: 'c1',
  scenario: SCENARIO,
  controller: 'argocd',
  mode: 'practice',
  cluster: 'lab',
  roster: 'roster.csv',
  createdAt: '2026-12-03T10:00:00.000Z',
  learners,
});

t.test('the class record: a round trip, and records that are not JSON, name bad ids or point outside the class are refused', async (t) => {
  const dir = join(root, 'record');
  const r = record([
    learner({ learner: 'alice', name: 'Alice', state: 'started', runId: 'a1b2c3', startedAt: '2026-12-03T10:00:01.000Z', lastGrade: { status: 'fail', score: 3, maxScore: 10, firstFailure: { boundary: 'live', check: 'x' }, headSha: 'f'.repeat(40), gradedAt: '2026-12-03T10:10:00.000Z' } }),
    learner({ learner: 'bob', state: 'failed', error: 'no' }),
  ]);
  await writeClassRecord(dir, r);
  t.same(await readClassRecord(dir), r, 'what is written is read back');
  const text = readFileSync(classRecordFile(dir), 'utf8');
  t.same(JSON.parse(text), r, 'the file is the record as JSON');
  t.match(text, /^\{\n {2}"schemaVersion": 1,\n {2}"kind": "gitops-lab\/class",\n[^]*\n\}\n$/, 'two-space JSON, newline-terminated');
  await t.rejects(readClassRecord(join(root, 'nothing')), { code: 'NOT_FOUND', message: `${join(root, 'nothing')} holds no class (no class.json)` });
  const edit = (json: string) => writeFileSync(classRecordFile(dir), json);
  edit('{');
  await t.rejects(readClassRecord(dir), { code: 'INVALID_CONFIG', message: new RegExp(`^${classRecordFile(dir)}: not JSON`) });
  edit(JSON.stringify({ ...r, learners: [{ ...r.learners[0], learner: '../x', workspace: 'workspaces/../x', handout: 'handouts/../x.md' }] }));
  await t.rejects(readClassRecord(dir), { code: 'INVALID_CONFIG', message: /learners\.0\.learner: must be 1 to 40 lowercase letters/ });
  edit(JSON.stringify({ ...r, learners: [{ ...r.learners[0], workspace: '../../etc' }] }));
  await t.rejects(readClassRecord(dir), { code: 'INVALID_CONFIG', message: /learners\.0\.workspace: must be "workspaces\/alice"/ });
  edit(JSON.stringify({ ...r, learners: [r.learners[0], r.learners[0]] }));
  await t.rejects(readClassRecord(dir), { code: 'INVALID_CONFIG', message: /learners\.1\.learner: "alice" is listed twice/ });
  edit(JSON.stringify({ ...r, learners: [{ ...r.learners[0], runId: undefined }] }));
  await t.rejects(readClassRecord(dir), { code: 'INVALID_CONFIG', message: /learners\.0\.runId: a started learner has a run id/ });
});

t.test('class ids: the one given if it is an id, else the scenario and a random suffix', async (t) => {
  t.equal(classId('monday-am', SCENARIO), 'monday-am');
  t.throws(() => classId('Monday AM', SCENARIO), { code: 'USAGE', message: /--id "Monday AM": a class id must be 1 to 40/ });
  t.match(classId(undefined, SCENARIO), /^wrong-selector-[0-9a-f]{6}$/);
  t.match(classId(undefined, 'a-very-long-scenario-id-that-goes-on-'), /^a-very-long-scenario-id-that-goes-[0-9a-f]{6}$/);
  t.not(classId(undefined, SCENARIO), classId(undefined, SCENARIO));
});

t.test('start, status, grade, report and down of a class of four, one of whom cannot start', async (t) => {
  const dir = join(root, 'class-a');
  const starter = offlineStarter(new Set(['bob']));
  const lines: string[] = [];
  const { record: started, outcomes } = await startClass(options(dir, starter.start, { log: (l) => lines.push(l) }));
  t.equal(starter.most(), 2, 'at most two sessions started at once');
  t.same(starter.calls.sort(), ['alice', 'bob', 'carol', 'dan'], "bob's failure did not stop the others");
  t.same(outcomes.map((o) => [o.learner, o.ok]), [['alice', true], ['bob', false], ['carol', true], ['dan', true]]);
  t.match(outcomes[1], { ok: false, error: { code: 'CLUSTER_UNAVAILABLE' } });
  const onDisk = await readClassRecord(dir);
  t.same(onDisk, started, 'the record on disk is the one returned');
  t.same(onDisk.learners.map((l) => l.state), ['started', 'failed', 'started', 'started']);
  t.equal(onDisk.learners[1]!.error, 'the controller did not answer for bob');
  t.notOk(onDisk.learners[1]!.runId, 'bob has no run');
  t.equal(new Set(onDisk.learners.filter((l) => l.runId).map((l) => l.runId)).size, 3, 'one run each');
  t.match(onDisk, { id: 'ws-class', scenario: SCENARIO, controller: 'argocd', mode: 'practice', cluster: 'lab', roster: 'roster.csv' });
  t.same(onDisk.learners[0], { learner: 'alice', name: 'Alice Liddell', email: 'alice@example.com', state: 'started', workspace: 'workspaces/alice', handout: 'handouts/alice.md', runId: onDisk.learners[0]!.runId, startedAt: onDisk.learners[0]!.startedAt });
  for (const l of ['alice', 'carol', 'dan']) {
    const handout = join(dir, 'handouts', `${l}.md`);
    t.equal(statSync(handout).mode & 0o777, 0o600, `${l}'s handout is readable by its owner only (it holds a password)`);
    const origin = (await git(join(dir, 'workspaces', l), ['remote', 'get-url', 'origin'])).stdout.trim();
    const text = readFileSync(handout, 'utf8');
    t.ok(text.includes(`git clone ${origin} ${SCENARIO}`), `${l}'s handout clones ${l}'s own repository`);
    t.ok(text.includes(scenario.prompt.trim().split('\n')[0]!), `${l}'s handout has the prompt`);
    t.ok(text.includes(`gitops-lab watch --workspace ${join(dir, 'workspaces', l)}`), `${l}'s handout says how to check progress`);
  }
  t.notOk(existsSync(join(dir, 'handouts', 'bob.md')), 'no handout for bob');
  t.equal(statSync(join(dir, 'handouts')).mode & 0o777, 0o700, 'the handouts folder is the instructor\'s');
  t.ok(lines.some((l) => /^\[alice\] handed over: run [0-9a-f]{6}, handout /.test(l)), 'log lines name the learner');

  // Alice pushes a commit; status shows it, with no grade yet.
  const alice = join(dir, 'workspaces', 'alice');
  writeFileSync(join(alice, 'NOTES.md'), 'looking\n');
  await git(alice, ['add', 'NOTES.md']);
  await git(alice, ['commit', '-qm', 'notes']);
  await git(alice, ['push', '-q', 'origin', 'HEAD:main']);
  const aliceHead = (await git(alice, ['rev-parse', 'HEAD'])).stdout.trim();
  let status = await classStatus(dir);
  t.match(status.learners, [
    { learner: 'alice', state: 'started', pushes: 1, lastPush: { sha: aliceHead }, grade: null },
    { learner: 'bob', state: 'failed', pushes: null, lastPush: null, grade: null, problem: 'start failed: the controller did not answer for bob' },
    { learner: 'carol', state: 'started', pushes: 0, lastPush: null, grade: null },
    { learner: 'dan', state: 'started', pushes: 0, lastPush: null, grade: null },
  ]);

  // Grade into bundles; the cohort report reads them.
  const out = join(root, 'results-a');
  let most = 0;
  let running = 0;
  const graded = await gradeClass({
    dir,
    scenario,
    parallel: 2,
    log: () => undefined,
    onGraded: async (l, result, evidence) => {
      running++;
      most = Math.max(most, running);
      try {
        return (await writeBundle(out, { result, evidence, learner: l })).dir;
      } finally {
        running--;
      }
    },
  });
  t.ok(most <= 2, 'at most two graded at once');
  t.same(graded.outcomes.map((o) => [o.learner, o.ok]), [['alice', true], ['bob', 'skipped'], ['carol', true], ['dan', true]]);
  t.match(graded.outcomes[1], { reason: 'start failed: the controller did not answer for bob' });
  const { records, warnings } = await readResultsFolder(out);
  t.same(warnings, []);
  t.same(records.map((r) => r.entry.learner), ['alice', 'carol', 'dan'], 'one bundle per graded learner, under the learner\'s id');
  t.equal(records.find((r) => r.entry.learner === 'alice')!.result.headSha, aliceHead, "alice's grade is of her push");
  const cohort = buildCohort(records, warnings);
  t.equal(cohort.learners.length, 3, 'the cohort report has the three learners');
  status = await classStatus(dir);
  t.match(status.learners.map((l) => l.grade), [{ current: true, headSha: aliceHead, bundle: join(out, 'alice', SCENARIO) }, null, { current: true }, { current: true }]);

  // Alice pushes again: her grade is stale until the next class grade.
  writeFileSync(join(alice, 'NOTES.md'), 'still looking\n');
  await git(alice, ['commit', '-qam', 'more notes']);
  await git(alice, ['push', '-q', 'origin', 'HEAD:main']);
  status = await classStatus(dir);
  t.match(status.learners[0], { pushes: 2, grade: { current: false, headSha: aliceHead } });

  // Carol's session was ended by hand already; class down ends the others and removes the record, nothing else.
  const sessions = (await readClassRecord(dir)).learners.filter((l) => l.runId).map((l) => l.runId!);
  await stopSession(join(dir, 'workspaces', 'carol'));
  const down = await downClass({ dir, parallel: 2, log: () => undefined });
  t.ok(down.recordRemoved);
  t.notOk(existsSync(classRecordFile(dir)), 'the class record is gone');
  t.match(down.outcomes, [{ learner: 'alice', ok: true }, { learner: 'bob', ok: true, value: [] }, { learner: 'carol', ok: true, value: [/had already ended/] }, { learner: 'dan', ok: true }]);
  for (const runId of sessions) t.notOk(existsSync(join(root, 'home', 'sessions', runId)), `session ${runId} is gone`);
  t.ok(existsSync(join(alice, 'NOTES.md')), "the workspaces' files stay");
  t.ok(existsSync(join(dir, 'handouts', 'alice.md')), 'the handouts stay');
  t.ok(existsSync(join(out, 'alice', SCENARIO, 'result.json')), 'the results stay');
});

t.test('exam mode with --deadline: every learner has the one deadline, in the session, the record and the handout', async (t) => {
  const dir = join(root, 'class-deadline');
  const deadline = parseDeadline('2099-01-02T16:30+01:00', new Date('2026-12-03T10:00:00Z'));
  t.equal(deadline, '2099-01-02T15:30:00.000Z', 'in UTC');
  const starter = offlineStarter();
  const { record: started, outcomes } = await startClass(options(dir, starter.start, { mode: 'exam', deadline }));
  t.same(outcomes.map((o) => o.ok), [true, true, true, true]);
  t.same(started.learners.map((l) => l.deadline), [deadline, deadline, deadline, deadline], 'the record');
  for (const l of started.learners) {
    const session = await loadSession(join(dir, l.workspace));
    t.equal(session.deadline, deadline, `${l.learner}'s session`);
    t.equal(readFileSync(join(session.bareDir, DEADLINE_FILE), 'utf8'), `${Date.parse(deadline)} ${deadline}\n`, `${l.learner}'s repository closes at it`);
    t.match(readFileSync(join(dir, l.handout), 'utf8'), 'Deadline: 2099-01-02 15:30', `${l.learner}'s handout`);
  }
  const practice = await startClass(options(join(root, 'class-practice-open'), offlineStarter().start));
  const open = await loadSession(join(root, 'class-practice-open', practice.record.learners[0]!.workspace));
  t.notOk(existsSync(join(open.bareDir, DEADLINE_FILE)), 'a practice repository never closes');
  // Without --deadline, each exam session's deadline is its time limit from its own start.
  const own = await startClass(options(join(root, 'class-own'), offlineStarter().start, { mode: 'exam' }));
  for (const l of own.record.learners) t.equal(Date.parse(l.deadline!) - Date.parse(l.startedAt!), scenario.timeLimitMinutes * 60_000, `${l.learner}: time limit from its start`);
  await t.rejects(startClass(options(join(root, 'class-practice'), offlineStarter().start, { deadline })), { code: 'USAGE', message: '--deadline is for --mode exam: a practice session has no deadline' });
  t.notOk(existsSync(join(root, 'class-practice')), 'nothing made');
});

t.test('parseDeadline: an ISO 8601 instant with its offset, in the future', async (t) => {
  const now = new Date('2026-12-03T10:00:00Z');
  t.equal(parseDeadline('2026-12-03T15:30:00Z', now), '2026-12-03T15:30:00.000Z');
  t.equal(parseDeadline('2026-12-03T15:30:00.250-02:00', now), '2026-12-03T17:30:00.250Z');
  for (const bad of ['2026-12-03T15:30', '2026-12-03 15:30Z', 'tomorrow', '2026-13-03T15:30Z', '2026-12-03T15:30:00Z; rm -rf /']) {
    t.throws(() => parseDeadline(bad, now), { code: 'USAGE', message: `--deadline ${JSON.stringify(bad)}: expected an ISO 8601 time with its offset` }, bad);
  }
  t.throws(() => parseDeadline('2026-12-03T09:59:59Z', now), { code: 'USAGE', message: '--deadline 2026-12-03T09:59:59Z: already past (it is 2026-12-03T10:00:00.000Z)' });
  t.throws(() => parseDeadline('2026-12-03T10:00:00Z', now), { code: 'USAGE', message: /already past/ }, 'now is not in the future');
});

t.test('nothing starts when the class folder holds a class, a workspace is not empty, the cluster is not there or the controller is wrong', async (t) => {
  const dir = join(root, 'class-b');
  await writeClassRecord(dir, record([learner({ learner: 'zed' })]));
  const s1 = offlineStarter();
  await t.rejects(startClass(options(dir, s1.start)), { code: 'USAGE', message: `${dir} already holds class c1 (class.json)` });
  t.same(s1.calls, []);

  const dir2 = join(root, 'class-c');
  mkdirSync(join(dir2, 'workspaces', 'carol'), { recursive: true });
  writeFileSync(join(dir2, 'workspaces', 'carol', 'x'), 'x');
  await t.rejects(startClass(options(dir2, s1.start)), { code: 'USAGE', message: /workspaces\/carol exists and is not empty/ });
  t.notOk(existsSync(classRecordFile(dir2)), 'no record');

  const dir3 = join(root, 'class-d');
  await t.rejects(
    startClass(options(dir3, s1.start, { checkCluster: async () => Promise.reject(new LabError('CLUSTER_UNAVAILABLE', 'no cluster named "lab"')) })),
    { code: 'CLUSTER_UNAVAILABLE' },
  );
  t.notOk(existsSync(dir3), 'not even the class folder');
  await t.rejects(startClass(options(dir3, s1.start, { controller: 'flux', scenario: { ...scenario, controllers: ['argocd'] } })), { code: 'USAGE', message: /supports argocd, not flux/ });
  t.same(s1.calls, [], 'no session was started');
});

t.test('down keeps the record with the learners whose session could not be ended, and a second down finishes', async (t) => {
  const dir = join(root, 'class-e');
  const small = parseRoster('learner\nann\nben\n', 'r.csv');
  await startClass(options(dir, offlineStarter().start, { roster: small }));
  const first = await downClass({
    dir,
    parallel: 1,
    log: () => undefined,
    stop: async (ws) => {
      if (ws.endsWith('/ben')) throw new LabError('CLUSTER_UNAVAILABLE', 'the cluster did not answer');
      return stopSession(ws);
    },
  });
  t.notOk(first.recordRemoved);
  t.same((await readClassRecord(dir)).learners.map((l) => l.learner), ['ben'], 'only ben is left to end');
  const second = await downClass({ dir, parallel: 1, log: () => undefined });
  t.ok(second.recordRemoved);
  t.notOk(existsSync(classRecordFile(dir)));
});

t.test('a record whose workspace names another run is refused for that learner, not followed', async (t) => {
  const dir = join(root, 'class-f');
  await startClass(options(dir, offlineStarter().start, { roster: parseRoster('learner\nxia\n', 'r.csv') }));
  const r = await readClassRecord(dir);
  await writeClassRecord(dir, { ...r, learners: [{ ...r.learners[0]!, runId: 'abcdef' }] });
  const status = await classStatus(dir);
  t.match(status.learners[0]!.problem, /runId: the workspace says [0-9a-f]{6}, the class record says abcdef/);
  const down = await downClass({ dir, parallel: 1, log: () => undefined });
  t.match(down.outcomes[0], { ok: false, error: { code: 'INVALID_CONFIG' } });
  t.ok(existsSync(classRecordFile(dir)), 'the record stays');
});

t.test('learnerStatus: the grade is current while it graded what a grade would grade now', async (t) => {
  const g = { status: 'fail' as const, score: 1, maxScore: 5, firstFailure: null, headSha: 'a'.repeat(40), gradedAt: '2026-12-03T10:00:00.000Z' };
  const l = learner({ learner: 'ann', state: 'started', runId: 'abc123', lastGrade: g });
  const push = (sha: string) => ({ sha, at: '2026-12-03T10:05:00.000Z' });
  t.match(learnerStatus(l, { pushes: [push('a'.repeat(40))], gradable: 'a'.repeat(40) }), { pushes: 1, grade: { current: true } });
  t.match(learnerStatus(l, { pushes: [push('a'.repeat(40)), push('b'.repeat(40))], gradable: 'b'.repeat(40) }), { pushes: 2, lastPush: { sha: 'b'.repeat(40) }, grade: { current: false } });
  t.match(learnerStatus(l, { problem: 'gone' }), { pushes: null, problem: 'gone', grade: { current: false } });
  t.match(learnerStatus(learner({ learner: 'ann' }), undefined), { state: 'pending', problem: 'not started', grade: null });
  t.match(learnerStatus({ ...l, lastGradeError: { at: 'x', message: 'timed out' } }, { pushes: [], gradable: 'a'.repeat(40) }), { problem: 'last grade failed: timed out' });
});
