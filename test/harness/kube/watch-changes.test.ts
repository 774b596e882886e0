/**
 * Attribution of a watched version to its writer. managedFields times have one-second resolution: when a person's
 * `kubectl patch` lands in the same second as the controller's last apply, the newest entry is a tie, and the
 * apiserver lists the tied entries in its own order (argocd-controller before kubectl-patch). The previous
 * version's managedFields break the tie: the entry that changed is the writer.
 */
import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attribute } from '../../../harness/kube/watch-changes.js';
import { readRecordedChanges } from '../../../harness/evidence/watch-recorder.js';

const T0 = '2026-11-27T01:00:00Z';
const T1 = '2026-11-27T01:00:07Z';
const selector = { 'f:spec': { 'f:selector': { 'f:app': {} } } };
const argo = (time: string) => ({ manager: 'argocd-controller', operation: 'Apply', time, fieldsV1: { 'f:spec': { 'f:ports': {}, 'f:selector': {} } } });
const service = (resourceVersion: string, managedFields: object[]) => ({
  kind: 'Service',
  metadata: { name: 'payment-api', namespace: 'payment-staging-abc123', resourceVersion, creationTimestamp: T0, managedFields },
});

// The controller applied at T1 (a sync), and the learner's kubectl patch landed in the same second.
const synced = service('100', [argo(T1)]);
const patched = service('101', [argo(T1), { manager: 'kubectl-patch', operation: 'Update', time: T1, fieldsV1: selector }]);

t.test('a tie in time: the entry that changed since the previous version is the writer', async (t) => {
  t.equal(attribute(patched, 'MODIFIED', synced.metadata.managedFields)?.fieldManager, 'kubectl-patch');
  t.equal(attribute(patched, 'MODIFIED')?.fieldManager, 'argocd-controller', 'without the previous version the tie goes to the first entry: why the previous version is kept');
});

t.test('a manager writing again: its entry changed its time (or its fields)', async (t) => {
  const T2 = '2026-11-27T01:00:08Z';
  const again = service('102', [argo(T1), { manager: 'kubectl-patch', operation: 'Update', time: T2, fieldsV1: selector }]);
  t.equal(attribute(again, 'MODIFIED', patched.metadata.managedFields)?.fieldManager, 'kubectl-patch');
  const resync = service('103', [argo('2026-11-27T01:00:09Z'), { manager: 'kubectl-patch', operation: 'Update', time: T2, fieldsV1: selector }]);
  const c = attribute(resync, 'MODIFIED', again.metadata.managedFields);
  t.equal(c?.fieldManager, 'argocd-controller', "the controller's revert");
  t.equal(c?.at, '2026-11-27T01:00:09Z');
  t.equal(c?.verb, 'update');
  // The limit: the same manager writing the same fields again within the same second leaves managedFields as
  // they were, so nothing tells who wrote; the newest entry (first on a tie) is all there is.
  const same = service('104', again.metadata.managedFields);
  t.equal(attribute(same, 'MODIFIED', again.metadata.managedFields)?.fieldManager, 'kubectl-patch');
});

t.test('status writes are never a writer; a first sight goes to the newest entry', async (t) => {
  const withStatus = service('105', [argo(T0), { manager: 'kube-controller-manager', operation: 'Update', time: T1, subresource: 'status', fieldsV1: {} }]);
  t.equal(attribute(withStatus, 'MODIFIED', [argo(T0)])?.fieldManager, 'argocd-controller', 'no write changed: the newest non-status entry');
  const created = attribute(service('1', [argo(T0)]), 'ADDED');
  t.equal(created?.verb, 'create');
  t.equal(attribute(patched, 'DELETED', synced.metadata.managedFields), undefined, 'deletions are not attributed');
});

t.test('a version carries what the bounds over time need: replicas of a Deployment or Rollout, an EndpointSlice\'s Service and ready endpoints', async (t) => {
  const kubectl = { manager: 'kubectl-scale', operation: 'Update', time: T1, subresource: 'scale', fieldsV1: { 'f:spec': { 'f:replicas': {} } } };
  const deployment = (replicas: unknown) => ({ kind: 'Deployment', metadata: { name: 'payment-api', namespace: 'payments-staging-abc123', resourceVersion: '200', creationTimestamp: T0, managedFields: [argo(T0), kubectl] }, spec: { replicas } });
  const scaled = attribute(deployment(3), 'MODIFIED', [argo(T0)]);
  t.equal(scaled?.fieldManager, 'kubectl-scale', 'a scale subresource write is a write');
  t.equal(scaled?.replicas, 3);
  t.equal(attribute({ ...deployment(2), kind: 'Rollout' }, 'MODIFIED', [argo(T0)])?.replicas, 2);
  t.equal(attribute(deployment('3'), 'MODIFIED', [argo(T0)])?.replicas, undefined, 'not a number: not recorded');
  t.equal(attribute({ ...deployment(3), kind: 'ReplicaSet' }, 'MODIFIED', [argo(T0)])?.replicas, undefined, 'ReplicaSets: not a bound');
  const slice = {
    kind: 'EndpointSlice',
    metadata: { name: 'payment-api-x1', namespace: 'payments-staging-abc123', resourceVersion: '300', creationTimestamp: T0, labels: { 'kubernetes.io/service-name': 'payment-api' }, managedFields: [{ manager: 'kube-controller-manager', operation: 'Update', time: T1, fieldsV1: {} }] },
    endpoints: [{ conditions: { ready: true } }, { conditions: { ready: false } }, {}],
  };
  const c = attribute(slice, 'MODIFIED');
  t.same([c?.service, c?.readyEndpoints, c?.replicas], ['payment-api', 2, undefined]);
  t.equal(attribute(service('1', [argo(T0)]), 'ADDED')?.replicas, undefined, 'a Service has none');
});

t.test('the recorder\'s lines carry those fields into the evidence; lines from an older recorder, or with bad values, carry none', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-watch-fields-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'changes.jsonl');
  const kubectl = { manager: 'kubectl-scale', operation: 'Update', time: T1, subresource: 'scale', fieldsV1: {} };
  const scaled = attribute({ kind: 'Deployment', metadata: { name: 'payment-api', namespace: 'ns', resourceVersion: '9', creationTimestamp: T0, managedFields: [argo(T0), kubectl] }, spec: { replicas: 3 } }, 'MODIFIED', [argo(T0)])!;
  const older = { at: T1, namespace: 'ns', kind: 'Deployment', name: 'payment-api', verb: 'update', fieldManager: 'argocd-controller' };
  const hostile = { ...older, replicas: 2.5, service: 7, readyEndpoints: -1 };
  writeFileSync(file, [scaled, older, hostile].map((l) => JSON.stringify(l)).join('\n') + '\n');
  const changes = readRecordedChanges(file, T0);
  t.same(
    changes.map((c) => [c.fieldManager, c.actor, c.source, c.replicas ?? null, c.service ?? null, c.readyEndpoints ?? null]),
    [
      ['kubectl-scale', 'person', 'watch', 3, null, null],
      ['argocd-controller', 'controller', 'watch', null, null, null],
      ['argocd-controller', 'controller', 'watch', null, null, null],
    ],
  );
});
