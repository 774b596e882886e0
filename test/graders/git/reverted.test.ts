/** git.reverted on rollback-bad-promotion as recorded (the revert, the wrong revert, a roll-forward), and around it. */
import t from 'tap';
import { reverted, revertedSubject, revertSubject } from '../../../graders/git/reverted.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const SUBJECT = 'payment-api: promote 1.27.9 to staging';
const params = reverted.params.parse({ subject: SUBJECT });
const solved = fixture('rollback-bad-promotion', 'argocd', 'solution');
const revert = solved.git.commits[0]!;
const sha7 = revert.sha.slice(0, 7);
const seed7 = solved.git.seedSha.slice(0, 7);
const later = (subject: string, files = revert.files) => ({ ...revert, sha: 'f'.repeat(40), parents: [revert.sha], subject, body: '', files });

t.test('the recorded revert of the promotion passes, on both controllers and with git\'s own message', async (t) => {
  t.equal(solved.git.commits.length, 2, 'the revert, then the delivery note');
  const r = reverted.grade(solved, params, ctx);
  t.equal(r.status, 'pass');
  t.equal(r.message, `Commit ${sha7} "Revert "${SUBJECT}"" reverts "${SUBJECT}" on main, on top of the handed-over history.`);
  t.equal(r.expected, `a commit "Revert "${SUBJECT}"" on main, a fast-forward of ${seed7}`);
  t.equal(r.actual, `${sha7} "Revert "${SUBJECT}""`);
  t.equal(reverted.grade(fixture('rollback-bad-promotion', 'flux', 'solution'), params, { controller: 'flux' }).status, 'pass');
  t.equal(reverted.grade(fixture('rollback-bad-promotion', 'argocd', 'alternative-revert-no-edit'), params, ctx).status, 'pass');
});

t.test('the untouched seed fails: nothing was reverted', async (t) => {
  const r = reverted.grade(fixture('rollback-bad-promotion', 'argocd', 'faults'), params, ctx);
  t.same([r.status, r.message, r.actual], ['fail', 'There is no commit after hand-over: nothing was reverted.', 'no commits']);
  t.match(r.why, 'new commit that reverts the promotion');
});

t.test('reverting the commit before the promotion fails, naming what was reverted instead', async (t) => {
  const wrong = fixture('rollback-bad-promotion', 'argocd', 'wrong-revert-wrong-commit');
  const c = wrong.git.commits[0]!;
  const r = reverted.grade(wrong, params, ctx);
  t.equal(r.status, 'fail');
  t.equal(r.message, `${c.sha.slice(0, 7)} "Revert "payment-api: promote 1.27.7 to dev"" reverts another commit, not "${SUBJECT}".`);
  t.same(r.mismatches, [{ path: 'main commits', got: '"Revert "payment-api: promote 1.27.7 to dev""', expected: `"Revert "${SUBJECT}""` }]);
  const two = variant(wrong, (e) => void e.git.commits.push(later('Revert "staging: bump replicas"')));
  t.match(reverted.grade(two, params, ctx).message, /" revert another commit, not "/);
});

t.test('rolling forward to another tag is no revert', async (t) => {
  const fwd = fixture('rollback-bad-promotion', 'argocd', 'wrong-roll-forward-untested-tag');
  const r = reverted.grade(fwd, params, ctx);
  t.equal(r.status, 'fail');
  t.equal(r.message, `No commit after hand-over reverts "${SUBJECT}".`);
  t.equal(r.actual, `${fwd.git.commits[0]!.sha.slice(0, 7)} "payment-api: roll staging forward to 1.27.10"`);
});

t.test('the subject must be the revert of exactly that subject', async (t) => {
  for (const subject of [`Revert "${SUBJECT}" and bump dev`, `revert "${SUBJECT}"`, `Revert ${SUBJECT}`, SUBJECT]) {
    const e = variant(solved, (x) => void (x.git.commits[0]!.subject = subject));
    t.equal(reverted.grade(e, params, ctx).status, 'fail', subject);
  }
});

t.test('a revert commit that changes no file reverts nothing', async (t) => {
  const e = variant(solved, (x) => void (x.git.commits[0]!.files = []));
  const r = reverted.grade(e, params, ctx);
  t.same([r.status, r.message], ['fail', `Commit ${sha7} "Revert "${SUBJECT}"" changes no file: it reverts nothing.`]);
  // An empty one beside a real one does not matter.
  t.equal(reverted.grade(variant(solved, (x) => void x.git.commits.push(later(`Revert "${SUBJECT}"`, []))), params, ctx).status, 'pass');
});

