/**
 * The in-cluster lab git server (kind and existing clusters: one topology): its objects agree with the kind config,
 * the Pod is what the restricted Pod Security Standard allows, its command line really serves from its own volume
 * (run here as a process, the ConfigMap written out and the claim mapped to a directory), the harness works with it
 * only through its URL, and a recorded in-cluster server is used, never started or stopped.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { spawnDetached } from '../../../harness/exec.js';
import { LabError } from '../../../harness/errors.js';
import { newRunCredentials } from '../../../harness/git/access.js';
import { gitOut } from '../../../harness/git/git.js';
import { GIT_CONTAINER_PORT, GIT_NAMESPACE, GIT_SERVICE, gitServerScript, IN_CLUSTER_GIT_URL, inClusterGitServerObjects } from '../../../harness/git/in-cluster.js';
import { branchHeads, cloneWorkspace, createLabRepo } from '../../../harness/git/lab-repo.js';
import { ensureGitServer, pushURL, readGitServer, recordInClusterGitServer, stopGitServer, waitForGitServer } from '../../../harness/git/server-process.js';
import { labStore } from '../../../harness/git/store.js';
import type { KubeObject } from '../../../harness/kube/client.js';
import { GIT_NODE_PORT, kindClusterConfig, kindGitServerInput } from '../../../harness/providers/kind/config.js';
import { freePort } from '../../../harness/ports.js';
import { environmentsFor, labVars } from '../../../harness/runner/start.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { isAlive } from '../../../harness/supervisor.js';
import { loadUpstreamPins } from '../../../harness/providers/upstream/pins.js';
import { scratch } from '../../helpers/cli.js';
import { podOnHost } from '../../helpers/pod-on-host.js';

const credentials = { username: 'gitops-lab', password: 'pw-123' };
const input = kindGitServerInput(loadUpstreamPins().gitServerImage, credentials);
const objects = inClusterGitServerObjects(input);
const find = (kind: string): KubeObject => objects.find((o) => o.kind === kind)!;
type Container = {
  command: string[];
  env: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[];
  ports: { name: string; containerPort: number }[];
  volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[];
  readinessProbe: { httpGet: { path: string; port: string } };
  securityContext: Record<string, unknown>;
};
type PodSpec = { securityContext: Record<string, unknown>; automountServiceAccountToken: boolean; containers: Container[]; volumes: Record<string, unknown>[] };
const podSpec = (find('Deployment')['spec'] as { template: { spec: PodSpec } }).template.spec;
const container = podSpec.containers[0]!;

t.test('objects: one namespace, the Service is what the controllers URL names, on the NodePort kind publishes', async (t) => {
  t.same(objects.map((o) => o.kind), ['Namespace', 'Secret', 'ConfigMap', 'PersistentVolumeClaim', 'Deployment', 'Service']);
  t.ok(objects.every((o) => o.kind === 'Namespace' ? o.metadata.name === GIT_NAMESPACE : o.metadata.namespace === GIT_NAMESPACE));
  const svc = find('Service');
  t.equal(IN_CLUSTER_GIT_URL, `http://${svc.metadata.name}.${GIT_NAMESPACE}.svc.cluster.local`);
  t.equal(svc.metadata.name, GIT_SERVICE);
  const spec = svc['spec'] as { type: string; ports: { port: number; targetPort: string; nodePort: number }[]; selector: Record<string, string> };
  t.equal(spec.type, 'NodePort');
  t.same(spec.ports, [{ name: 'http', port: 80, targetPort: 'http', nodePort: GIT_NODE_PORT }], 'port 80, so the URL needs no port');
  const mapping = (kindClusterConfig({ auditPolicyPath: 'a', auditLogDir: 'b', gitHostPort: 40000 }) as { nodes: { extraPortMappings: { containerPort: number }[] }[] }).nodes[0]!.extraPortMappings[0]!;
  t.equal(mapping.containerPort, spec.ports[0]!.nodePort, 'kind maps the host port to this nodePort');
  const podLabels = (find('Deployment')['spec'] as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
  for (const [k, v] of Object.entries(spec.selector)) t.equal(podLabels[k], v, `the Service selects the Pod (${k})`);
  t.equal(container.ports[0]!.name, spec.ports[0]!.targetPort);
  t.equal(container.ports[0]!.containerPort, GIT_CONTAINER_PORT);
  t.equal(container.readinessProbe.httpGet.path, '/healthz');
  const clusterIP = inClusterGitServerObjects({ ...input, nodePort: undefined }).find((o) => o.kind === 'Service')!['spec'] as { type: string; ports: object[] };
  t.equal(clusterIP.type, 'ClusterIP', 'without a nodePort (an existing cluster) the Service is ClusterIP');
  t.same(clusterIP.ports, [{ name: 'http', port: 80, targetPort: 'http' }]);
});

t.test('the Pod: its own volume, the server from a ConfigMap, nothing of the host; restricted', async (t) => {
  t.same(podSpec.volumes, [
    { name: 'repositories', persistentVolumeClaim: { claimName: 'git-repositories' } },
    { name: 'server', configMap: { name: 'git-server' } },
    { name: 'tmp', emptyDir: {} },
  ]);
  t.notMatch(JSON.stringify(objects), /hostPath/, 'no host mount');
  const pvc = find('PersistentVolumeClaim') as KubeObject & { spec: Record<string, unknown> };
  t.equal(pvc.metadata.name, 'git-repositories');
  t.same(pvc.spec, { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, "the cluster's default StorageClass");
  const sized = inClusterGitServerObjects({ ...input, storage: { size: '5Gi', className: 'fast' } }).find((o) => o.kind === 'PersistentVolumeClaim')!['spec'];
  t.same(sized, { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } }, storageClassName: 'fast' });
  const cm = find('ConfigMap') as KubeObject & { data: Record<string, string> };
  t.equal(cm.data['git-serve.mjs'], gitServerScript(), 'the bundled server, whole');
  t.ok(Buffer.byteLength(cm.data['git-serve.mjs']!) < 1_000_000, 'under the 1 MiB a ConfigMap may hold');
  t.equal(container.command[1], `${container.volumeMounts.find((m) => m.name === 'server')!.mountPath}/git-serve.mjs`);
  t.same(container.volumeMounts.find((m) => m.name === 'server')?.readOnly, true);
  t.same(podSpec.securityContext, { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
  t.same(container.securityContext, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  t.equal(podSpec.automountServiceAccountToken, false);
  const secret = find('Secret') as KubeObject & { stringData: Record<string, string> };
  for (const e of container.env.filter((e) => e.valueFrom)) t.ok(secret.metadata.name === e.valueFrom!.secretKeyRef.name && e.valueFrom!.secretKeyRef.key in secret.stringData, `${e.name} comes from the Secret`);
});

t.test("the Pod's command line serves from its volume; the harness makes, seeds and reads a lab repository only through the URL", async (t) => {
  const cli = scratch(t);
  const volume = join(cli.dir, 'volume');
  mkdirSync(volume, { recursive: true });
  const port = await freePort();
  const p = podOnHost(objects, { scratch: join(cli.dir, 'pod'), claims: { 'git-repositories': volume }, host: '127.0.0.1', port });
  t.match(p.args.join(' '), new RegExp(`configmap-server/git-serve\\.mjs --root ${volume} --port ${port} --host 127\\.0\\.0\\.1$`));
  const { pid } = await spawnDetached(p.file, p.args, { cwd: cli.dir, env: p.env, logFile: join(cli.dir, 'pod.log') });
  t.teardown(() => {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  });
  const url = `http://127.0.0.1:${port}`;
  t.ok(await waitForGitServer(url, 15_000), 'it answers /healthz (the readiness probe)');
  const state = join(cli.dir, 'state');
  await recordInClusterGitServer(state, { port, url, clusterUrl: IN_CLUSTER_GIT_URL, root: join(state, 'git'), storage: 'own', ...credentials });
  const rec = readGitServer(state)!;
  const store = labStore(rec);
  const { scenario, dir: scenarioDir } = await loadScenario('wrong-selector');
  const run = newRunCredentials('abc123');
  await store.create('lab', scenario.trackedBranch, run);
  const lab = await createLabRepo({ scenario, scenarioDir, bareDir: store.bareDir('lab'), repoURL: 'http://x/lab.git', origin: store.origin('lab')!, vars: labVars('http://x/lab.git', 'abc123', environmentsFor(scenario, '-abc123')) });
  t.same(readdirSync(volume), ['lab.git'], 'the repository is on the volume');
  t.same(await branchHeads(join(volume, 'lab.git')), lab.seedBranches, 'seeded through the URL');
  const ws = join(cli.dir, 'ws');
  await cloneWorkspace(pushURL(rec, 'lab', run.learner), ws, lab.trackedBranch);
  await gitOut(ws, ['commit', '-q', '--allow-empty', '-m', 'fix']);
  await gitOut(ws, ['push', '-q', 'origin', `HEAD:${lab.trackedBranch}`]);
  await store.sync('lab');
  t.equal((await branchHeads(store.bareDir('lab')))[lab.trackedBranch], await gitOut(ws, ['rev-parse', 'HEAD']), "the learner's push, in the mirror");
  await store.remove('lab');
  t.same(readdirSync(volume), [], 'removed from the volume');
});

t.test('a recorded in-cluster server is used, never started or stopped, and says so when it does not answer', async (t) => {
  const cli = scratch(t);
  const state = join(cli.dir, 'state');
  mkdirSync(state, { recursive: true });
  const volume = join(cli.dir, 'volume');
  mkdirSync(volume, { recursive: true });
  const port = await freePort();
  const p = podOnHost(objects, { scratch: join(cli.dir, 'pod'), claims: { 'git-repositories': volume }, host: '127.0.0.1', port });
  const { pid } = await spawnDetached(p.file, p.args, { cwd: cli.dir, env: p.env, logFile: join(cli.dir, 'pod.log') });
  t.teardown(() => {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  });
  t.ok(await waitForGitServer(`http://127.0.0.1:${port}`, 15_000));
  await recordInClusterGitServer(state, { port, url: `http://127.0.0.1:${port}`, clusterUrl: IN_CLUSTER_GIT_URL, root: join(state, 'git'), storage: 'own', ...credentials });
  const rec = await ensureGitServer(state, await freePort());
  t.equal(rec.clusterUrl, IN_CLUSTER_GIT_URL, 'the recorded server is returned');
  t.equal(rec.pid, undefined, 'no process of ours');
  t.notOk(existsSync(join(state, 'git-server.log')), 'nothing was started');

  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  t.notOk(isAlive(pid), 'the server is gone');
  const error = await ensureGitServer(state, await freePort()).catch((e: unknown) => e);
  t.ok(error instanceof LabError && error.code === 'CLUSTER_UNAVAILABLE', 'a server that does not answer is an infrastructure error (exit 3)');
  t.match((error as Error).message, `the in-cluster lab git server does not answer on http://127.0.0.1:${port}`);
  await stopGitServer(state);
  t.equal(readGitServer(state), undefined, 'down forgets the record');
});
