/** Shared by every provider's install: wait until the API serves the CRDs just applied. */
import { conditionStatus, type KubeClient } from '../kube/client.js';
import { waitFor } from '../supervisor.js';

export async function waitForCrdsEstablished(kube: KubeClient, names: readonly string[], intervalMs = 250): Promise<void> {
  await waitFor(
    async () => {
      const list = await kube.list('apiextensions.k8s.io/v1', 'CustomResourceDefinition');
      const established = new Set(list.filter((c) => conditionStatus(c, 'Established') === 'True').map((c) => c.metadata.name));
      const pending = names.filter((n) => !established.has(n));
      return pending.length === 0 ? true : { pending: `not Established: ${pending.join(', ')}` };
    },
    { what: 'controller CRDs to be Established', timeoutMs: 60_000, intervalMs },
  );
}
