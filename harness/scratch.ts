/**
 * Scratch directories and interrupt cleanup. Every temporary directory the harness makes (checkouts of a
 * learner's tree, seed work trees) comes from scratchDir(), so SIGINT or SIGTERM can remove it; half-made
 * sessions register an undo with onInterrupt(). installSignalCleanup() is called once by the CLI's entry point,
 * which alone decides how the process ends: this module never exits.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopRunningCommands } from './exec.js';

const dirs = new Set<string>();
const undos = new Set<() => Promise<void> | void>();
/** mkdtemp calls not yet answered: the final sweep waits for them, so a directory made just then is not left. */
const pending = new Set<Promise<string>>();
let interrupting = false;
/**
 * Set while an interrupt's cleanup runs, and for good once a signal arrived (the CLI exits after it): a mkdtemp
 * issued then would make its directory on the thread pool after the sweep, even if the process exits before its
 * callback, so none is issued.
 */
let sweeping = false;
let closed = false;

/** What scratchDir() throws once the interrupt's cleanup has begun. */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted: no new scratch directory');
    this.name = 'InterruptedError';
  }
}

/** A fresh directory under the OS temp directory, removed on SIGINT/SIGTERM if still there. */
export async function scratchDir(prefix: string): Promise<string> {
  if (sweeping || closed) throw new InterruptedError();
  const made = mkdtemp(join(tmpdir(), `gitops-lab-${prefix}-`));
  pending.add(made);
  let dir: string;
  try {
    dir = await made;
  } finally {
    pending.delete(made);
  }
  dirs.add(dir);
  return dir;
}

/** Removes a scratch directory (and forgets it). */
export async function removeScratch(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  dirs.delete(dir);
}

/** Runs `fn` with a scratch directory that is removed afterwards, whatever happens. */
export async function withScratch<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await scratchDir(prefix);
  try {
    return await fn(dir);
  } finally {
    await removeScratch(dir);
  }
}

/** Registers an undo to run if the process is interrupted; returns the function that unregisters it. */
export function onInterrupt(undo: () => Promise<void> | void): () => void {
  undos.add(undo);
  return () => {
    undos.delete(undo);
  };
}

/** The scratch directories still present (tests). */
export function liveScratchDirs(): readonly string[] {
  return [...dirs];
}

/** Whether an interrupt is being cleaned up (the CLI then stays quiet about errors its cleanup causes). */
export function interrupted(): boolean {
  return interrupting;
}

export interface InterruptCleanupOptions {
  /** Bound on all undos together; the scratch directories are removed after it either way. */
  readonly undoTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

/**
 * What an interrupt undoes: every registered undo (newest first, bounded in time, each failure logged), then
 * every scratch directory, including one whose mkdtemp was still under way. Never throws, never exits.
 */
export async function interruptCleanup(options: InterruptCleanupOptions = {}): Promise<void> {
  interrupting = true;
  sweeping = true;
  try {
    await sweep(options);
  } finally {
    sweeping = false;
  }
}

async function sweep(options: InterruptCleanupOptions): Promise<void> {
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const all = [...undos].reverse();
  undos.clear();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      log(`gitops-lab: cleanup took longer than ${options.undoTimeoutMs ?? 20_000} ms; leaving the rest`);
      resolve();
    }, options.undoTimeoutMs ?? 20_000);
  });
  const work = (async () => {
    for (const undo of all) {
      try {
        await undo();
      } catch (error) {
        log(`gitops-lab: cleanup step failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  await Promise.race([work, timeout]);
  clearTimeout(timer);
  while (pending.size > 0) await Promise.allSettled([...pending]);
  // A command still running (git cloning into a scratch directory) would keep writing while the directory goes.
  await stopRunningCommands();
  for (const dir of dirs) {
    try {
      // A child the interrupt did not reach (git cloning into the directory) may still be writing for a moment:
      // removal meets ENOTEMPTY until it exits, so retry for a few seconds (linear backoff, about 4.5 s in all).
      rmSync(dir, { recursive: true, force: true, maxRetries: 9, retryDelay: 100 });
      dirs.delete(dir);
    } catch (error) {
      log(`gitops-lab: could not remove ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

let installed: (() => void) | undefined;

/**
 * On SIGINT or SIGTERM: run interruptCleanup(), then call `done(signal)`: the CLI entry point decides how the
 * process ends (130 or 143). A second signal while cleaning up calls `done` at once. Returns the uninstaller.
 */
export function installSignalCleanup(done: (signal: 'SIGINT' | 'SIGTERM') => void, options: InterruptCleanupOptions = {}): () => void {
  if (installed) return installed;
  let cleaning = false;
  const handler = (signal: 'SIGINT' | 'SIGTERM'): void => {
    if (cleaning) return done(signal);
    cleaning = true;
    closed = true;
    process.stderr.write(`\ngitops-lab: ${signal}: cleaning up\n`);
    void interruptCleanup(options).finally(() => done(signal));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  installed = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
    installed = undefined;
  };
  return installed;
}
