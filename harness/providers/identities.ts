/**
 * Who each component of a cluster gitops-lab runs is to the API server: the GitOps controllers' ServiceAccounts
 * and the control plane's users. The local provider creates these identities (local/identities.ts); the audit
 * reader (evidence/audit.ts) uses them to tell a controller's write from a person's.
 */
import type { ControllerName } from './provider.js';

/** A GitOps controller's ServiceAccount, as upstream's install names it. */
export interface ControllerIdentity {
  /** The process names (ProcessSpec.name) that run with this identity. */
  readonly processes: readonly string[];
  readonly namespace: string;
  readonly serviceAccount: string;
}

export const CONTROLLER_IDENTITIES: Readonly<Record<ControllerName, readonly ControllerIdentity[]>> = {
  argocd: [
    { processes: ['argocd-application-controller'], namespace: 'argocd', serviceAccount: 'argocd-application-controller' },
    { processes: ['argocd-repo-server'], namespace: 'argocd', serviceAccount: 'argocd-repo-server' },
  ],
  flux: [
    { processes: ['source-controller'], namespace: 'flux-system', serviceAccount: 'source-controller' },
    { processes: ['kustomize-controller'], namespace: 'flux-system', serviceAccount: 'kustomize-controller' },
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
