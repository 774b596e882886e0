/**
 * readApplication on Applications recorded from real runs (test/fixtures/live), each field the harness reads, and
 * on odd input: no object, no status, fields of the wrong type, fields the model does not name.
 */
import t from 'tap';
import { automatedSync, errorConditions, readApplication, REFRESH_ANNOTATION } from '../../../harness/model/argocd-status.js';
import { fixture } from '../../helpers/fixtures.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case edits the recorded JSON freely
type Raw = Record<string, any>;
const recorded = (scenario: string, phase: string): Raw => structuredClone(fixture(scenario, 'argocd', phase, 'live').cluster!.environments['staging']!.application!);

t.test('recorded (promote-staging-image solved): sync, health, operation, resources, policy, read as written', async (t) => {
  const raw = recorded('promote-staging-image', 'solution');
  const app = readApplication(raw);
  const sha = raw['status'].sync.revision as string;
  t.match(sha, /^[0-9a-f]{40}$/);
  t.same(app.status.sync.status, 'Synced');
  t.equal(app.status.sync.revision, sha);
  t.equal(app.status.health.status, 'Healthy');
  t.equal(app.status.operationState.phase, 'Succeeded');
  t.equal(app.status.operationState.message, 'successfully synced (all tasks run)');
  t.equal(app.status.operationState.retryCount, undefined, 'never retried: Argo CD omits retryCount');
  t.equal(app.status.operationState.syncResult.revision, sha);
  t.equal(app.status.operationState.operation?.sync.revision, sha, 'the automated sync asked for the sha');
  t.equal(app.status.reconciledAt, raw['status'].reconciledAt);
  t.same(app.status.resources.map((r) => [r.kind, r.status, r.requiresPruning]), [['Namespace', 'Synced', undefined], ['Service', 'Synced', undefined], ['Deployment', 'Synced', undefined]]);
  t.same(app.status.conditions, []);
  t.equal(app.spec.syncPolicy.automated?.prune, true);
  t.equal(app.spec.syncPolicy.automated?.selfHeal, true);
  t.equal(automatedSync(app), true);
  t.equal(app.operation, undefined, 'no operation requested');
  t.equal(app.metadata.name, raw['metadata'].name);
  t.equal(app.metadata.annotations[REFRESH_ANNOTATION], undefined);
});

t.test('recorded (drift-accept faults): OutOfSync by one resource, self-heal off', async (t) => {
  const app = readApplication(recorded('drift-accept', 'faults'));
  t.equal(app.status.sync.status, 'OutOfSync');
  t.same(app.status.resources.filter((r) => r.status === 'OutOfSync').map((r) => r.kind), ['Deployment']);
  t.equal(app.spec.syncPolicy.automated?.selfHeal, false);
});

t.test('fields the model does not name are kept', async (t) => {
  const raw = recorded('promote-staging-image', 'solution');
  const app = readApplication(raw);
  t.same(app.status['history'], raw['status'].history);
  t.same(app.status.sync['comparedTo'], raw['status'].sync.comparedTo);
  t.same(app.spec['source'], raw['spec'].source);
  t.same(app.spec.syncPolicy['syncOptions'], ['CreateNamespace=true']);
  t.same(app.metadata.annotations, raw['metadata'].annotations);
  t.equal(app['kind'], 'Application');
});

