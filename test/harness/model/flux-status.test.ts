/**
 * readKustomization and readGitRepository on objects recorded from real runs (test/fixtures/live), each field the
 * harness reads, and on odd input: no object, no status, fields of the wrong type, fields the model does not name.
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fluxCondition, helmChartRefusal, readGitRepository, readHelmChart, readHelmRelease, readKustomization, RECONCILE_ANNOTATION, shaOfRevision } from '../../../harness/model/flux-status.js';
import { fixture } from '../../helpers/fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case edits the recorded JSON freely
type Raw = Record<string, any>;
const recorded = (scenario: string, phase: string) => {
  const env = fixture(scenario, 'flux', phase, 'live').cluster!.environments['staging']!;
  return { kustomization: structuredClone(env.kustomization!) as Raw, gitRepository: structuredClone(env.gitRepository!) as Raw };
};
const SHA = 'a239b20382d42e4061eb30c67ec96f7ccb7eaf7a';

t.test('recorded Kustomization (promote-staging-image solved): revisions, conditions, request handled, source', async (t) => {
  const { kustomization: raw } = recorded('promote-staging-image', 'solution');
  const k = readKustomization(raw);
  t.equal(k.status.lastAppliedRevision, `main@sha1:${SHA}`);
  t.equal(k.status.lastAttemptedRevision, `main@sha1:${SHA}`);
  t.equal(k.status.observedGeneration, 1);
  t.equal(k.status.lastHandledReconcileAt, '2026-11-26T22:16:20.002Z');
  t.equal(k.metadata.annotations[RECONCILE_ANNOTATION], '2026-11-26T22:16:20.002Z');
  t.same(fluxCondition(k, 'Ready'), {
    type: 'Ready',
    status: 'True',
    reason: 'ReconciliationSucceeded',
    message: `Applied revision: main@sha1:${SHA}`,
    lastTransitionTime: '2026-11-26T22:16:20Z',
    observedGeneration: 1,
  });
  t.equal(fluxCondition(k, 'Healthy')?.status, 'True');
  t.equal(fluxCondition(k, 'Reconciling'), undefined);
  t.equal(fluxCondition(k, 'Stalled'), undefined);
  t.equal(k.spec?.suspend, undefined);
  t.equal(k.spec?.sourceRef.kind, 'GitRepository');
  t.equal(k.spec?.sourceRef.name, raw['spec'].sourceRef.name);
});

t.test('recorded Kustomization (drift-accept faults): suspended', async (t) => {
  t.equal(readKustomization(recorded('drift-accept', 'faults').kustomization).spec?.suspend, true);
});

t.test('recorded GitRepository: the artifact revision, Ready, request handled', async (t) => {
  const g = readGitRepository(recorded('promote-staging-image', 'solution').gitRepository);
  t.equal(g.status.artifact.revision, `main@sha1:${SHA}`);
  t.equal(fluxCondition(g, 'Ready')?.reason, 'Succeeded');
  t.equal(fluxCondition(g, 'ArtifactInStorage')?.status, 'True');
  t.equal(g.status.lastHandledReconcileAt, '2026-11-26T22:16:19.831Z');
  t.equal(g.metadata.annotations[RECONCILE_ANNOTATION], '2026-11-26T22:16:19.831Z');
  t.equal(g.spec?.suspend, undefined);
});

t.test('fields the model does not name are kept', async (t) => {
  const { kustomization, gitRepository } = recorded('promote-staging-image', 'solution');
  const k = readKustomization(kustomization);
  t.same(k.status['inventory'], kustomization['status'].inventory);
  t.same(k.status['history'], kustomization['status'].history);
  t.equal(k.spec?.['path'], './apps/payment-api/overlays/staging');
  const g = readGitRepository(gitRepository);
  t.same(g.status.artifact['digest'], gitRepository['status'].artifact.digest);
  t.same(g.spec?.['ref'], { branch: 'main' });
});

t.test('Reconciling, Stalled and a failed Ready, as the controllers write them', async (t) => {
  const { kustomization: raw } = recorded('promote-staging-image', 'solution');
  raw['status'].conditions = [
    { type: 'Reconciling', status: 'True', reason: 'ProgressingWithRetry', message: `Running health checks for revision main@sha1:${SHA} with a timeout of 1m0s`, observedGeneration: 2, lastTransitionTime: '2026-11-26T22:16:21Z' },
    { type: 'Ready', status: 'False', reason: 'BuildFailed', message: 'kustomize build failed', observedGeneration: 2, lastTransitionTime: '2026-11-26T22:16:21Z' },
    { type: 'Stalled', status: 'True', reason: 'InvalidCELExpression', message: 'x' },
  ];
  raw['status'].lastAttemptedRevision = `main@sha1:${'b'.repeat(40)}`;
  const k = readKustomization(raw);
  t.equal(fluxCondition(k, 'Reconciling')?.reason, 'ProgressingWithRetry');
  t.equal(fluxCondition(k, 'Ready')?.observedGeneration, 2);
  t.equal(fluxCondition(k, 'Stalled')?.reason, 'InvalidCELExpression');
  t.equal(shaOfRevision(k.status.lastAttemptedRevision), 'b'.repeat(40));
  t.equal(shaOfRevision(k.status.lastAppliedRevision), SHA, 'applied and attempted differ: the newest failed');
});

t.test('odd input never throws: no object, no status, wrong types read as absent', async (t) => {
  for (const odd of [undefined, null, 'Kustomization', 7, [], {}, { status: [] }]) {
    t.same(readKustomization(odd), { metadata: { annotations: {} }, status: { conditions: [] } }, JSON.stringify(odd) ?? 'undefined');
    t.same(readGitRepository(odd), { metadata: { annotations: {} }, status: { conditions: [], artifact: {} } }, JSON.stringify(odd) ?? 'undefined');
  }
  const k = readKustomization({
    metadata: { annotations: { [RECONCILE_ANNOTATION]: 5 } },
    spec: { suspend: 'true', sourceRef: 'repo' },
    status: { conditions: [{ type: 'Ready', status: true }, 'Ready'], lastAppliedRevision: 7, lastAttemptedRevision: null, lastHandledReconcileAt: {}, observedGeneration: '1' },
  });
  t.equal(k.metadata.annotations[RECONCILE_ANNOTATION], undefined);
  t.same(k.spec, { sourceRef: {} }, 'suspend "true" is no boolean: not suspended');
  t.same(k.status, { conditions: [{ type: 'Ready' }] });
  t.same(readGitRepository({ spec: {}, status: { artifact: { revision: 1 } } }).status.artifact, {});
});

t.test('shaOfRevision: Flux and Argo CD revisions, and what is not one', async (t) => {
  t.equal(shaOfRevision(`main@sha1:${SHA}`), SHA);
  t.equal(shaOfRevision(`sha1:${SHA}`), SHA);
  t.equal(shaOfRevision(SHA), SHA);
  t.equal(shaOfRevision('v1.2.3'), 'v1.2.3');
  t.equal(shaOfRevision(''), undefined);
  t.equal(shaOfRevision(undefined), undefined);
  t.equal(shaOfRevision(7), undefined);
});

t.test('nested fields of the wrong type read as absent: the source reference, a GitRepository suspension', async (t) => {
  const k = readKustomization({ spec: { sourceRef: { kind: 1, name: { n: 'x' }, namespace: true } } });
  t.same([k.spec?.sourceRef.kind, k.spec?.sourceRef.name, k.spec?.sourceRef.namespace], [undefined, undefined, undefined]);
  t.equal(readGitRepository({ spec: { suspend: 'true' } }).spec?.suspend, undefined, 'a suspend that is no boolean reads as absent');
  t.equal(readGitRepository({ spec: { suspend: true } }).spec?.suspend, true);
});

t.test('shaOfRevision takes the 40 hex characters at the end of a revision', async (t) => {
  const sha256 = `${'a'.repeat(24)}${'b'.repeat(40)}`;
  t.equal(shaOfRevision(`main@sha256:${sha256}`), 'b'.repeat(40), 'the end of a longer digest, not its start');
});

t.test('helmChartRefusal: a chart source in another namespace that helm-controller did not make a chart of (recorded)', async (t) => {
  const { states } = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/controllers/flux-helmrelease.json'), 'utf8'));
  const refused = readHelmRelease(states.refused.helmRelease);
  const ns = refused.metadata.namespace!;
  const chart = `flux-system/${ns}-${refused.metadata.name}`;
  t.equal(refused.spec?.chart.spec.sourceRef.namespace, 'flux-system');
  t.equal(chart, 'flux-system/payments-staging-ee5e98-payment-api-staging-ee5e98', 'the chart helm-controller named in its log');
  t.same(helmChartRefusal(refused), { message: `cross-namespace references are not allowed: cannot access HelmChart ${chart}`, namespace: ns, sourceNamespace: 'flux-system' }, 'as helm-controller logged it');
  for (const field of ['name', 'namespace']) {
    const partial = structuredClone(states.refused.helmRelease);
    delete partial.metadata[field];
    t.equal(helmChartRefusal(readHelmRelease(partial)), undefined, `no metadata.${field}: no chart to name, no refusal`);
  }
  for (const name of ['installed', 'upgraded', 'failed']) t.equal(helmChartRefusal(readHelmRelease(states[name].helmRelease)), undefined, `${name}: its own namespace's source`);
  const own = structuredClone(states.refused.helmRelease);
  own.spec.chart.spec.sourceRef.namespace = ns;
  t.equal(helmChartRefusal(readHelmRelease(own)), undefined, 'the namespace named is its own');
  const made = structuredClone(states.refused.helmRelease);
  made.status.helmChart = chart;
  t.equal(helmChartRefusal(readHelmRelease(made)), undefined, 'helm-controller made the chart there (no lockdown)');
  t.equal(helmChartRefusal(readHelmRelease(undefined)), undefined, 'never throws');
});

t.test('HelmRelease and HelmChart: the fields the settle decision reads, from objects recorded on a local cluster', async (t) => {
  const { states } = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/controllers/flux-helmrelease.json'), 'utf8'));
  const h = readHelmRelease(states.failed.helmRelease);
  t.equal(h.status.lastAttemptedRevision, '0.3.0+d85559740f23.1');
  t.equal(h.status.helmChart, 'hc-rec/hc-rec-payment-api');
  t.equal(h.spec?.chart.spec.sourceRef.name, 'payment-api-staging');
  t.same(h.status.history.map((x) => x.chartVersion), ['0.3.0+1250a510ecdc.1', '0.3.0+805601b9f35f.1'], 'the failed upgrade made no release');
  t.equal(fluxCondition(h, 'Ready')?.reason, 'UpgradeFailed');
  const c = readHelmChart(states.failed.helmChart);
  t.equal(c.status.observedSourceArtifactRevision, `main@sha1:${states.failed.sha}`);
  t.equal(c.status.artifact.revision, h.status.lastAttemptedRevision);
  t.same(readHelmRelease(undefined).status.history, [], 'never throws');
  t.equal(readHelmChart({ status: { artifact: { revision: 7 } } }).status.artifact.revision, undefined, 'a field of the wrong type reads as absent');
});
