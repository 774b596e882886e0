/**
 * Scratch directories and interrupt cleanup. Every temporary directory the harness makes (checkouts of a
 * learner's tree, seed work trees) comes from scratchDir(), so SIGINT or SIGTERM can remove it; half-made
 * sessions register an undo with onInterrupt(). installSignalCleanup() is called once by the CLI.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dirs = new Set<string>();
const undos = new Set<() => Promise<void> | void>();

/** A fresh directory under the OS temp directory, removed on SIGINT/SIGTERM if still there. */
export async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `gitops-lab-${prefix}-`));
  dirs.add(dir);
  return dir;
}

/** Removes a scratch directory (and forgets it). */
export async function removeScratch(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
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

let installed = false;

/**
 * On SIGINT or SIGTERM: run the registered undos (newest first, bounded in time), remove every scratch
 * directory, then exit with 130 or 143. A second signal exits at once.
 */
export function installSignalCleanup(options: { readonly undoTimeoutMs?: number } = {}): void {
  if (installed) return;
  installed = true;
  let cleaning = false;
  const handler = (signal: NodeJS.Signals): void => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (cleaning) process.exit(code);
    cleaning = true;
    process.stderr.write(`\ngitops-lab: ${signal}: cleaning up\n`);
    const all = [...undos].reverse();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, options.undoTimeoutMs ?? 20_000).unref());
    const work = (async () => {
      for (const undo of all) {
        try {
          await undo();
        } catch (error) {
          process.stderr.write(`gitops-lab: cleanup step failed: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      }
    })();
    void Promise.race([work, timeout]).finally(() => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      process.exit(code);
    });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
