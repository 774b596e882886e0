/** What the class commands print: the status table and its JSON, pinned; the start, grade and down summaries. */
import t from 'tap';
import { classDownText, classGradeText, classStartText, classStatusJson, classStatusText, table } from '../../../harness/cli/class-table.js';
import { LabError } from '../../../harness/errors.js';
import type { ClassRecord } from '../../../harness/model/class-record.js';
import type { GradeResult } from '../../../harness/model/result.js';
import type { LearnerStatus } from '../../../harness/runner/class.js';

const record: ClassRecord = {
  schemaVersion: 1,
  kind: 'gitops-lab/class',
  id: 'monday',
  scenario: 'wrong-selector',
  controller: 'argocd',
  mode: 'exam',
  cluster: 'lab',
  roster: 'roster.csv',
  createdAt: '2026-12-03T10:00:00.000Z',
  learners: [],
};

const A = 'a'.repeat(40);
const learners: LearnerStatus[] = [
  {
    learner: 'alice',
    name: 'Alice',
    state: 'started',
    runId: 'a1b2c3',
    pushes: 2,
    lastPush: { sha: A, at: '2026-12-03T10:12:01.345Z' },
    deadline: '2026-12-03T10:20:00.000Z',
    grade: { status: 'fail', score: 7, maxScore: 10, firstFailure: { boundary: 'live', check: 'service-selects-pods' }, headSha: A, gradedAt: '2026-12-03T10:13:00.000Z', current: true },
  },
  { learner: 'bob', state: 'failed', pushes: null, lastPush: null, grade: null, problem: 'start failed: cluster "lab" is not running' },
  {
    learner: 'carol',
    state: 'started',
    runId: 'd4e5f6',
    pushes: 3,
    lastPush: { sha: 'c'.repeat(40), at: '2026-12-03T10:15:00.000Z' },
    grade: { status: 'pass', score: 10, maxScore: 10, firstFailure: null, headSha: 'b'.repeat(40), gradedAt: '2026-12-03T10:13:00.000Z', current: false },
  },
  { learner: 'dan', state: 'started', runId: '0a0b0c', pushes: 0, lastPush: null, grade: null },
];

t.test('the status table: one row per learner, stale grades marked, problems in the last column', async (t) => {
  t.equal(
    classStatusText(record, learners),
    [
      'class monday: wrong-selector on argocd (exam mode), cluster lab, 4 learner(s)',
      '',
      'learner  state    run     pushes  last push             score               graded                first failing boundary / problem',
      'alice    started  a1b2c3  2       2026-12-03 10:12:01Z  7/10 fail           2026-12-03 10:13:00Z  live (service-selects-pods)',
      'bob      failed   -       -       -                     -                   -                     start failed: cluster "lab" is not running',
      'carol    started  d4e5f6  3       2026-12-03 10:15:00Z  10/10 pass (stale)  2026-12-03 10:13:00Z  -',
      'dan      started  0a0b0c  0       -                     -                   -                     -',
      '',
      "(stale): graded before the learner's last push; class grade grades them again.",
      'Scores are those class grade recorded; a learner without one has not been graded yet.',
      '',
    ].join('\n'),
  );
});

t.test('the status JSON: versioned, a row per learner with nulls where there is nothing', async (t) => {
  const json = JSON.parse(classStatusJson(record, learners)) as Record<string, unknown> & { learners: Record<string, unknown>[] };
  t.match(json, { schemaVersion: 1, kind: 'gitops-lab/class-status', class: 'monday', scenario: 'wrong-selector', controller: 'argocd', mode: 'exam', cluster: 'lab' });
  t.same(json.learners[0], {
    learner: 'alice',
    name: 'Alice',
    state: 'started',
    runId: 'a1b2c3',
    pushes: 2,
    lastPush: { sha: A, at: '2026-12-03T10:12:01.345Z' },
    deadline: '2026-12-03T10:20:00.000Z',
    grade: { status: 'fail', score: 7, maxScore: 10, firstFailure: { boundary: 'live', check: 'service-selects-pods' }, headSha: A, gradedAt: '2026-12-03T10:13:00.000Z', current: true },
  });
  t.same(json.learners[1], { learner: 'bob', state: 'failed', runId: null, pushes: null, lastPush: null, grade: null, problem: 'start failed: cluster "lab" is not running' });
});

t.test('table pads to the widest cell and leaves no trailing spaces', async (t) => {
  t.equal(table(['a', 'bb'], [['xxx', ''], ['y', 'z']]), 'a    bb\nxxx\ny    z\n');
});

t.test('start, grade and down summaries say per learner what happened', async (t) => {
  const start = classStartText(
    record,
    [
      { learner: 'alice', ok: true, value: { runId: 'a1b2c3', workspace: '/c/workspaces/alice', handout: '/c/handouts/alice.md' } },
      { learner: 'bob', ok: false, error: new LabError('CLUSTER_UNAVAILABLE', 'cluster "lab" is not running', { suggestion: 'gitops-lab status' }) },
    ],
    '/c',
  );
  t.match(start, 'alice    started  a1b2c3  /c/handouts/alice.md\nbob      FAILED   -       cluster "lab" is not running\n');
  t.match(start, '1 of 2 session(s) started; the class record is /c/class.json. The others did not start');
  const result = { score: 7, maxScore: 10, status: 'fail', firstFailure: { boundary: 'live', check: 'x', message: 'm' } } as unknown as GradeResult;
  const grade = classGradeText(
    record,
    [
      { learner: 'alice', ok: true, value: { result, bundle: 'results/alice/wrong-selector' } },
      { learner: 'bob', ok: 'skipped', reason: 'start failed: no' },
      { learner: 'carol', ok: false, error: new LabError('TIMEOUT', 'argocd did not settle') },
    ],
    'results',
  );
  t.match(grade, 'alice    7/10 fail   live (x)                results/alice/wrong-selector\n');
  t.match(grade, 'bob      not graded  -                       start failed: no\n');
  t.match(grade, 'carol    ERROR       -                       argocd did not settle\n');
  t.match(grade, '1 of 3 learner(s) graded into results; the cohort report: gitops-lab report results');
  const down = classDownText(record, [{ learner: 'alice', ok: true, value: ['x'] }, { learner: 'bob', ok: true, value: [] }, { learner: 'carol', ok: false, error: new Error('boom') }], false, '/c');
  t.match(down, 'alice    ended\nbob      nothing to end (never started)\ncarol    NOT ENDED: boom\n');
  t.match(down, 'Some sessions were not ended; /c/class.json now lists only those: run class down again.');
  t.match(classDownText(record, [{ learner: 'alice', ok: true, value: ['x'] }], true, '/c'), 'The class is over');
});
