/**
 * The Argo CD adapter's settle decision (has the controller reconciled the pushed commit, or reached a terminal
 * answer for it?) on Applications recorded from real runs (test/fixtures/live), varied where a case was not
 * recorded: a refresh or an operation still pending, a newer push, a sync still running or failed, an error
 * condition, OutOfSync with and without automated sync.
 */
import t from 'tap';
import { argocd } from '../../../harness/controllers/argocd.js';
import type { KubeClient, KubeObject } from '../../../harness/kube/client.js';
import { fixture } from '../../helpers/fixtures.js';

/** A recorded Application, as a mutable copy (each case changes what it needs). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case edits the recorded JSON freely
type App = KubeObject & Record<string, any> & { metadata: { annotations?: Record<string, string> } };
const app = (scenario: string, phase: string): App => structuredClone(fixture(scenario, 'argocd', phase, 'live').cluster!.environments['staging']!.application as App);
const shaOf = (a: KubeObject) => ((a['status'] as { sync: { revision: string } }).sync.revision);
const settled = (a: KubeObject | undefined, sha: string) => argocd.settled(a ? { application: a } : {}, sha, '');
const status = (a: KubeObject) => a['status'] as Record<string, any>;

t.test('recorded: Synced and Healthy at the pushed commit is settled, and says so', async (t) => {
  const solved = app('promote-staging-image', 'solution');
  const v = settled(solved, shaOf(solved));
  t.same(v, { settled: true, state: `sync=Synced@${shaOf(solved).slice(0, 7)} health=Healthy op=Succeeded` });
});

t.test('recorded: drift with self-heal off rests OutOfSync once a sync of this commit ran', async (t) => {
  const drift = app('drift-accept', 'faults');
  t.equal(status(drift)['sync'].status, 'OutOfSync');
  t.equal(status(drift)['operationState'].syncResult.revision, shaOf(drift));
  t.equal(settled(drift, shaOf(drift)).settled, true);
  // The same OutOfSync before any sync of this commit ran: automated sync has it still to come.
  status(drift)['operationState'].syncResult.revision = 'an-older-commit';
  t.equal(settled(drift, shaOf(drift)).settled, false);
  // Without automated sync nothing is to come: it rests.
  (drift['spec'] as Record<string, any>)['syncPolicy'] = {};
  t.equal(settled(drift, shaOf(drift)).settled, true);
  (drift['spec'] as Record<string, any>)['syncPolicy'] = { automated: { enabled: false } };
  t.equal(settled(drift, shaOf(drift)).settled, true, 'automated.enabled false is no automated sync');
});

t.test('OutOfSync only by objects to prune while prune is off rests; with prune on, the sync is to come', async (t) => {
  const drift = app('drift-accept', 'faults');
  status(drift)['operationState'].syncResult.revision = 'an-older-commit';
  status(drift)['resources'] = [{ kind: 'ConfigMap', name: 'orphan', status: 'OutOfSync', requiresPruning: true }, { kind: 'Service', name: 'payment-api', status: 'Synced' }];
  (drift['spec'] as Record<string, any>)['syncPolicy'] = { automated: { prune: false } };
  t.equal(settled(drift, shaOf(drift)).settled, true);
  (drift['spec'] as Record<string, any>)['syncPolicy'] = { automated: { prune: true } };
  t.equal(settled(drift, shaOf(drift)).settled, false);
  status(drift)['resources'].push({ kind: 'Deployment', name: 'payment-api', status: 'OutOfSync' });
  (drift['spec'] as Record<string, any>)['syncPolicy'] = { automated: { prune: false } };
  t.equal(settled(drift, shaOf(drift)).settled, false, 'an object to apply besides the orphan: the sync is to come');
});

t.test('not yet: no Application, a refresh or an operation pending, another commit, a sync running', async (t) => {
  t.same(settled(undefined, 'x'), { settled: false, state: 'no Application yet' });
  const solved = app('promote-staging-image', 'solution');
  const sha = shaOf(solved);
  t.equal(settled(solved, 'a-newer-push').settled, false);
  const refreshing = structuredClone(solved);
  refreshing.metadata = { ...refreshing.metadata, annotations: { ...refreshing.metadata.annotations, 'argocd.argoproj.io/refresh': 'normal' } };
  t.same(settled(refreshing, sha), { settled: false, state: `sync=Synced@${sha.slice(0, 7)} health=Healthy op=Succeeded (refresh pending)` });
  const operation = structuredClone(solved);
  operation['operation'] = { sync: { prune: true } };
  t.match(settled(operation, sha), { settled: false, state: /\(operation pending\)$/ });
  for (const phase of ['Running', 'Terminating']) {
    const running = structuredClone(solved);
    status(running)['operationState'].phase = phase;
    t.same(settled(running, sha), { settled: false, state: `sync=Synced@${sha.slice(0, 7)} health=Healthy op=${phase}` }, phase);
  }
});

t.test('terminal answers: a failed or errored sync of this commit, an error condition whatever the revision', async (t) => {
  const solved = app('promote-staging-image', 'solution');
  const sha = shaOf(solved);
  for (const phase of ['Failed', 'Error']) {
    const failed = structuredClone(solved);
    status(failed)['operationState'].phase = phase;
    status(failed)['sync'].status = 'OutOfSync';
    t.equal(settled(failed, sha).settled, true, phase);
  }
  const invalid = structuredClone(solved);
  status(invalid)['conditions'] = [{ type: 'InvalidSpecError', message: 'application destination server is not permitted' }, { type: 'SyncError', message: 'x' }];
  t.same(settled(invalid, 'a-newer-push'), { settled: true, state: `sync=Synced@${sha.slice(0, 7)} health=Healthy op=Succeeded InvalidSpecError` });
  const warning = structuredClone(solved);
  status(warning)['conditions'] = [{ type: 'OrphanedResourceWarning', message: 'x' }];
  t.equal(settled(warning, 'a-newer-push').settled, false, 'a warning is no answer');
});

t.test('read through the status model: odd fields read as absent, never a throw', async (t) => {
  const solved = app('promote-staging-image', 'solution');
  const sha = shaOf(solved);
  const odd = structuredClone(solved);
  // A condition without a type, a wrong-typed phase: left out, read as absent.
  status(odd)['conditions'] = [{ message: 'no type' }, 7];
  status(odd)['operationState'].phase = 5;
  t.same(settled(odd, sha), { settled: true, state: `sync=Synced@${sha.slice(0, 7)} health=Healthy op=-` });
  const nullOperation = structuredClone(solved);
  nullOperation['operation'] = null;
  t.equal(settled(nullOperation, sha).settled, true, 'operation: null is no operation');
  t.same(settled({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'bare' } }, sha), { settled: false, state: 'sync=?@ health=Unknown op=-' }, 'no status yet');
  const offPolicy = app('drift-accept', 'faults');
  status(offPolicy)['operationState'].syncResult.revision = 'an-older-commit';
  (offPolicy['spec'] as Record<string, any>)['syncPolicy'] = { automated: null };
  t.equal(settled(offPolicy, shaOf(offPolicy)).settled, true, 'automated: null (as suspend writes it) is no automated sync');
});

t.test('suspend turns automated sync off and on, keeping the rest of the policy as recorded', async (t) => {
  const recorded = app('promote-staging-image', 'solution');
  const patches: unknown[] = [];
  const kube = {
    get: async () => structuredClone(recorded),
    patch: async (_ref: unknown, patch: unknown) => {
      patches.push(patch);
      return recorded;
    },
  } as unknown as KubeClient;
  await argocd.suspend(kube, 'payment-api-staging', true, 'person');
  await argocd.suspend(kube, 'payment-api-staging', false, 'person');
  t.same(patches, [
    { spec: { syncPolicy: { automated: null, syncOptions: ['CreateNamespace=true'] } } },
    { spec: { syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] } } },
  ]);
});
