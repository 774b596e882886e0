/**
 * The lab git server as a long-lived process beside a cluster: controllers pull from it and learners push to
 * it across many CLI invocations. One per cluster; its pid and port are recorded in the cluster's state dir
 * and it is ended by that pid only.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnDetached } from '../exec.js';
import { LabError } from '../errors.js';
import { writeJsonAtomic } from '../runner/session.js';
import { PACKAGE_ROOT } from '../paths.js';

export interface GitServerRecord {
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  readonly root: string;
  readonly username: string;
  readonly password: string;
}

const recordFile = (stateDir: string): string => join(stateDir, 'git-server.json');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    return res.status < 500;
  } catch {
    return false;
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

async function startGitServer(stateDir: string, port: number): Promise<GitServerRecord> {
  const root = join(stateDir, 'git');
  mkdirSync(root, { recursive: true });
  const password = Math.random().toString(36).slice(2, 14);
  const username = 'learner';
  const bin = join(PACKAGE_ROOT, 'dist', 'harness', 'cli', 'main.js');
  const { pid } = await spawnDetached(process.execPath, [bin, 'git-serve', '--root', root, '--port', String(port)], {
    cwd: stateDir,
    env: { GITOPS_LAB_GIT_USER: username, GITOPS_LAB_GIT_PASSWORD: password },
    logFile: join(stateDir, 'git-server.log'),
  });
  const url = `http://127.0.0.1:${port}`;
  const record: GitServerRecord = { pid, port, url, root, username, password };
  await writeJsonAtomic(recordFile(stateDir), record);
  const deadline = Date.now() + 15_000;
  while (!(await answers(url))) {
    if (!alive(pid) || Date.now() > deadline) {
      throw new LabError('CLUSTER_UNAVAILABLE', `the lab git server did not start on ${url}`, { details: [`log: ${join(stateDir, 'git-server.log')}`] });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return record;
}

export async function stopGitServer(stateDir: string): Promise<void> {
  const rec = readGitServer(stateDir);
  if (!rec) return;
  if (alive(rec.pid)) {
    process.kill(rec.pid, 'SIGTERM');
    const deadline = Date.now() + 5_000;
    while (alive(rec.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (alive(rec.pid)) process.kill(rec.pid, 'SIGKILL');
  }
  rmSync(recordFile(stateDir), { force: true });
}

/** The URL a learner pushes to: credentials in the URL so `git push` just works in the workspace. */
export function pushURL(rec: GitServerRecord, repo: string): string {
  return `http://${rec.username}:${rec.password}@127.0.0.1:${rec.port}/${repo}.git`;
}
