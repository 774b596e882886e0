/**
 * Supervised local processes: started detached through exec.spawnDetached, recorded by pid (pid file + state
 * JSON), waited on with deadlines, and ended by exactly the pids we recorded (never by name).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnDetached } from './exec.js';
import { LabError } from './errors.js';
import { pollUntil } from './wait.js';

export interface ProcessSpec {
  readonly name: string;
  readonly file: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  /** Ports the process listens on (127.0.0.1), by role. */
  readonly ports: Readonly<Record<string, number>>;
  /** Port to wait on for readiness (TCP accept), or an HTTP URL that must answer 2xx. */
  readonly ready: { readonly tcp: number } | { readonly http: string };
}

export interface RunningProcess {
  readonly name: string;
  readonly pid: number;
  readonly startTime: string | undefined;
  readonly logFile: string;
  readonly ports: Readonly<Record<string, number>>;
  readonly command: readonly string[];
}

/** The kernel's start time of a pid (field 22 of /proc/<pid>/stat), to tell our process from a reused pid. */
export function procStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19];
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number, startTime?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    if (state === 'Z' || state === 'X') return false;
  } catch {
    return false;
  }
  if (startTime !== undefined) return procStartTime(pid) === startTime;
  return true;
}

export async function startProcess(spec: ProcessSpec, logDir: string, pidDir: string): Promise<RunningProcess> {
  const logFile = join(logDir, `${spec.name}.log`);
  const { pid } = await spawnDetached(spec.file, spec.args, { cwd: spec.cwd, env: spec.env, logFile });
  writeFileSync(join(pidDir, `${spec.name}.pid`), `${pid}\n`);
  return { name: spec.name, pid, startTime: procStartTime(pid), logFile, ports: spec.ports, command: [spec.file, ...spec.args] };
}

/** Stop one recorded process: SIGTERM, then SIGKILL after graceMs. Only if it is still the same process. */
export async function stopProcess(p: Pick<RunningProcess, 'pid' | 'startTime' | 'name'>, graceMs = 10_000): Promise<void> {
  if (!isAlive(p.pid, p.startTime)) return;
  try {
    process.kill(p.pid, 'SIGTERM');
  } catch {
    return;
  }
  const exited = (): boolean => !isAlive(p.pid, p.startTime);
  if ((await pollUntil(exited, { what: `${p.name} to exit after SIGTERM`, timeoutMs: graceMs, intervalMs: 100, stopOnError: true })).done) return;
  try {
    process.kill(p.pid, 'SIGKILL');
  } catch {
    return;
  }
  if ((await pollUntil(exited, { what: `${p.name} to exit after SIGKILL`, timeoutMs: 5_000, intervalMs: 100, stopOnError: true })).done) return;
  throw new LabError('COMMAND_FAILED', `${p.name} (pid ${p.pid}) did not exit after SIGKILL`);
}

export function logTail(logFile: string, lines = 15): string[] {
  if (!existsSync(logFile)) return [];
  const text = readFileSync(logFile, 'utf8');
  const all = text.trimEnd().split('\n');
  return all.slice(Math.max(0, all.length - lines));
}

/** The supervisor's waits are harness/wait.ts's: waitFor is waitUntil (same options, same TIMEOUT error). */
export { FatalWaitError, waitUntil as waitFor, type WaitOptions } from './wait.js';

export async function httpOk(url: string, timeoutMs = 2_000): Promise<boolean | { pending: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? true : { pending: `${url} answered ${res.status}` };
  } catch (error) {
    return { pending: `${url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}` };
  }
}
