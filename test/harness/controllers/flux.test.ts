/**
 * The Flux adapter's refresh order. drift-accept recorded on Flux showed the fix scaling staging to 3 for a moment:
 * the root registration lifted the staging Kustomization's suspension before staging's GitRepository had fetched
 * the fix, so the resumed Kustomization applied the old commit. The refresh now has the registration's source
 * handle its request first. The cluster here is a stand-in that answers like source-controller (it records each
 * handled request as status.lastHandledReconcileAt after a delay); what is tested is the order of the requests.
 */
import t from 'tap';
import { flux } from '../../../harness/controllers/flux.js';
import type { KubeClient } from '../../../harness/kube/client.js';

type Ref = { kind: string; name: string };

function cluster(handleAfterMs: number) {
  const objects = new Map<string, Record<string, unknown>>();
  const log: string[] = [];
  const key = (r: Ref) => `${r.kind}/${r.name}`;
  const add = (kind: string, name: string, spec: Record<string, unknown> = {}) => objects.set(`${kind}/${name}`, { apiVersion: 'x', kind, metadata: { name, namespace: 'flux-system' }, spec });
  const kube = {
    async get(ref: Ref) {
      return structuredClone(objects.get(key(ref)));
    },
    async patch(ref: Ref, patch: Record<string, unknown>) {
      const at = (patch as { metadata: { annotations: Record<string, string> } }).metadata.annotations['reconcile.fluxcd.io/requestedAt']!;
      log.push(`request ${key(ref)}`);
      setTimeout(() => {
        objects.get(key(ref))!['status'] = { lastHandledReconcileAt: at };
        log.push(`handled ${key(ref)}`);
      }, handleAfterMs);
      return objects.get(key(ref))!;
    },
  } as unknown as KubeClient;
  return { kube, log, add };
}

t.test("the registration's source handles its request before the root is asked", async (t) => {
  const { kube, log, add } = cluster(300);
  const root = flux.rootName('r1', 'staging');
  add('GitRepository', root);
  add('Kustomization', root);
  add('GitRepository', 'payment-api-staging-r1');
  add('Kustomization', 'payment-api-staging-r1', { sourceRef: { kind: 'GitRepository', name: 'payment-api-staging-r1' } });
  await flux.refresh(kube, 'r1', 'staging', 'payment-api-staging-r1');
  const requests = log.filter((l) => l.startsWith('request'));
  t.same(requests, [
    'request GitRepository/payment-api-staging-r1',
    `request GitRepository/${root}`,
    `request Kustomization/${root}`,
    'request Kustomization/payment-api-staging-r1',
  ]);
  t.ok(log.indexOf('handled GitRepository/payment-api-staging-r1') < log.indexOf(`request Kustomization/${root}`), 'the source fetched before the root applies');
});

t.test('a registration not there yet (the root creates it): the root is asked at once', async (t) => {
  const { kube, log, add } = cluster(300);
  const root = flux.rootName('r2', 'staging');
  add('GitRepository', root);
  add('Kustomization', root);
  const started = Date.now();
  await flux.refresh(kube, 'r2', 'staging', 'payment-api-staging-r2');
  t.same(log.filter((l) => l.startsWith('request')), [`request GitRepository/${root}`, `request Kustomization/${root}`]);
  t.ok(Date.now() - started < 250, 'nothing waited for');
});
