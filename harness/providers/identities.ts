/**
 * Who each component of a cluster gitops-lab runs is to the API server: the GitOps controllers' ServiceAccounts
 * and the control plane's users. The local provider creates these identities (local/identities.ts); the audit
 * reader (evidence/audit.ts) uses them to tell a controller's write from a person's.
 */
import type { ControllerName } from './provider.js';

/** One rule of a Role (rbac.authorization.k8s.io/v1 PolicyRule). */
export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames?: readonly string[];
}

/** A GitOps controller's ServiceAccount, as upstream's install names it. */
export interface ControllerIdentity {
  /** The process names (ProcessSpec.name) that run with this identity. */
  readonly processes: readonly string[];
  readonly namespace: string;
  readonly serviceAccount: string;
  /**
   * A Role in `namespace` with these rules, as upstream's install gives it, instead of cluster-admin (the default
   * for the controllers that apply workloads anywhere).
   */
  readonly role?: readonly PolicyRule[];
}

/**
 * The rules of upstream's Role `argocd-applicationset-controller` (argo-cd v3.5.1,
 * manifests/base/applicationset-controller/argocd-applicationset-controller-role.yaml; install.yaml binds it in
 * argocd only): ApplicationSets and Applications in argocd, read AppProjects, Secrets and ConfigMaps, write Events,
 * its leader-election Lease. A test compares them with the pinned module's file.
 */
export const APPLICATIONSET_CONTROLLER_RULES: readonly PolicyRule[] = [
  { apiGroups: ['argoproj.io'], resources: ['applications', 'applicationsets', 'applicationsets/finalizers'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
  { apiGroups: ['argoproj.io'], resources: ['appprojects'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['argoproj.io'], resources: ['applicationsets/status'], verbs: ['get', 'patch', 'update'] },
  { apiGroups: [''], resources: ['events'], verbs: ['create', 'get', 'list', 'patch', 'watch'] },
  { apiGroups: [''], resources: ['secrets', 'configmaps'], verbs: ['get', 'list', 'watch'] },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: ['58ac56fa.applicationsets.argoproj.io'], verbs: ['get', 'update', 'create'] },
];

export const CONTROLLER_IDENTITIES: Readonly<Record<ControllerName, readonly ControllerIdentity[]>> = {
  argocd: [
    { processes: ['argocd-application-controller'], namespace: 'argocd', serviceAccount: 'argocd-application-controller' },
    { processes: ['argocd-repo-server'], namespace: 'argocd', serviceAccount: 'argocd-repo-server' },
    { processes: ['argocd-applicationset-controller'], namespace: 'argocd', serviceAccount: 'argocd-applicationset-controller', role: APPLICATIONSET_CONTROLLER_RULES },
  ],
  flux: [
    { processes: ['source-controller'], namespace: 'flux-system', serviceAccount: 'source-controller' },
    { processes: ['kustomize-controller'], namespace: 'flux-system', serviceAccount: 'kustomize-controller' },
    // cluster-admin, as upstream's cluster-reconciler binding gives it (with kustomize-controller's); a HelmRelease
    // installs as the run's reconciler (--default-service-account), not as this identity.
    { processes: ['helm-controller'], namespace: 'flux-system', serviceAccount: 'helm-controller' },
  ],
  rollouts: [{ processes: ['rollouts-controller'], namespace: 'argo-rollouts', serviceAccount: 'argo-rollouts' }],
};

export const serviceAccountUser = (id: Pick<ControllerIdentity, 'namespace' | 'serviceAccount'>): string => `system:serviceaccount:${id.namespace}:${id.serviceAccount}`;

/** The control plane's components kwokctl runs, and the user each authenticates as here. */
export const CONTROL_PLANE_IDENTITIES = [
  { component: 'kube-controller-manager', user: 'system:kube-controller-manager' },
  { component: 'kube-scheduler', user: 'system:kube-scheduler' },
  { component: 'kwok-controller', user: 'system:kwok-controller' },
] as const;
