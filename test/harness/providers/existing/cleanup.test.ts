import t from 'tap';
import { CANDIDATE_KINDS, type ListedObject, PROTECTED_NAMESPACES, selectForDown } from '../../../../harness/providers/existing/cleanup.js';
import type { LedgerEntry } from '../../../../harness/providers/existing/ledger.js';

const RUN = 'gitops-lab.dev/run';
const APP = 'argoproj.io/v1alpha1';
const KS = 'kustomize.toolkit.fluxcd.io/v1';
const GR = 'source.toolkit.fluxcd.io/v1';
const RBAC = 'rbac.authorization.k8s.io/v1';

const ledger: LedgerEntry[] = [
  { runId: 'a1b2c3', namespaces: ['payment-staging-a1b2c3', 'payment-prod-a1b2c3', 'payment-dev-a1b2c3'], at: '' },
  { runId: 'd4e5f6', namespaces: ['payment-staging-d4e5f6'], at: '' },
];

/** What a cluster shared by two of our runs, another gitops-lab user's run and the cluster's own objects lists. */
const listed: ListedObject[] = [
  // run a1b2c3 on Argo CD: the labelled root, the registration it applied, a scenario's AppProject and RBAC.
  { apiVersion: APP, kind: 'Application', namespace: 'argocd', name: 'lab-root-staging-a1b2c3', labels: { [RUN]: 'a1b2c3' } },
  { apiVersion: APP, kind: 'Application', namespace: 'argocd', name: 'payment-api-staging-a1b2c3' },
  { apiVersion: APP, kind: 'AppProject', namespace: 'argocd', name: 'payments-a1b2c3' },
  { apiVersion: RBAC, kind: 'ClusterRole', name: 'payment-api-staging-namespace-a1b2c3' },
  { apiVersion: RBAC, kind: 'ClusterRoleBinding', name: 'payment-api-staging-namespace-a1b2c3' },
  { apiVersion: 'v1', kind: 'Namespace', name: 'payment-staging-a1b2c3' },
  // run d4e5f6 on Flux.
  { apiVersion: GR, kind: 'GitRepository', namespace: 'flux-system', name: 'lab-root-staging-d4e5f6', labels: { [RUN]: 'd4e5f6' } },
  { apiVersion: KS, kind: 'Kustomization', namespace: 'flux-system', name: 'lab-root-staging-d4e5f6', labels: { [RUN]: 'd4e5f6' } },
  { apiVersion: GR, kind: 'GitRepository', namespace: 'flux-system', name: 'payment-api-staging-d4e5f6' },
  { apiVersion: KS, kind: 'Kustomization', namespace: 'flux-system', name: 'payment-api-staging-d4e5f6' },
  { apiVersion: 'v1', kind: 'ServiceAccount', namespace: 'flux-system', name: 'payment-api-deployer-d4e5f6' },
  { apiVersion: 'v1', kind: 'Namespace', name: 'payment-staging-d4e5f6', labels: { [RUN]: 'd4e5f6' } },
  // Another gitops-lab user's run on the same cluster (not in our ledger).
  { apiVersion: APP, kind: 'Application', namespace: 'argocd', name: 'lab-root-staging-0badc0', labels: { [RUN]: '0badc0' } },
  { apiVersion: APP, kind: 'Application', namespace: 'argocd', name: 'payment-api-staging-0badc0' },
  { apiVersion: 'v1', kind: 'Namespace', name: 'payment-staging-0badc0', labels: { [RUN]: '0badc0' } },
  // The cluster's own objects, some of them looking like ours.
  { apiVersion: APP, kind: 'Application', namespace: 'argocd', name: 'team-app' },
  { apiVersion: APP, kind: 'AppProject', namespace: 'argocd', name: 'default' },
  { apiVersion: 'v1', kind: 'ServiceAccount', namespace: 'team-x', name: 'builder-a1b2c3' },
  { apiVersion: APP, kind: 'Application', namespace: 'team-x', name: 'apps-a1b2c3' },
  { apiVersion: 'v1', kind: 'Namespace', name: 'scratch-a1b2c3' },
  { apiVersion: 'v1', kind: 'Namespace', name: 'argocd', labels: { [RUN]: 'a1b2c3' } },
  { apiVersion: 'v1', kind: 'Namespace', name: 'kube-system' },
  { apiVersion: RBAC, kind: 'ClusterRole', name: 'admin' },
  { apiVersion: RBAC, kind: 'ClusterRole', name: 'system:aggregate-a1b2c3x' },
];

