/** Applies the closed vocabulary of file edits (write, set, replace, delete a file or a key, rename) to a working tree. */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseAllDocuments, type Document } from 'yaml';
import { parsePath, resolvePath } from '../../graders/lib/object-path.js';
import { LabError } from '../errors.js';
import type { FileEdit } from '../model/steps.js';

export async function applyEdit(root: string, edit: FileEdit): Promise<void> {
  switch (edit.op) {
    case 'write': {
      const file = join(root, edit.file);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, edit.content);
      return;
    }
    case 'delete':
      if (edit.path !== undefined) {
        const file = join(root, edit.file);
        const text = await readExisting(file, edit.file, `delete ${edit.file}: `);
        await writeFile(file, deleteYamlPath(text, edit.doc ?? 0, edit.path, edit.file));
        return;
      }
      await rm(join(root, edit.file), { recursive: true, force: false }).catch((e: unknown) => {
        throw new LabError('INVALID_SCENARIO', `delete ${edit.file}: ${(e as Error).message}`);
      });
      return;
    case 'rename': {
      const to = join(root, edit.to);
      await mkdir(dirname(to), { recursive: true });
      await rename(join(root, edit.from), to).catch((e: unknown) => {
        throw new LabError('INVALID_SCENARIO', `rename ${edit.from} -> ${edit.to}: ${(e as Error).message}`);
      });
      return;
    }
    case 'replace': {
      const file = join(root, edit.file);
      const text = await readExisting(file, edit.file);
      if (!text.includes(edit.find)) {
        throw new LabError('INVALID_SCENARIO', `replace in ${edit.file}: text "${edit.find}" not found`);
      }
      await writeFile(file, text.split(edit.find).join(edit.with));
      return;
    }
    case 'set': {
      const file = join(root, edit.file);
      const text = await readExisting(file, edit.file);
      await writeFile(file, setYamlPath(text, edit.doc, edit.path, edit.value, edit.file));
      return;
    }
  }
}

async function readExisting(file: string, display: string, prefix = ''): Promise<string> {
  try {
    await stat(file);
  } catch {
    throw new LabError('INVALID_SCENARIO', `${prefix}${display}: no such file in the repository`);
  }
  return readFile(file, 'utf8');
}

/** Sets a value at an object path in one YAML document, keeping comments and the other documents. */
export function setYamlPath(text: string, docIndex: number, path: string, value: unknown, display = 'file'): string {
  const docs = parseAllDocuments(text) as Document[];
  const doc = docs[docIndex];
  if (!doc || 'empty' in doc) throw new LabError('INVALID_SCENARIO', `${display}: has no YAML document ${docIndex}`);
  const segments = parsePath(path);
  // Resolve existing segments (indexes, field=value matches); trailing keys that do not exist are created.
  const js = doc.toJS() as unknown;
  const keys: (string | number)[] = [];
  for (let n = segments.length; n >= 0; n--) {
    const resolved = resolvePath(js, segments.slice(0, n));
    if (!resolved) continue;
    keys.push(...resolved);
    for (const seg of segments.slice(n)) {
      if (seg.type !== 'key') throw new LabError('INVALID_SCENARIO', `${display}: ${path}: element ${JSON.stringify(seg)} does not exist`);
      keys.push(seg.key);
    }
    break;
  }
  doc.setIn(keys, value);
  return docs.map((d) => d.toString({ lineWidth: 0 }).replace(/^---\n/, '')).join('---\n');
}

/**
 * Deletes the key or list element at an object path from one YAML document, keeping comments and the other
 * documents. Every segment must exist: a path that names nothing is an error naming the file, the path and the
 * first segment that is not there (a scenario that deletes what is not there is a defect, not a no-op).
 */
export function deleteYamlPath(text: string, docIndex: number, path: string, display = 'file'): string {
  const docs = parseAllDocuments(text) as Document[];
  const doc = docs[docIndex];
  const where = `delete ${display}: ${path}`;
  if (!doc || 'empty' in doc) throw new LabError('INVALID_SCENARIO', `delete ${display}: has no YAML document ${docIndex}`);
  let segments: ReturnType<typeof parsePath>;
  try {
    segments = parsePath(path);
  } catch (e) {
    throw new LabError('INVALID_SCENARIO', `${where}: ${(e as Error).message}`);
  }
  const js = doc.toJS() as unknown;
  const keys = resolvePath(js, segments);
  if (!keys) {
    let n = segments.length;
    while (n > 0 && !resolvePath(js, segments.slice(0, n))) n--;
    const missing = segments[n]!;
    const named = missing.type === 'key' ? `"${missing.key}"` : missing.type === 'index' ? `[${missing.index}]` : `[${missing.field}=${missing.value}]`;
    throw new LabError('INVALID_SCENARIO', `${where}: does not exist in document ${docIndex} (no ${named}${n > 0 ? ` under ${pathText(segments.slice(0, n))}` : ' at the top'})`);
  }
  doc.deleteIn(keys);
  return docs.map((d) => d.toString({ lineWidth: 0 }).replace(/^---\n/, '')).join('---\n');
}

function pathText(segments: ReturnType<typeof parsePath>): string {
  return segments
    .map((s, i) => (s.type === 'key' ? `${i > 0 ? '.' : ''}${s.key}` : s.type === 'index' ? `[${s.index}]` : `[${s.field}=${s.value}]`))
    .join('');
}
