/**
 * The kube client's one HTTPS request path, against a local HTTPS server that answers like an API server
 * (discovery, objects, errors): credentials and TLS from the kubeconfig, headers and bodies per call, errors mapped
 * to LabError codes. The server is fake; the client, its TLS and its request code are the real ones.
 */
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabError } from '../../../harness/errors.js';
import { createKubeClient } from '../../../harness/kube/client.js';

const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-kube-client-test-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], {
  stdio: 'ignore',
  timeout: 30_000,
});
const cert = readFileSync(join(dir, 'cert.pem'));

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}
const seen: Seen[] = [];
const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'lab', resourceVersion: '7' }, data: { 'x-kubernetes-int-or-string': 'kept' } };
// Every TLS connection the server accepted, and how many requests each carried; `dropReused`: a request on a
// connection that already served one gets the connection reset without an answer (an idle socket the server closed).
const connections: { requests: number }[] = [];
let dropReused = false;
const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
  const conn = (req.socket as unknown as { lab?: { requests: number } }).lab!;
  conn.requests += 1;
  if (dropReused && conn.requests > 1) return void req.socket.destroy();
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = req.url ?? '';
    if (url !== '/api/v1') seen.push({ method: req.method ?? '', url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    const json = (code: number, body: unknown): void => {
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== 'Bearer lab-token') return json(401, { message: 'Unauthorized' });
    if (url === '/api/v1') return json(200, { kind: 'APIResourceList', groupVersion: 'v1', resources: [{ name: 'configmaps', namespaced: true, kind: 'ConfigMap', verbs: ['get', 'list', 'patch'] }] });
    if (url === '/readyz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end('ok');
    }
    if (url === '/livez') return json(500, { message: 'etcd is down' });
    if (url.startsWith('/api/v1/namespaces/lab/configmaps/app')) return json(200, configMap);
    if (url.startsWith('/api/v1/namespaces/lab/configmaps/missing')) return json(404, { kind: 'Status', message: 'configmaps "missing" not found' });
    if (url.startsWith('/api/v1/namespaces/lab/configmaps/forbidden')) return json(403, { kind: 'Status', message: 'configmaps "forbidden" is forbidden' });
    if (url.startsWith('/api/v1/namespaces/busy/configmaps')) return json(429, { message: 'too many requests' });
    return json(404, { message: `no ${url}` });
  });
});
server.on('secureConnection', (socket) => {
  const conn = { requests: 0 };
  connections.push(conn);
  (socket as unknown as { lab?: { requests: number } }).lab = conn;
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
t.teardown(() => server.close());
const port = (server.address() as AddressInfo).port;
const kubeconfig = join(dir, 'kubeconfig');
writeFileSync(
  kubeconfig,
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'lab', cluster: { server: `https://127.0.0.1:${port}`, 'certificate-authority-data': cert.toString('base64') } }],
    users: [{ name: 'lab', user: { token: 'lab-token' } }],
    contexts: [{ name: 'lab', context: { cluster: 'lab', user: 'lab' } }],
    'current-context': 'lab',
  }),
);
const kube = createKubeClient(kubeconfig);
const last = (): Seen => seen[seen.length - 1]!;
const ref = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'lab', name });

t.test('get: JSON asked for with the kubeconfig\'s token and CA, every key of the object kept', async (t) => {
  t.same(await kube.get(ref('app')), configMap);
  t.equal(last().method, 'GET');
  t.equal(last().headers.accept, 'application/json');
  t.equal(last().headers.authorization, 'Bearer lab-token');
  t.equal(await kube.get(ref('missing')), undefined, '404 on get is absence');
});

