/**
 * The in-cluster lab git server (kind): its objects agree with the kind config, its Pod's command line really
 * serves the lab repositories (run here as a process, with the Pod's paths mapped to the host's), and the harness
 * uses a recorded in-cluster server without starting or stopping any process of its own.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { run, spawnDetached } from '../../../harness/exec.js';
import { LabError } from '../../../harness/errors.js';
import { GIT_NAMESPACE, GIT_SERVICE, IN_CLUSTER_GIT_URL, inClusterGitServerObjects } from '../../../harness/git/in-cluster.js';
import { ensureGitServer, readGitServer, recordInClusterGitServer, stopGitServer, waitForGitServer } from '../../../harness/git/server-process.js';
import type { KubeObject } from '../../../harness/kube/client.js';
import { GIT_NODE_PORT, kindClusterConfig, NODE_GIT_ROOT, NODE_PACKAGE_ROOT } from '../../../harness/providers/kind/config.js';
import { freePort } from '../../../harness/ports.js';
import { isAlive } from '../../../harness/supervisor.js';
import { loadUpstreamPins } from '../../../harness/providers/upstream/pins.js';
import { scratch } from '../../helpers/cli.js';
import { podOnHost } from '../../helpers/pod-on-host.js';

const input = {
  image: loadUpstreamPins().gitServerImage,
  nodeGitRoot: NODE_GIT_ROOT,
  nodePackageRoot: NODE_PACKAGE_ROOT,
  nodePort: GIT_NODE_PORT,
  uid: 1000,
  gid: 1000,
  credentials: { username: 'learner', password: 'pw-123' },
};
const objects = inClusterGitServerObjects(input);
const find = (kind: string): KubeObject => objects.find((o) => o.kind === kind)!;
type Container = { command: string[]; env: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[]; ports: { name: string; containerPort: number }[]; volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[]; readinessProbe: { httpGet: { path: string; port: string } } };
type PodSpec = { securityContext: { runAsUser: number; runAsGroup: number }; containers: Container[]; volumes: { name: string; hostPath: { path: string } }[] };
const podSpec = (find('Deployment')['spec'] as { template: { spec: PodSpec } }).template.spec;
const container = podSpec.containers[0]!;

t.test('objects: one namespace, the Service is what the controllers URL names, on the NodePort kind publishes', async (t) => {
  t.same(objects.map((o) => o.kind), ['Namespace', 'Secret', 'Deployment', 'Service']);
  t.ok(objects.every((o) => o.kind === 'Namespace' ? o.metadata.name === GIT_NAMESPACE : o.metadata.namespace === GIT_NAMESPACE));
  const svc = find('Service');
  t.equal(IN_CLUSTER_GIT_URL, `http://${svc.metadata.name}.${GIT_NAMESPACE}.svc.cluster.local`);
  t.equal(svc.metadata.name, GIT_SERVICE);
  const spec = svc['spec'] as { type: string; ports: { port: number; targetPort: string; nodePort: number }[]; selector: Record<string, string> };
  t.equal(spec.type, 'NodePort');
  t.same(spec.ports, [{ name: 'http', port: 80, targetPort: 'http', nodePort: GIT_NODE_PORT }], 'port 80, so the URL needs no port');
  const mapping = (kindClusterConfig({ auditPolicyPath: 'a', auditLogDir: 'b', gitHostPort: 40000, gitRoot: 'g', packageRoot: 'p' }) as { nodes: { extraPortMappings: { containerPort: number }[] }[] }).nodes[0]!.extraPortMappings[0]!;
  t.equal(mapping.containerPort, spec.ports[0]!.nodePort, 'kind maps the host port to this nodePort');
  const podLabels = (find('Deployment')['spec'] as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
  for (const [k, v] of Object.entries(spec.selector)) t.equal(podLabels[k], v, `the Service selects the Pod (${k})`);
  t.equal(container.ports[0]!.name, spec.ports[0]!.targetPort);
  t.equal(container.readinessProbe.httpGet.path, '/healthz');
});

t.test('the Pod runs as the host user, on the node paths the kind config mounts, the package read-only', async (t) => {
  t.same(podSpec.securityContext, { runAsUser: 1000, runAsGroup: 1000 });
  t.same(Object.fromEntries(podSpec.volumes.map((v) => [v.name, v.hostPath.path])), { repositories: NODE_GIT_ROOT, 'gitops-lab': NODE_PACKAGE_ROOT });
  t.same(container.volumeMounts.find((m) => m.name === 'gitops-lab')?.readOnly, true);
  t.notOk(container.volumeMounts.find((m) => m.name === 'repositories')?.readOnly, 'pushes write the repositories');
  t.equal((find('Deployment')['spec'] as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image, input.image);
  const secret = find('Secret') as KubeObject & { stringData: Record<string, string> };
  for (const e of container.env.filter((e) => e.valueFrom)) t.ok(secret.metadata.name === e.valueFrom!.secretKeyRef.name && e.valueFrom!.secretKeyRef.key in secret.stringData, `${e.name} comes from the Secret`);
});

t.test("the Pod's command line serves the lab repositories: authenticated push, anonymous clone, reflog on disk", async (t) => {
  const cli = scratch(t);
  const root = join(cli.dir, 'git');
  mkdirSync(root, { recursive: true });
  const port = await freePort();
  const p = podOnHost(objects, root, '127.0.0.1', port);
  t.match(p.args.join(' '), new RegExp(`dist/harness/cli/main\\.js git-serve --root ${root} --port ${port} --host 127\\.0\\.0\\.1$`));
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
  await run('git', ['init', '-q', '--bare', '-b', 'main', join(root, 'lab.git')], { cwd: cli.dir });
  await run('git', ['-C', join(root, 'lab.git'), 'config', 'core.logAllRefUpdates', 'always'], { cwd: cli.dir });
  const work = join(cli.dir, 'work');
  await cli.git(cli.dir, ['init', '-q', '-b', 'main', work]);
  writeFileSync(join(work, 'README.md'), 'lab\n');
  await cli.git(work, ['add', '.']);
  await cli.git(work, ['commit', '-q', '-m', 'first']);
  const denied = await run('git', ['push', `${url}/lab.git`, 'main'], { cwd: work, env: { GIT_TERMINAL_PROMPT: '0' }, allowFailure: true });
  t.not(denied.exitCode, 0, 'a push without the credentials is refused');
  await cli.git(work, ['push', '-q', `http://learner:pw-123@127.0.0.1:${port}/lab.git`, 'main']);
  t.ok(existsSync(join(root, 'lab.git', 'logs', 'refs', 'heads', 'main')), 'the push is in the reflog on disk, where the harness reads it');
  await run('git', ['clone', '-q', `${url}/lab.git`, join(cli.dir, 'clone')], { cwd: cli.dir });
  t.equal((await cli.git(join(cli.dir, 'clone'), ['log', '-1', '--format=%s'])).stdout.trim(), 'first', 'a controller can clone anonymously');
});

t.test('a recorded in-cluster server is used, never started or stopped, and says so when it does not answer', async (t) => {
  const cli = scratch(t);
  const state = join(cli.dir, 'state');
  mkdirSync(state, { recursive: true });
  const root = join(state, 'git');
  const port = await freePort();
  const p = podOnHost(objects, root, '127.0.0.1', port);
  mkdirSync(root, { recursive: true });
  const { pid } = await spawnDetached(p.file, p.args, { cwd: cli.dir, env: p.env, logFile: join(cli.dir, 'pod.log') });
  t.teardown(() => {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  });
  t.ok(await waitForGitServer(`http://127.0.0.1:${port}`, 15_000));
  await recordInClusterGitServer(state, { port, url: `http://127.0.0.1:${port}`, clusterUrl: IN_CLUSTER_GIT_URL, root, username: 'learner', password: 'pw-123' });
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
