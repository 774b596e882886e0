/**
 * sync.reconciled on controller statuses recorded from real runs (canary-failed-analysis solved,
 * on Argo CD and on Flux), changed one field at a time for the states a run did not record.
 */
import t from 'tap';
import { reconciled } from '../../../graders/sync/reconciled.js';
import { fixture, variant } from '../../helpers/fixtures.js';
import type { Evidence } from '../../../harness/model/evidence.js';

const rec = (c: 'argocd' | 'flux') => fixture('canary-failed-analysis', c, 'solution', 'live');
const staging = { environment: 'staging' };
const env = (e: Evidence) => e.cluster!.environments['staging']! as Record<string, any>;
const OTHER = 'f'.repeat(40);

t.test('Argo CD: Synced at the head passes; another revision or OutOfSync fails, naming what differs', async (t) => {
  const solved = rec('argocd');
  const head = solved.git.headSha;
  const ok = reconciled.grade(solved, reconciled.params.parse(staging), { controller: 'argocd' });
  t.same([ok.status, ok.message, ok.expected, ok.actual], ['pass', `Argo CD is Synced at ${head.slice(0, 7)}.`, `Synced at ${head.slice(0, 7)} (main)`, `Synced at ${head.slice(0, 7)}`]);
  const behind = reconciled.grade(variant(solved, (e) => void (env(e)['application'].status.sync.revision = OTHER)), reconciled.params.parse(staging), { controller: 'argocd' });
  t.equal(behind.message, 'Argo CD reports Synced at fffffff, not the head of main.');
  t.same(behind.mismatches, [{ path: 'status.sync.revision', got: 'fffffff', expected: head.slice(0, 7) }]);
  t.match(behind.why, 'check what the registration tracks');
  const outOfSync = reconciled.grade(variant(solved, (e) => void (env(e)['application'].status.sync.status = 'OutOfSync')), reconciled.params.parse(staging), { controller: 'argocd' });
  t.same(outOfSync.mismatches, [{ path: 'status.sync.status', got: 'OutOfSync', expected: 'Synced' }]);
  t.match(outOfSync.why, 'the controller has not applied the change');
  const unknown = reconciled.grade(variant(solved, (e) => void delete env(e)['application'].status.sync), reconciled.params.parse(staging), { controller: 'argocd' });
  t.equal(unknown.actual, 'Unknown at <none>');
  const none = reconciled.grade(variant(solved, (e) => void delete env(e)['application']), reconciled.params.parse(staging), { controller: 'argocd' });
  t.same([none.status, none.message, none.actual], ['fail', 'No Argo CD Application registers staging.', 'no Application']);
  t.equal(reconciled.grade(solved, reconciled.params.parse({ environment: 'qa' }), { controller: 'argocd' }).status, 'error');
  t.equal(reconciled.describe(staging), "staging reconciled at the tracked branch's head");
});

t.test('Flux: applied at the head and Ready passes; a stale source, an old apply or Ready=False fails', async (t) => {
  const solved = rec('flux');
  const head = solved.git.headSha;
  const h = head.slice(0, 7);
  const ok = reconciled.grade(solved, reconciled.params.parse(staging), { controller: 'flux' });
  t.same([ok.status, ok.message, ok.expected, ok.actual], ['pass', `Flux applied ${h} and is Ready.`, `Ready=True at ${h} (main)`, `Ready=True applied ${h} (source at ${h})`]);
  const stale = reconciled.grade(
    variant(solved, (e) => {
      env(e)['gitRepository'].status.artifact.revision = `main@sha1:${OTHER}`;
      env(e)['kustomization'].status.lastAppliedRevision = `main@sha1:${OTHER}`;
    }),
    reconciled.params.parse(staging),
    { controller: 'flux' },
  );
  t.same(stale.mismatches!.map((m) => m.path), ['GitRepository status.artifact.revision', 'Kustomization status.lastAppliedRevision']);
  t.match(stale.why, 'check the branch it tracks');
  const refused = variant(solved, (e) => {
    env(e)['kustomization'].status.lastAppliedRevision = `main@sha1:${OTHER}`;
    Object.assign(env(e)['kustomization'].status.conditions[0], { status: 'False', reason: 'ReconciliationFailed', message: 'Deployment/payment-api: field is immutable' });
  });
  const r = reconciled.grade(refused, reconciled.params.parse(staging), { controller: 'flux' });
  t.equal(r.why, 'The Kustomization did not apply the revision: Deployment/payment-api: field is immutable.');
  t.same(r.mismatches!.map((m) => [m.path, m.got]), [['Kustomization status.lastAppliedRevision', 'fffffff'], ['Kustomization Ready', 'False ReconciliationFailed']]);
  const none = reconciled.grade(variant(solved, (e) => void delete env(e)['kustomization']), reconciled.params.parse(staging), { controller: 'flux' });
  t.same([none.message, none.actual], ['No Flux Kustomization registers staging.', 'no Kustomization']);
});