t.test('apply: server-side apply body without managedFields or resourceVersion, field manager and force in the query', async (t) => {
  await kube.apply({ ...configMap, metadata: { ...configMap.metadata, managedFields: [{ manager: 'x' }] } }, { fieldManager: 'gitops-lab', force: true });
  t.equal(last().method, 'PATCH');
  t.equal(last().url, '/api/v1/namespaces/lab/configmaps/app?fieldManager=gitops-lab&force=true');
  t.equal(last().headers['content-type'], 'application/apply-patch+yaml');
  t.equal(Number(last().headers['content-length']), Buffer.byteLength(last().body));
  t.same(JSON.parse(last().body), { ...configMap, metadata: { name: 'app', namespace: 'lab' } });
});

t.test('raw: the body as text, no Accept header; a failure is CLUSTER_UNAVAILABLE unless the server refused the request', async (t) => {
  t.equal(await kube.raw('/readyz'), 'ok');
  t.equal(last().headers.accept, undefined);
  t.equal(last().headers.authorization, 'Bearer lab-token');
  await t.rejects(kube.raw('/livez'), { code: 'CLUSTER_UNAVAILABLE', message: 'GET /livez: etcd is down' });
  await t.rejects(kube.raw('/nothing'), { code: 'NOT_FOUND' });
});

t.test('errors keep their codes and the API server\'s message', async (t) => {
  const refused = await kube.patch(ref('forbidden'), { data: {} }, { fieldManager: 'gitops-lab' }).catch((e: unknown) => e);
  t.ok(refused instanceof LabError);
  t.match(refused, { code: 'COMMAND_FAILED', message: 'patch ConfigMap lab/forbidden: configmaps "forbidden" is forbidden' });
  t.equal(last().headers['content-type'], 'application/merge-patch+json');
  await t.rejects(kube.list('v1', 'ConfigMap', { namespace: 'busy' }), { code: 'CLUSTER_UNAVAILABLE', message: /^list ConfigMap in busy: too many requests/ });
  await t.rejects(createKubeClient(kubeconfig).delete(ref('forbidden')), { code: 'COMMAND_FAILED' });
  t.equal(last().method, 'DELETE');
  t.same(JSON.parse(last().body), { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' });
});

t.test('requests reuse kept-alive connections: one TLS handshake for many requests, shared by clients of one kubeconfig', async (t) => {
  const before = connections.map((c) => c.requests);
  for (let i = 0; i < 5; i++) t.same(await kube.get(ref('app')), configMap);
  t.same(await createKubeClient(kubeconfig).get(ref('app')), configMap);
  await kube.raw('/readyz');
  const used = connections.map((c, i) => c.requests - (before[i] ?? 0)).filter((n) => n > 0);
  t.same(used, [7], 'seven requests, one after another, on one connection');
  t.equal(createKubeClient(kubeconfig), kube, 'the same client for the same kubeconfig');
});

t.test('a kept-alive connection the server reset is retried once on a new one; a reset on a new connection is an error', async (t) => {
  dropReused = true;
  t.teardown(() => void (dropReused = false));
  const before = connections.length;
  t.same(await kube.get(ref('app')), configMap, 'answered after the reset');
  t.ok(connections.length - before >= 1, 'on a connection of its own');
  t.equal(connections.at(-1)!.requests, 1);
  // A reset on a connection that was never reused may have been seen by the server: no second attempt.
  const fresh = connections.length;
  const server2 = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req) => void req.socket.destroy());
  let asked = 0;
  server2.on('request', () => void (asked += 1));
  await new Promise<void>((r) => server2.listen(0, '127.0.0.1', r));
  t.teardown(() => server2.close());
  const config2 = join(dir, 'kubeconfig-resets');
  writeFileSync(config2, readFileSync(kubeconfig, 'utf8').replace(`127.0.0.1:${port}`, `127.0.0.1:${(server2.address() as AddressInfo).port}`));
  const error = await createKubeClient(config2).get(ref('app')).then(() => undefined, (e: unknown) => e);
  t.ok(error instanceof LabError && error.code === 'CLUSTER_UNAVAILABLE', String(error));
  t.equal(asked, 1, 'asked once');
  t.equal(connections.length, fresh);
});
