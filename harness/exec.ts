/**
 * The only module that imports execa. Every external command (git, kubectl, kind, go, kwokctl, tar)
 * runs through here: argument arrays, never shell strings; always a cwd and a timeout; failures become a
 * LabError that carries the command, the exit code, the stderr tail and a hint.
 */
import { execa, ExecaError } from 'execa';
import { readdirSync, readFileSync } from 'node:fs';
import { LabError } from './errors.js';

export interface RunOptions {
  readonly cwd: string;
  /** Milliseconds; every call is bounded. */
  readonly timeoutMs?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Bytes or text written to the command's stdin. */
  readonly input?: string | Uint8Array;
  /** Return the result instead of throwing when the command exits non-zero. */
  readonly allowFailure?: boolean;
  /** Return stdout as bytes. */
  readonly binary?: boolean;
  /** Stream output to the parent's stderr (long builds). */
  readonly inheritOutput?: boolean;
  /**
   * Do not inherit the parent's environment: the command sees only PATH, LANG=C and `env`. For commands that
   * read a learner's files (git, kubectl kustomize), so the grader's KUBECONFIG, proxies, credentials,
   * HOME and GIT_* settings never reach them.
   */
  readonly cleanEnv?: boolean;
  /** Most bytes of stdout (and of stderr) kept; more fails the command ("wrote more than N bytes"). */
  readonly maxBuffer?: number;
}

