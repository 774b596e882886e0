/**
 * The lab git server as one file of its own (bundled to dist/git-serve.mjs): what a Pod on any cluster runs from a
 * ConfigMap in a stock Node image with git, with no host mount of this package (harness/git/in-cluster.ts).
 * The same server as `gitops-lab git-serve`; its credential comes from GITOPS_LAB_GIT_USER / GITOPS_LAB_GIT_PASSWORD.
 *   node git-serve.mjs --root <dir> --port <port> [--host <address>]
 */
import { parseArgs } from 'node:util';
import { startGitHttpServer } from './http-server.js';

const { values } = parseArgs({ options: { root: { type: 'string' }, port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } } });
if (!values.root || !values.port || !/^\d+$/.test(values.port)) {
  process.stderr.write('usage: git-serve.mjs --root <dir> --port <port> [--host <address>]\n');
  process.exit(2);
}
const user = process.env['GITOPS_LAB_GIT_USER'];
const password = process.env['GITOPS_LAB_GIT_PASSWORD'];
const server = await startGitHttpServer({
  root: values.root,
  port: Number(values.port),
  host: values.host ?? '127.0.0.1',
  ...(user && password ? { credentials: { username: user, password } } : {}),
  onRequest: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
});
process.stdout.write(`serving ${values.root} at ${server.url}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
