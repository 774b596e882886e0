/**
 * The existing provider's command path without a cluster: a fake API server (an in-memory store behind the
 * KubeClient interface) and a fake installer stand in for the cluster; the state, the ledger and the decisions
 * are the real ones.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { LabError } from '../../../../harness/errors.js';
import type { KubeClient, KubeObject, ObjectRef } from '../../../../harness/kube/client.js';
import type { InstalledController, Installer } from '../../../../harness/providers/existing/install.js';
import { ExistingProvider } from '../../../../harness/providers/existing/provider.js';
import type { ControllerName } from '../../../../harness/providers/provider.js';
import { REQUIRED_CRDS } from '../../../../harness/providers/upstream/manifests.js';
import { startGitHttpServer } from '../../../../harness/git/http-server.js';
import { GIT_NAMESPACE, IN_CLUSTER_GIT_URL } from '../../../../harness/git/in-cluster.js';
import { recordInClusterGitServer } from '../../../../harness/git/server-process.js';
import { clusterStateDir } from '../../../../harness/providers/state.js';

const RUN = 'gitops-lab.dev/run';
const keyOf = (r: ObjectRef): string => `${r.kind}/${r.namespace ?? ''}/${r.name}`;

/** An API server that holds objects: enough of one for up, status and down. */
class FakeCluster {
  readonly objects = new Map<string, KubeObject>();
  readonly deleted: string[] = [];
  constructor(readonly server: string) {}
  add(o: KubeObject): void {
    this.objects.set(keyOf({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) }), o);
  }
  addCrds(controllers: readonly ControllerName[]): void {
    for (const c of controllers) for (const crd of REQUIRED_CRDS[c]) this.add({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: crd } });
  }
  client(kubeconfigPath: string): KubeClient {
    const unused = async (): Promise<never> => {
      throw new Error('not used by the existing provider');
    };
    return {
      kubeconfigPath,
      server: this.server,
      list: async (apiVersion, kind, o = {}) => [...this.objects.values()].filter((x) => x.apiVersion === apiVersion && x.kind === kind && (!o.namespace || x.metadata.namespace === o.namespace)),
      get: async (ref) => this.objects.get(keyOf(ref)),
      delete: async (ref) => {
        this.deleted.push(keyOf(ref));
        return this.objects.delete(keyOf(ref));
      },
      raw: async () => 'ok',
      apply: unused,
      create: unused,
      patch: unused,
      patchStatus: unused,
    };
  }
}

class FakeInstaller implements Installer {
  readonly installs: ControllerName[][] = [];
  readonly uninstalls: ControllerName[][] = [];
  constructor(private readonly cluster: FakeCluster) {}
  async install(_kube: KubeClient, controllers: readonly ControllerName[]): Promise<InstalledController[]> {
    this.installs.push([...controllers]);
    this.cluster.addCrds(controllers);
    return controllers.map((c) => ({ controller: c, url: `https://example.invalid/${c}.yaml`, namespace: c === 'argocd' ? 'argocd' : c === 'flux' ? 'flux-system' : 'argo-rollouts', createdNamespace: true, at: 'now' }));
  }
  async uninstall(_kube: KubeClient, installed: readonly InstalledController[]): Promise<void> {
    this.uninstalls.push(installed.map((i) => i.controller));
  }
}

