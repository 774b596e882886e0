/** The YAML documents of a tree, by directory: what registrations and ApplicationSets are read from. */
import type { TreeSnapshot } from '../../harness/model/evidence.js';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface DocRef {
  readonly file: string;
  readonly doc: Obj;
}

/** Every YAML document under a directory of a tree that is an object, in path order. */
export function docsUnder(tree: TreeSnapshot, dir: string): DocRef[] {
  const prefix = dir.replace(/\/+$/, '') + '/';
  const out: DocRef[] = [];
  for (const file of Object.keys(tree.files).sort()) {
    if (!file.startsWith(prefix)) continue;
    for (const doc of tree.files[file]?.docs ?? []) if (isObj(doc)) out.push({ file, doc });
  }
  return out;
}
