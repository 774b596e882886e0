/**
 * The lab git server as one file of its own (bundled to dist/git-serve.mjs): what a Pod on any cluster runs from a
 * ConfigMap in a stock Node image with git, with no host mount of this package (harness/git/in-cluster.ts).
 * The same server as `gitops-lab git-serve` (git/serve.ts).
 *   node git-serve.mjs --root <dir> --port <port> [--host <address>]
 */
import { parseArgs } from 'node:util';
import { serveLabGit } from './serve.js';

const { values } = parseArgs({ options: { root: { type: 'string' }, port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } } });
if (!values.root || !values.port || !/^\d+$/.test(values.port)) {
  process.stderr.write('usage: git-serve.mjs --root <dir> --port <port> [--host <address>]\n');
  process.exit(2);
}
const server = await serveLabGit({ root: values.root, port: Number(values.port), host: values.host ?? '127.0.0.1' });
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