function setup(t: { teardown(fn: () => void): void }, server = 'https://127.0.0.1:1' /* never dialled: the cluster is a fake */) {
  const home = mkdtempSync(join(tmpdir(), 'gitops-lab-existing-'));
  const saved = process.env['GITOPS_LAB_HOME'];
  process.env['GITOPS_LAB_HOME'] = home;
  t.teardown(() => {
    if (saved === undefined) delete process.env['GITOPS_LAB_HOME'];
    else process.env['GITOPS_LAB_HOME'] = saved;
    rmSync(home, { recursive: true, force: true });
  });
  const kubeconfig = join(home, 'user-kubeconfig');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\ncurrent-context: prod\ncontexts:\n- name: prod\n  context: {cluster: prod, user: me}\nclusters:\n- name: prod\n  cluster: {server: '${server}'}\nusers:\n- name: me\n  user: {token: abc}\n`,
  );
  const cluster = new FakeCluster(server);
  const installer = new FakeInstaller(cluster);
  const provider = new ExistingProvider({ kube: (p) => cluster.client(p), installer });
  return { home, kubeconfig, cluster, installer, provider };
}

t.test('missing CRDs without --install-controllers: refused, nothing installed, nothing recorded', async (t) => {
  const { home, kubeconfig, cluster, installer, provider } = setup(t);
  cluster.addCrds(['argocd', 'rollouts']);
  const e = await provider.up({ name: 'prod', controllers: 'all', context: 'prod', kubeconfig }).catch((x: unknown) => x);
  t.ok(e instanceof LabError);
  t.equal((e as LabError).code, 'CLUSTER_UNAVAILABLE');
  t.match((e as LabError).details.join('\n'), /missing gitrepositories/);
  t.same(installer.installs, []);
  t.notOk(existsSync(join(home, 'clusters', 'prod')), 'nothing recorded');
});

t.test('--install-controllers installs only the controllers that are missing, records them, and down removes exactly those', async (t) => {
  const { home, kubeconfig, cluster, installer, provider } = setup(t);
  cluster.addCrds(['argocd', 'rollouts']);
  const h = await provider.up({ name: 'prod', controllers: 'all', context: 'prod', kubeconfig, installControllers: true });
  t.same(installer.installs, [['flux']], 'Flux only: Argo CD and Argo Rollouts were there');
  t.same(h.controllers, ['argocd', 'flux', 'rollouts']);
  const state = JSON.parse(readFileSync(join(home, 'clusters', 'prod', 'state.json'), 'utf8')) as { installed: InstalledController[] };
  t.same(state.installed.map((i) => i.controller), ['flux']);
  // up again: nothing missing any more, nothing installed again, the record kept.
  await provider.up({ name: 'prod', controllers: 'all', context: 'prod', kubeconfig, installControllers: true });
  t.same(installer.installs, [['flux']]);
  await provider.down('prod');
  t.same(installer.uninstalls, [['flux']], 'down uninstalls what up installed, and only that');
  t.notOk(existsSync(join(home, 'clusters', 'prod')));
});

t.test('nothing installed: down uninstalls nothing', async (t) => {
  const { kubeconfig, cluster, installer, provider } = setup(t);
  cluster.addCrds(['argocd', 'flux', 'rollouts']);
  await provider.up({ name: 'prod', controllers: 'all', context: 'prod', kubeconfig, installControllers: true });
  t.same(installer.installs, []);
  await provider.down('prod');
  t.same(installer.uninstalls, []);
});

t.test('a controller another record on the same API server uses is kept', async (t) => {
  const { kubeconfig, cluster, installer, provider } = setup(t);
  cluster.addCrds(['argocd', 'rollouts']);
  await provider.up({ name: 'prod', controllers: 'all', context: 'prod', kubeconfig, installControllers: true });
  await provider.up({ name: 'prod-2', controllers: 'flux', context: 'prod', kubeconfig });
  const lines: string[] = [];
  await provider.down('prod', (l) => lines.push(l));
  t.same(installer.uninstalls, [[]]);
  t.match(lines.join('\n'), /kept flux, which gitops-lab installed: prod-2 on the same API server use it/);
});

t.test('recordRun appends to the ledger; down deletes what the runs created and leaves the rest', async (t) => {
  const { kubeconfig, cluster, provider } = setup(t);
  cluster.addCrds(['argocd', 'rollouts']);
  t.throws(() => provider.recordRun('prod', { runId: 'a1b2c3', namespaces: [] }), LabError, 'no record before up');
  await provider.up({ name: 'prod', controllers: 'argocd', context: 'prod', kubeconfig });
  provider.recordRun('prod', { runId: 'a1b2c3', namespaces: ['payment-staging-a1b2c3', 'payment-prod-a1b2c3'] });
  provider.recordRun('prod', { runId: 'd4e5f6', namespaces: ['payment-staging-d4e5f6'] });
  t.same(provider.runs('prod').map((r) => r.runId), ['a1b2c3', 'd4e5f6']);
  const app = (name: string, labels?: Record<string, string>): KubeObject => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name, namespace: 'argocd', ...(labels ? { labels } : {}) } });
  cluster.add(app('lab-root-staging-a1b2c3', { [RUN]: 'a1b2c3' }));
  cluster.add(app('payment-api-staging-d4e5f6'));
  cluster.add(app('payment-api-staging-0badc0', { [RUN]: '0badc0' }));
  cluster.add(app('team-app'));
  cluster.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'payment-staging-a1b2c3' } });
  cluster.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'payment-staging-0badc0' } });
  cluster.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } });
  const lines: string[] = [];
  await provider.down('prod', (l) => lines.push(l));
  t.same(cluster.deleted, ['Application/argocd/lab-root-staging-a1b2c3', 'Application/argocd/payment-api-staging-d4e5f6', 'Namespace//payment-staging-a1b2c3']);
  t.match(lines.join('\n'), /deleted Application argocd\/lab-root-staging-a1b2c3 \(run a1b2c3, by label\)/);
  t.ok(cluster.objects.has('Application/argocd/team-app'));
  t.ok(cluster.objects.has('Application/argocd/payment-api-staging-0badc0'));
  t.equal((await provider.status('prod')).state, 'absent');
});

t.test('an in-cluster git server: status says whether its URL answers; down deletes its namespace (and nothing of it when there is none)', async (t) => {
  const { home, kubeconfig, cluster, provider } = setup(t);
  cluster.addCrds(['argocd', 'flux', 'rollouts']);
  await provider.up({ name: 'prod', controllers: 'all', context: 'prod', kubeconfig });
  t.same((await provider.status('prod')).processes.map((p) => p.name), ['context prod'], 'no git server in the cluster: nothing about one');
  const server = await startGitHttpServer({ root: join(home, 'volume'), credentials: { username: 'gitops-lab', password: 'pw' } });
  await recordInClusterGitServer(clusterStateDir('prod'), { port: server.port, url: server.url, clusterUrl: IN_CLUSTER_GIT_URL, root: join(home, 'mirrors'), storage: 'own', username: 'gitops-lab', password: 'pw' });
  t.same((await provider.status('prod')).processes[1], { name: `git server at ${server.url}`, pid: undefined, alive: true, ports: {} }, 'its URL answers');
  await server.close();
  t.same((await provider.status('prod')).processes[1]?.alive, false, 'and then does not');
  cluster.add({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: GIT_NAMESPACE } });
  await provider.down('prod');
  t.ok(cluster.deleted.includes(`Namespace//${GIT_NAMESPACE}`), "down deletes the git server's namespace");
  t.notOk(cluster.objects.has(`Namespace//${GIT_NAMESPACE}`));
});
