/**
 * The local provider's `up` plan (plan.ts), without processes: what is linked and written, in which order; the
 * kwokctl commands; the state recorded first; the controller processes with their ports, flags and identities.
 * Where apply.ts writes a file whose path the plan names ahead of time, the real writer is run here to show the
 * two agree.
 */
import t from 'tap';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { controllersFor, type ControllerName } from '../../../../harness/providers/provider.js';
import { binaryPaths, type BinaryPaths } from '../../../../harness/providers/local/build.js';
import { controllerPortNames, type ControllerPorts } from '../../../../harness/providers/local/controllers.js';
import { ensureControllerKubeconfigs, writeControlPlaneIdentities } from '../../../../harness/providers/local/identities.js';
import { KWOK_PORT_NAMES, type KwokPorts } from '../../../../harness/providers/local/kwok.js';
import { buildGroups, learnerToolsDir, type LocalUpInput, type LocalUpPlan, planLocalUp, ROLLOUTS_PLUGIN, STATE_SUBDIRS } from '../../../../harness/providers/local/plan.js';

const binaries = new Proxy({}, { get: (_t, k) => `/cache/bin/${String(k)}` }) as BinaryPaths;
const kwokPorts = Object.fromEntries(KWOK_PORT_NAMES.map((n, i) => [n, 40100 + i])) as KwokPorts;

function input(controllers: readonly ControllerName[], extra: Partial<LocalUpInput> = {}): LocalUpInput {
  const controllerPorts = Object.fromEntries(controllerPortNames(controllers).map((n, i) => [n, 41000 + i])) as ControllerPorts;
  return {
    name: 'lab',
    controllers,
    stateDir: '/home/u/.gitops-lab/clusters/lab',
    binaries,
    kwokPorts,
    controllerPorts,
    git: '/usr/bin/git',
    redisServer: controllers.includes('argocd') ? '/usr/bin/redis-server' : '',
    kubeVersion: 'v1.34.1',
    stages: ['apiVersion: kwok.x-k8s.io/v1alpha1\nkind: Stage\nmetadata:\n  name: node-ready\n'],
    ...extra,
  };
}

const S = '/home/u/.gitops-lab/clusters/lab';
const describe = (plan: LocalUpPlan): string[] =>
  plan.prepare.map((p) => (p.kind === 'link' ? `link ${p.path} -> ${p.target}` : p.kind === 'file' ? `file ${p.path}` : p.kind === 'repo-server-scripts' ? `scripts ${p.dir}` : `identities ${p.server} ${p.caFile}`));

t.test('all controllers: tools linked, scripts copied, then audit policy, identities and kwokctl.yaml, in that order', async (t) => {
  const plan = planLocalUp(input(controllersFor('all')));
  t.same(describe(plan), [
    `link ${S}/bin/git -> /usr/bin/git`,
    `link ${S}/bin/kustomize -> /cache/bin/kustomize`,
    `link ${S}/bin/helm -> /cache/bin/helm`,
    `link ${S}/bin/argocd -> /cache/bin/argocd`,
    `link ${S}/bin/kubectl -> /cache/bin/kubectl`,
    `link ${S}/tools/kubectl-argo-rollouts -> /cache/bin/kubectl-argo-rollouts`,
    `scripts ${S}/bin`,
    `file ${S}/audit-policy.yaml`,
    `identities https://127.0.0.1:40100 ${S}/kwok/clusters/lab/pki/ca.crt`,
    `file ${S}/kwokctl.yaml`,
  ]);
});

t.test('without Argo CD: only git and kubectl are linked (and the learner\'s plugin with Rollouts), and no repo-server scripts', async (t) => {
  t.same(describe(planLocalUp(input(controllersFor('flux')))).slice(0, 4), [
    `link ${S}/bin/git -> /usr/bin/git`,
    `link ${S}/bin/kubectl -> /cache/bin/kubectl`,
    `link ${S}/tools/kubectl-argo-rollouts -> /cache/bin/kubectl-argo-rollouts`,
    `file ${S}/audit-policy.yaml`,
  ]);
  t.same(describe(planLocalUp(input(controllersFor('none')))).slice(0, 3), [`link ${S}/bin/git -> /usr/bin/git`, `link ${S}/bin/kubectl -> /cache/bin/kubectl`, `file ${S}/audit-policy.yaml`], 'none');
});