t.test('a retrying sync, as Argo CD writes it: operation kept, phase Running, retryCount, the error with the retry note', async (t) => {
  // Not recorded: controller/appcontroller.go puts a failed sync back to Running, increments retryCount and appends
  // ". Retrying attempt #<n> at <time>." to the message; the `operation` stays until the retries end.
  const raw = recorded('promote-staging-image', 'solution');
  const sha = raw['status'].sync.revision as string;
  raw['operation'] = raw['status'].operationState.operation;
  Object.assign(raw['status'].operationState, { phase: 'Running', retryCount: 2, message: 'one or more objects failed to apply, reason: Deployment.apps "payment-api" is invalid: spec.selector: field is immutable. Retrying attempt #2 at 10:16PM.' });
  const app = readApplication(raw);
  t.equal(app.operation?.sync.revision, sha);
  t.equal(app.status.operationState.phase, 'Running');
  t.equal(app.status.operationState.retryCount, 2);
  t.match(app.status.operationState.message, /field is immutable\. Retrying attempt #2/);
});

t.test('error conditions: the types ending in Error, in order; warnings are not errors', async (t) => {
  const raw = recorded('promote-staging-image', 'solution');
  raw['status'].conditions = [
    { type: 'OrphanedResourceWarning', message: 'w' },
    { type: 'ComparisonError', message: 'Failed to load target state: x', lastTransitionTime: '2026-11-26T22:15:17Z' },
    { message: 'no type' },
    { type: 'SyncError', message: 5 },
  ];
  const app = readApplication(raw);
  t.same(errorConditions(app), [{ type: 'ComparisonError', message: 'Failed to load target state: x', lastTransitionTime: '2026-11-26T22:15:17Z' }, { type: 'SyncError' }]);
  t.equal(app.status.conditions.length, 3, 'the condition without a type is left out');
});

t.test('automated sync: off when absent, null (how the adapter turns it off) or enabled: false', async (t) => {
  for (const [policy, on] of [[{}, false], [{ automated: null }, false], [{ automated: {} }, true], [{ automated: { enabled: false } }, false], [{ automated: { enabled: true, prune: false } }, true]] as const) {
    t.equal(automatedSync(readApplication({ spec: { syncPolicy: policy } })), on, JSON.stringify(policy));
  }
});

t.test('odd input never throws: no object, no status, wrong types read as absent', async (t) => {
  const empty = { metadata: { annotations: {} }, spec: { syncPolicy: {} }, status: { sync: {}, health: {}, operationState: { syncResult: {} }, conditions: [], resources: [] } };
  for (const odd of [undefined, null, 'Application', 7, [], {}, { status: null }, { status: 'Synced' }]) t.same(readApplication(odd), empty, JSON.stringify(odd) ?? 'undefined');
  const app = readApplication({
    metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal', broken: 1 } },
    spec: { syncPolicy: { automated: 'yes' } },
    operation: 'sync',
    status: {
      sync: { status: 1, revision: ['abc'] },
      health: 'Healthy',
      operationState: { phase: 3, message: {}, retryCount: '2', syncResult: 'abc', operation: { sync: { revision: 9 } } },
      conditions: 'ComparisonError',
      resources: [{ status: 'OutOfSync', requiresPruning: 'true' }, 'Deployment'],
      reconciledAt: 0,
    },
  });
  t.equal(app.metadata.annotations[REFRESH_ANNOTATION], 'normal');
  t.equal(app.metadata.annotations['broken'], undefined);
  t.equal(app.spec.syncPolicy.automated, undefined);
  t.equal(automatedSync(app), false);
  t.equal(app.operation, undefined);
  t.same(app.status.sync, {});
  t.same(app.status.health, {});
  t.same(app.status.operationState, { operation: { sync: {} }, syncResult: {} });
  t.same(app.status.conditions, []);
  t.same(app.status.resources, [{ status: 'OutOfSync' }]);
  t.equal(app.status.reconciledAt, undefined);
});

t.test('nested fields of the wrong type read as absent: health, the sync result, the automated policy', async (t) => {
  const a = recorded('promote-staging-image', 'solution');
  a['status'].health = { status: 7 };
  a['status'].operationState = { ...a['status'].operationState, syncResult: { revision: ['not', 'a', 'sha'] } };
  a['spec'].syncPolicy = { automated: { enabled: 'false', prune: 'yes', selfHeal: 1 } };
  const app = readApplication(a);
  t.equal(app.status.health.status, undefined, 'health.status');
  t.equal(app.status.operationState.syncResult.revision, undefined, 'syncResult.revision');
  t.same(
    [app.spec.syncPolicy.automated?.enabled, app.spec.syncPolicy.automated?.prune, app.spec.syncPolicy.automated?.selfHeal],
    [undefined, undefined, undefined],
    'automated.enabled, prune and selfHeal',
  );
});
