/**
 * A lab git server with its own storage, in this test process: the real git-serve HTTP server on a directory of its
 * own, and a cluster state dir whose record says so (what `up --git-storage own` leads to), with the harness's
 * mirrors in another directory. The test may look at the server's directory; the harness never does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHttpServer } from '../../harness/git/http-server.js';
import type { GitServerRecord } from '../../harness/git/server-process.js';

export interface OwnStorageServer {
  readonly record: GitServerRecord;
  /** The cluster state dir holding git-server.json (a session's live.gitStateDir). */
  readonly stateDir: string;
  /** The server's own storage. */
  readonly storage: string;
}

export async function ownStorageServer(t: { teardown(fn: () => unknown): void }, dir: string): Promise<OwnStorageServer> {
  const storage = join(dir, 'server-storage');
  const stateDir = join(dir, 'cluster');
  mkdirSync(storage, { recursive: true });
  mkdirSync(stateDir, { recursive: true });
  const credentials = { username: 'gitops-lab', password: 'server-secret' };
  const server = await startGitHttpServer({ root: storage, credentials });
  t.teardown(() => server.close());
  const record: GitServerRecord = { port: server.port, url: server.url, root: join(stateDir, 'git'), ...credentials, storage: 'own' };
  writeFileSync(join(stateDir, 'git-server.json'), JSON.stringify(record));
  return { record, stateDir, storage };
}
