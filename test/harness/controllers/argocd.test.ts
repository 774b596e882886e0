/**
 * The Argo CD adapter's settle decision (has the controller reconciled the pushed commit, or reached a terminal
 * answer for it?) on Applications recorded from real runs (test/fixtures/live), varied where a case was not
 * recorded: a refresh or an operation still pending, a newer push, a sync still running or failed, an error
 * condition, OutOfSync with and without automated sync.
 */
import t from 'tap';
import { beingDeleted } from '../../../harness/controllers/adapter.js';
import { argocd, clip } from '../../../harness/controllers/argocd.js';
import type { KubeClient, KubeObject } from '../../../harness/kube/client.js';
import { fixture } from '../../helpers/fixtures.js';
import { LabError } from '../../../harness/errors.js';

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
  await argocd.suspend(kube, { name: 'payment-api-staging' }, true, 'person');
  await argocd.suspend(kube, { name: 'payment-api-staging' }, false, 'person');
  t.same(patches, [
    { spec: { syncPolicy: { automated: null, syncOptions: ['CreateNamespace=true'] } } },
    { spec: { syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] } } },
  ]);
});

/**
 * A sync of the pushed commit that keeps failing (a Deployment selector change: "field is immutable"), as Argo CD
 * writes it while it waits to retry. No recorded Application has one, so it is the recorded solved Application
 * changed by the fields controller/appcontroller.go sets (argoproj/argo-cd, processRequestedAppOperation): on a
 * Failed or Error phase within the retry limit it sets phase back to Running, increments retryCount, and appends
 * ". Retrying attempt #<n> at <time>." to the message; the top-level `operation` stays until the retries end.
 * operationState.operation echoes the automated sync's request (sync.revision = the sha) and syncResult.revision is
 * the sha the failed attempt resolved (types.go OperationState, SyncOperationResult).
 */
const IMMUTABLE = 'one or more objects failed to apply, reason: Deployment.apps "payment-api" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"payment-api", "tier":"backend"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable';
function retrying(retryCount: number, message = `${IMMUTABLE}. Retrying attempt #${retryCount} at 10:16PM.`): App {
  const a = app('promote-staging-image', 'solution');
  const op = status(a)['operationState'];
  a['operation'] = structuredClone(op.operation);
  Object.assign(op, { phase: 'Running', message, retryCount });
  delete op.finishedAt;
  status(a)['sync'].status = 'OutOfSync';
  return a;
}

