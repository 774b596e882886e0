/**
 * End-to-end: the existing provider pointed at a cluster started by the local provider, as a user would point it
 * at a remote one (the local provider's kubeconfig has one context). up checks the CRDs and records the context;
 * status reports it; down deletes only what gitops-lab created and leaves the cluster's own objects alone.
 * Everything started here is torn down in t.teardown, also when an assertion fails.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../harness/exec.js';
import { LabError } from '../../harness/errors.js';
import { createKubeClient, type KubeObject } from '../../harness/kube/client.js';
import { contextNames } from '../../harness/providers/existing/kubeconfig.js';
import { ExistingProvider, recordNamespaces } from '../../harness/providers/existing/provider.js';
import { LocalProvider } from '../../harness/providers/local/provider.js';
import { REPO_ROOT } from '../helpers/cli.js';

const home = mkdtempSync(join(tmpdir(), 'gitops-lab-e2e-existing-'));
process.env['GITOPS_LAB_HOME'] = home;
const log = (line: string): void => {
  process.stderr.write(`# ${line}\n`);
};
const BIN = join(REPO_ROOT, 'dist/harness/cli/main.js');
const cli = (args: string[]) => run(process.execPath, [BIN, ...args], { cwd: home, env: { GITOPS_LAB_HOME: home, NO_COLOR: '1' }, allowFailure: true, timeoutMs: 120_000 });

const local = new LocalProvider();
const existing = new ExistingProvider();
const BASE = 'ex-base';
const REMOTE = 'ex-remote';
t.teardown(async () => {
  // The apiserver's and etcd's last words are the first thing to read when something failed.
  const logs = join(home, 'clusters', BASE, 'kwok', 'clusters', BASE, 'logs');
  for (const f of ['kube-apiserver.log', 'etcd.log']) {
    if (existsSync(join(logs, f))) log(`${f} tail:\n${readFileSync(join(logs, f), 'utf8').split('\n').slice(-15).join('\n')}`);
  }
  await existing.down(REMOTE, log).catch((e: unknown) => log(`teardown existing down: ${String(e)}`));
  await local.down(BASE, log).catch((e: unknown) => log(`teardown local down: ${String(e)}`));
  rmSync(home, { recursive: true, force: true });
});

const handle = await local.up({ name: BASE, controllers: 'argocd', nodes: 1, log });
const kube = createKubeClient(handle.kubeconfig);
const contexts = contextNames(readFileSync(handle.kubeconfig, 'utf8'));
t.equal(contexts.length, 1, 'the local kubeconfig has one context');
const context = contexts[0]!;
const FM = 'gitops-lab-e2e';
const RUN = 'gitops-lab.dev/run';

// The cluster's own objects, which gitops-lab must never touch.
await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-keep', labels: { team: 'keep' } } }, { fieldManager: FM });
await kube.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'team-keep' }, data: { a: '1' } }, { fieldManager: FM });
const app = (name: string, labels: Record<string, string>, ns: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: 'argocd', labels },
  spec: { project: 'default', source: { repoURL: 'http://127.0.0.1:9/none.git', targetRevision: 'main', path: '.' }, destination: { server: 'https://kubernetes.default.svc', namespace: ns } },
});
await kube.apply(app('team-app', { team: 'keep' }, 'team-keep'), { fieldManager: FM });
const names = async (apiVersion: string, kind: string, namespace?: string): Promise<string[]> =>
  (await kube.list(apiVersion, kind, namespace ? { namespace } : {})).filter((o) => !o.metadata.deletionTimestamp).map((o) => o.metadata.name!).sort();
const before = {
  namespaces: await names('v1', 'Namespace'),
  crds: await names('apiextensions.k8s.io/v1', 'CustomResourceDefinition'),
  apps: await names('argoproj.io/v1alpha1', 'Application', 'argocd'),
};

t.test('up: a context without the Flux CRDs is refused, naming what is missing and how to install it', async (t) => {
  const error = await existing.up({ name: REMOTE, controllers: 'flux', context, kubeconfig: handle.kubeconfig }).then(
    () => undefined,
    (e: unknown) => e,
  );
  t.ok(error instanceof LabError, 'a LabError');
  const e = error as LabError;
  t.equal(e.code, 'CLUSTER_UNAVAILABLE');
  t.equal(e.message, `context ${context} lacks the CRDs of Flux, which this cluster selection needs`);
  t.equal(e.details[0], 'Flux (flux): missing gitrepositories.source.toolkit.fluxcd.io, kustomizations.kustomize.toolkit.fluxcd.io');
  t.match(e.details[1], /apply -n flux-system --server-side --force-conflicts -f https:\/\/github\.com\/fluxcd\/flux2\/releases\/download\/v2\.9\.4\/install\.yaml/);
  t.notOk(existsSync(join(home, 'clusters', REMOTE)), 'nothing recorded');
  const cliRun = await cli(['up', '--provider', 'existing', '--context', context, '--kubeconfig', handle.kubeconfig, '--controller', 'flux', '--name', REMOTE]);
  t.equal(cliRun.exitCode, 3, 'the CLI exits 3');
  t.match(cliRun.stderr, /missing gitrepositories\.source\.toolkit\.fluxcd\.io/);
});

t.test('up existing with the context, then status says running', async (t) => {
  const r = await cli(['up', '--provider', 'existing', '--context', context, '--kubeconfig', handle.kubeconfig, '--controller', 'argocd', '--name', REMOTE]);
  t.equal(r.exitCode, 0, r.stderr);
  const state = JSON.parse(readFileSync(join(home, 'clusters', REMOTE, 'state.json'), 'utf8')) as { provider: string; context: string; sourceKubeconfig: string; kubeconfig: string; controllers: string[] };
  t.equal(state.provider, 'existing');
  t.equal(state.context, context);
  t.equal(state.sourceKubeconfig, handle.kubeconfig);
  t.same(state.controllers, ['argocd', 'rollouts']);
  t.equal(createKubeClient(state.kubeconfig).server, kube.server, 'the recorded kubeconfig reaches the same apiserver');
  const st = await cli(['status', '--name', REMOTE]);
  t.equal(st.exitCode, 0, st.stdout);
  t.match(st.stdout, new RegExp(`cluster ${REMOTE} \\(existing\\): running`));
  t.equal((await existing.status(REMOTE)).state, 'running');
  t.equal((await local.status(BASE)).state, 'running', 'the local cluster is untouched');
});

t.test('down deletes what gitops-lab created (labelled objects, recorded namespaces) and nothing else', async (t) => {
  // What a run creates: a labelled root Application and namespace, and a namespace recorded for the run.
  await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'payment-staging-abc123', labels: { [RUN]: 'abc123' } } }, { fieldManager: FM });
  await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'payment-prod-abc123' } }, { fieldManager: FM });
  await kube.apply(app('lab-root-staging-abc123', { [RUN]: 'abc123' }, 'payment-staging-abc123'), { fieldManager: FM });
  recordNamespaces(REMOTE, ['payment-prod-abc123', 'kube-system', 'argocd']);

  const r = await cli(['down', '--name', REMOTE]);
  t.equal(r.exitCode, 0, r.stderr);
  t.match(r.stderr, /deleted Application argocd\/lab-root-staging-abc123/);
  t.match(r.stderr, /deleted Namespace payment-staging-abc123/);
  t.match(r.stderr, /deleted Namespace payment-prod-abc123/);
  t.notMatch(r.stderr, /kube-system|team-keep|Namespace argocd/, 'protected and foreign namespaces are not deleted');

  t.same(await names('v1', 'Namespace'), before.namespaces, 'the same namespaces as before the run');
  t.same(await names('apiextensions.k8s.io/v1', 'CustomResourceDefinition'), before.crds, 'the CRDs are untouched');
  t.same(await names('argoproj.io/v1alpha1', 'Application', 'argocd'), before.apps, 'only our Application is gone');
  t.ok(await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'team-keep', name: 'settings' }), "the cluster's own ConfigMap is there");
  t.notOk(existsSync(join(home, 'clusters', REMOTE)), 'the state directory is gone');
  t.equal((await existing.status(REMOTE)).state, 'absent');
  t.equal((await local.status(BASE)).state, 'running', 'the local cluster still runs');
});
