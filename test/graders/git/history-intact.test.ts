/** git.history-intact on promote-staging-image as recorded (solved by a fast-forward), and with history rewritten. */
import t from 'tap';
import { historyIntact } from '../../../graders/git/history-intact.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const solved = fixture('promote-staging-image', 'argocd', 'solution');
const seed = solved.git.seedSha.slice(0, 7);
const head = solved.git.headSha.slice(0, 7);
const noBranches = historyIntact.params.parse({});
const keepRelease = historyIntact.params.parse({ unchangedBranches: ['release'] });
const withRelease = (sha: string, seedSha?: string) =>
  variant(solved, (e) => void e.git.branches.push({ name: 'release', sha, ...(seedSha !== undefined ? { seedSha } : {}) }));

t.test('a fast-forward of the handed-over commit passes', async (t) => {
  const r = historyIntact.grade(solved, noBranches, ctx);
  t.same([r.status, r.message], ['pass', 'History on the tracked branch was extended, not rewritten.']);
  t.equal(historyIntact.grade(withRelease('a'.repeat(40), 'a'.repeat(40)), keepRelease, ctx).status, 'pass', 'a branch left where it was');
  t.equal(historyIntact.grade(withRelease('b'.repeat(40)), keepRelease, ctx).status, 'pass', 'a branch made after hand-over has no seed to keep');
});

t.test('a rewritten tracked branch fails, naming the commit that vanished', async (t) => {
  const r = historyIntact.grade(variant(solved, (e) => void (e.git.headContainsSeed = false)), noBranches, ctx);
  t.equal(r.status, 'fail');
  t.equal(r.message, '1 branch(es) moved in a way the fix should not move them.');
  t.same(r.mismatches, [{ path: 'branch main', got: `rewritten: the handed-over commit ${seed} is no longer in its history (head ${head})`, expected: `a fast-forward of ${seed}` }]);
  t.equal(r.expected, `main fast-forwarded from ${seed}`);
  t.equal(r.actual, `branch main: rewritten: the handed-over commit ${seed} is no longer in its history (head ${head})`);
  t.equal(r.why, 'The controller follows one branch; commits elsewhere never reach the cluster, and rewritten history loses the audit trail.');
});

t.test('a protected branch that moved or was deleted fails, with its commits', async (t) => {
  const moved = historyIntact.grade(withRelease('c'.repeat(40), 'd'.repeat(40)), keepRelease, ctx);
  t.equal(moved.status, 'fail');
  t.same(moved.mismatches, [{ path: 'branch release', got: 'ccccccc', expected: 'ddddddd' }]);
  t.equal(moved.expected, `main fast-forwarded from ${seed}; release untouched`);
  const deleted = historyIntact.grade(withRelease('', 'd'.repeat(40)), keepRelease, ctx);
  t.same(deleted.mismatches, [{ path: 'branch release', got: 'deleted', expected: 'ddddddd' }]);
  const never = historyIntact.grade(solved, keepRelease, ctx);
  t.same(never.mismatches, [{ path: 'branch release', got: 'deleted', expected: 'present' }]);
  const both = historyIntact.grade(variant(withRelease('c'.repeat(40), 'd'.repeat(40)), (e) => void (e.git.headContainsSeed = false)), keepRelease, ctx);
  t.equal(both.message, '2 branch(es) moved in a way the fix should not move them.');
  t.equal(both.mismatches?.length, 2);
});

t.test('describe and parameters', async (t) => {
  t.equal(historyIntact.describe(noBranches), 'tracked branch fast-forwarded, not rewritten');
  t.equal(historyIntact.describe(historyIntact.params.parse({ unchangedBranches: ['a', 'b'] })), 'tracked branch fast-forwarded; a, b untouched');
  t.same(noBranches, { unchangedBranches: [] });
  t.notOk(historyIntact.params.safeParse({ unchangedBranches: [''] }).success);
  t.same([historyIntact.name, historyIntact.boundary], ['git.history-intact', 'git']);
});

t.test('several protected branches: listed in expected, each one that moved in actual', async (t) => {
  const keep = historyIntact.params.parse({ unchangedBranches: ['release', 'hotfix'] });
  const r = historyIntact.grade(withRelease('c'.repeat(40), 'd'.repeat(40)), keep, ctx);
  t.equal(r.expected, `main fast-forwarded from ${seed}; release, hotfix untouched`);
  t.equal(r.actual, 'branch release: ccccccc; branch hotfix: deleted');
  t.match(historyIntact.summary, 'not rewritten');
});