t.test('a later commit that reapplies the promotion undoes the rollback', async (t) => {
  for (const subject of [`Reapply "${SUBJECT}"`, `Revert "Revert "${SUBJECT}""`]) {
    const r = reverted.grade(variant(solved, (x) => void x.git.commits.push(later(subject))), params, ctx);
    t.equal(r.status, 'fail', subject);
    t.equal(r.message, `Commit fffffff "${subject}" puts back what ${sha7} reverted.`);
    t.same(r.mismatches, [{ path: 'main commits', got: `"${subject}" after the revert`, expected: 'the revert left in place' }]);
  }
  // Reverted, reapplied, reverted again: the last revert stands.
  const again = variant(solved, (x) => {
    x.git.commits.push(later(`Reapply "${SUBJECT}"`), { ...later(`Revert "${SUBJECT}"`), sha: 'e'.repeat(40) });
  });
  const r = reverted.grade(again, params, ctx);
  t.equal(r.status, 'pass');
  t.equal(r.actual, `eeeeeee "Revert "${SUBJECT}""`);
});

t.test('with files: the revert changes exactly the files the reverted commit changed', async (t) => {
  const KUST = 'apps/payment-api/overlays/staging/kustomization.yaml';
  const PATCH = 'apps/payment-api/overlays/staging/readiness.yaml';
  const exact = reverted.params.parse({ subject: SUBJECT, files: [KUST, PATCH] });
  t.same(revert.files.map((f) => f.path).sort(), [KUST, PATCH], 'the recorded revert');
  t.equal(reverted.grade(solved, exact, ctx).status, 'pass');
  t.equal(reverted.grade(fixture('rollback-bad-promotion', 'flux', 'alternative-revert-no-edit'), exact, { controller: 'flux' }).status, 'pass');
  const partial = reverted.grade(variant(solved, (e) => void (e.git.commits[0]!.files = [{ status: 'modified', path: KUST }])), exact, ctx);
  t.equal(partial.status, 'fail');
  t.equal(partial.message, `Commit ${sha7} "Revert "${SUBJECT}"" does not change exactly the files "${SUBJECT}" changed.`);
  t.equal(partial.expected, `changes to ${KUST}, ${PATCH}`);
  t.equal(partial.actual, KUST);
  t.same(partial.mismatches, [{ path: PATCH, got: 'unchanged', expected: 'reverted' }]);
  const more = reverted.grade(variant(solved, (e) => void e.git.commits[0]!.files.push({ status: 'modified', path: 'apps/payment-api/base/deployment.yaml' })), exact, ctx);
  t.same(more.mismatches, [{ path: 'apps/payment-api/base/deployment.yaml', got: 'changed', expected: 'not in the reverted commit' }]);
  // A rename counts both its ends.
  const renamed = variant(solved, (e) => void (e.git.commits[0]!.files = [{ status: 'modified', path: KUST }, { status: 'renamed', oldPath: PATCH, path: 'x.yaml' }]));
  t.same(reverted.grade(renamed, exact, ctx).mismatches, [{ path: 'x.yaml', got: 'changed', expected: 'not in the reverted commit' }]);
  t.equal(reverted.grade(renamed, reverted.params.parse({ subject: SUBJECT, files: [KUST, PATCH, 'x.yaml'] }), ctx).status, 'pass');
  t.equal(reverted.describe(exact), `"${SUBJECT}" reverted on the tracked branch (${KUST}, ${PATCH}), history intact`);
  t.notOk(reverted.params.safeParse({ subject: SUBJECT, files: [] }).success);
});

t.test('a rewritten branch fails even with the revert on it', async (t) => {
  const r = reverted.grade(variant(solved, (e) => void (e.git.headContainsSeed = false)), params, ctx);
  t.equal(r.status, 'fail');
  t.equal(r.message, `main was rewritten: the handed-over commit ${seed7} is no longer in its history.`);
  t.same(r.mismatches, [{ path: 'branch main', got: `rewritten (head ${solved.git.headSha.slice(0, 7)})`, expected: `a fast-forward of ${seed7}` }]);
});

t.test('subjects, describe and parameters', async (t) => {
  t.equal(revertSubject('a "b"'), 'Revert "a "b""');
  t.equal(revertedSubject('Revert "a "b""'), 'a "b"');
  t.equal(revertedSubject('Revert a'), undefined);
  t.equal(revertedSubject('x Revert "a"'), undefined);
  t.equal(reverted.describe(params), `"${SUBJECT}" reverted on the tracked branch, history intact`);
  t.same([reverted.name, reverted.boundary], ['git.reverted', 'git']);
  t.notOk(reverted.params.safeParse({}).success);
  t.notOk(reverted.params.safeParse({ subject: '' }).success);
  t.notOk(reverted.params.safeParse({ subject: 'x', commit: 'y' }).success);
  t.match(reverted.summary, 'git revert');
});
