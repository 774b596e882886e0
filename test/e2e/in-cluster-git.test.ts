/**
 * End-to-end: the remote git topology (issue 12), on a cluster the local provider starts, taken as an existing
 * cluster is: `up --provider existing --git-storage own --git-url URL` deploys the lab git server in the cluster
 * with its own volume (no host mount), and from then on the harness reaches it only through the URL: it makes,
 * seeds and removes repositories there, learners push there, and grades read the mirrors it fetches. kind runs the
 * same topology (its URL is the NodePort it publishes). kwok runs no container, so this test runs everything of
 * that path for real but the Pod:
 *   - a StorageClass and a PersistentVolume let the server's claim bind, and its Deployment becomes available;
 *   - the Pod is run here from what the API server holds (its Deployment, the Secret and the ConfigMap with the
 *     bundled server, as the kubelet would read them), with its claim mapped to a directory, twice: where the
 *     controllers pull from (127.0.0.2, standing in for the Service, whose cluster DNS name this machine cannot
 *     resolve: the one line of the record the test changes) and where learners and the harness go (127.0.0.1,
 *     standing in for the instructor's Ingress);
 *   - `validate` runs a scenario on both controllers through it; `down` removes the server and its volume's claim.
 * Everything started here is ended by pid in t.teardown, also when an assertion fails.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run, spawnDetached } from '../../harness/exec.js';
import { GIT_NAMESPACE, GIT_SERVICE, IN_CLUSTER_GIT_URL } from '../../harness/git/in-cluster.js';
import { readGitServer, waitForGitServer } from '../../harness/git/server-process.js';
import { createKubeClient, type KubeClient, type KubeObject } from '../../harness/kube/client.js';
import { contextNames } from '../../harness/providers/existing/kubeconfig.js';
import { clusterStateDir } from '../../harness/providers/state.js';
import { freePort } from '../../harness/ports.js';
import { LocalProvider } from '../../harness/providers/local/provider.js';
import { waitFor } from '../../harness/supervisor.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { podOnHost } from '../helpers/pod-on-host.js';
import { reapWhenGone } from '../helpers/reaper.js';

const home = mkdtempSync(join(tmpdir(), 'gitops-lab-e2e-git-pod-'));
// If this process is killed before its teardown (tap's timeout ends with SIGKILL), its clusters are downed anyway.
await reapWhenGone(home);
process.env['GITOPS_LAB_HOME'] = home;
const BASE = 'e2e-gitpod';
const REMOTE = 'e2e-gitpod-remote';
const BIN = join(REPO_ROOT, 'dist/harness/cli/main.js');
const cli = (args: readonly string[]) =>
  run(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { GITOPS_LAB_HOME: home, NO_COLOR: '1' }, allowFailure: true, timeoutMs: 30 * 60_000 });
const log = (line: string): void => void process.stderr.write(`# ${line}\n`);

const provider = new LocalProvider();
const pids: number[] = [];
let remoteUp = false;
t.teardown(async () => {
  if (remoteUp) await cli(['down', '--name', REMOTE]).catch((e: unknown) => log(`teardown: ${String(e)}`));
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await provider.down(BASE, log).catch((e: unknown) => log(`teardown: ${String(e)}`));
  rmSync(home, { recursive: true, force: true });
});

let kube: KubeClient;
let kubeconfig: string;
t.before(async () => {
  const handle = await provider.up({ name: BASE, controllers: 'all', nodes: 1, log });
  kubeconfig = handle.kubeconfig;
  kube = createKubeClient(kubeconfig);
  // Storage as a cluster provides it (kind's is local-path): a default class, and a volume for the claim.
  await kube.apply({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'e2e-standin', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'kubernetes.io/no-provisioner',
    volumeBindingMode: 'Immediate',
  } as KubeObject, { fieldManager: 'gitops-lab-e2e' });
  await kube.apply({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'e2e-standin-git' },
    spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: 'e2e-standin', hostPath: { path: '/nonexistent-e2e-standin' } },
  } as KubeObject, { fieldManager: 'gitops-lab-e2e' });
});

t.test('validate on both controllers with the git server in the cluster, reached only through its URL', async (t) => {
  const volume = join(home, 'volume');
  mkdirSync(volume, { recursive: true });
  const sides = { cluster: { host: '127.0.0.2', port: await freePort() }, learner: { host: '127.0.0.1', port: await freePort() } };
  const url = `http://127.0.0.1:${sides.learner.port}`;
  const context = contextNames(readFileSync(kubeconfig, 'utf8'))[0]!;
  const up = cli(['up', '--provider', 'existing', '--name', REMOTE, '--kubeconfig', kubeconfig, '--context', context, '--git-storage', 'own', '--git-url', url]);
  remoteUp = true;
  // The kubelet's part: once the API server holds the Pod's objects, run it from them.
  const read = async (kind: string, name: string, apiVersion = 'v1') => (await kube.get({ apiVersion, kind, namespace: GIT_NAMESPACE, name })) as KubeObject | undefined;
  const objects = await waitFor<KubeObject[]>(
    async () => {
      const got = [await read('Deployment', GIT_SERVICE, 'apps/v1'), await read('Secret', 'git-credentials'), await read('ConfigMap', 'git-server'), await read('PersistentVolumeClaim', 'git-repositories')];
      if (!got.every((o) => o !== undefined)) return { pending: 'the git server objects are not all there yet' };
      const phase = (got[3]!['status'] as { phase?: string } | undefined)?.phase;
      return phase === 'Bound' ? (got as KubeObject[]) : { pending: `the claim is ${phase ?? 'without a phase'}` };
    },
    { what: 'the in-cluster git server objects', timeoutMs: 120_000, intervalMs: 250 },
  );
  t.equal((objects[3]!['status'] as { phase: string }).phase, 'Bound', 'the claim binds');
  for (const [side, { host, port }] of Object.entries(sides)) {
    const p = podOnHost(objects, { scratch: join(home, `pod-${side}`), claims: { 'git-repositories': volume }, host, port });
    const { pid } = await spawnDetached(p.file, p.args, { cwd: home, env: p.env, logFile: join(home, `git-${side}.log`) });
    pids.push(pid);
    t.ok(await waitForGitServer(`http://${host}:${port}`, 15_000), `the ${side} side answers`);
  }
  const upped = await up;
  t.equal(upped.exitCode, 0, 'up exits 0', { stderr: upped.stderr.split('\n').slice(-15).join('\n') });
  t.match(upped.stderr, `learners push to ${url}`);
  const stateDir = clusterStateDir(REMOTE);
  const record = readGitServer(stateDir)!;
  t.same({ url: record.url, clusterUrl: record.clusterUrl, storage: record.storage, pid: record.pid }, { url, clusterUrl: IN_CLUSTER_GIT_URL, storage: 'own', pid: undefined }, 'recorded as in the cluster, reached through the URL');
  // The Service's cluster DNS name resolves only in the cluster: the controllers here reach its stand-in.
  writeFileSync(join(stateDir, 'git-server.json'), JSON.stringify({ ...record, clusterUrl: `http://127.0.0.2:${sides.cluster.port}` }));

  const started = performance.now();
  const r = await cli(['validate', 'wrong-selector', '--cluster', REMOTE, '--format', 'json']);
  log(`validate wrong-selector (argocd, flux) through the in-cluster server: ${((performance.now() - started) / 1000).toFixed(0)}s`);
  const report = JSON.parse(r.stdout) as { runs: { controller: string; status: string; failingChecks: string[] }[] };
  t.same(report.runs.map((x) => `${x.controller}:${x.status}`).sort(), ['argocd:pass', 'flux:pass'], report.runs.flatMap((x) => x.failingChecks).join('; '));
  t.equal(r.exitCode, 0, 'validate exits 0', { stderr: r.stderr.split('\n').slice(-15).join('\n') });

  const clusterLog = readFileSync(join(home, 'git-cluster.log'), 'utf8');
  const learnerLog = readFileSync(join(home, 'git-learner.log'), 'utf8');
  t.match(clusterLog, /GET \/wrong-selector-[0-9a-f]{6}\.git\/info\/refs\?service=git-upload-pack 200/, 'the controllers pulled from the Service side');
  t.notMatch(clusterLog, /git-receive-pack|\/-\/repos\//, 'nobody pushed or asked the server anything there');
  t.match(learnerLog, /PUT \/-\/repos\/wrong-selector-[0-9a-f]{6}\.git 201/, 'the harness made the repositories through the URL');
  t.match(learnerLog, /POST \/wrong-selector-[0-9a-f]{6}\.git\/git-receive-pack 200/, 'the seed and the solution were pushed through it');
  t.match(learnerLog, /GET \/-\/repos\/wrong-selector-[0-9a-f]{6}\.git\/pushes 200/, 'grades read the push log through it');
  t.match(learnerLog, /DELETE \/-\/repos\/wrong-selector-[0-9a-f]{6}\.git 204/, 'and removed the repositories through it');
  t.same(readdirSync(volume), [], 'nothing left on the volume');
  t.same(readdirSync(join(stateDir, 'git')), [], 'nor among the mirrors');

  const down = await cli(['down', '--name', REMOTE]);
  t.equal(down.exitCode, 0, 'down exits 0', { stderr: down.stderr });
  remoteUp = false;
  await waitFor(async () => ((await kube.get({ apiVersion: 'v1', kind: 'Namespace', name: GIT_NAMESPACE })) === undefined ? true : { pending: `namespace ${GIT_NAMESPACE} is still there` }), {
    what: `namespace ${GIT_NAMESPACE} to go`,
    timeoutMs: 120_000,
    intervalMs: 500,
  });
  t.pass(`down removed namespace ${GIT_NAMESPACE}: the server, its credential and its claim`);
});
