/**
 * collectClusterEvidence lists each live kind once per environment namespace, with the kind's API version, and
 * keeps an empty list for a kind whose API the cluster does not serve. The API server is a recording fake.
 */
import t from 'tap';
import type { ControllerAdapter } from '../../../harness/controllers/adapter.js';
import { LabError } from '../../../harness/errors.js';
import { API_VERSIONS, collectClusterEvidence } from '../../../harness/evidence/cluster-evidence.js';
import type { KubeClient, KubeObject } from '../../../harness/kube/client.js';
import { LIVE_KINDS } from '../../../harness/model/cluster-evidence.js';

t.test('one list per kind and namespace, each kind under its API version; a kind not served is an empty list', async (t) => {
  const lists: string[] = [];
  const kube = {
    list: async (apiVersion: string, kind: string, o: { namespace?: string } = {}) => {
      lists.push(`${apiVersion} ${kind} ${o.namespace}`);
      if (kind === 'Rollout') throw new LabError('NOT_FOUND', 'the server could not find the requested resource');
      return kind === 'ConfigMap' ? [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'payment-config-5m7h9t2k4b', namespace: o.namespace } } as KubeObject] : [];
    },
  } as unknown as KubeClient;
  const adapter = { name: 'flux', read: async () => ({}), rootName: () => 'root' } as unknown as ControllerAdapter;
  const evidence = await collectClusterEvidence({
    kube,
    adapter,
    environments: { staging: { namespace: 'payments-staging-a1', registration: undefined } },
    handoverAt: '2026-12-03T00:00:00.000Z',
    now: () => new Date('2026-12-03T00:01:00.000Z'),
  });
  t.same(lists.sort(), LIVE_KINDS.map((k) => `${API_VERSIONS[k]} ${k} payments-staging-a1`).sort());
  t.same(Object.keys(evidence.environments['staging']!.objects).sort(), [...LIVE_KINDS].sort());
  t.same(evidence.environments['staging']!.objects['Rollout'], []);
  t.same(evidence.environments['staging']!.objects['ConfigMap']!.map((o) => (o['metadata'] as { name: string }).name), ['payment-config-5m7h9t2k4b']);
  t.same(
    Object.fromEntries(['StatefulSet', 'CronJob', 'ConfigMap', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy', 'Ingress'].map((k) => [k, API_VERSIONS[k as keyof typeof API_VERSIONS]])),
    { StatefulSet: 'apps/v1', CronJob: 'batch/v1', ConfigMap: 'v1', HorizontalPodAutoscaler: 'autoscaling/v2', PodDisruptionBudget: 'policy/v1', NetworkPolicy: 'networking.k8s.io/v1', Ingress: 'networking.k8s.io/v1' },
    'the API versions the lab cluster serves them at (kubectl api-resources)',
  );
});