t.test('a sync of the pushed commit failing and retried is an answer, with the error on the state line', async (t) => {
  const a = retrying(2);
  const sha = shaOf(a);
  const v = settled(a, sha);
  t.equal(v.settled, true);
  t.equal(v.state, `sync=OutOfSync@${sha.slice(0, 7)} health=Healthy op=Running (retrying: ${clip(`${IMMUTABLE}. Retrying attempt #2 at 10:16PM.`)})`);
  t.match(v.state, /reason: Deployment\.apps "payment-api" is invalid: spec\.selecto/, 'the start of the error');
  t.match(v.state, /field is immutable\. Retrying attempt #2 at 10:16PM\.\)$/, 'and its end, where Kubernetes puts the reason');
  t.match(settled(retrying(1), sha), { settled: false, state: /\(operation pending\)$/ }, 'one retry scheduled: it may still cure itself');
  const long = settled(retrying(3, `x${'y'.repeat(400)}z`), sha).state;
  t.equal(long.slice(long.indexOf('(retrying: ') + 11, -1), `x${'y'.repeat(98)} … ${'y'.repeat(97)}z`, 'the message is cut to 200 characters, both ends kept');
  // The revision from the request alone (syncResult not written yet), or from the top-level operation alone.
  const fromRequest = retrying(2);
  delete status(fromRequest)['operationState'].syncResult;
  t.equal(settled(fromRequest, sha).settled, true);
  const fromOperation = retrying(2);
  delete status(fromOperation)['operationState'].syncResult;
  delete status(fromOperation)['operationState'].operation;
  t.equal(settled(fromOperation, sha).settled, true);
});

t.test('not an answer yet: no retry counted, another commit retrying, a refresh pending, not Running', async (t) => {
  const sha = shaOf(retrying(2));
  const first = retrying(2);
  delete status(first)['operationState'].retryCount;
  t.match(settled(first, sha), { settled: false, state: /op=Running \(operation pending\)$/ }, 'the first attempt still running');
  t.match(settled(retrying(0), sha), { settled: false, state: /\(operation pending\)$/ });
  t.match(settled(retrying(2), 'a-newer-push'), { settled: false, state: /\(operation pending\)$/ }, "an older commit's sync retrying holds the push back");
  const refreshing = retrying(2);
  refreshing.metadata.annotations = { ...refreshing.metadata.annotations, 'argocd.argoproj.io/refresh': 'normal' };
  t.match(settled(refreshing, sha), { settled: false, state: /\(refresh pending\)$/ });
  const terminating = retrying(2);
  status(terminating)['operationState'].phase = 'Terminating';
  t.match(settled(terminating, sha), { settled: false, state: /op=Terminating \(operation pending\)$/ });
  const odd = retrying(2);
  status(odd)['operationState'].retryCount = '2';
  t.equal(settled(odd, sha).settled, false, 'a retryCount that is no number reads as none');
});

t.test('clip keeps both ends of a long message and leaves a short one alone', async (t) => {
  t.equal(clip('short'), 'short');
  t.equal(clip('a'.repeat(200)), 'a'.repeat(200), 'exactly the limit is kept whole');
  t.equal(clip(`${'a'.repeat(150)}${'b'.repeat(151)}`), `${'a'.repeat(99)} … ${'b'.repeat(98)}`);
  t.equal(clip('abcdefghij', 9), 'abc … hij');
  t.equal(clip('abcdefghij', 9).length, 9);
});

t.test("the root's objects: two AppProjects of the run and the root Application in the root's project", async (t) => {
  const objs = argocd.rootObjects({
    runId: 'c0ffee',
    environment: 'staging',
    repoURL: 'http://reader-c0ffee:pw@127.0.0.1:1/lab.git',
    branch: 'main',
    path: 'platform/clusters/staging/argocd',
    namespaces: ['payments-dev-c0ffee', 'payments-staging-c0ffee'],
    rootKinds: [{ group: 'argoproj.io', kind: 'Application' }, { group: 'argoproj.io', kind: 'AppProject' }],
  });
  t.same(objs.map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`), ['AppProject argocd/lab-root-c0ffee', 'AppProject argocd/lab-c0ffee', 'Application argocd/lab-root-staging-c0ffee']);
  t.ok(objs.every((o) => o.metadata.labels?.['gitops-lab.dev/run'] === 'c0ffee'), 'every object carries the run label');
  const [root, run, app] = objs.map((o) => o['spec'] as Record<string, unknown>) as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
  t.same(root['sourceRepos'], ['http://reader-c0ffee:pw@127.0.0.1:1/lab.git']);
  t.same(root['destinations'], [{ server: 'https://kubernetes.default.svc', namespace: 'argocd' }], 'the roots apply into argocd only');
  t.same(root['namespaceResourceWhitelist'], [{ group: 'argoproj.io', kind: 'Application' }, { group: 'argoproj.io', kind: 'AppProject' }], 'Applications, and the kinds the folders hold (once each)');
  t.same(root['clusterResourceWhitelist'], [{ group: 'argoproj.io', kind: 'AppProject' }]);
  t.same(run['sourceRepos'], ['http://reader-c0ffee:pw@127.0.0.1:1/lab.git'], "the run's repository only");
  t.same(run['destinations'], [
    { server: 'https://kubernetes.default.svc', namespace: 'payments-dev-c0ffee' },
    { server: 'https://kubernetes.default.svc', namespace: 'payments-staging-c0ffee' },
  ], "the run's namespaces only");
  t.same(run['clusterResourceWhitelist'], [{ group: '', kind: 'Namespace' }], 'Namespaces (CreateNamespace) are the one cluster-scoped kind');
  t.equal(app['project'], 'lab-root-c0ffee');
  t.same(app['destination'], { server: 'https://kubernetes.default.svc', namespace: 'argocd' });
  const none = argocd.rootObjects({ runId: 'c0ffee', environment: 'dev', repoURL: 'u', branch: 'main', path: 'p', namespaces: [], rootKinds: [] });
  t.same((none[0]!['spec'] as Record<string, unknown>)['namespaceResourceWhitelist'], [{ group: 'argoproj.io', kind: 'Application' }], 'no kinds declared: Applications only');
  t.same((none[0]!['spec'] as Record<string, unknown>)['clusterResourceWhitelist'], [], 'and nothing cluster-scoped');
});

t.test("endOperation terminates a running operation as terminate-op does, and touches nothing else", async (t) => {
  const patches: unknown[] = [];
  let current: KubeObject | undefined;
  const kube = {
    get: async () => current,
    patch: async (_ref: unknown, patch: unknown) => {
      patches.push(patch);
      return current!;
    },
  } as unknown as KubeClient;
  current = retrying(2);
  t.equal(await argocd.endOperation(kube, { name: 'payment-api-staging' }), true, 'a sync retrying a commit');
  t.same(patches, [{ status: { operationState: { phase: 'Terminating' } } }]);
  patches.length = 0;
  const done = app('wrong-selector', 'solution');
  t.equal(status(done)['operationState'].phase, 'Succeeded', 'recorded: a finished sync');
  for (const [why, a] of [['a finished sync', done], ['no Application', undefined]] as const) {
    current = a;
    t.equal(await argocd.endOperation(kube, { name: 'x' }), false, why);
  }
  const noOperation = retrying(2);
  delete noOperation['operation'];
  current = noOperation;
  t.equal(await argocd.endOperation(kube, { name: 'x' }), false, 'Running in the state but no operation set: nothing to terminate');
  t.same(patches, [], 'no patch when there is nothing running');
});

t.test("deleteRoots: the roots, the run's ApplicationSets, then its projects' Applications (finalizers cleared first), then the projects", async (t) => {
  type Ref = { kind: string; namespace?: string; name: string };
  const calls: string[] = [];
  const k = (r: Ref) => `${r.kind}/${r.namespace ?? ''}/${r.name}`;
  const objects: Record<string, KubeObject[]> = {
    ApplicationSet: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name: 'payment-api-r5' } }, { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name: 'payment-api-0badc0' } }],
    Application: [
      // Generated: the ApplicationSet controller's resources finalizer.
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'payment-api-dev-r5', finalizers: ['resources-finalizer.argocd.argoproj.io'] }, spec: { project: 'lab-r5' } },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'payment-api-staging-r5' }, spec: { project: 'lab-r5' } },
      // Another run's, and one in no project of this run: left alone.
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'payment-api-dev-0badc0', finalizers: ['resources-finalizer.argocd.argoproj.io'] }, spec: { project: 'lab-0badc0' } },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'someone-r5' }, spec: { project: 'default' } },
    ],
  };
  const kube = {
    list: async (_a: string, kind: string, o: { namespace: string }) => (o.namespace === 'argocd' ? objects[kind] ?? [] : []),
    patch: async (r: Ref, body: unknown) => void calls.push(`patch ${k(r)} ${JSON.stringify(body)}`),
    delete: async (r: Ref) => void calls.push(`delete ${k(r)}`),
  } as unknown as KubeClient;
  await argocd.deleteRoots(kube, 'r5', ['staging'], ['payments-staging-r5']);
  t.same(calls, [
    'delete Application/argocd/lab-root-staging-r5',
    'delete ApplicationSet/argocd/payment-api-r5',
    'patch Application/argocd/payment-api-dev-r5 {"metadata":{"finalizers":null}}',
    'delete Application/argocd/payment-api-dev-r5',
    'delete Application/argocd/payment-api-staging-r5',
    'delete AppProject/argocd/lab-root-r5',
    'delete AppProject/argocd/lab-r5',
  ]);
  // Deleted by the garbage collector between the list and the patch: nothing to clear, not an error.
  const raced = { ...kube, patch: async () => { throw new LabError('NOT_FOUND', 'patch Application argocd/payment-api-dev-r5: not found'); } } as unknown as KubeClient;
  await t.resolves(argocd.deleteRoots(raced, 'r5', ['staging'], []));
  const broken = { ...kube, patch: async () => { throw new LabError('CLUSTER_UNAVAILABLE', 'refused'); } } as unknown as KubeClient;
  await t.rejects(argocd.deleteRoots(broken, 'r5', ['staging'], []), { code: 'CLUSTER_UNAVAILABLE' });
});

t.test("terminating: the run's Applications that are being deleted, generated ones included; not another run's", async (t) => {
  const app = (name: string, deleting: boolean) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, ...(deleting ? { deletionTimestamp: '2026-12-04T19:28:05Z', finalizers: ['resources-finalizer.argocd.argoproj.io'] } : {}) },
  });
  // The last: a list item without a name (none the API server returns has none) is nobody's run.
  const apps = [app('payment-api-staging-r5', true), app('payment-api-dev-r5', false), app('payment-api-staging-0badc0', true), app('lab-root-staging-r5', false), { kind: 'Application', metadata: { deletionTimestamp: 'x' } }];
  const kube = { list: async (_a: string, kind: string, o: { namespace: string }) => (kind === 'Application' && o.namespace === 'argocd' ? apps : []) } as unknown as KubeClient;
  t.same(await argocd.terminating(kube, 'r5', ['payments-staging-r5']), ['Application/payment-api-staging-r5']);
  t.same(await argocd.terminating(kube, 'c0ffee', []), [], 'none of that run');
  t.same(beingDeleted([{ apiVersion: 'v1', kind: 'Namespace', metadata: { deletionTimestamp: 'x' } } as never, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kept' } }]), ['Namespace/'], 'one without a name is named by its kind alone');
});
