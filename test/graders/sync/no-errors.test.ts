/**
 * sync.no-errors on controller statuses recorded from real runs (canary-failed-analysis solved,
 * on Argo CD and on Flux), changed one field at a time for the states a run did not record.
 */
import t from 'tap';
import { noErrors } from '../../../graders/sync/no-errors.js';
import { fixture, variant } from '../../helpers/fixtures.js';
import type { Evidence } from '../../../harness/model/evidence.js';

const rec = (c: 'argocd' | 'flux') => fixture('canary-failed-analysis', c, 'solution', 'live');
const staging = { environment: 'staging' };
const env = (e: Evidence) => e.cluster!.environments['staging']! as Record<string, any>;

t.test('sync.no-errors: none recorded on either controller; error conditions and failed operations named', async (t) => {
  for (const c of ['argocd', 'flux'] as const) {
    const r = noErrors.grade(rec(c), noErrors.params.parse(staging), { controller: c });
    t.same([r.status, r.message], ['pass', `${c === 'argocd' ? 'Argo CD' : 'Flux'} reports no errors for staging.`]);
  }
  const broken = variant(rec('argocd'), (e) => {
    const app = env(e)['application'];
    app.status.conditions = [{ type: 'ComparisonError', message: 'kustomize build failed' }, { type: 'SharedResourceWarning', message: 'not an error' }];
    app.status.operationState.phase = 'Failed';
    app.status.operationState.message = 'one or more objects failed to apply';
  });
  const r = noErrors.grade(broken, noErrors.params.parse(staging), { controller: 'argocd' });
  t.equal(r.message, 'Argo CD reports 2 error(s) for staging: kustomize build failed');
  t.same(r.mismatches, [
    { path: 'condition ComparisonError', got: 'kustomize build failed', expected: 'absent' },
    { path: 'status.operationState.phase', got: 'Failed: one or more objects failed to apply', expected: 'Succeeded' },
  ]);
  t.equal(r.expected, 'no error conditions');
  const sourceDown = variant(rec('flux'), (e) => void Object.assign(env(e)['gitRepository'].status.conditions[0], { status: 'False', reason: 'GitOperationFailed', message: 'failed to checkout' }));
  t.same(noErrors.grade(sourceDown, noErrors.params.parse(staging), { controller: 'flux' }).mismatches, [{ path: 'GitRepository Ready', got: 'False GitOperationFailed: failed to checkout', expected: 'True' }]);
  t.equal(noErrors.grade(variant(rec('argocd'), (e) => void delete env(e)['application']), noErrors.params.parse(staging), { controller: 'argocd' }).actual, 'no Application');
  t.equal(noErrors.grade(rec('argocd'), noErrors.params.parse({ environment: 'qa' }), { controller: 'argocd' }).status, 'error');
  t.equal(noErrors.describe(staging), 'staging reconciles without controller errors');
});

t.test('sync.no-errors: a Kustomization that refused to apply is an error, quoting the controller', async (t) => {
  const refused = variant(rec('flux'), (e) => void Object.assign(env(e)['kustomization'].status.conditions[0], { status: 'False', reason: 'ReconciliationFailed', message: 'Deployment/payment-api: field is immutable' }));
  const errs = noErrors.grade(refused, noErrors.params.parse(staging), { controller: 'flux' });
  t.equal(errs.message, 'Flux reports 1 error(s) for staging: False ReconciliationFailed: Deployment/payment-api: field is immutable');
  t.equal(errs.actual, 'Kustomization Ready: False ReconciliationFailed: Deployment/payment-api: field is immutable');
});
