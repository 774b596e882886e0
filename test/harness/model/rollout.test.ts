/** deploymentRollout on a Deployment recorded from a real run, and on that Deployment part-way through a rollout. */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { deploymentRollout, type DeploymentLike } from '../../../harness/model/rollout.js';

const evidence = JSON.parse(readFileSync(new URL('../../fixtures/live/promote-staging-image/argocd/solution.json', import.meta.url), 'utf8')) as {
  cluster: { environments: { staging: { objects: { Deployment: DeploymentLike[] } } } };
};
const done = evidence.cluster.environments.staging.objects.Deployment[0]!;
const withStatus = (status: Record<string, unknown>, generation?: number): DeploymentLike => ({
  ...done,
  metadata: { ...done.metadata, ...(generation === undefined ? {} : { generation }) },
  status: { ...(done['status'] as object), ...status },
});

t.test('the recorded Deployment (2 wanted, 2 updated, ready and available) has rolled out', async (t) => {
  const r = deploymentRollout(done);
  t.match(r, { want: 2, updated: 2, ready: 2, replicas: 2, observed: true, isReady: true, rolledOut: true });
  t.equal(r.state, 'payment-api: ready 2/2, updated 2/2, replicas 2');
});

t.test('part-way: not ready while a new replica is not ready or not updated', async (t) => {
  t.match(deploymentRollout(withStatus({ readyReplicas: 1 })), { isReady: false, rolledOut: false });
  t.match(deploymentRollout(withStatus({ updatedReplicas: 1, replicas: 3 })), { isReady: false, rolledOut: false });
  t.equal(deploymentRollout(withStatus({ readyReplicas: 1 })).state, 'payment-api: ready 1/2, updated 2/2, replicas 2');
});

t.test('ready but not rolled out: an old replica left, or a generation the controller has not seen', async (t) => {
  t.match(deploymentRollout(withStatus({ replicas: 3 })), { isReady: true, rolledOut: false });
  const unseen = deploymentRollout(withStatus({}, 3));
  t.match(unseen, { isReady: true, observed: false, rolledOut: false });
  t.match(unseen.state, /generation not observed yet/);
});

t.test('no status yet, spec.replicas defaulting to 1', async (t) => {
  t.match(deploymentRollout({ metadata: { name: 'fresh', generation: 1 }, spec: {} }), { want: 1, ready: 0, isReady: false, rolledOut: false });
  t.match(deploymentRollout({ metadata: { name: 'zero', generation: 1 }, spec: { replicas: 0 }, status: { observedGeneration: 1 } }), { isReady: true, rolledOut: true });
});
