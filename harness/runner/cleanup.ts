/**
 * What a live session's roots applied from the lab repository (pure): every object under the environments'
 * registration directories, at the seed and at the head, so a cleanup finds registrations, AppProjects,
 * ServiceAccounts and RBAC objects alike, whatever the scenario adds. Registrations (Application, Kustomization,
 * GitRepository) in those directories are the run's whatever their name, as a learner may name a new one freely;
 * anything else qualifies only when named after the run (`…-<runId>`, as every lab template names it), so a
 * learner's file naming the `default` AppProject or a ClusterRole of the cluster's is never a target.
 */
import { docsUnder } from '../../graders/lib/docs.js';
import type { ObjectRef } from '../kube/client.js';
import type { TreeSnapshot } from '../model/evidence.js';

const REGISTRATION_KINDS: readonly string[] = ['Application', 'Kustomization', 'GitRepository'];

export function createdFromGit(trees: readonly TreeSnapshot[], dirs: readonly string[], runId: string, defaultNamespace: string): ObjectRef[] {
  const out = new Map<string, ObjectRef>();
  for (const tree of trees) {
    for (const dir of dirs) {
      for (const { doc } of docsUnder(tree, dir)) {
        const md = (doc['metadata'] ?? {}) as { name?: unknown; namespace?: unknown };
        const { apiVersion, kind } = doc as { apiVersion?: unknown; kind?: unknown };
        if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof md.name !== 'string') continue;
        if (apiVersion.startsWith('kustomize.config.k8s.io/')) continue; // a kustomization.yaml, not an object
        if (!REGISTRATION_KINDS.includes(kind) && !md.name.endsWith(`-${runId}`)) continue;
        // Namespace-less documents land in the root's destination namespace; cluster-scoped kinds ignore it.
        const ref: ObjectRef = { apiVersion, kind, name: md.name, namespace: typeof md.namespace === 'string' ? md.namespace : defaultNamespace };
        out.set(`${apiVersion}/${kind}/${ref.namespace}/${ref.name}`, ref);
      }
    }
  }
  // Registrations first (so nothing re-applies what follows), then the rest in a stable order.
  const rank = (r: ObjectRef): number => (REGISTRATION_KINDS.includes(r.kind) ? 0 : 1);
  return [...out.values()].sort((a, b) => rank(a) - rank(b) || `${a.kind}/${a.name}`.localeCompare(`${b.kind}/${b.name}`));
}
