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
