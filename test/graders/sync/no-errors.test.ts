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

t.test('sync.no-errors: an operation in Error counts; a Ready=False without reason or message; no Kustomization', async (t) => {
  const errored = variant(rec('argocd'), (e) => void (env(e)['application'].status.operationState.phase = 'Error'));
  t.same(noErrors.grade(errored, noErrors.params.parse(staging), { controller: 'argocd' }).mismatches!.map((m) => m.path), ['status.operationState.phase']);
  const bare = variant(rec('flux'), (e) => void (env(e)['kustomization'].status.conditions = [{ type: 'Ready', status: 'False' }]));
  t.same(noErrors.grade(bare, noErrors.params.parse(staging), { controller: 'flux' }).mismatches, [{ path: 'Kustomization Ready', got: 'False :', expected: 'True' }]);
  const none = noErrors.grade(variant(rec('flux'), (e) => void delete env(e)['kustomization']), noErrors.params.parse(staging), { controller: 'flux' });
  t.same([none.status, none.message, none.actual], ['fail', 'No Flux Kustomization registers staging.', 'no Kustomization']);
  const noApp = noErrors.grade(variant(rec('argocd'), (e) => void delete env(e)['application']), noErrors.params.parse(staging), { controller: 'argocd' });
  t.equal(noApp.message, 'No Argo CD Application registers staging.');
  const two = variant(rec('flux'), (e) => {
    Object.assign(env(e)['kustomization'].status.conditions[0], { status: 'False', reason: 'A', message: 'x' });
    Object.assign(env(e)['gitRepository'].status.conditions[0], { status: 'False', reason: 'B', message: 'y' });
  });
  const r = noErrors.grade(two, noErrors.params.parse(staging), { controller: 'flux' });
  t.equal(r.actual, 'GitRepository Ready: False B: y; Kustomization Ready: False A: x');
  t.match(r.why, 'could not load or apply the desired state');
});

t.test('sync.no-errors reads status through the model: odd fields are absent, a retrying sync is no error yet', async (t) => {
  const odd = variant(rec('argocd'), (e) => {
    const app = env(e)['application'];
    app.status.conditions = [{ message: 'a condition without a type' }, { type: 'SyncError', message: 42 }];
    app.status.operationState.message = { not: 'a string' };
    app.status.operationState.phase = 'Error';
  });
  t.same(noErrors.grade(odd, noErrors.params.parse(staging), { controller: 'argocd' }).mismatches, [
    { path: 'condition SyncError', got: '', expected: 'absent' },
    { path: 'status.operationState.phase', got: 'Error: ', expected: 'Succeeded' },
  ]);
  // The state the Argo CD adapter now settles on: a failed sync of the push put back to Running for a retry. Its
  // error shows at the sync boundary through sync.reconciled (OutOfSync), not here: the operation has not ended.
  const retrying = variant(rec('argocd'), (e) => {
    const app = env(e)['application'];
    app.operation = app.status.operationState.operation;
    Object.assign(app.status.operationState, { phase: 'Running', retryCount: 2, message: 'one or more objects failed to apply. Retrying attempt #2 at 10:16PM.' });
  });
  t.equal(noErrors.grade(retrying, noErrors.params.parse(staging), { controller: 'argocd' }).status, 'pass');
  const fluxOdd = variant(rec('flux'), (e) => {
    env(e)['kustomization'].status.conditions = ['Ready', { type: 'Ready', status: 'False', reason: 7, message: 'apply failed' }];
  });
  t.same(noErrors.grade(fluxOdd, noErrors.params.parse(staging), { controller: 'flux' }).mismatches, [{ path: 'Kustomization Ready', got: 'False : apply failed', expected: 'True' }]);
});