const show = (o: { kind: string; namespace?: string; name: string }): string => `${o.kind} ${o.namespace ? `${o.namespace}/` : ''}${o.name}`;

t.test('down selects what the recorded runs created, registrations first and namespaces last', async (t) => {
  t.same(selectForDown(listed, ledger).map((s) => `${show(s)} <${s.runId} ${s.why}>`), [
    'Application argocd/lab-root-staging-a1b2c3 <a1b2c3 label>',
    'Application argocd/payment-api-staging-a1b2c3 <a1b2c3 name>',
    'Kustomization flux-system/lab-root-staging-d4e5f6 <d4e5f6 label>',
    'Kustomization flux-system/payment-api-staging-d4e5f6 <d4e5f6 name>',
    'GitRepository flux-system/lab-root-staging-d4e5f6 <d4e5f6 label>',
    'GitRepository flux-system/payment-api-staging-d4e5f6 <d4e5f6 name>',
    'AppProject argocd/payments-a1b2c3 <a1b2c3 name>',
    'ServiceAccount flux-system/payment-api-deployer-d4e5f6 <d4e5f6 name>',
    'ClusterRoleBinding payment-api-staging-namespace-a1b2c3 <a1b2c3 name>',
    'ClusterRole payment-api-staging-namespace-a1b2c3 <a1b2c3 name>',
    'Namespace payment-staging-a1b2c3 <a1b2c3 ledger>',
    'Namespace payment-staging-d4e5f6 <d4e5f6 label>',
  ]);
});

t.test('nothing of another run, of the cluster, or in a protected namespace is selected', async (t) => {
  const picked = new Set(selectForDown(listed, ledger).map(show));
  for (const o of listed) {
    const ours = o.name.endsWith('-a1b2c3') || o.name.endsWith('-d4e5f6');
    if (!ours) t.notOk(picked.has(show(o)), `${show(o)} is left alone`);
  }
  t.notOk(picked.has('ServiceAccount team-x/builder-a1b2c3'), 'a run-like name outside where runs create that kind');
  t.notOk(picked.has('Application team-x/apps-a1b2c3'));
  t.notOk(picked.has('Namespace scratch-a1b2c3'), 'a namespace that is neither recorded nor labelled, whatever its name');
  t.notOk(picked.has('Namespace argocd'), 'a protected namespace, even labelled with a recorded run');
  for (const ns of PROTECTED_NAMESPACES) t.notOk(picked.has(`Namespace ${ns}`));
});

t.test('an empty ledger selects nothing, labels or not', async (t) => {
  t.same(selectForDown(listed, []), []);
});

t.test('recorded namespaces that are gone are not selected; each object once', async (t) => {
  const twice = [...listed, listed[0]!];
  const sel = selectForDown(twice, ledger);
  t.equal(sel.filter((s) => s.name === 'lab-root-staging-a1b2c3').length, 1);
  t.notOk(sel.some((s) => s.name === 'payment-prod-a1b2c3'), 'recorded, but not on the cluster');
});

t.test('every candidate kind is listed in one place, and namespaces are deleted last', async (t) => {
  t.equal(CANDIDATE_KINDS.at(-1)?.kind, 'Namespace');
  t.same(
    CANDIDATE_KINDS.filter((k) => k.namespace).map((k) => `${k.kind}@${k.namespace}`),
    ['Application@argocd', 'Kustomization@flux-system', 'GitRepository@flux-system', 'AppProject@argocd', 'ServiceAccount@flux-system'],
  );
});
