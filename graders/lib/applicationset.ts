/**
 * The Applications an Argo CD ApplicationSet in Git generates, worked out from the tree alone (pure), the way
 * argo-cd v3.5.1's applicationset-controller does for the generators the lab uses:
 *
 * - `list`: one parameter set per element (`elements`; `elementsYaml` is not read here).
 * - `git` with `directories`: every directory of the repository that matches an entry's `path` (Go's path.Match:
 *   `*` and `?` never cross a `/`, `[...]` classes) and no entry with `exclude: true`
 *   (applicationset/generators/git.go filterApps); parameters `path`, `path.basename`, `path.basenameNormalized`,
 *   `path[N]` (goTemplate: `.path.path`, `.path.basename`, `.path.basenameNormalized`, `.path.segments`). The
 *   directories are those holding a YAML file in the tree (the tree holds YAML files only), which is every kustomize
 *   directory. The generator's repoURL and revision are taken to be the lab repository's tracked branch.
 *
 * Templates: `{{param}}` (fasttemplate, unknown parameters left as written, as upstream) or, with `goTemplate: true`,
 * plain field references `{{ .a.b }}`; anything else (functions, pipelines, git files, matrix/merge generators,
 * templatePatch) is reported as not understood rather than guessed.
 */
import type { TreeSnapshot } from '../../harness/model/evidence.js';
import { docsUnder, isObj, type Obj } from './docs.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export interface ApplicationSetExpansion {
  readonly file: string;
  readonly name: string;
  /** The generated Applications, as documents (kind Application), in generator order. */
  readonly applications: readonly Obj[];
  /** What this reading does not understand in the ApplicationSet (the Applications listed may then be incomplete). */
  readonly unsupported: readonly string[];
}

