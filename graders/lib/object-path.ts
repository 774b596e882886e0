/**
 * Object paths used in scenario files and graders: `spec.replicas`, `images[0].newTag`,
 * `metadata.labels["app.kubernetes.io/name"]`, `spec.template.spec.containers[name=payment-api].image`.
 * Pure: no I/O.
 */

export type PathSegment =
  | { readonly type: 'key'; readonly key: string }
  | { readonly type: 'index'; readonly index: number }
  | { readonly type: 'match'; readonly field: string; readonly value: string };

export class PathSyntaxError extends Error {
  override name = 'PathSyntaxError';
}

export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = 0;
  const readKey = (): string => {
    let key = '';
    while (i < path.length && path[i] !== '.' && path[i] !== '[') key += path[i++];
    return key;
  };
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      i++;
      continue;
    }
    if (c === '[') {
      const close = findClose(path, i);
      const inner = path.slice(i + 1, close).trim();
      i = close + 1;
      if (/^\d+$/.test(inner)) segments.push({ type: 'index', index: Number(inner) });
      else if (/^(["']).*\1$/.test(inner)) segments.push({ type: 'key', key: inner.slice(1, -1) });
      else {
        const eq = inner.indexOf('=');
        if (eq <= 0) throw new PathSyntaxError(`"${path}": "[${inner}]" is neither an index, a quoted key nor field=value`);
        segments.push({ type: 'match', field: inner.slice(0, eq).trim(), value: unquote(inner.slice(eq + 1).trim()) });
      }
      continue;
    }
    const key = readKey();
    if (key.length === 0) throw new PathSyntaxError(`"${path}": empty key at ${i}`);
    segments.push({ type: 'key', key });
  }
  if (segments.length === 0) throw new PathSyntaxError(`"${path}": empty path`);
  return segments;
}

function findClose(path: string, open: number): number {
  let quote: string | undefined;
  for (let j = open + 1; j < path.length; j++) {
    const ch = path[j];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ']') return j;
  }
  throw new PathSyntaxError(`"${path}": "[" at ${open} is never closed`);
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Resolves a path against a value into concrete keys (strings and numbers), or undefined when some
 * segment does not exist. Used both to read (graders) and to find what to write (git edits).
 */
export function resolvePath(root: unknown, path: string | readonly PathSegment[]): (string | number)[] | undefined {
  const segments = typeof path === 'string' ? parsePath(path) : path;
  const keys: (string | number)[] = [];
  let cur: unknown = root;
  for (const seg of segments) {
    if (seg.type === 'key') {
      if (!isRecord(cur) || !(seg.key in cur)) return undefined;
      keys.push(seg.key);
      cur = cur[seg.key];
    } else if (seg.type === 'index') {
      if (!Array.isArray(cur) || seg.index >= cur.length) return undefined;
      keys.push(seg.index);
      cur = cur[seg.index];
    } else {
      if (!Array.isArray(cur)) return undefined;
      const idx = cur.findIndex((el) => isRecord(el) && String(el[seg.field]) === seg.value);
      if (idx < 0) return undefined;
      keys.push(idx);
      cur = cur[idx];
    }
  }
  return keys;
}

export function getPath(root: unknown, path: string | readonly PathSegment[]): unknown {
  const keys = resolvePath(root, path);
  if (!keys) return undefined;
  let cur: unknown = root;
  for (const k of keys) cur = (cur as Record<string | number, unknown>)[k];
  return cur;
}

/** A compact, stable rendering of a value for feedback lines. */
export function show(value: unknown): string {
  if (value === undefined) return '<absent>';
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(sortKeys(value));
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]);
    return out;
  }
  return value;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}
