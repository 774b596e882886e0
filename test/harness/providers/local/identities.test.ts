/**
 * Per-component identities of the local provider: static tokens and kubeconfigs for the control plane
 * (patched into kwokctl's configuration), ServiceAccounts and TokenRequest tokens for the controllers,
 * reused while they still authenticate.
 */
import t from 'tap';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { APPLICATIONSET_CONTROLLER_RULES, CONTROLLER_IDENTITIES } from '../../../../harness/providers/identities.js';
import { goEnv } from '../../../../harness/providers/local/paths.js';
import {
  controllerIdentityObjects,
  ensureControllerKubeconfigs,
  type TokenMinter,
  withControlPlaneIdentities,
  writeControlPlaneIdentities,
} from '../../../../harness/providers/local/identities.js';

const tmp = (t: { teardown(fn: () => void): void }): string => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-identities-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

t.test('control plane: one static token and one 0600 kubeconfig per component, patched into kwokctl.yaml', async (t) => {
  const dir = tmp(t);
  const files = writeControlPlaneIdentities(dir, 'https://127.0.0.1:40001', '/k/pki/ca.crt');
  const rows = readFileSync(files.tokenFile, 'utf8').trim().split('\n');
  t.same(rows.map((r) => r.split(',').slice(1)), [
    ['system:kube-controller-manager', 'system:kube-controller-manager', '"system:masters"'],
    ['system:kube-scheduler', 'system:kube-scheduler', '"system:masters"'],
    ['system:kwok-controller', 'system:kwok-controller', '"system:masters"'],
  ]);
  const tokens = rows.map((r) => r.split(',')[0]!);
  t.equal(new Set(tokens).size, 3, 'distinct tokens');
  for (const tok of tokens) t.match(tok, /^[0-9a-f]{64}$/);
  t.equal(statSync(files.tokenFile).mode & 0o777, 0o600);
  const kc = parse(readFileSync(files.kubeconfigs['kube-scheduler'], 'utf8')) as { clusters: { cluster: Record<string, string> }[]; users: { name: string; user: { token: string } }[] };
  t.same(kc.clusters[0]!.cluster, { server: 'https://127.0.0.1:40001', 'certificate-authority': '/k/pki/ca.crt' });
  t.same(kc.users[0], { name: 'system:kube-scheduler', user: { token: tokens[1] } });
  t.equal(statSync(files.kubeconfigs['kwok-controller']).mode & 0o777, 0o600);

  const patched = withControlPlaneIdentities('apiVersion: config.kwok.x-k8s.io/v1alpha1\nkind: KwokctlConfiguration\noptions:\n  runtime: binary\n---\nkind: Stage\nmetadata:\n  name: s\n', files);
  const docs = parseAllDocuments(patched).map((d) => d.toJS() as Record<string, unknown>);
  t.equal(docs.length, 2, 'the Stages stay');
  t.same(docs[1], { kind: 'Stage', metadata: { name: 's' } });
  t.same(docs[0]!['options'], { runtime: 'binary' });
  t.same(docs[0]!['componentsPatches'], [
    { name: 'kube-apiserver', extraArgs: [{ key: 'token-auth-file', value: files.tokenFile }] },
    { name: 'kube-controller-manager', extraArgs: [{ key: 'kubeconfig', value: files.kubeconfigs['kube-controller-manager'], override: true }] },
    { name: 'kube-scheduler', extraArgs: [{ key: 'kubeconfig', value: files.kubeconfigs['kube-scheduler'], override: true }] },
    { name: 'kwok-controller', extraArgs: [{ key: 'kubeconfig', value: files.kubeconfigs['kwok-controller'], override: true }] },
  ]);
});

