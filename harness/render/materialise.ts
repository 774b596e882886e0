/**
 * Materialises a commit's tree from its blobs, and nothing else: `git ls-tree -r -z -l` lists the tree, one
 * `git cat-file --batch` reads the blobs, and the files are written by us. No attributes (export-subst,
 * export-ignore), filters, hooks or replace refs are consulted; only regular files (modes 100644 and 100755)
 * are written. Symlinks (120000) and submodules (160000) are never created: they are recorded, so a
 * kustomization that names one is refused naming the file. Paths that are absolute, hold `..` or `.`, or a
 * `.git` component are never written either.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from '../git/git.js';

/** Bounds on one commit's tree: a repository of the bank is a few dozen KiB. */
export const TREE_LIMITS = { maxFiles: 20_000, maxBytes: 64 * 1024 * 1024 } as const;

export type SkipReason = 'symlink' | 'submodule' | 'unsafe path';

export type Materialised =
  | {
      readonly ok: true;
      /** Repository-relative paths that were not written, and why. */
      readonly skipped: ReadonlyMap<string, SkipReason>;
      readonly files: number;
    }
  | { readonly ok: false; readonly reason: 'too-large'; readonly error: string };

interface Entry {
  readonly mode: string;
  readonly type: string;
  readonly object: string;
  readonly size: number;
  readonly path: string;
}

/** `..`, `.`, empty and `.git` components, absolute paths and backslashes are never written. */
export function unsafeTreePath(path: string): boolean {
  if (path.length === 0 || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return true;
  return path.split('/').some((c) => c === '' || c === '.' || c === '..' || c.toLowerCase() === '.git');
}

function parseLsTree(out: string): Entry[] {
  const entries: Entry[] = [];
  for (const record of out.split('\0')) {
    if (record.length === 0) continue;
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', object = '', size = ''] = record.slice(0, tab).split(/ +/);
    entries.push({ mode, type, object, size: Number.parseInt(size, 10) || 0, path: record.slice(tab + 1) });
  }
  return entries;
}

/** Writes the regular files of `sha`'s tree (in `bareDir`) under `dir`, which must be empty. */
export async function materialiseCommit(bareDir: string, sha: string, dir: string): Promise<Materialised> {
  if (!/^[0-9A-Za-z][0-9A-Za-z._/^{}~-]*$/.test(sha)) throw new Error(`not a commit: ${JSON.stringify(sha)}`);
  const ls = await git(bareDir, ['-c', 'core.fsmonitor=false', 'ls-tree', '-r', '-z', '-l', '--full-tree', `${sha}^{commit}`], { maxBuffer: 64 * 1024 * 1024 });
  const skipped = new Map<string, SkipReason>();
  const files: Entry[] = [];
  let bytes = 0;
  for (const e of parseLsTree(ls.stdout)) {
    if (unsafeTreePath(e.path)) skipped.set(e.path, 'unsafe path');
    else if (e.mode === '120000') skipped.set(e.path, 'symlink');
    else if (e.mode === '160000' || e.type === 'commit') skipped.set(e.path, 'submodule');
    else if (e.type === 'blob' && (e.mode === '100644' || e.mode === '100755')) {
      files.push(e);
      bytes += e.size;
    } else skipped.set(e.path, 'unsafe path');
  }
  if (files.length > TREE_LIMITS.maxFiles) {
    return { ok: false, reason: 'too-large', error: `the commit holds ${files.length} files, more than the ${TREE_LIMITS.maxFiles}-file limit for a render` };
  }
  if (bytes > TREE_LIMITS.maxBytes) {
    return { ok: false, reason: 'too-large', error: `the commit holds ${bytes} bytes of files, more than the ${TREE_LIMITS.maxBytes}-byte limit for a render` };
  }
  if (files.length === 0) return { ok: true, skipped, files: 0 };
  const out = Buffer.from(
    (await git(bareDir, ['cat-file', '--batch'], { input: files.map((f) => f.object).join('\n') + '\n', binary: true, maxBuffer: TREE_LIMITS.maxBytes + files.length * 128 + 1024 }))
      .stdoutBytes!,
  );
  let at = 0;
  const made = new Set<string>();
  for (const f of files) {
    const nl = out.indexOf(0x0a, at);
    const header = out.subarray(at, nl).toString('latin1').split(' ');
    const size = Number.parseInt(header[2] ?? '', 10);
    if (nl < 0 || header[0] !== f.object || header[1] !== 'blob' || !Number.isFinite(size)) {
      throw new Error(`git cat-file --batch: unexpected answer for ${f.path}: ${out.subarray(at, Math.max(at, nl)).toString('latin1').slice(0, 100)}`);
    }
    const content = out.subarray(nl + 1, nl + 1 + size);
    at = nl + 1 + size + 1;
    const slash = f.path.lastIndexOf('/');
    if (slash > 0) {
      const parent = f.path.slice(0, slash);
      if (!made.has(parent)) {
        await mkdir(join(dir, parent), { recursive: true });
        made.add(parent);
      }
    }
    // 'wx': never follows or overwrites anything already there.
    await writeFile(join(dir, f.path), content, { flag: 'wx', mode: f.mode === '100755' ? 0o755 : 0o644 });
  }
  return { ok: true, skipped, files: files.length };
}
