/**
 * Attribution of a watched version to its writer. managedFields times have one-second resolution: when a person's
 * `kubectl patch` lands in the same second as the controller's last apply, the newest entry is a tie, and the
 * apiserver lists the tied entries in its own order (argocd-controller before kubectl-patch). The previous
 * version's managedFields break the tie: the entry that changed is the writer.
 */
import t from 'tap';
import { attribute } from '../../../harness/kube/watch-changes.js';

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