t.test('Flux: applied at the head but not Ready fails on Ready alone; no Ready condition reads Unknown', async (t) => {
  const solved = rec('flux');
  const notReady = variant(solved, (e) => void Object.assign(env(e)['kustomization'].status.conditions[0], { status: 'False', reason: 'HealthCheckFailed', message: 'timeout' }));
  const r = reconciled.grade(notReady, reconciled.params.parse(staging), { controller: 'flux' });
  t.equal(r.status, 'fail');
  t.equal(r.message, `Flux reports Ready=False applied ${solved.git.headSha.slice(0, 7)} (source at ${solved.git.headSha.slice(0, 7)}).`);
  t.same(r.mismatches, [{ path: 'Kustomization Ready', got: 'False HealthCheckFailed', expected: 'True' }]);
  const noCondition = variant(solved, (e) => void (env(e)['kustomization'].status.conditions = []));
  const u = reconciled.grade(noCondition, reconciled.params.parse(staging), { controller: 'flux' });
  t.same(u.mismatches, [{ path: 'Kustomization Ready', got: 'Unknown', expected: 'True' }]);
  t.equal(u.why, 'The Kustomization did not apply the revision.');
  t.match(reconciled.grade(variant(solved, (e) => void delete env(e)['kustomization']), reconciled.params.parse(staging), { controller: 'flux' }).why, 'Nothing reconciles an environment');
});

t.test('reads status through the model: a field of the wrong type reads as absent', async (t) => {
  const solved = rec('argocd');
  const odd = reconciled.grade(variant(solved, (e) => void (env(e)['application'].status.sync = { status: 1, revision: ['x'] })), reconciled.params.parse(staging), { controller: 'argocd' });
  t.equal(odd.actual, 'Unknown at <none>');
  const fluxSolved = rec('flux');
  const fluxOdd = reconciled.grade(
    variant(fluxSolved, (e) => {
      env(e)['kustomization'].status.lastAppliedRevision = 7;
      env(e)['gitRepository'].status.artifact = 'main';
    }),
    reconciled.params.parse(staging),
    { controller: 'flux' },
  );
  t.equal(fluxOdd.actual, 'Ready=True applied <none> (source at <none>)');
});

t.test("the run's root refused the registration folder: not reconciled, whatever the registration says", async (t) => {
  const message = 'one or more synchronization tasks are not valid. resource :ConfigMap is not permitted in project lab-root-c0ffee';
  for (const c of ['argocd', 'flux'] as const) {
    const solved = rec(c);
    const head = solved.git.headSha;
    const refused = variant(solved, (e) => {
      const root = structuredClone(env(e)[c === 'argocd' ? 'application' : 'kustomization']);
      if (c === 'argocd') Object.assign(root.status, { sync: { ...root.status.sync, status: 'OutOfSync' }, operationState: { ...root.status.operationState, phase: 'Failed', message } });
      else Object.assign(root.status.conditions[0], { status: 'False', reason: 'ReconciliationFailed', message });
      env(e)['root'] = root;
    });
    const r = reconciled.grade(refused, reconciled.params.parse(staging), { controller: c });
    const got = c === 'argocd' ? `Failed: ${message}` : `False ReconciliationFailed: ${message}`;
    t.same([r.status, r.message], ['fail', `The root that applies staging's registration folder refused it: ${got}`], c);
    t.equal(r.expected, `${c === 'argocd' ? 'Synced' : 'Ready=True'} at ${head.slice(0, 7)} (main)`);
    t.same(r.mismatches, [{ path: c === 'argocd' ? 'root status.operationState.phase' : 'root Kustomization Ready', got, expected: c === 'argocd' ? 'Succeeded' : 'True' }]);
    t.equal(r.actual, `${r.mismatches![0]!.path}: ${got}`);
    t.match(r.why, 'nothing of that commit');
    // A root at peace changes nothing.
    const calm = variant(solved, (e) => void (env(e)['root'] = structuredClone(env(e)[c === 'argocd' ? 'application' : 'kustomization'])));
    t.equal(reconciled.grade(calm, reconciled.params.parse(staging), { controller: c }).status, 'pass', `${c}: a root without errors`);
  }
});

