import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { parse, parseAllDocuments } from 'yaml';
import { AUDIT_LOG_FILE, GIT_NODE_PORT, kindClusterConfig, kindClusterConfigYaml, kindGitServerInput, NODE_AUDIT_DIR, NODE_AUDIT_POLICY } from '../../../../harness/providers/kind/config.js';
import { auditPolicyYaml } from '../../../../harness/providers/local/kwok.js';
import { repoRoot } from '../../../../harness/providers/local/paths.js';
import { loadUpstreamPins } from '../../../../harness/providers/upstream/pins.js';

const input = { auditPolicyPath: '/state/lab/audit-policy.yaml', auditLogDir: '/state/lab/audit', gitHostPort: 40123 };
/** cluster.example.yaml: a state directory that is the current directory. */
const EXAMPLE_INPUT = { auditPolicyPath: './audit-policy.yaml', auditLogDir: './audit', gitHostPort: GIT_NODE_PORT };
type Node = {
  role: string;
  kubeadmConfigPatches: string[];
  extraMounts: { hostPath: string; containerPath: string; readOnly?: boolean }[];
  extraPortMappings: { containerPort: number; hostPort: number; listenAddress: string; protocol: string }[];
};

t.test('versions.yaml pins kind v0.32.0 and its node image by digest', async (t) => {
  const pins = loadUpstreamPins();
  t.equal(pins.kind, 'v0.32.0');
  t.equal(pins.nodeImage, 'kindest/node:v1.36.1@sha256:3489c7674813ba5d8b1a9977baea8a6e553784dab7b84759d1014dbd78f7ebd5');
  const raw = parse(readFileSync(join(repoRoot(), 'cluster-config', 'versions.yaml'), 'utf8')) as { kind: { nodeImage: string } };
  t.equal(raw.kind.nodeImage, pins.nodeImage, 'read from the kind: section');
  t.match(pins.gitServerImage, /^node:20-bookworm@sha256:[0-9a-f]{64}$/, 'the in-cluster git server image, by digest');
});

t.test('the kind config: one control-plane node, API server on 127.0.0.1', async (t) => {
  const c = kindClusterConfig(input) as { kind: string; apiVersion: string; networking: { apiServerAddress: string }; nodes: Node[] };
  t.equal(c.kind, 'Cluster');
  t.equal(c.apiVersion, 'kind.x-k8s.io/v1alpha4');
  t.equal(c.networking.apiServerAddress, '127.0.0.1');
  t.equal(c.nodes.length, 1);
  t.equal(c.nodes[0]!.role, 'control-plane');
});

t.test('audit: the policy is mounted read-only, the flags point at it, the log lands in the host directory', async (t) => {
  const node = (kindClusterConfig(input) as { nodes: Node[] }).nodes[0]!;
  t.same(node.extraMounts.slice(0, 2), [
    { hostPath: '/state/lab/audit-policy.yaml', containerPath: NODE_AUDIT_POLICY, readOnly: true },
    { hostPath: '/state/lab/audit', containerPath: NODE_AUDIT_DIR },
  ]);
  t.equal(node.kubeadmConfigPatches.length, 1);
  const patch = parse(node.kubeadmConfigPatches[0]!) as {
    kind: string;
    apiServer: { extraArgs: Record<string, string>; extraVolumes: { name: string; hostPath: string; mountPath: string; readOnly: boolean }[] };
  };
  t.equal(patch.kind, 'ClusterConfiguration');
  t.same(patch.apiServer.extraArgs, {
    'audit-policy-file': '/etc/kubernetes/policies/audit-policy.yaml',
    'audit-log-path': `/var/log/kubernetes/${AUDIT_LOG_FILE}`,
    'audit-log-format': 'json',
  });
  // The static pod sees the node paths the mounts fill.
  const vols = Object.fromEntries(patch.apiServer.extraVolumes.map((v) => [v.name, v]));
  t.equal(vols['audit-policies']!.hostPath, '/etc/kubernetes/policies');
  t.equal(vols['audit-policies']!.readOnly, true);
  t.equal(vols['audit-logs']!.mountPath, NODE_AUDIT_DIR);
  t.equal(vols['audit-logs']!.readOnly, false);
});

t.test('the audit policy is the local provider\'s, not a copy', async (t) => {
  const policy = parse(auditPolicyYaml()) as { kind: string; rules: { level: string; verbs?: string[] }[] };
  t.equal(policy.kind, 'Policy');
  t.same(policy.rules[0], { level: 'None', verbs: ['get', 'list', 'watch'] }, 'reads are not audited');
  t.ok(policy.rules.some((r) => r.level === 'RequestResponse' && r.verbs?.includes('patch')), 'writes are audited with bodies');
  t.notMatch(readFileSync(join(repoRoot(), 'harness', 'providers', 'kind', 'config.ts'), 'utf8'), /audit\.k8s\.io/, 'config.ts holds no policy of its own');
});

t.test('the in-cluster git server: nothing of the host reaches the node for it; kind deploys it on the port it maps', async (t) => {
  const node = (kindClusterConfig(input) as { nodes: Node[] }).nodes[0]!;
  t.same(node.extraMounts.map((m) => m.containerPath), [NODE_AUDIT_POLICY, NODE_AUDIT_DIR], 'the audit mounts only: the git server keeps its repositories on a volume');
  const deployed = kindGitServerInput('node:20-bookworm@sha256:' + 'a'.repeat(64), { username: 'gitops-lab', password: 'pw' }, 'script');
  t.equal(deployed.nodePort, node.extraPortMappings[0]!.containerPort, 'on the port kind maps');
  t.equal(deployed.script, 'script');
  t.equal(deployed.storage, undefined, "in kind's default StorageClass");
});

t.test('the git server NodePort is published on 127.0.0.1 only', async (t) => {
  const node = (kindClusterConfig(input) as { nodes: Node[] }).nodes[0]!;
  t.same(node.extraPortMappings, [{ containerPort: GIT_NODE_PORT, hostPort: 40123, listenAddress: '127.0.0.1', protocol: 'TCP' }]);
});

t.test('the YAML is one document that parses back to the same config', async (t) => {
  const docs = parseAllDocuments(kindClusterConfigYaml(input));
  t.equal(docs.length, 1);
  t.same(docs[0]!.toJS(), kindClusterConfig(input));
});

t.test('cluster-config/kind/cluster.example.yaml is the generator output', async (t) => {
  const committed = readFileSync(join(repoRoot(), 'cluster-config', 'kind', 'cluster.example.yaml'), 'utf8');
  const body = committed.split('\n').filter((l) => !l.startsWith('#')).join('\n');
  t.equal(body, kindClusterConfigYaml(EXAMPLE_INPUT));
});