t.test("the learner's Argo Rollouts plugin: linked into the tools dir the prompt puts on PATH, from the controller's own build", async (t) => {
  const withRollouts = planLocalUp(input(['rollouts']));
  const plugin = withRollouts.prepare.filter((p) => p.kind === 'link' && p.path.startsWith(learnerToolsDir(S)));
  t.same(plugin, [{ kind: 'link', path: `${S}/tools/kubectl-argo-rollouts`, target: '/cache/bin/kubectl-argo-rollouts' }]);
  t.ok(STATE_SUBDIRS.includes('tools'), 'the tools dir is made before the links');
  t.notOk(withRollouts.processes.some((p) => p.env['PATH']?.split(':').includes(learnerToolsDir(S))), "not on any controller's PATH");
  t.notOk(planLocalUp(input(['argocd'])).prepare.some((p) => p.kind === 'link' && p.path.startsWith(learnerToolsDir(S))), 'no Rollouts, no plugin');
  // With the real cache layout, the plugin sits beside the controller in the rollouts group's keyed directory.
  const real = binaryPaths({ ...process.env, GITOPS_LAB_CACHE: join(tmpdir(), 'gitops-lab-plan-cache') });
  t.equal(dirname(real[ROLLOUTS_PLUGIN]), dirname(real['rollouts-controller']));
  t.match(basename(dirname(real[ROLLOUTS_PLUGIN])), /^rollouts-[0-9a-f]{16}$/);
});

t.test('kwokctl.yaml: the allocated ports, our binaries, the audit policy, the stages and each component as its own identity', async (t) => {
  const plan = planLocalUp(input(controllersFor('all')));
  const file = plan.prepare.find((p) => p.kind === 'file' && p.path.endsWith('kwokctl.yaml'));
  if (file?.kind !== 'file') return t.fail('no kwokctl.yaml planned');
  const [config, ...stages] = parseAllDocuments(file.content).map((d) => d.toJS() as Record<string, any>);
  t.match(config!['options'], {
    runtime: 'binary',
    kubeVersion: 'v1.34.1',
    bindAddress: '127.0.0.1',
    kubeAuditPolicy: `${S}/audit-policy.yaml`,
    kubeApiserverPort: 40100,
    etcdPort: 40101,
    kwokControllerPort: 40105,
    kubeApiserverBinary: '/cache/bin/kube-apiserver',
    kwokControllerBinary: '/cache/bin/kwok',
  });
  t.same(stages.map((s) => s['metadata']['name']), ['node-ready']);
  // The paths the plan names are the ones the real writer writes (with fresh tokens) when the plan is applied.
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-plan-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const inDir = planLocalUp(input(controllersFor('all'), { stateDir: dir }));
  const step = inDir.prepare.find((p) => p.kind === 'control-plane-identities');
  if (step?.kind !== 'control-plane-identities') return t.fail('no identities planned');
  const written = writeControlPlaneIdentities(dir, step.server, step.caFile);
  const yaml = inDir.prepare.find((p) => p.kind === 'file' && p.path.endsWith('kwokctl.yaml'));
  const patches = (parseAllDocuments(yaml?.kind === 'file' ? yaml.content : '')[0]!.toJS() as { componentsPatches: { name: string; extraArgs: { key: string; value: string }[] }[] }).componentsPatches;
  t.same(
    Object.fromEntries(patches.map((p) => [p.name, p.extraArgs[0]!.value])),
    { 'kube-apiserver': written.tokenFile, ...written.kubeconfigs },
  );
});

