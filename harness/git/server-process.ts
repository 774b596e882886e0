/**
 * The lab git server as a long-lived process beside a cluster: controllers pull from it and learners push to
 * it across many CLI invocations. One per cluster; its pid and port are recorded in the cluster's state dir
 * and it is ended by that pid only.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { spawnDetached } from '../exec.js';
import { LabError } from '../errors.js';
import { writeJsonAtomic } from '../atomic.js';
import { PACKAGE_ROOT } from '../paths.js';
import { isAlive } from '../supervisor.js';
import { withCredential, type Credential } from './access.js';
import { FatalWaitError, pollUntil } from '../wait.js';
import { GIT_NAMESPACE, GIT_SERVICE, IN_CLUSTER_GIT_URL } from './in-cluster.js';

export interface GitServerRecord {
  /** The git-serve process beside the cluster; absent when the server runs in the cluster (kind). */
  readonly pid?: number;
  /** The host port on 127.0.0.1 the learner pushes to. */
  readonly port: number;
  /** Base URL on this machine: http://127.0.0.1:<port>. */
  readonly url: string;
  /** Base URL the controllers pull from, when it is not `url` (the in-cluster server's Service). */
  readonly clusterUrl?: string;
  /**
   * Host directory of the bare lab repositories the harness reads: the ones the server serves (beside the
   * cluster), or, when the server keeps its own storage (in a cluster, or `--git-storage own`), the harness's mirrors.
   */
  readonly root: string;
  /** 'own': the server keeps its own storage, reached only through `url` (git/store.ts); absent: it serves `root`. */
  readonly storage?: 'own';
  /** `url` is a port-forward to the in-cluster server that the harness keeps (pid: the kubectl), on this kubeconfig. */
  readonly forward?: { readonly kubeconfig: string };
  /** The server's own credential: it opens every repository (the harness's; learners and controllers get per-run ones). */
  readonly username: string;
  readonly password: string;
}

const recordFile = (stateDir: string): string => join(stateDir, 'git-server.json');
/** The bare lab repositories of a cluster, wherever its git server runs. */
export const gitRootFor = (stateDir: string): string => join(stateDir, 'git');

/** A pid of ours still running (a zombie is not: supervisor.isAlive reads its state). */
const alive = (pid: number | undefined): boolean => pid !== undefined && isAlive(pid);

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

/** Waits until the git server at `url` answers; `stillTrying` says whether waiting can still help. */
export async function waitForGitServer(url: string, timeoutMs: number, stillTrying: () => boolean = () => true): Promise<boolean> {
  try {
    const r = await pollUntil(
      async () => {
        if (await answers(url)) return true;
        if (!stillTrying()) throw new FatalWaitError('CLUSTER_UNAVAILABLE', `waiting for the git server at ${url} can no longer help`);
        return { pending: `${url} does not answer` };
      },
      { what: `the git server at ${url}`, timeoutMs, intervalMs: 100 },
    );
    return r.done;
  } catch (error) {
    if (error instanceof FatalWaitError) return false;
    throw error;
  }
}

export function readGitServer(stateDir: string): GitServerRecord | undefined {
  const f = recordFile(stateDir);
  if (!existsSync(f)) return undefined;
  return JSON.parse(readFileSync(f, 'utf8')) as GitServerRecord;
}

/**
 * Starts the cluster's git server unless one of ours already answers. Sessions seeded in parallel share one
 * server: a lock file makes exactly one of them start it while the others wait for its record.
 */
export async function ensureGitServer(stateDir: string, port: number): Promise<GitServerRecord> {
  const lock = join(stateDir, 'git-server.lock');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const existing = readGitServer(stateDir);
    if (existing?.clusterUrl !== undefined) {
      // In the cluster: started by the provider's `up`; nothing to start here, only to check (and a port-forward
      // of ours that has died, to start again on its port).
      if (await answers(existing.url)) return existing;
      if (existing.forward && !alive(existing.pid)) {
        return keepPortForward({ stateDir, kubeconfig: existing.forward.kubeconfig, credentials: { username: existing.username, password: existing.password } }, existing.port);
      }
      throw new LabError('CLUSTER_UNAVAILABLE', `the in-cluster lab git server does not answer on ${existing.url}`, {
        suggestion: 'check its Pod: kubectl -n gitops-lab-git get pods,events, and the URL that leads to it; or recreate the cluster (gitops-lab down, then up)',
      });
    }
    if (existing && alive(existing.pid) && (await answers(existing.url))) return existing;
    let fd: number | undefined;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Another session is starting it; a lock older than the deadline is a crashed starter's.
      if (Date.now() > deadline) rmSync(lock, { force: true });
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      const again = readGitServer(stateDir);
      if (again && alive(again.pid) && (await answers(again.url))) return again;
      return await startGitServer(stateDir, port);
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
}

/** Where a git server with its own storage keeps its repositories on this machine: a directory the harness never reads. */
export const ownStorageFor = (stateDir: string): string => join(stateDir, 'git-server-storage');
const topologyFile = (stateDir: string): string => join(stateDir, 'git-topology.json');

/**
 * Chooses the cluster's git topology before its first session: 'own' has the server beside the cluster keep its
 * own storage, so the harness reaches it only through its URL, as it reaches a server in a remote cluster.
 */
