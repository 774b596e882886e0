/**
 * Where a cluster's lab repositories are, as the harness sees them. Two topologies, one interface:
 *   - shared: the lab git server runs beside the cluster and serves a directory the harness reads and writes too;
 *   - own: the server keeps its own storage (in the cluster on kind and `existing --git-storage own`, or beside it
 *     with `--git-storage own`) and is reached only through its URL (git/admin.ts for what the harness once did on
 *     disk). The harness reads a mirror it fetches (git/mirror.ts) before each read of the repository.
 */
import { readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LabError } from '../errors.js';
import { grantsFor, withCredential, writeRepoAccess, type RunCredentials } from './access.js';
import { ADMIN_PREFIX } from './admin.js';
import { fetchMirror } from './mirror.js';
import { closeAt, PUSH_LOG } from './push-log.js';
import { readGitServer, type GitServerRecord } from './server-process.js';
import { writeFileAtomic } from '../atomic.js';

export interface LabStore {
  /** True when the server keeps its own storage (the harness holds mirrors). */
  readonly ownStorage: boolean;
  /** The bare repository the harness reads: the served one (shared) or its mirror (own). */
  bareDir(repo: string): string;
  /** Where the harness's own commits go when it is not bareDir: the server, with the harness's credential in the URL. */
  origin(repo: string): string | undefined;
  /** Makes the repository with the run's grants (no moment when it is there without them). */
  create(repo: string, branch: string, credentials: RunCredentials): Promise<void>;
  /** Brings bareDir up to what the server holds (refs and push log); nothing to do when shared. */
  sync(repo: string): Promise<void>;
  /** Closes the repository to pushes after `deadline`. */
  closeAt(repo: string, deadline: string): Promise<void>;
  /** Replaces the push log (undefined: none). */
  writePushLog(repo: string, text: string | undefined): Promise<void>;
  /** Removes the repository (and the mirror). */
  remove(repo: string): Promise<void>;
}

/** The repository name of a bare directory `<dir>/<repo>.git`. */
export const repoOf = (bareDir: string): string => basename(bareDir, '.git');

async function admin(rec: GitServerRecord, method: string, path: string, body?: string): Promise<string> {
  const url = `${rec.url}${ADMIN_PREFIX}${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { Authorization: `Basic ${Buffer.from(`${rec.username}:${rec.password}`).toString('base64')}`, 'Content-Type': 'application/octet-stream' },
      ...(body !== undefined ? { body } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new LabError('CLUSTER_UNAVAILABLE', `the lab git server at ${rec.url} does not answer (${method} ${ADMIN_PREFIX}${path})`, {
      cause: error,
      suggestion: 'check that the git server is running and its URL is reachable from here (gitops-lab status)',
    });
  }
  const text = await res.text();
  if (!res.ok) throw new LabError('CLUSTER_UNAVAILABLE', `the lab git server at ${rec.url} refused ${method} ${ADMIN_PREFIX}${path}: ${res.status} ${text.trim()}`);
  return text;
}

export function labStore(rec: GitServerRecord): LabStore {
  const bareDir = (repo: string): string => join(rec.root, `${repo}.git`);
  if (rec.storage !== 'own') {
    return {
      ownStorage: false,
      bareDir,
      origin: () => undefined,
      create: (repo, _branch, credentials) => writeRepoAccess(bareDir(repo), credentials),
      sync: async () => undefined,
      closeAt: (repo, deadline) => closeAt(bareDir(repo), deadline),
      writePushLog: async (repo, text) => {
        const file = join(bareDir(repo), PUSH_LOG);
        if (text === undefined) await rm(file, { force: true });
        else await writeFileAtomic(file, text);
      },
      remove: (repo) => rm(bareDir(repo), { recursive: true, force: true }),
    };
  }
  const path = (repo: string): string => encodeURIComponent(`${repo}.git`);
  return {
    ownStorage: true,
    bareDir,
    origin: (repo) => withCredential(`${rec.url}/${repo}.git`, { username: rec.username, password: rec.password }),
    create: async (repo, branch, credentials) => {
      await admin(rec, 'PUT', path(repo), JSON.stringify({ branch, grants: grantsFor(credentials) }));
    },
    sync: async (repo) => {
      // The push log after the refs: a push that lands between the two is in the refs; its log line comes next sync.
      await fetchMirror(bareDir(repo));
      const log = join(bareDir(repo), PUSH_LOG);
      const text = await admin(rec, 'GET', `${path(repo)}/pushes`);
      // Written only when it changed: `watch` takes a change of the file for a push.
      if ((await readFile(log, 'utf8').catch(() => undefined)) !== text) await writeFileAtomic(log, text);
    },
    closeAt: async (repo, deadline) => {
      await admin(rec, 'PUT', `${path(repo)}/deadline`, JSON.stringify({ deadline }));
    },
    writePushLog: async (repo, text) => {
      await admin(rec, text === undefined ? 'DELETE' : 'PUT', `${path(repo)}/pushes`, text);
    },
    remove: async (repo) => {
      await admin(rec, 'DELETE', path(repo)).catch((error: unknown) => {
        if (!(error instanceof LabError && / 404 /.test(error.message))) throw error;
      });
      await rm(bareDir(repo), { recursive: true, force: true });
    },
  };
}

/**
 * The store of a session's lab repository: its cluster's git server's (recorded beside the cluster), or, for an
 * offline session or a cluster whose record is gone, the directory the repository is in.
 */
export function sessionStore(session: { readonly bareDir: string; readonly live?: { readonly gitStateDir: string } | undefined }): LabStore {
  const rec = session.live ? readGitServer(session.live.gitStateDir) : undefined;
  if (rec && rec.root === dirname(session.bareDir)) return labStore(rec);
  return labStore({ port: 0, url: '', root: dirname(session.bareDir), username: '', password: '' });
}