t.test('the state recorded before kwokctl runs, and the kwokctl commands', async (t) => {
  const plan = planLocalUp(input(controllersFor('flux')));
  t.same(plan.state, {
    version: 1,
    name: 'lab',
    controllers: ['flux', 'rollouts'],
    kubeconfig: `${S}/kubeconfig`,
    apiServer: 'https://127.0.0.1:40100',
    kwokWorkdir: `${S}/kwok`,
    auditLog: `${S}/kwok/clusters/lab/logs/audit.log`,
    kwokPorts,
    controllerPorts: input(['flux', 'rollouts']).controllerPorts,
    binaries,
  });
  t.same(plan.createCluster.args, ['create', 'cluster', '--name', 'lab', '--config', `${S}/kwokctl.yaml`, '--kubeconfig', `${S}/kubeconfig`, '--runtime', 'binary', '--wait', '180s', '--timeout', '180s']);
  t.equal(plan.createCluster.file, '/cache/bin/kwokctl');
  t.equal(plan.createCluster.timeoutMs, 240_000);
  t.equal(plan.createCluster.env.KWOK_WORKDIR, `${S}/kwok`);
  t.match(plan.createCluster.env['PATH'], new RegExp(`^${S}/bin:`), 'our kubectl first on kwokctl\'s PATH');
  t.same(plan.scaleNodes.args, ['scale', 'node', '--name', 'lab', '--replicas', '2'], 'two nodes by default');
  t.equal(plan.nodes, 2);
  const five = planLocalUp(input(controllersFor('flux'), { nodes: 5 }));
  t.same(five.scaleNodes.args.slice(-2), ['--replicas', '5']);
  t.equal(five.nodes, 5);
});

t.test('controller processes: in start order, with the allocated ports and each with its own identity', async (t) => {
  const all = planLocalUp(input(controllersFor('all')));
  t.same(all.processes.map((p) => p.name), ['redis-server', 'argocd-repo-server', 'argocd-application-controller', 'argocd-applicationset-controller', 'source-controller', 'kustomize-controller', 'helm-controller', 'rollouts-controller']);
  t.same(all.processes[0]!.args.slice(0, 4), ['--bind', '127.0.0.1', '--port', String(all.state.controllerPorts.redis)]);
  t.equal(all.processes[0]!.file, '/usr/bin/redis-server');
  const ports = all.processes.flatMap((p) => Object.values(p.ports));
  t.same([...ports].sort(), Object.values(all.state.controllerPorts).sort(), 'every allocated port, once');
  t.same(
    Object.fromEntries(all.processes.map((p) => [p.name, p.env['KUBECONFIG'] ?? null])),
    {
      'redis-server': null,
      'argocd-repo-server': `${S}/identities/argocd-repo-server.kubeconfig`,
      'argocd-application-controller': `${S}/identities/argocd-application-controller.kubeconfig`,
      'argocd-applicationset-controller': `${S}/identities/argocd-applicationset-controller.kubeconfig`,
      'source-controller': `${S}/identities/source-controller.kubeconfig`,
      'kustomize-controller': `${S}/identities/kustomize-controller.kubeconfig`,
      'helm-controller': `${S}/identities/helm-controller.kubeconfig`,
      'rollouts-controller': `${S}/identities/argo-rollouts.kubeconfig`,
    },
  );
  t.same(planLocalUp(input(controllersFor('none'))).processes, [], 'none: no processes');
});

t.test('the kubeconfigs the plan gives the processes are the ones the real identity step writes', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-plan-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const admin = join(dir, 'kubeconfig');
  writeFileSync(admin, `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: 'https://127.0.0.1:40100', certificate-authority: /k/ca.crt}\n`);
  const minter = { createToken: async () => 'token', whoami: async () => undefined };
  const plan = planLocalUp(input(controllersFor('all'), { stateDir: dir }));
  t.same(await ensureControllerKubeconfigs(dir, admin, plan.controllers, minter), plan.controllerKubeconfigs);
});

t.test('pure: planning twice gives the same plan and touches no file', async (t) => {
  const where = join(tmpdir(), 'gitops-lab-plan-never-created');
  const a = planLocalUp(input(controllersFor('all'), { stateDir: where }));
  const b = planLocalUp(input(controllersFor('all'), { stateDir: where }));
  t.same(a, b);
  t.notOk(existsSync(where));
});

t.test('build groups per selection', async (t) => {
  t.same(buildGroups([]), ['kube', 'etcd', 'kwok']);
  t.same(buildGroups(controllersFor('argocd')), ['kube', 'etcd', 'kwok', 'argocd', 'tools', 'rollouts']);
  t.same(buildGroups(controllersFor('all')), ['kube', 'etcd', 'kwok', 'argocd', 'tools', 'flux', 'helmctl', 'rollouts']);
  t.same(buildGroups(controllersFor('flux')), ['kube', 'etcd', 'kwok', 'flux', 'helmctl', 'rollouts'], "Flux's helm-controller with the other Flux controllers");
});
