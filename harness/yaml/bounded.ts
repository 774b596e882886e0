/**
 * Learner files are data: every YAML text that came from a learner's repository is parsed here, within
 * bounds on bytes, aliases, nesting depth and nodes, so a billion-laughs file, a cyclic alias, a deep nest or
 * a huge mapping becomes an error *naming the file* rather than a crash, a hang or exit 3.
 */
import { isAlias, isCollection, isDocument, isPair, isScalar, parseAllDocuments, visit, type Document } from 'yaml';

export interface YamlLimits {
  /** Largest text, in UTF-8 bytes. */
  readonly maxBytes: number;
  /** Most alias nodes (`*x`) in one text. */
  readonly maxAliases: number;
  /** Deepest nesting of collections in the resolved value. */
  readonly maxDepth: number;
  /** Most nodes in the resolved value (aliases expanded). */
  readonly maxNodes: number;
}

/** Bounds for one file of a learner's repository (the bank's files are a few KiB; kustomize's output is larger). */
export const FILE_LIMITS: YamlLimits = { maxBytes: 1024 * 1024, maxAliases: 64, maxDepth: 64, maxNodes: 200_000 };

/** Bounds for kustomize's output for one environment (expanded by kustomize, so larger than one file). */
export const RENDER_LIMITS: YamlLimits = { maxBytes: 8 * 1024 * 1024, maxAliases: 0, maxDepth: 64, maxNodes: 1_000_000 };

export type BoundedYaml = { readonly ok: true; readonly docs: unknown[] } | { readonly ok: false; readonly error: string };

const fail = (error: string): BoundedYaml => ({ ok: false, error });

/** Counts alias nodes, refuses an alias to one of its own ancestors (a cycle), and bounds the nesting of the AST. */
function checkAst(doc: Document.Parsed, limits: YamlLimits, counter: { aliases: number }): string | undefined {
  let problem: string | undefined;
  visit(doc, {
    Alias(_key, node, path) {
      counter.aliases++;
      if (counter.aliases > limits.maxAliases) {
        problem = `more than ${limits.maxAliases} aliases`;
        return visit.BREAK;
      }
      const target = node.resolve(doc);
      if (target && path.includes(target as never)) {
        problem = `alias *${node.source} refers to a node that contains it (a cycle)`;
        return visit.BREAK;
      }
      return undefined;
    },
    Node(_key, _node, path) {
      // path holds the document, pairs and collections above this node: a pair adds one level to a map's value.
      if (path.length > limits.maxDepth * 2 + 1) {
        problem = `nested deeper than ${limits.maxDepth} levels`;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return problem;
}

/** Walks the resolved value without recursion: bounds its depth and node count (aliases expand here). */
function checkValue(value: unknown, limits: YamlLimits, counter: { nodes: number }): string | undefined {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (++counter.nodes > limits.maxNodes) return `more than ${limits.maxNodes} values once aliases are expanded`;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limits.maxDepth) return `nested deeper than ${limits.maxDepth} levels`;
    const children = Array.isArray(v) ? v : v instanceof Map ? [...v.values()] : Object.values(v as object);
    for (const c of children) stack.push({ v: c, depth: depth + 1 });
  }
  return undefined;
}

/**
 * Parses a multi-document YAML text within `limits`. Never throws: a text that breaks a bound or does not
 * parse gives `{ ok: false, error }` (the caller adds the file's name). Empty documents are dropped.
 */
export function parseYamlBounded(text: string, limits: YamlLimits = FILE_LIMITS): BoundedYaml {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) return fail(`${bytes} bytes is larger than the ${limits.maxBytes}-byte limit for one file`);
  try {
    // uniqueKeys off: the library's duplicate-key check is quadratic in a mapping's size; ours below is linear.
    // logLevel 'error': no warnings on stderr (a Helm template's `{{ .Values.x }}` parses as a flow-mapping key,
    // and the library warns that it stringifies it, once per file every grade).
    const docs = parseAllDocuments(text, { uniqueKeys: false, logLevel: 'error' });
    if (!Array.isArray(docs)) return fail('not a YAML stream');
    const out: unknown[] = [];
    const aliases = { aliases: 0 };
    const nodes = { nodes: 0 };
    for (const doc of docs) {
      if (!isDocument(doc)) continue;
      if (doc.errors.length > 0) return fail(doc.errors[0]!.message.split('\n')[0] ?? 'YAML error');
      const astProblem = checkAst(doc, limits, aliases);
      if (astProblem) return fail(astProblem);
      const dup = duplicateKey(doc);
      if (dup) return fail(dup);
      const js = doc.toJS({ maxAliasCount: limits.maxAliases === 0 ? 0 : 100 }) as unknown;
      const valueProblem = checkValue(js, limits, nodes);
      if (valueProblem) return fail(valueProblem);
      if (js !== null && js !== undefined) out.push(js);
    }
    return { ok: true, docs: out };
  } catch (error) {
    // A stack overflow in the library on a pathological nest is a property of the file, not of the harness.
    if (error instanceof RangeError) return fail(`too deeply nested to parse (${error.message})`);
    return fail(error instanceof Error ? error.message.split('\n')[0] ?? 'YAML error' : String(error));
  }
}

/** A mapping that names the same scalar key twice (kustomize refuses these too). Linear in the mapping's size. */
function duplicateKey(doc: Document.Parsed): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const item of map.items) {
        if (!isPair(item)) continue;
        const k = isScalar(item.key) ? String(item.key.value) : isCollection(item.key) || isAlias(item.key) ? undefined : String(item.key);
        if (k === undefined) continue;
        if (seen.has(k)) {
          found = `map keys must be unique: "${k.length > 60 ? `${k.slice(0, 60)}...` : k}" appears twice`;
          return visit.BREAK;
        }
        seen.add(k);
      }
      return undefined;
    },
  });
  return found;
}

/** A budget shared by every file of one grade: the sum of bytes parsed stays under `totalBytes`. */
export class YamlBudget {
  private used = 0;
  constructor(readonly totalBytes: number = 16 * 1024 * 1024) {}
  /** Charges `text` to the budget; returns an error when the grade's total would pass the limit. */
  charge(text: string): string | undefined {
    const n = Buffer.byteLength(text, 'utf8');
    if (this.used + n > this.totalBytes) return `the repository's YAML passes the ${this.totalBytes}-byte limit for one grade`;
    this.used += n;
    return undefined;
  }
}