t.test("a root with two errors: both in actual, the first in the message", async (t) => {
  const refused = variant(rec('argocd'), (e) => {
    const root = structuredClone(env(e)['application']);
    root.status.sync.status = 'OutOfSync';
    root.status.conditions = [{ type: 'InvalidSpecError', message: 'not permitted' }];
    Object.assign(root.status.operationState, { phase: 'Failed', message: 'refused' });
    env(e)['root'] = root;
  });
  const r = reconciled.grade(refused, reconciled.params.parse(staging), { controller: 'argocd' });
  t.equal(r.actual, 'root condition InvalidSpecError: not permitted; root status.operationState.phase: Failed: refused');
  t.equal(r.message, "The root that applies staging's registration folder refused it: not permitted");
});

// A Flux registration that is a HelmRelease: the objects recorded on a local cluster (test/fixtures/live/
// flux-helmrelease.json: installed, upgraded, upgrade failed) in place of the recorded run's Kustomization.
t.test('Flux HelmRelease: released the chart built from the head passes; a failed upgrade or a chart of another commit fails', async (t) => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { states } = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/controllers/flux-helmrelease.json'), 'utf8'));
  const withHelm = (state: Record<string, any>, head: string = state['sha']) =>
    variant(rec('flux'), (e) => {
      const en = env(e);
      delete en['kustomization'];
      Object.assign(en, { helmRelease: state['helmRelease'], helmChart: state['helmChart'], gitRepository: state['gitRepository'] });
      (e.git as Record<string, any>)['headSha'] = head;
    });
  const p = reconciled.params.parse(staging);
  const up = reconciled.grade(withHelm(states.upgraded), p, { controller: 'flux' });
  t.equal(up.status, 'pass');
  t.equal(up.message, `Flux released the chart of ${states.upgraded.sha.slice(0, 7)} and is Ready.`);
  t.match(up.actual, 'released 0.3.0+805601b9f35f.1');
  const failed = reconciled.grade(withHelm(states.failed), p, { controller: 'flux' });
  t.equal(failed.status, 'fail');
  t.same(failed.mismatches?.map((m) => m.path), ['HelmRelease status.history[0].chartVersion', 'HelmRelease Ready']);
  t.match(failed.why, 'did not release the chart of the revision: Helm upgrade failed');
  const refused = reconciled.grade(withHelm(states.refused), p, { controller: 'flux' });
  const ns = states.refused.helmRelease.metadata.namespace;
  t.equal(refused.message, `helm-controller refused the HelmRelease: cross-namespace references are not allowed: cannot access HelmChart flux-system/${ns}-${states.refused.helmRelease.metadata.name}.`, 'refused: said so, not "not released"');
  t.same(refused.mismatches, [{ path: 'HelmRelease spec.chart.spec.sourceRef.namespace', got: 'flux-system', expected: ns }]);
  t.equal(refused.actual, `refused: cross-namespace references are not allowed: cannot access HelmChart flux-system/${ns}-${states.refused.helmRelease.metadata.name}`);
  t.match(refused.why, '--no-cross-namespace-refs');
  const behind = reconciled.grade(withHelm(states.installed, states.upgraded.sha), p, { controller: 'flux' });
  t.same(behind.mismatches?.map((m) => m.path), ['GitRepository status.artifact.revision', 'HelmChart status.observedSourceArtifactRevision'], 'pushed, not fetched: the release is of the earlier commit');
});
