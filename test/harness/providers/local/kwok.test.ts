import { join } from 'node:path';
import t from 'tap';
import { parseAllDocuments } from 'yaml';
import type { BinaryPaths } from '../../../../harness/providers/local/build.js';
import { auditPolicyYaml, createClusterArgs, deleteClusterArgs, kwokctlConfigYaml, loadStages, scaleNodesArgs } from '../../../../harness/providers/local/kwok.js';
import { localConfigDir } from '../../../../harness/providers/local/paths.js';

const binaries = new Proxy({}, { get: (_t, k) => `/cache/bin/${String(k)}` }) as BinaryPaths;
const ports = { kubeApiserver: 40001, etcd: 40002, etcdPeer: 40003, kubeControllerManager: 40004, kubeScheduler: 40005, kwokController: 40006 };

t.test('kwokctl config: binary runtime, explicit binaries and ports, loopback, audit on, our stages', async (t) => {
  const stages = loadStages(join(localConfigDir(), 'stages'));
  const docs = parseAllDocuments(kwokctlConfigYaml({ binaries, ports, auditPolicyPath: '/s/audit-policy.yaml', stages, kubeVersion: 'v1.36.3' })).map((d) => d.toJS() as Record<string, unknown>);
  const cfg = docs[0] as { kind: string; options: Record<string, unknown> };
  t.equal(cfg.kind, 'KwokctlConfiguration');
  const o = cfg.options;
  t.equal(o['runtime'], 'binary');
  t.equal(o['bindAddress'], '127.0.0.1');
  t.equal(o['kubeAuditPolicy'], '/s/audit-policy.yaml');
  for (const k of ['kubeApiserverBinary', 'kubeControllerManagerBinary', 'kubeSchedulerBinary', 'kubectlBinary', 'etcdBinary', 'kwokControllerBinary']) {
    t.match(String(o[k]), /^\/cache\/bin\//, `${k} is a local path (symlinked, never downloaded)`);
  }
  t.equal(o['kubeApiserverPort'], 40001);
  t.equal(o['etcdPort'], 40002);
  t.equal(o['kwokControllerPort'], 40006);
  const stageDocs = docs.slice(1) as { kind: string; metadata: { name: string } }[];
  t.ok(stageDocs.every((d) => d.kind === 'Stage'));
  const names = stageDocs.map((d) => d.metadata.name).sort();
  t.same(names, ['node-heartbeat-with-lease', 'node-initialize', 'pod-complete', 'pod-delete', 'pod-fail', 'pod-probe-mismatch', 'pod-ready']);
});

t.test('audit policy records writes with bodies and skips reads', async (t) => {
  const p = parseAllDocuments(auditPolicyYaml())[0]!.toJS() as { kind: string; rules: { level: string; verbs?: string[] }[] };
  t.equal(p.kind, 'Policy');
  t.same(p.rules[0], { level: 'None', verbs: ['get', 'list', 'watch'] });
  t.ok(p.rules.some((r) => r.level === 'RequestResponse' && r.verbs?.includes('patch')));
});

t.test('kwokctl command lines', async (t) => {
  t.same(createClusterArgs('a', '/s/kwokctl.yaml', '/s/kubeconfig', 180), ['create', 'cluster', '--name', 'a', '--config', '/s/kwokctl.yaml', '--kubeconfig', '/s/kubeconfig', '--runtime', 'binary', '--wait', '180s', '--timeout', '180s']);
  t.same(scaleNodesArgs('a', 3), ['scale', 'node', '--name', 'a', '--replicas', '3']);
  t.same(deleteClusterArgs('a', '/s/kubeconfig'), ['delete', 'cluster', '--name', 'a', '--kubeconfig', '/s/kubeconfig']);
});