t.test("sync.no-errors: the root's refusal (what applies the registration folder) comes first, quoting Argo CD", async (t) => {
  const message = 'one or more synchronization tasks are not valid (retried 0 times). resource :ConfigMap is not permitted in project lab-root-c0ffee';
  const refused = variant(rec('argocd'), (e) => {
    const root = structuredClone(env(e)['application']);
    root.metadata.name = 'lab-root-staging-c0ffee';
    root.status.sync.status = 'OutOfSync';
    root.status.operationState.phase = 'Failed';
    root.status.operationState.message = message;
    env(e)['root'] = root;
  });
  const r = noErrors.grade(refused, noErrors.params.parse(staging), { controller: 'argocd' });
  t.equal(r.status, 'fail');
  t.equal(r.message, `Argo CD reports 1 error(s) for staging: Failed: ${message}`);
  t.same(r.mismatches, [{ path: 'root status.operationState.phase', got: `Failed: ${message}`, expected: 'Succeeded' }]);
  // The same failed operation on a root that is Synced with Git again is an older one's: nothing is refused now.
  const recovered = variant(refused, (e) => void (env(e)['root'].status.sync.status = 'Synced'));
  t.equal(noErrors.grade(recovered, noErrors.params.parse(staging), { controller: 'argocd' }).status, 'pass');
  // An error condition on the root counts, Synced or not.
  const invalid = variant(recovered, (e) => void (env(e)['root'].status.conditions = [{ type: 'InvalidSpecError', message: 'application repo x is not permitted in project lab-root-c0ffee' }]));
  t.same(noErrors.grade(invalid, noErrors.params.parse(staging), { controller: 'argocd' }).mismatches!.map((m) => m.path), ['root condition InvalidSpecError']);
  // With the registration gone too, the root's refusal says why.
  const gone = variant(refused, (e) => void delete env(e)['application']);
  const g = noErrors.grade(gone, noErrors.params.parse(staging), { controller: 'argocd' });
  t.same([g.status, g.message, g.actual], ['fail', `No Argo CD Application registers staging; its root reports: Failed: ${message}`, 'no Application']);
  t.equal(g.mismatches?.length, 1);
});

t.test("sync.no-errors: Flux's root Kustomization Ready=False is an error; Ready=True is not", async (t) => {
  const withRoot = (status: string) =>
    variant(rec('flux'), (e) => {
      const root = structuredClone(env(e)['kustomization']);
      Object.assign(root.status.conditions[0], { status, reason: 'ReconciliationFailed', message: 'ClusterRoleBinding/escape: forbidden' });
      env(e)['root'] = root;
    });
  const r = noErrors.grade(withRoot('False'), noErrors.params.parse(staging), { controller: 'flux' });
  t.same(r.mismatches, [{ path: 'root Kustomization Ready', got: 'False ReconciliationFailed: ClusterRoleBinding/escape: forbidden', expected: 'True' }]);
  t.equal(noErrors.grade(withRoot('True'), noErrors.params.parse(staging), { controller: 'flux' }).status, 'pass');
  const gone = variant(withRoot('False'), (e) => void delete env(e)['kustomization']);
  t.equal(noErrors.grade(gone, noErrors.params.parse(staging), { controller: 'flux' }).message, 'No Flux Kustomization registers staging; its root reports: False ReconciliationFailed: ClusterRoleBinding/escape: forbidden');
});

t.test("sync.no-errors: a Flux root with no Ready condition yet is no error; Ready=False with neither reason nor message reads 'False :'", async (t) => {
  const withRoot = (conditions: unknown[]) =>
    variant(rec('flux'), (e) => {
      const root = structuredClone(env(e)['kustomization']);
      root.status.conditions = conditions;
      env(e)['root'] = root;
    });
  t.equal(noErrors.grade(withRoot([]), noErrors.params.parse(staging), { controller: 'flux' }).status, 'pass');
  t.same(noErrors.grade(withRoot([{ type: 'Ready', status: 'False' }]), noErrors.params.parse(staging), { controller: 'flux' }).mismatches, [
    { path: 'root Kustomization Ready', got: 'False :', expected: 'True' },
  ]);
  t.same(noErrors.grade(withRoot([{ type: 'Ready', status: 'False', message: 'm' }]), noErrors.params.parse(staging), { controller: 'flux' }).mismatches![0]!.got, 'False : m');
  t.same(noErrors.grade(withRoot([{ type: 'Ready', status: 'False', reason: 'R' }]), noErrors.params.parse(staging), { controller: 'flux' }).mismatches![0]!.got, 'False R:');
});

