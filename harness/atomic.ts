/**
 * Atomic file writes: the text goes to a temporary file in the same directory, then one rename puts it in
 * place. A reader sees the old file or the new one, never half of either, however many writers run at once.
 * Base layer: results, sessions, the git server's record and render caches all write through here.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  // Dot-prefixed and suffixed .tmp so readers that list the directory can ignore it.
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { flush: true });
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** A JSON file (two-space indented, newline-terminated), written through a temporary file and one rename. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, JSON.stringify(value, null, 2) + '\n');
  await rename(tmp, file);
}