t.test('controllers: the ServiceAccounts upstream installs use, bound to cluster-admin but the applicationset-controller', async (t) => {
  t.same(
    Object.values(CONTROLLER_IDENTITIES).flat().map((i) => `${i.namespace}/${i.serviceAccount}`),
    ['argocd/argocd-application-controller', 'argocd/argocd-repo-server', 'argocd/argocd-applicationset-controller', 'flux-system/source-controller', 'flux-system/kustomize-controller', 'flux-system/helm-controller', 'argo-rollouts/argo-rollouts'],
  );
  // helm-controller as upstream binds it (cluster-reconciler: cluster-admin, with kustomize-controller).
  const [hsa, hcrb] = controllerIdentityObjects(CONTROLLER_IDENTITIES.flux[2]!);
  t.equal(hsa!.metadata.name, 'helm-controller');
  t.same(hcrb!['roleRef'], { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' });
  t.same(hcrb!['subjects'], [{ kind: 'ServiceAccount', name: 'helm-controller', namespace: 'flux-system' }]);
  const [sa, crb] = controllerIdentityObjects(CONTROLLER_IDENTITIES.flux[1]!);
  t.same(sa!.metadata, { name: 'kustomize-controller', namespace: 'flux-system', labels: { 'app.kubernetes.io/managed-by': 'gitops-lab' } });
  t.same(crb!['roleRef'], { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' });
  t.same(crb!['subjects'], [{ kind: 'ServiceAccount', name: 'kustomize-controller', namespace: 'flux-system' }]);
});

t.test('controller kubeconfigs: a token per ServiceAccount, reused while it still authenticates as that account', async (t) => {
  const dir = tmp(t);
  const admin = join(dir, 'kubeconfig');
  writeFileSync(admin, 'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:40001\n    certificate-authority: /k/pki/ca.crt\n');
  const minted: string[] = [];
  let valid = true;
  const minter: TokenMinter = {
    async createToken(ns, sa, duration) {
      minted.push(`${ns}/${sa} ${duration}`);
      return `tok-${ns}-${sa}-${minted.length}`;
    },
    async whoami(file) {
      if (!valid) return undefined;
      const kc = parse(readFileSync(file, 'utf8')) as { users: { name: string }[] };
      return kc.users[0]!.name;
    },
  };
  const first = await ensureControllerKubeconfigs(dir, admin, ['flux', 'rollouts'], minter);
  t.same(Object.keys(first), ['source-controller', 'kustomize-controller', 'helm-controller', 'rollouts-controller']);
  t.same(minted, ['flux-system/source-controller 8760h', 'flux-system/kustomize-controller 8760h', 'flux-system/helm-controller 8760h', 'argo-rollouts/argo-rollouts 8760h']);
  const kc = parse(readFileSync(first['kustomize-controller']!, 'utf8')) as { clusters: { cluster: Record<string, string> }[]; users: { name: string; user: { token: string } }[] };
  t.same(kc.users[0], { name: 'system:serviceaccount:flux-system:kustomize-controller', user: { token: 'tok-flux-system-kustomize-controller-2' } });
  t.same(kc.clusters[0]!.cluster, { server: 'https://127.0.0.1:40001', 'certificate-authority': '/k/pki/ca.crt' });
  t.equal(statSync(first['kustomize-controller']!).mode & 0o777, 0o600);

  const again = await ensureControllerKubeconfigs(dir, admin, ['flux', 'rollouts'], minter);
  t.same(again, first);
  t.equal(minted.length, 4, 'a running cluster keeps its tokens');

  valid = false;
  await ensureControllerKubeconfigs(dir, admin, ['flux'], minter);
  t.same(minted.slice(4), ['flux-system/source-controller 8760h', 'flux-system/kustomize-controller 8760h', 'flux-system/helm-controller 8760h'], 'a token that no longer authenticates is replaced');
});

t.test("the applicationset-controller: upstream's Role in argocd, bound there only, nothing cluster-wide", async (t) => {
  const id = CONTROLLER_IDENTITIES.argocd.find((i) => i.serviceAccount === 'argocd-applicationset-controller')!;
  t.same(id.processes, ['argocd-applicationset-controller']);
  const objs = controllerIdentityObjects(id);
  t.same(objs.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`), [
    'ServiceAccount/argocd/argocd-applicationset-controller',
    'Role/argocd/argocd-applicationset-controller',
    'RoleBinding/argocd/argocd-applicationset-controller',
  ]);
  t.notOk(objs.some((o) => o.kind.startsWith('Cluster')), 'no ClusterRole or ClusterRoleBinding');
  const [, role, binding] = objs;
  t.same(binding!['roleRef'], { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'argocd-applicationset-controller' });
  t.same(binding!['subjects'], [{ kind: 'ServiceAccount', name: 'argocd-applicationset-controller', namespace: 'argocd' }]);
  const rules = role!['rules'] as { apiGroups: string[]; resources: string[]; verbs: string[] }[];
  // What it may write: Applications and ApplicationSets (and their status), Events, its Lease; Secrets only read.
  const writes = rules.filter((r) => r.verbs.some((v) => ['create', 'update', 'patch', 'delete'].includes(v))).flatMap((r) => r.resources);
  t.same([...new Set(writes)].sort(), ['applications', 'applicationsets', 'applicationsets/finalizers', 'applicationsets/status', 'events', 'leases']);
  t.same(rules.find((r) => r.resources.includes('secrets'))!.verbs, ['get', 'list', 'watch']);
  t.notOk(rules.some((r) => r.resources.includes('*') || r.verbs.includes('*') || r.apiGroups.includes('*')), 'no wildcard');

  // The same rules as the pinned Argo CD module's Role, where the build cache holds the module.
  const file = join(goEnv()['GOMODCACHE']!, 'github.com', 'argoproj', 'argo-cd', 'v3@v3.5.1', 'manifests', 'base', 'applicationset-controller', 'argocd-applicationset-controller-role.yaml');
  if (!existsSync(file)) {
    t.comment(`not compared: the pinned module is not in the build cache (${file})`);
    return;
  }
  const upstream = parse(readFileSync(file, 'utf8')) as { kind: string; rules: unknown[] };
  t.equal(upstream.kind, 'Role', "upstream's install gives it a namespaced Role");
  t.same(APPLICATIONSET_CONTROLLER_RULES, upstream.rules, "the rules are upstream's, rule for rule");
});
