import t from 'tap';
import { commitMessage } from '../../../graders/git/commit-message.js';
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
