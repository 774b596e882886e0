import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { parse, stringify } from 'yaml';
import { LabError } from '../../../../harness/errors.js';
import { contextNames, findKubeconfig, kubeconfigForContext } from '../../../../harness/providers/existing/kubeconfig.js';

const caught = (fn: () => unknown): LabError | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof LabError) return error;
    throw error;
  }
  return undefined;
};

const source = stringify({
  apiVersion: 'v1',
  kind: 'Config',
  'current-context': 'dev',
  clusters: [
    { name: 'dev-cluster', cluster: { server: 'https://127.0.0.1:6443', 'certificate-authority': 'certs/ca.crt' } },
    { name: 'prod-cluster', cluster: { server: 'https://prod.example:6443', 'certificate-authority-data': 'QUJD' } },
  ],
  users: [
    { name: 'dev-user', user: { 'client-certificate': 'certs/dev.crt', 'client-key': '/abs/dev.key' } },
    { name: 'prod-user', user: { token: 'secret-token' } },
  ],
  contexts: [
    { name: 'dev', context: { cluster: 'dev-cluster', user: 'dev-user' } },
    { name: 'prod', context: { cluster: 'prod-cluster', user: 'prod-user', namespace: 'team' } },
  ],
});

t.test('the chosen context becomes the only and current one, with its own cluster and user', async (t) => {
  const out = parse(kubeconfigForContext(source, '/home/me/.kube/config', 'prod')) as Record<string, unknown>;
  t.equal(out['current-context'], 'prod');
  t.same(out['contexts'], [{ name: 'prod', context: { cluster: 'prod-cluster', user: 'prod-user', namespace: 'team' } }]);
  t.same(out['clusters'], [{ name: 'prod-cluster', cluster: { server: 'https://prod.example:6443', 'certificate-authority-data': 'QUJD' } }]);
  t.same(out['users'], [{ name: 'prod-user', user: { token: 'secret-token' } }]);
});

t.test('relative credential paths are resolved against the source kubeconfig', async (t) => {
  const out = parse(kubeconfigForContext(source, '/home/me/.kube/config', 'dev')) as { clusters: { cluster: Record<string, string> }[]; users: { user: Record<string, string> }[] };
  t.equal(out.clusters[0]!.cluster['certificate-authority'], '/home/me/.kube/certs/ca.crt');
  t.equal(out.users[0]!.user['client-certificate'], '/home/me/.kube/certs/dev.crt');
  t.equal(out.users[0]!.user['client-key'], '/abs/dev.key');
});

t.test('an unknown context is a usage error that lists the contexts there are', async (t) => {
  const e = caught(() => kubeconfigForContext(source, '/k', 'staging'));
  t.equal(e?.code, 'USAGE');
  t.equal(e?.message, 'kubeconfig /k has no context "staging"');
  t.equal(e?.suggestion, 'one of: dev, prod');
  t.same(contextNames(source), ['dev', 'prod']);
});

t.test('findKubeconfig: --kubeconfig, else the $KUBECONFIG file with the context, else ~/.kube/config', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-kubeconfig-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const a = join(dir, 'a.yaml');
  const b = join(dir, 'b.yaml');
  writeFileSync(a, stringify({ contexts: [{ name: 'one', context: {} }] }));
  writeFileSync(b, source);
  mkdirSync(join(dir, 'home', '.kube'), { recursive: true });
  writeFileSync(join(dir, 'home', '.kube', 'config'), stringify({ contexts: [{ name: 'homectx', context: {} }] }));
  const env = { KUBECONFIG: `${a}:${b}`, HOME: join(dir, 'home') };
  t.equal(findKubeconfig('prod', undefined, env), b);
  t.equal(findKubeconfig('one', undefined, env), a);
  t.equal(findKubeconfig('homectx', undefined, env), join(dir, 'home', '.kube', 'config'));
  t.equal(findKubeconfig('whatever', a, env), a, 'an explicit file wins');
  t.equal(caught(() => findKubeconfig('nope', undefined, env))?.code, 'USAGE');
});
