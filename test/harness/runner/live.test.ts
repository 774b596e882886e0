import t from 'tap';
import { ownRegistration } from '../../../harness/runner/live.js';

t.test("the harness acts only on a Flux registration in the run's own namespaces; Argo CD's are read in argocd", async (t) => {
  const run = ['payments-dev-abc123', 'payments-staging-abc123'];
  t.ok(ownRegistration('flux', { namespace: 'payments-staging-abc123' }, run));
  t.notOk(ownRegistration('flux', { namespace: 'payments-staging-0badc0' }, run), "another learner's namespace");
  t.notOk(ownRegistration('flux', { namespace: 'flux-system' }, run), 'flux-system');
  t.notOk(ownRegistration('flux', { namespace: undefined }, run), 'no namespace: flux-system, where the roots live');
  t.ok(ownRegistration('argocd', { namespace: 'argocd' }, run));
  t.ok(ownRegistration('argocd', { namespace: undefined }, run));
});