t.test("sync.no-errors: a root's failing sync that Argo CD keeps retrying is an error from its second retry (a registration's is not: see above)", async (t) => {
  // As recorded on a root refused by its AppProject: phase Running, the error and "Retrying attempt #N" in the message.
  const message = 'one or more synchronization tasks are not valid: resource :ConfigMap is not permitted in project lab-root-6e2e5a. Retrying attempt #4 at 8:37PM.';
  const retrying = (retryCount: number, where: 'root' | 'application') =>
    variant(rec('argocd'), (e) => {
      const app = where === 'root' ? structuredClone(env(e)['application']) : env(e)['application'];
      Object.assign(app.status.operationState, { phase: 'Running', retryCount, message });
      if (where === 'root') {
        app.status.sync.status = 'OutOfSync';
        env(e)['root'] = app;
      }
    });
  const r = noErrors.grade(retrying(4, 'root'), noErrors.params.parse(staging), { controller: 'argocd' });
  t.same(r.mismatches, [{ path: 'root status.operationState.phase', got: `Running, retried 4 times: ${message}`, expected: 'Succeeded' }]);
  t.same(noErrors.grade(retrying(2, 'root'), noErrors.params.parse(staging), { controller: 'argocd' }).mismatches!.map((m) => m.path), ['root status.operationState.phase'], 'from the second retry');
  t.equal(noErrors.grade(retrying(1, 'root'), noErrors.params.parse(staging), { controller: 'argocd' }).status, 'pass', 'the first retry may still cure itself');
  t.equal(noErrors.grade(retrying(4, 'application'), noErrors.params.parse(staging), { controller: 'argocd' }).status, 'pass', "a registration's retrying sync is not this check's");
  const noCount = variant(rec('argocd'), (e) => {
    const root = structuredClone(env(e)['application']);
    Object.assign(root.status.operationState, { phase: 'Running', message: 'syncing' });
    env(e)['root'] = root;
  });
  t.equal(noErrors.grade(noCount, noErrors.params.parse(staging), { controller: 'argocd' }).status, 'pass', 'a root sync running for the first time');
  const bare = variant(rec('argocd'), (e) => {
    const root = structuredClone(env(e)['application']);
    Object.assign(root.status.operationState, { phase: 'Running', retryCount: 3 });
    root.status.sync.status = 'OutOfSync';
    delete root.status.operationState.message;
    env(e)['root'] = root;
  });
  t.equal(noErrors.grade(bare, noErrors.params.parse(staging), { controller: 'argocd' }).mismatches![0]!.got, 'Running, retried 3 times: ');
});

t.test('Flux HelmRelease: a failed upgrade is an error; a released one is not (objects recorded on a local cluster)', async (t) => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { noErrors } = await import('../../../graders/sync/no-errors.js');
  const { fixture, variant } = await import('../../helpers/fixtures.js');
  const { states } = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/controllers/flux-helmrelease.json'), 'utf8'));
  const withHelm = (state: Record<string, any>) =>
    variant(fixture('canary-failed-analysis', 'flux', 'solution', 'live'), (e) => {
      const en = e.cluster!.environments['staging']! as Record<string, any>;
      delete en['kustomization'];
      Object.assign(en, { helmRelease: state['helmRelease'], helmChart: state['helmChart'], gitRepository: state['gitRepository'] });
    });
  const p = noErrors.params.parse({ environment: 'staging' });
  t.equal(noErrors.grade(withHelm(states.upgraded), p, { controller: 'flux' }).status, 'pass');
  const failed = noErrors.grade(withHelm(states.failed), p, { controller: 'flux' });
  t.equal(failed.status, 'fail');
  t.same(failed.mismatches?.map((m) => m.path), ['HelmRelease Ready']);
  t.match(failed.mismatches?.[0]?.got, /^False UpgradeFailed: Helm upgrade failed/);
  // Refused by helm-controller (a chart source in flux-system): no condition says so, the grade does.
  const refused = noErrors.grade(withHelm(states.refused), p, { controller: 'flux' });
  t.equal(refused.status, 'fail');
  t.same(refused.mismatches?.[0], { path: 'HelmRelease spec.chart.spec.sourceRef', got: `refused by helm-controller: cross-namespace references are not allowed: cannot access HelmChart flux-system/${states.refused.helmRelease.metadata.namespace}-${states.refused.helmRelease.metadata.name}`, expected: "a source in the HelmRelease's namespace" });
});
