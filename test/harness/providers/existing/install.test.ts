import t from 'tap';
import type { KubeObject } from '../../../../harness/kube/client.js';
import { type InstalledController, planInstall, planUninstall, uninstallOrder } from '../../../../harness/providers/existing/install.js';

const flux: InstalledController = { controller: 'flux', url: 'https://example.invalid/flux.yaml', namespace: 'flux-system', createdNamespace: true, at: '' };
const rollouts: InstalledController = { controller: 'rollouts', url: 'https://example.invalid/rollouts.yaml', namespace: 'argo-rollouts', createdNamespace: false, at: '' };

t.test('up installs only when told to, and only the controllers that miss a CRD', async (t) => {
  t.same(planInstall([], false), { install: [] });
  t.same(planInstall([], true), { install: [] });
  const missing = [
    { controller: 'flux' as const, crd: 'gitrepositories.source.toolkit.fluxcd.io' },
    { controller: 'flux' as const, crd: 'kustomizations.kustomize.toolkit.fluxcd.io' },
    { controller: 'rollouts' as const, crd: 'rollouts.argoproj.io' },
  ];
  t.same(planInstall(missing, false), { refuse: true });
  t.same(planInstall(missing, true), { install: ['flux', 'rollouts'] });
});

t.test('down uninstalls what this record installed, unless another record on the same API server uses it', async (t) => {
  t.same(planUninstall([flux, rollouts], 'https://a:6443', []), { uninstall: [flux, rollouts], keep: [] });
  const others = [
    { name: 'other-api', apiServer: 'https://b:6443', controllers: ['flux', 'rollouts'] as const },
    { name: 'cohort-2', apiServer: 'https://a:6443', controllers: ['argocd', 'rollouts'] as const },
  ];
  t.same(planUninstall([flux, rollouts], 'https://a:6443', others), { uninstall: [flux], keep: [{ controller: 'rollouts', usedBy: ['cohort-2'] }] });
  t.same(planUninstall([], 'https://a:6443', others), { uninstall: [], keep: [] });
});

const obj = (kind: string, name: string, namespace?: string): KubeObject => ({ apiVersion: 'v1', kind, metadata: { name, ...(namespace ? { namespace } : {}) } });
const names = (os: KubeObject[]): string[] => os.map((o) => `${o.kind}/${o.metadata.name}`);

t.test('uninstall order: the rest first, CRDs next, the namespace last and only if the install created it', async (t) => {
  const manifest = [obj('CustomResourceDefinition', 'a.example'), obj('ServiceAccount', 'sa', 'flux-system'), obj('Namespace', 'flux-system'), obj('Deployment', 'd', 'flux-system'), obj('ClusterRole', 'cr')];
  t.same(names(uninstallOrder(manifest, 'flux-system', true)), ['ServiceAccount/sa', 'Deployment/d', 'ClusterRole/cr', 'CustomResourceDefinition/a.example', 'Namespace/flux-system']);
  t.same(names(uninstallOrder(manifest, 'flux-system', false)), ['ServiceAccount/sa', 'Deployment/d', 'ClusterRole/cr', 'CustomResourceDefinition/a.example'], 'a namespace that was there stays');
  const noNs = manifest.filter((o) => o.kind !== 'Namespace');
  t.same(names(uninstallOrder(noNs, 'argocd', true)).at(-1), 'Namespace/argocd', 'the namespace the install created, though the manifest does not list it');
});
