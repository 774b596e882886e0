/**
 * The build's tree-shaken client-node bundle (dist/harness/kube/client-node.bundle.cjs, made by `npm run build`,
 * which npm test's pretest runs) is the same surface as the source module it is built from, its KubeConfig does
 * what the client asks of it (kubeconfig loading, TLS and credentials for a request), and the built client loads
 * it rather than the package.
 */
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import * as surface from '../../../harness/kube/client-node-surface.js';

const root = resolve(import.meta.dirname, '../../..');
const bundlePath = join(root, 'dist/harness/kube/client-node.bundle.cjs');

t.ok(existsSync(bundlePath), `${bundlePath} is built (npm run build)`);
const bundle = createRequire(import.meta.url)(bundlePath) as typeof surface;

t.test('the bundle exports what the source surface exports, as constructors', async (t) => {
  t.same(Object.keys(bundle).sort(), Object.keys(surface).sort());
  for (const name of Object.keys(surface)) t.equal(typeof (bundle as Record<string, unknown>)[name], 'function', name);
});

const ca = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64');
const kubeconfig = `apiVersion: v1
kind: Config
clusters: [{ name: lab, cluster: { server: "https://127.0.0.1:6443", certificate-authority-data: ${ca} } }]
users: [{ name: learner, user: { token: s3cret } }]
contexts: [{ name: lab, context: { cluster: lab, user: learner, namespace: payments } }]
current-context: lab
`;

for (const [name, mod] of [['bundle', bundle], ['source', surface]] as const) {
  t.test(`${name}: KubeConfig loads a kubeconfig and sets TLS and credentials on a request`, async (t) => {
    const kc = new mod.KubeConfig();
    kc.loadFromString(kubeconfig);
    t.equal(kc.getCurrentCluster()?.server, 'https://127.0.0.1:6443');
    const opts: import('node:https').RequestOptions = {};
    await kc.applyToHTTPSOptions(opts);
    t.equal(String(opts.ca), Buffer.from(ca, 'base64').toString('utf8'));
    t.match(opts.headers, { Authorization: 'Bearer s3cret' });
    const api = mod.KubernetesObjectApi.makeApiClient(kc);
    t.type((api as unknown as { specUriPath: unknown }).specUriPath, 'function');
    t.type(new mod.Watch(kc).watch, 'function');
  });
}

t.test('the built client loads the bundle, not the source surface (which loads the whole package)', async (t) => {
  const script = `
    import { createRequire } from 'node:module';
    const { clientNode } = await import(${JSON.stringify(join(root, 'dist/harness/kube/client.js'))});
    clientNode();
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ bundle: cache.some((k) => k.endsWith('client-node.bundle.cjs')), surface: cache.some((k) => k.endsWith('client-node-surface.js')) }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  t.same(JSON.parse(out), { bundle: true, surface: false });
});