export async function chooseGitStorage(stateDir: string, storage: 'shared' | 'own'): Promise<void> {
  mkdirSync(stateDir, { recursive: true });
  await writeJsonAtomic(topologyFile(stateDir), { storage });
}

function chosenStorage(stateDir: string): 'shared' | 'own' {
  if (!existsSync(topologyFile(stateDir))) return 'shared';
  const { storage } = JSON.parse(readFileSync(topologyFile(stateDir), 'utf8')) as { storage?: unknown };
  if (storage === 'own' || storage === 'shared') return storage;
  throw new LabError('USAGE', `${topologyFile(stateDir)}: storage must be "shared" or "own", not ${JSON.stringify(storage)}`);
}

async function startGitServer(stateDir: string, port: number): Promise<GitServerRecord> {
  const own = chosenStorage(stateDir) === 'own';
  const root = gitRootFor(stateDir);
  mkdirSync(root, { recursive: true });
  const served = own ? ownStorageFor(stateDir) : root;
  mkdirSync(served, { recursive: true });
  const password = newGitPassword();
  // The server's own credential (it opens every repository): the harness's, never handed to a learner.
  const username = 'gitops-lab';
  const bin = join(PACKAGE_ROOT, 'dist', 'harness', 'cli', 'main.js');
  const { pid } = await spawnDetached(process.execPath, [bin, 'git-serve', '--root', served, '--port', String(port)], {
    cwd: stateDir,
    env: { GITOPS_LAB_GIT_USER: username, GITOPS_LAB_GIT_PASSWORD: password },
    logFile: join(stateDir, 'git-server.log'),
  });
  const url = `http://127.0.0.1:${port}`;
  const record: GitServerRecord = { pid, port, url, root, username, password, ...(own ? { storage: 'own' as const } : {}) };
  await writeJsonAtomic(recordFile(stateDir), record);
  if (!(await waitForGitServer(url, 15_000, () => alive(pid)))) {
    throw new LabError('CLUSTER_UNAVAILABLE', `the lab git server did not start on ${url}`, { details: [`log: ${join(stateDir, 'git-server.log')}`] });
  }
  return record;
}

/** Records the git server a provider runs in its cluster (no process here to start or stop). */
export async function recordInClusterGitServer(stateDir: string, record: Omit<GitServerRecord, 'pid'> & { readonly clusterUrl: string }): Promise<void> {
  mkdirSync(record.root, { recursive: true });
  await writeJsonAtomic(recordFile(stateDir), record);
}

/** A new password for the server's own credential. */
export function newGitPassword(): string {
  return randomBytes(9).toString('base64url');
}

export async function stopGitServer(stateDir: string): Promise<void> {
  const rec = readGitServer(stateDir);
  if (!rec) return;
  const pid = rec.pid;
  if (pid !== undefined && alive(pid)) {
    process.kill(pid, 'SIGTERM');
    await pollUntil(() => !alive(pid), { what: `the git server (pid ${pid}) to exit`, timeoutMs: 5_000, intervalMs: 100, stopOnError: true });
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(recordFile(stateDir), { force: true });
}

/** The URL a learner pushes to: their run's credential in the URL, so `git push` just works in the workspace. */
export function pushURL(rec: GitServerRecord, repo: string, credential: Credential): string {
  return withCredential(`${rec.url}/${repo}.git`, credential);
}

/** `kubectl port-forward` to the in-cluster git server's Service, on 127.0.0.1 only. */
export function portForwardArgs(kubeconfig: string, port: number): string[] {
  return ['--kubeconfig', kubeconfig, '--namespace', GIT_NAMESPACE, 'port-forward', `service/${GIT_SERVICE}`, `${port}:80`, '--address', '127.0.0.1'];
}

/** What reaching an in-cluster git server from this machine needs: the cluster's state dir, its kubeconfig, the server's credential. */
export interface InClusterAccess {
  readonly stateDir: string;
  readonly kubeconfig: string;
  readonly credentials: { readonly username: string; readonly password: string };
}

/** Starts (or starts again) the port-forward on `port` and records it, once the server answers through it. */
export async function keepPortForward(access: InClusterAccess, port: number, timeoutMs = 30_000): Promise<GitServerRecord> {
  const { pid } = await spawnDetached('kubectl', portForwardArgs(access.kubeconfig, port), { cwd: access.stateDir, logFile: join(access.stateDir, 'git-port-forward.log') });
  const url = `http://127.0.0.1:${port}`;
  if (!(await waitForGitServer(url, timeoutMs, () => isAlive(pid)))) {
    if (isAlive(pid)) process.kill(pid, 'SIGTERM');
    throw new LabError('CLUSTER_UNAVAILABLE', `the port-forward to the in-cluster lab git server did not answer on ${url}`, {
      details: [`log: ${join(access.stateDir, 'git-port-forward.log')}`],
      suggestion: `kubectl -n ${GIT_NAMESPACE} get pods,events; or give the server's URL with --git-url`,
    });
  }
  const record: GitServerRecord = { pid, port, url, clusterUrl: IN_CLUSTER_GIT_URL, root: gitRootFor(access.stateDir), storage: 'own', forward: { kubeconfig: access.kubeconfig }, ...access.credentials };
  await writeJsonAtomic(recordFile(access.stateDir), record);
  return record;
}
