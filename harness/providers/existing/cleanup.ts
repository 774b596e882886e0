/**
 * What `down` deletes on an existing cluster, decided from the objects listed there and the ledger of runs.
 * Pure. An object is ours only when it can be traced to a run in the ledger:
 * - it carries the label gitops-lab.dev/run=<a recorded run id> (the root registrations), or
 * - it is one of the kinds a run's Git repository registers through the root (Argo CD Application and
 *   AppProject in argocd; Flux GitRepository, Kustomization and ServiceAccount in flux-system; ClusterRole and
 *   ClusterRoleBinding), in that place, and its name ends in `-<recorded run id>`, or
 * - it is a namespace recorded for that run (which carries the run id as its suffix).
 * Never a protected namespace, never anything else: the cluster's own objects, and other gitops-lab users' runs
 * on the same cluster, are left alone.
 */
import { RUN_LABEL } from '../../controllers/adapter.js';
import type { ObjectRef } from '../../kube/client.js';
import type { LedgerEntry } from './ledger.js';

export interface CandidateKind {
  readonly apiVersion: string;
  readonly kind: string;
  /** Where runs create this kind (listed there only); absent: cluster-scoped. */
  readonly namespace?: string;
  /** The CRD that must exist for the kind to be listed. */
  readonly crd?: string;
}

/** Every kind a run creates outside its own namespaces, in the order `down` deletes them (namespaces last). */
export const CANDIDATE_KINDS: readonly CandidateKind[] = [
  { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', namespace: 'argocd', crd: 'applications.argoproj.io' },
  { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', namespace: 'flux-system', crd: 'kustomizations.kustomize.toolkit.fluxcd.io' },
  { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', namespace: 'flux-system', crd: 'gitrepositories.source.toolkit.fluxcd.io' },
  { apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', namespace: 'argocd', crd: 'appprojects.argoproj.io' },
  { apiVersion: 'v1', kind: 'ServiceAccount', namespace: 'flux-system' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole' },
  { apiVersion: 'v1', kind: 'Namespace' },
];

/** Namespaces `down` never deletes, whatever was recorded or labelled. */
export const PROTECTED_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease', 'argocd', 'flux-system', 'argo-rollouts']);

/** One listed object, as much of it as the decision needs. */
export interface ListedObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

export interface Selected extends ObjectRef {
  readonly runId: string;
  readonly why: 'label' | 'name' | 'ledger';
}

const key = (o: { kind: string; namespace?: string; name: string }): string => `${o.kind}/${o.namespace ?? ''}/${o.name}`;

/** The run id (of those recorded) that `name` ends with, if any. */
function suffixRun(name: string, runIds: ReadonlySet<string>): string | undefined {
  const m = /-([0-9a-f]{6})$/.exec(name);
  return m && runIds.has(m[1]!) ? m[1] : undefined;
}

/**
 * The objects `down` deletes, in deletion order (CANDIDATE_KINDS order; namespaces last). `listed` holds what
 * was listed for each candidate kind, in its place; recorded namespaces not in `listed` are gone already.
 */
export function selectForDown(listed: readonly ListedObject[], ledger: readonly LedgerEntry[]): Selected[] {
  const runIds = new Set(ledger.map((e) => e.runId));
  const recordedNs = new Map<string, string>();
  for (const e of ledger) for (const ns of e.namespaces) if (ns.endsWith(`-${e.runId}`)) recordedNs.set(ns, e.runId);
  const out: Selected[] = [];
  const seen = new Set<string>();
  for (const k of CANDIDATE_KINDS) {
    for (const o of listed) {
      if (o.kind !== k.kind || o.apiVersion !== k.apiVersion || seen.has(key(o))) continue;
      // Only where runs create this kind: a same-named object elsewhere is not ours.
      if ((o.namespace ?? undefined) !== k.namespace) continue;
      if (k.kind === 'Namespace' && PROTECTED_NAMESPACES.has(o.name)) continue;
      const label = o.labels?.[RUN_LABEL];
      let runId: string | undefined;
      let why: Selected['why'] | undefined;
      if (label !== undefined && runIds.has(label)) [runId, why] = [label, 'label'];
      else if (k.kind === 'Namespace' && recordedNs.has(o.name)) [runId, why] = [recordedNs.get(o.name), 'ledger'];
      else if (k.kind !== 'Namespace') {
        runId = suffixRun(o.name, runIds);
        if (runId) why = 'name';
      }
      if (!runId || !why) continue;
      seen.add(key(o));
      out.push({ apiVersion: o.apiVersion, kind: o.kind, name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}), runId, why });
    }
  }
  return out;
}