/** Go's path.Match as a regular expression (no `**`: a `*` stops at `/`). */
export function pathMatchRegExp(pattern: string): RegExp | undefined {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\') {
      const n = pattern[++i];
      if (n === undefined) return undefined;
      out += n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return undefined;
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('^')) cls = '^' + cls.slice(1);
      out += `(?!/)[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try {
    return new RegExp(`^${out}$`);
  } catch {
    return undefined;
  }
}

/** The directories of a tree that hold at least one file (and their ancestors), without hidden ones. */
export function treeDirectories(tree: TreeSnapshot): string[] {
  const dirs = new Set<string>();
  for (const file of Object.keys(tree.files)) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return [...dirs].filter((d) => !d.split('/').some((s) => s.startsWith('.'))).sort();
}

/** Upstream's utils.SanitizeName: lower-case, runs of anything but [a-z0-9-.] become '-', trimmed, at most 253. */
function sanitizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9\-.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 253);
}

type Params = Record<string, unknown>;

function directoryParams(dir: string, goTemplate: boolean): Params {
  const base = dir.split('/').pop() ?? dir;
  if (goTemplate) return { path: { path: dir, basename: base, basenameNormalized: sanitizeName(base), segments: dir.split('/') } };
  const p: Params = { path: dir, 'path.basename': base, 'path.basenameNormalized': sanitizeName(base) };
  dir.split('/').forEach((seg, i) => {
    if (seg !== '') p[`path[${i}]`] = seg;
  });
  return p;
}

function flatListParams(element: Obj, goTemplate: boolean): Params {
  if (goTemplate) return { ...element };
  // fasttemplate: nested element values are addressed with dots ({{a.b}}); upstream flattens them the same way.
  const out: Params = {};
  const walk = (prefix: string, v: unknown): void => {
    if (isObj(v)) for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
    else out[prefix] = typeof v === 'string' ? v : JSON.stringify(v);
  };
  walk('', element);
  return out;
}

/** Renders one string of the template; undefined when it uses template syntax this reading does not follow. */
function renderString(text: string, params: Params, goTemplate: boolean): string | undefined {
  let ok = true;
  const out = text.replace(/\{\{(.*?)\}\}/g, (whole, inner: string) => {
    const tag = inner.trim();
    if (!goTemplate) {
      const v = params[tag];
      return v === undefined ? whole : String(v);
    }
    const m = /^\.([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)$/.exec(tag);
    if (!m) {
      ok = false;
      return whole;
    }
    let v: unknown = params;
    for (const k of m[1]!.split('.')) v = isObj(v) ? v[k] : undefined;
    if (v === undefined || isObj(v) || Array.isArray(v)) {
      ok = false;
      return whole;
    }
    return String(v);
  });
  return ok ? out : undefined;
}

function renderValue(v: unknown, params: Params, goTemplate: boolean, bad: string[]): unknown {
  if (typeof v === 'string') {
    const r = renderString(v, params, goTemplate);
    if (r === undefined) bad.push(`template expression in ${JSON.stringify(v)}`);
    return r ?? v;
  }
  if (Array.isArray(v)) return v.map((x) => renderValue(x, params, goTemplate, bad));
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [renderString(k, params, goTemplate) ?? k, renderValue(x, params, goTemplate, bad)]));
  return v;
}

/** The parameter sets of one generator, or what is not understood about it. */
function generatorParams(gen: Obj, tree: TreeSnapshot, goTemplate: boolean, unsupported: string[], index: number): Params[] {
  const list = gen['list'];
  const git = gen['git'];
  if (isObj(list)) {
    if (list['elementsYaml'] !== undefined) unsupported.push(`generators[${index}].list.elementsYaml`);
    const elements = Array.isArray(list['elements']) ? list['elements'] : [];
    return elements.filter(isObj).map((e) => flatListParams(e, goTemplate));
  }
  if (isObj(git)) {
    if (git['files'] !== undefined) unsupported.push(`generators[${index}].git.files`);
    if (str(git['pathParamPrefix'])) unsupported.push(`generators[${index}].git.pathParamPrefix`);
    const entries = (Array.isArray(git['directories']) ? git['directories'] : []).filter(isObj);
    const include: RegExp[] = [];
    const exclude: RegExp[] = [];
    for (const e of entries) {
      const re = pathMatchRegExp(str(e['path']) ?? '');
      if (!re) {
        unsupported.push(`generators[${index}].git.directories path ${JSON.stringify(e['path'])}`);
        continue;
      }
      (e['exclude'] === true ? exclude : include).push(re);
    }
    return treeDirectories(tree)
      .filter((d) => include.some((r) => r.test(d)) && !exclude.some((r) => r.test(d)))
      .map((d) => directoryParams(d, goTemplate));
  }
  unsupported.push(`generators[${index}] (${Object.keys(gen).join(', ') || 'empty'}): only list and git directory generators are read`);
  return [];
}

/** Every ApplicationSet (argoproj.io) under a directory of the tree, with the Applications it generates. */
export function expandApplicationSets(tree: TreeSnapshot, dir: string): ApplicationSetExpansion[] {
  return docsUnder(tree, dir)
    .filter(({ doc }) => doc['kind'] === 'ApplicationSet' && (str(doc['apiVersion']) ?? '').startsWith('argoproj.io/'))
    .map(({ file, doc }) => {
      const spec = isObj(doc['spec']) ? doc['spec'] : {};
      const name = str(isObj(doc['metadata']) ? doc['metadata']['name'] : undefined) ?? '';
      const goTemplate = spec['goTemplate'] === true;
      const unsupported: string[] = [];
      if (spec['templatePatch'] !== undefined) unsupported.push('templatePatch');
      const template = isObj(spec['template']) ? spec['template'] : {};
      const generators = (Array.isArray(spec['generators']) ? spec['generators'] : []).filter(isObj);
      const applications: Obj[] = [];
      generators.forEach((gen, i) => {
        // A generator's own template overrides the ApplicationSet's, field by field (metadata, spec).
        const own = isObj((gen['list'] as Obj | undefined)?.['template']) ? ((gen['list'] as Obj)['template'] as Obj) : isObj((gen['git'] as Obj | undefined)?.['template']) ? ((gen['git'] as Obj)['template'] as Obj) : undefined;
        if (own && Object.keys(own).length > 0) unsupported.push(`generators[${i}] template override`);
        for (const params of generatorParams(gen, tree, goTemplate, unsupported, i)) {
          const rendered = renderValue(template, params, goTemplate, unsupported) as Obj;
          const metadata = isObj(rendered['metadata']) ? rendered['metadata'] : {};
          applications.push({
            apiVersion: 'argoproj.io/v1alpha1',
            kind: 'Application',
            // Generated in the ApplicationSet's own namespace.
            metadata: { ...metadata, namespace: str(isObj(doc['metadata']) ? doc['metadata']['namespace'] : undefined) ?? 'argocd' },
            spec: isObj(rendered['spec']) ? rendered['spec'] : {},
          });
        }
      });
      return { file, name, applications, unsupported: [...new Set(unsupported)] };
    });
}
