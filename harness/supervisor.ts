/**
 * Supervised local processes: started detached through exec.spawnDetached, recorded by pid (pid file + state
 * JSON), waited on with deadlines, and ended by exactly the pids we recorded (never by name).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnDetached } from './exec.js';
import { LabError } from './errors.js';

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

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Stop one recorded process: SIGTERM, then SIGKILL after graceMs. Only if it is still the same process. */
export async function stopProcess(p: Pick<RunningProcess, 'pid' | 'startTime' | 'name'>, graceMs = 10_000): Promise<void> {
  if (!isAlive(p.pid, p.startTime)) return;
  try {
    process.kill(p.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(p.pid, p.startTime)) return;
    await sleep(100);
  }
  try {
    process.kill(p.pid, 'SIGKILL');
  } catch {
    return;
  }
  const killDeadline = Date.now() + 5_000;
  while (Date.now() < killDeadline) {
    if (!isAlive(p.pid, p.startTime)) return;
    await sleep(100);
  }
  throw new LabError('COMMAND_FAILED', `${p.name} (pid ${p.pid}) did not exit after SIGKILL`);
}

export function logTail(logFile: string, lines = 15): string[] {
  if (!existsSync(logFile)) return [];
  const text = readFileSync(logFile, 'utf8');
  const all = text.trimEnd().split('\n');
  return all.slice(Math.max(0, all.length - lines));
}

/** Thrown from a waitFor check to stop waiting at once (e.g. the process we wait on has exited). */
export class FatalWaitError extends LabError {}

export interface WaitOptions {
  readonly what: string;
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Called on timeout to describe the last state seen. */
  readonly lastState?: () => string[];
}

/**
 * Poll `check` until it returns a value other than undefined/false. On timeout, throws TIMEOUT with the last
 * state seen (the check's last message and whatever `lastState` adds).
 */
export async function waitFor<T>(check: () => Promise<T | undefined | false | { pending: string }>, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    try {
      const r = await check();
      if (r !== undefined && r !== false && !(typeof r === 'object' && r !== null && 'pending' in (r as object))) return r as T;
      if (typeof r === 'object' && r !== null && 'pending' in (r as object)) last = (r as { pending: string }).pending;
    } catch (error) {
      if (error instanceof FatalWaitError) throw error;
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) {
      throw new LabError('TIMEOUT', `timed out after ${Math.round(options.timeoutMs / 1000)}s waiting for ${options.what}`, {
        details: [`last state: ${last}`, ...(options.lastState?.() ?? [])],
      });
    }
    await sleep(options.intervalMs ?? 500);
  }
}

export async function httpOk(url: string, timeoutMs = 2_000): Promise<boolean | { pending: string }> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? true : { pending: `${url} answered ${res.status}` };
  } catch (error) {
    return { pending: `${url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}` };
  }
}
