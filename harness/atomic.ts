/**
 * Atomic file writes: the text goes to a temporary file in the same directory, flushed, then one rename puts it
 * in place. A reader sees the old file or the new one, never half of either, however many writers run at once;
 * a write that fails removes its temporary file and leaves the old file as it was.
 * Base layer: results, sessions, provider state, the git server's record and render caches all write through here.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** File mode of the new file (default 0o666 before the umask, as writeFile). */
  readonly mode?: number;
}

/** The temporary file beside `file`: dot-prefixed and suffixed .tmp, so readers that list the directory can ignore it. */
function tempFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function writeFileAtomic(file: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = tempFor(file);
  try {
    await writeFile(tmp, text, { flush: true, ...(options.mode !== undefined ? { mode: options.mode } : {}) });
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** writeFileAtomic for callers that cannot await (provider state written between synchronous steps). */
export function writeFileAtomicSync(file: string, text: string, options: AtomicWriteOptions = {}): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = tempFor(file);
  try {
    writeFileSync(tmp, text, { flush: true, ...(options.mode !== undefined ? { mode: options.mode } : {}) });
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** JSON as gitops-lab writes it: two-space indented, newline-terminated. */
export const jsonText = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/** A JSON file, written through writeFileAtomic. */
export async function writeJsonAtomic(file: string, value: unknown, options: AtomicWriteOptions = {}): Promise<void> {
  await writeFileAtomic(file, jsonText(value), options);
}
