import t from 'tap';
import { commitMessage, mentionPattern } from '../../../graders/git/commit-message.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const ctx = { controller: 'argocd' as const };
const params = commitMessage.params.parse({ mentions: ['payment-api', 'staging'] });

t.test('the reference commit names workload and environment', async (t) => {
  const r = commitMessage.grade(fixture('promote-staging-image', 'argocd', 'solution'), params, ctx);
  t.equal(r.status, 'pass');
  t.match(r.message, 'payment-api: promote 1.27.6 to staging');
});

t.test('a message without the environment fails and quotes the commits', async (t) => {
  const e = variant(fixture('promote-staging-image', 'argocd', 'solution'), (x) => {
    x.git.commits[0]!.subject = 'bump image';
  });
  const r = commitMessage.grade(e, params, ctx);
  t.equal(r.status, 'fail');
  t.match(r.actual, '"bump image"');
});

t.test('matching is case-insensitive and reads the body too', async (t) => {
  const e = variant(fixture('promote-staging-image', 'argocd', 'solution'), (x) => {
    x.git.commits[0]!.subject = 'Payment-API promotion';
    x.git.commits[0]!.body = 'for STAGING';
  });
  t.equal(commitMessage.grade(e, params, ctx).status, 'pass');
});

t.test('no commits after hand-over fails', async (t) => {
  t.equal(commitMessage.grade(fixture('promote-staging-image', 'argocd', 'faults'), params, ctx).status, 'fail');
});

t.test('a reviewer reads the workload in any usual spelling', async (t) => {
  for (const subject of ['staging: bump payment api image to 1.27.6', 'Promote payment_api to Staging', 'paymentapi -> staging']) {
    const e = variant(fixture('promote-staging-image', 'argocd', 'solution'), (x) => {
      x.git.commits[0]!.subject = subject;
      x.git.commits[0]!.body = '';
    });
    t.equal(commitMessage.grade(e, params, ctx).status, 'pass', subject);
  }
  const other = variant(fixture('promote-staging-image', 'argocd', 'solution'), (x) => {
    x.git.commits[0]!.subject = 'payment: promote api to staging';
    x.git.commits[0]!.body = '';
  });
  t.equal(commitMessage.grade(other, params, ctx).status, 'fail', 'the parts must be adjacent');
});

t.test("git revert's own message names what the reverted commit named", async (t) => {
  const e = variant(fixture('promote-staging-image', 'argocd', 'solution'), (x) => {
    x.git.commits[0]!.subject = 'Revert "payment-api: promote 1.27.7 to staging"';
    x.git.commits[0]!.body = 'This reverts commit 0123456789abcdef0123456789abcdef01234567.';
  });
  t.equal(commitMessage.grade(e, params, ctx).status, 'pass');
});

t.test('what pass and fail say: the commit, the words, every commit looked at', async (t) => {
  const solved = fixture('promote-staging-image', 'argocd', 'solution');
  const sha = solved.git.commits[0]!.sha;
  const ok = commitMessage.grade(solved, params, ctx);
  t.equal(ok.message, `Commit ${sha.slice(0, 7)} "payment-api: promote 1.27.6 to staging" names payment-api and staging.`);
  t.equal(ok.expected, 'a commit message mentioning "payment-api" and "staging"');
  const two = variant(solved, (x) => {
    x.git.commits[0]!.subject = 'bump image';
    x.git.commits.push({ ...x.git.commits[0]!, sha: 'f'.repeat(40), subject: 'fix typo', body: '' });
  });
  const r = commitMessage.grade(two, params, ctx);
  t.equal(r.message, 'No commit message names the workload and environment it changes.');
  t.equal(r.actual, `${sha.slice(0, 7)} "bump image"; fffffff "fix typo"`);
  t.equal(r.expected, 'a commit message mentioning "payment-api" and "staging"');
  t.match(r.why, 'a reviewer must see what changed where');
  const later = variant(two, (x) => void (x.git.commits[1]!.subject = 'payment-api: staging to 1.27.6'));
  t.equal(commitMessage.grade(later, params, ctx).message, 'Commit fffffff "payment-api: staging to 1.27.6" names payment-api and staging.', 'any commit after hand-over may carry the message');
  const none = commitMessage.grade(fixture('promote-staging-image', 'argocd', 'faults'), params, ctx);
  t.same([none.message, none.actual, none.expected], ['There is no commit after hand-over.', 'no commits', 'a commit message mentioning "payment-api" and "staging"']);
  t.equal(commitMessage.describe(params), 'a fix commit message mentions payment-api and staging');
});

t.test('a mention is a word in any spelling, never a pattern', async (t) => {
  const matches = (mention: string, text: string) => mentionPattern(mention).test(text);
  t.ok(matches('1.27.6', 'promote 1.27.6'));
  t.notOk(matches('1.27.6', 'promote 1x27y6'), 'a dot is a dot');
  t.ok(matches('payment-api', 'payment--api'), 'several separators');
  t.ok(matches('payment-api', 'payment - api'));
  t.ok(matches('-payment-api-', 'paymentapi'), 'leading and trailing separators are no parts');
  t.ok(matches('a+b', 'a+b'));
  t.notOk(matches('a+b', 'aab'));
});