export interface RunResult {
  readonly command: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stdoutBytes?: Uint8Array;
  readonly stderr: string;
  readonly durationMs: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

const TOO_MUCH_OUTPUT = 'wrote more output than its bound';

/** A run() failure because the command wrote more than `maxBuffer` bytes. */
export function isOutputTooLarge(error: unknown): boolean {
  return error instanceof LabError && error.code === 'COMMAND_FAILED' && error.message.includes(TOO_MUCH_OUTPUT);
}

/** The whole environment of a command run with `cleanEnv`: PATH and LANG=C, then the caller's variables. */
export function cleanEnvironment(env: Readonly<Record<string, string | undefined>> = {}): Record<string, string> {
  const out: Record<string, string> = { LANG: 'C' };
  if (process.env['PATH'] !== undefined) out['PATH'] = process.env['PATH'];
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

const HINTS: Readonly<Record<string, string>> = {
  git: 'is git installed and on PATH?',
  kubectl: 'is kubectl (with kustomize built in) installed and on PATH?',
  kind: 'install kind (https://kind.sigs.k8s.io) and make sure Docker is running',
  docker: 'install Docker and start the Docker engine',
  go: 'install Go 1.26 and put it on PATH',
  tar: 'is tar installed and on PATH?',
};

function tail(text: string, lines = 12): string[] {
  const all = text.trimEnd().split('\n');
  return all.slice(Math.max(0, all.length - lines)).filter((l) => l.length > 0);
}

/** The commands run() is waiting on now: an interrupt ends them before it removes the directories they write in. */
const running = new Set<{ readonly pid?: number | undefined; then: PromiseLike<unknown>['then'] }>();

/** Every descendant of `pid` (children first found, then theirs), from /proc; empty where there is no /proc. */
export function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  for (const e of entries) {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(e), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift()!;
    for (const [child, pp] of parent) if (pp === p && !out.includes(child)) (out.push(child), queue.push(child));
  }
  return out;
}

/** Signals a process and everything it started (a command's own children hold its output open, too). */
function signalTree(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  for (const p of [pid, ...descendants(pid)]) {
    try {
      process.kill(p, signal);
    } catch {
      // exited meanwhile
    }
  }
}

/**
 * Ends every command run() started that is still running (SIGTERM, then SIGKILL after `graceMs`) and waits until
 * they have exited, so nothing writes into a directory the interrupt cleanup is about to remove. Never throws.
 */
export async function stopRunningCommands(graceMs = 2000): Promise<void> {
  const children = [...running];
  if (children.length === 0) return;
  const settled = Promise.allSettled(children.map((c) => Promise.resolve(c)));
  for (const c of children) signalTree(c.pid, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
  if ((await Promise.race([settled, graceOver])) === 'late') {
    for (const c of children) signalTree(c.pid, 'SIGKILL');
    await settled;
  }
  clearTimeout(timer);
}

export async function run(file: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const command = [file, ...args].join(' ');
  const started = performance.now();
  try {
    const child = execa(file, args, {
      cwd: options.cwd,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      env: options.cleanEnv ? cleanEnvironment(options.env) : (options.env as Record<string, string> | undefined),
      extendEnv: !options.cleanEnv,
      input: options.input,
      reject: false,
      stripFinalNewline: false,
      encoding: options.binary ? 'buffer' : 'utf8',
      stdout: options.inheritOutput ? 'inherit' : 'pipe',
      stderr: options.inheritOutput ? 'inherit' : 'pipe',
      maxBuffer: options.maxBuffer ?? 256 * 1024 * 1024,
    });
    running.add(child);
    const result = await child.finally(() => running.delete(child));
    const durationMs = performance.now() - started;
    const stdoutBytes = options.binary ? (result.stdout as unknown as Uint8Array) : undefined;
    const stdout = options.binary ? '' : String(result.stdout ?? '');
    const stderr = result.stderr instanceof Uint8Array ? Buffer.from(result.stderr).toString('utf8') : String(result.stderr ?? '');
    if (result.failed) {
      // Classified in a fixed order: missing tool, timed out, killed by signal, exit code.
      const errno = (result as { code?: string }).code;
      if (errno === 'ENOENT') {
        throw new LabError('TOOL_MISSING', `${file} was not found (running: ${command})`, {
          suggestion: HINTS[file] ?? `install ${file} and put it on PATH`,
        });
      }
      if (result.isMaxBuffer) {
        throw new LabError('COMMAND_FAILED', `${command} ${TOO_MUCH_OUTPUT} (${options.maxBuffer ?? 256 * 1024 * 1024} bytes)`, {
          details: tail(stderr),
        });
      }
      if (result.timedOut) {
        throw new LabError('TIMEOUT', `${command} timed out after ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`, {
          details: tail(stderr),
        });
      }
      if (result.signal) {
        throw new LabError('COMMAND_FAILED', `${command} was killed by ${result.signal}`, { details: tail(stderr) });
      }
      if (!options.allowFailure) {
        throw new LabError('COMMAND_FAILED', `${command} exited with ${result.exitCode}`, {
          details: tail(stderr || stdout),
        });
      }
    }
    return {
      command,
      exitCode: result.exitCode ?? -1,
      stdout,
      ...(stdoutBytes ? { stdoutBytes } : {}),
      stderr,
      durationMs,
    };
  } catch (error) {
    if (error instanceof LabError) throw error;
    if (error instanceof ExecaError) {
      throw new LabError('COMMAND_FAILED', `${command} failed: ${error.shortMessage}`, { cause: error });
    }
    throw error;
  }
}

export interface SpawnedProcess {
  readonly pid: number;
}

/**
 * Starts a long-running process detached from us, its output appended to a log file. Used by the local
 * provider's supervisor; the caller records the pid and ends it by that pid.
 */
export async function spawnDetached(
  file: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: Readonly<Record<string, string | undefined>>; readonly logFile: string },
): Promise<SpawnedProcess> {
  const { openSync, closeSync } = await import('node:fs');
  const fd = openSync(options.logFile, 'a');
  try {
    const child = execa(file, [...args], {
      cwd: options.cwd,
      env: options.env as Record<string, string> | undefined,
      extendEnv: true,
      detached: true,
      stdin: 'ignore',
      stdout: fd as never,
      stderr: fd as never,
      reject: false,
      cleanup: false,
    });
    const pid = child.pid;
    if (pid === undefined) {
      await child.catch(() => undefined);
      throw new LabError('COMMAND_FAILED', `could not start ${file}`, { suggestion: HINTS[file] });
    }
    child.unref();
    // Swallow the eventual result so an exit does not become an unhandled rejection.
    child.catch(() => undefined);
    return { pid };
  } finally {
    closeSync(fd);
  }
}
