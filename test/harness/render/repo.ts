/** Real bare repositories with one commit of a given tree (files and symlinks), for render tests. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../harness/exec.js';

export const IDENTITY = { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

export type TreeSpec = Record<string, string | { symlink: string }>;

export function tempDir(t: { teardown(fn: () => void): void }, prefix = 'gitops-lab-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeTree(root: string, files: TreeSpec): void {
  for (const [f, content] of Object.entries(files)) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    if (typeof content === 'string') writeFileSync(join(root, f), content);
    else symlinkSync(content.symlink, join(root, f));
  }
}

/** A bare repository at `<dir>/<name>.git` whose main holds one commit of `files`; returns its path and sha. */
export async function bareRepoWith(dir: string, files: TreeSpec, name = 'lab'): Promise<{ bare: string; work: string; sha: string }> {
  const work = join(dir, `${name}-work`);
  const bare = join(dir, `${name}.git`);
  const git = (cwd: string, args: string[]) => run('git', args, { cwd, env: IDENTITY, cleanEnv: true, timeoutMs: 30_000 });
  mkdirSync(work, { recursive: true });
  await git(dir, ['init', '-q', '--bare', '-b', 'main', bare]);
  await git(work, ['init', '-q', '-b', 'main']);
  writeTree(work, files);
  await git(work, ['add', '-A']);
  await git(work, ['commit', '-q', '-m', 'tree']);
  await git(work, ['push', '-q', bare, 'main']);
  const sha = (await git(work, ['rev-parse', 'HEAD'])).stdout.trim();
  return { bare, work, sha };
}

export interface Listeners {
  /** host:port of a loopback HTTP server and of a raw TCP listener. */
  readonly http: string;
  readonly tcp: string;
  /** Connections each has seen so far. */
  seen(): { http: number; tcp: number };
  close(): Promise<void>;
}

/** A loopback HTTP listener and a raw TCP listener (127.0.0.1, port 0) that count every connection. */
export async function startListeners(): Promise<Listeners> {
  const counts = { http: 0, tcp: 0 };
  const http = createHttpServer((_req, res) => res.end('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-the-network\n'));
  http.on('connection', () => counts.http++);
  const tcp = createTcpServer((socket) => {
    counts.tcp++;
    socket.destroy();
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
  const addr = (s: { address(): AddressInfo | string | null }) => `127.0.0.1:${(s.address() as AddressInfo).port}`;
  return {
    http: addr(http),
    tcp: addr(tcp),
    seen: () => ({ ...counts }),
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
      await new Promise<void>((r) => tcp.close(() => r()));
    },
  };
}
