/**
 * End-to-end: kind's git topology, on the local provider. On kind the lab git server runs in the cluster
 * (harness/git/in-cluster.ts): controllers pull from its Service, the learner pushes from the host through
 * 127.0.0.1, and the harness reads the repositories on disk. Docker cannot run here, so this test runs everything
 * of that path except the Pod itself for real:
 *   - the in-cluster server's objects are applied to a real kube-apiserver and its Deployment becomes available;
 *   - the Pod's own command line (its paths mapped to this machine's) runs twice on the cluster's repositories:
 *     once where the controllers pull from (127.0.0.2, standing in for the Service) and once where the learner
 *     pushes to (127.0.0.1, standing in for kind's port mapping); the server is recorded as kind records it;
 *   - `validate` runs a scenario on both controllers through that record.
 * Everything started here is ended by pid in t.teardown, also when an assertion fails.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run, spawnDetached } from '../../harness/exec.js';
import { deployInClusterGitServer, GIT_NAMESPACE, GIT_SERVICE, inClusterGitServerObjects } from '../../harness/git/in-cluster.js';
import { gitRootFor, readGitServer, recordInClusterGitServer, waitForGitServer } from '../../harness/git/server-process.js';
import { createKubeClient, type KubeClient, type KubeObject } from '../../harness/kube/client.js';
import { GIT_NODE_PORT, kindGitServerInput } from '../../harness/providers/kind/config.js';
import { clusterStateDir } from '../../harness/providers/state.js';
import { freePort } from '../../harness/ports.js';
import { LocalProvider } from '../../harness/providers/local/provider.js';
import { loadUpstreamPins } from '../../harness/providers/upstream/pins.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { podOnHost } from '../helpers/pod-on-host.js';
import { reapWhenGone } from '../helpers/reaper.js';

const home = mkdtempSync(join(tmpdir(), 'gitops-lab-e2e-git-pod-'));
// If this process is killed before its teardown (tap's timeout ends with SIGKILL), its clusters are downed anyway.
await reapWhenGone(home);
process.env['GITOPS_LAB_HOME'] = home;
const NAME = 'e2e-gitpod';
const BIN = join(REPO_ROOT, 'dist/harness/cli/main.js');
const cli = (args: readonly string[]) =>
  run(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { GITOPS_LAB_HOME: home, NO_COLOR: '1' }, allowFailure: true, timeoutMs: 30 * 60_000 });
const log = (line: string): void => void process.stderr.write(`# ${line}\n`);

const provider = new LocalProvider();
const pids: number[] = [];
t.teardown(async () => {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await provider.down(NAME, log).catch((e: unknown) => log(`teardown: ${String(e)}`));
  rmSync(home, { recursive: true, force: true });
});

const credentials = { username: 'learner', password: 'e2e-pod-pw' };
// Exactly what `up --provider kind` deploys.
const input = kindGitServerInput(loadUpstreamPins().gitServerImage, credentials);
let kube: KubeClient;
t.before(async () => {
  const handle = await provider.up({ name: NAME, controllers: 'all', nodes: 1, log });
  kube = createKubeClient(handle.kubeconfig);
});

t.test("the in-cluster git server's objects are accepted by the apiserver and its Deployment becomes available", async (t) => {
  await deployInClusterGitServer(kube, input, 120_000);
  const svc = (await kube.get({ apiVersion: 'v1', kind: 'Service', namespace: GIT_NAMESPACE, name: GIT_SERVICE })) as KubeObject;
  t.equal((svc['spec'] as { ports: { nodePort: number }[] }).ports[0]!.nodePort, GIT_NODE_PORT, 'the nodePort kind publishes is allocated');
  const pods = await kube.list('v1', 'Pod', { namespace: GIT_NAMESPACE });
  t.equal(pods.length, 1, 'one Pod (Recreate, one writer)');
  await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: GIT_NAMESPACE });
});

t.test('validate on both controllers, pulling through the cluster-side address and pushing through 127.0.0.1', async (t) => {
  const stateDir = clusterStateDir(NAME);
  const root = gitRootFor(stateDir);
  mkdirSync(root, { recursive: true });
  const sides = { cluster: { host: '127.0.0.2', port: await freePort() }, learner: { host: '127.0.0.1', port: await freePort() } };
  for (const [side, { host, port }] of Object.entries(sides)) {
    const p = podOnHost(inClusterGitServerObjects(input), root, host, port);
    const { pid } = await spawnDetached(p.file, p.args, { cwd: stateDir, env: p.env, logFile: join(home, `git-${side}.log`) });
    pids.push(pid);
    t.ok(await waitForGitServer(`http://${host}:${port}`, 15_000), `the ${side} side answers`);
  }
  const clusterUrl = `http://127.0.0.2:${sides.cluster.port}`;
  await recordInClusterGitServer(stateDir, { port: sides.learner.port, url: `http://127.0.0.1:${sides.learner.port}`, clusterUrl, root, ...credentials });

  const started = performance.now();
  const r = await cli(['validate', 'wrong-selector', '--cluster', NAME, '--format', 'json']);
  log(`validate wrong-selector (argocd, flux) through the in-cluster record: ${((performance.now() - started) / 1000).toFixed(0)}s`);
  const report = JSON.parse(r.stdout) as { runs: { controller: string; status: string; failingChecks: string[] }[] };
  t.same(report.runs.map((x) => `${x.controller}:${x.status}`).sort(), ['argocd:pass', 'flux:pass'], report.runs.flatMap((x) => x.failingChecks).join('; '));
  t.equal(r.exitCode, 0, 'validate exits 0', { stderr: r.stderr.split('\n').slice(-15).join('\n') });

  const clusterLog = readFileSync(join(home, 'git-cluster.log'), 'utf8');
  const learnerLog = readFileSync(join(home, 'git-learner.log'), 'utf8');
  t.match(clusterLog, /GET \/wrong-selector-[0-9a-f]{6}\.git\/info\/refs\?service=git-upload-pack 200/, 'the controllers pulled from the cluster-side address');
  t.notMatch(clusterLog, /git-receive-pack/, 'nobody pushed there');
  t.match(learnerLog, /POST \/wrong-selector-[0-9a-f]{6}\.git\/git-receive-pack 200/, "the solution's push went through the learner's address");
  t.equal(readGitServer(stateDir)?.clusterUrl, clusterUrl, 'the record is still the in-cluster one: nothing started a server of its own');
});
