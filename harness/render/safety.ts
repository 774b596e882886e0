/**
 * No network and no reads outside the checkout, by construction: before kustomize runs, gitops-lab walks
 * every kustomization an environment reaches and resolves every path field kustomize loads (the fields of
 * kustomize's api/types/kustomization.go, and the path fields of builtin plugin configurations named by
 * generators/transformers/validators). Each must be a relative path that resolves inside the checkout and
 * exists there as a materialised file or directory (never through a symlink); every remote form kustomize
 * accepts (URLs, `git::`, `gh:`, scp-like `user@host:path`, `github.com/...`, `?ref=`, `//`), absolute paths
 * and `../` escapes are refused, as are Helm chart inflation and exec/container/KRM function plugins.
 * A refusal is render evidence ("refused") naming the file (repository-relative) and the field with its index.
 * Kustomization files are parsed within FILE_LIMITS; one that breaks a bound is refused naming it.
 */
import { lstat, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { FILE_LIMITS, parseYamlBounded } from '../yaml/bounded.js';
import type { SkipReason } from './materialise.js';

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Every top-level field of a Kustomization (kustomize v5 api/types/kustomization.go). Others are refused. */
const KNOWN_FIELDS = new Set([
  'apiVersion', 'kind', 'metadata', 'openapi', 'namePrefix', 'nameSuffix', 'namespace', 'commonLabels', 'labels',
  'commonAnnotations', 'patchesStrategicMerge', 'patchesJson6902', 'patches', 'images', 'imageTags', 'replacements',
  'replicas', 'vars', 'sortOptions', 'resources', 'components', 'crds', 'bases', 'configMapGenerator',
  'secretGenerator', 'helmGlobals', 'helmCharts', 'helmChartInflationGenerator', 'generatorOptions',
  'configurations', 'generators', 'transformers', 'validators', 'inventory', 'buildMetadata',
]);

/** Builtin plugin kinds gitops-lab renders; each with the fields that name files. */
const BUILTIN_PLUGIN_PATHS: Readonly<Record<string, readonly string[]>> = {
  AnnotationsTransformer: [],
  ConfigMapGenerator: ['files', 'envs', 'env'],
  SecretGenerator: ['files', 'envs', 'env'],
  HashTransformer: [],
  IAMPolicyGenerator: [],
  ImageTagTransformer: [],
  LabelTransformer: [],
  NamespaceTransformer: [],
  PatchJson6902Transformer: ['path'],
  PatchStrategicMergeTransformer: ['paths'],
  PatchTransformer: ['path'],
  PrefixSuffixTransformer: [],
  PrefixTransformer: [],
  SuffixTransformer: [],
  ReplacementTransformer: ['replacements'],
  ReplicaCountTransformer: [],
  SortOrderTransformer: [],
  ValueAddTransformer: [],
};

export interface SafetyRefusal {
  readonly reason: 'refused' | 'too-large';
  readonly error: string;
}

class Refusal extends Error {
  constructor(
    message: string,
    readonly reason: 'refused' | 'too-large' = 'refused',
  ) {
    super(message);
  }
}

/**
 * Why `ref` is a form kustomize would fetch (or may fetch) rather than read from the checkout, or undefined.
 * Deliberately wider than kustomize's parser: a local path needs none of these characters.
 */
export function remoteForm(ref: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || ref.includes('://')) return 'a URL';
  if (/^git::/i.test(ref)) return 'a git:: URL';
  if (/^gh:/i.test(ref)) return 'a gh: repository';
  if (ref.includes('@')) return 'a user@host repository (scp-like)';
  if (ref.includes(':')) return 'a host:path repository (scp-like)';
  if (ref.includes('?')) return 'a URL query (?ref=)';
  if (ref.includes('//')) return 'a repository//path form';
  if (ref.includes('_git/')) return 'an Azure _git/ repository';
  if (/^(www\.)?(github\.com|gitlab\.com|bitbucket\.org)([/:]|$)/i.test(ref)) return 'a repository on a git host';
  return undefined;
}

/** Kept for callers of the old pattern check. */
export function looksRemote(ref: string): boolean {
  return remoteForm(ref) !== undefined;
}

const NO_NETWORK = 'gitops-lab renders only what is in the commit (no network, nothing outside the repository)';

type Kind = 'file' | 'dir';

interface Walk {
  readonly root: string;
  readonly skipped: ReadonlyMap<string, SkipReason>;
  readonly queue: { dir: string; plugin: boolean }[];
}

const repoPath = (w: Walk, abs: string): string => relative(w.root, abs).split(sep).join('/') || '.';

/** Returns the type of `abs` (inside the root), refusing symlinks and skipped entries on the way. */
async function kindOf(w: Walk, abs: string, where: string, ref: string): Promise<Kind | undefined> {
  const rel = repoPath(w, abs);
  if (rel !== '.') {
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      const skip = w.skipped.get(prefix);
      if (skip) {
        throw new Refusal(`${where}: ${JSON.stringify(ref)} refused: ${prefix} is a ${skip} in the repository (${skip === 'symlink' ? 'symlink not followed' : 'not materialised'})`);
      }
      let st;
      try {
        st = await lstat(join(w.root, prefix));
      } catch {
        return undefined;
      }
      if (st.isSymbolicLink()) throw new Refusal(`${where}: ${JSON.stringify(ref)} refused: ${prefix} is a symlink (symlink not followed)`);
      if (i === parts.length) return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : undefined;
    }
  }
  return 'dir';
}

/**
 * Resolves one path field from the kustomization (or plugin configuration) in `baseDir`: refused unless it
 * is a relative local path inside the checkout that exists (`mustExist`) as a file or directory.
 */
async function resolveRef(w: Walk, baseDir: string, where: string, ref: unknown, mustExist = true): Promise<{ abs: string; kind: Kind | undefined }> {
  if (typeof ref !== 'string') throw new Refusal(`${where}: expected a path, got ${ref === null ? 'null' : typeof ref}`);
  if (ref.trim() === '') throw new Refusal(`${where}: an empty path refused`);
  const remote = remoteForm(ref);
  if (remote) throw new Refusal(`${where}: ${JSON.stringify(ref)} refused: ${remote}; ${NO_NETWORK}`);
  if (isAbsolute(ref) || ref.startsWith('~')) throw new Refusal(`${where}: ${JSON.stringify(ref)} refused: an absolute path; ${NO_NETWORK}`);
  const abs = resolve(baseDir, ref);
  const rel = relative(w.root, abs);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new Refusal(`${where}: ${JSON.stringify(ref)} refused: resolves outside the repository; ${NO_NETWORK}`);
  }
  const kind = await kindOf(w, abs, where, ref);
  if (kind === undefined && mustExist) throw new Refusal(`${where}: ${JSON.stringify(ref)} refused: no such file or directory in the commit`);
  return { abs, kind };
}

function list(value: unknown, where: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Refusal(`${where}: expected a list`);
  return value;
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Refusal(`${where}: expected a mapping`);
  return value as Record<string, unknown>;
}

/** A `<<` merge key anywhere: kustomize's YAML parser merges it, ours would not, so the two could disagree. */
function findMergeKey(value: unknown, path = ''): string | undefined {
  const stack: { v: unknown; p: string }[] = [{ v: value, p: path }];
  while (stack.length > 0) {
    const { v, p } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) v.forEach((c, i) => stack.push({ v: c, p: `${p}[${i}]` }));
    else {
      for (const [k, c] of Object.entries(v as Record<string, unknown>)) {
        if (k === '<<') return p || '(top level)';
        stack.push({ v: c, p: p ? `${p}.${k}` : k });
      }
    }
  }
  return undefined;
}

async function readBounded(w: Walk, abs: string, display: string): Promise<unknown[]> {
  const st = await lstat(abs);
  if (st.size > FILE_LIMITS.maxBytes) throw new Refusal(`${display}: ${st.size} bytes is larger than the ${FILE_LIMITS.maxBytes}-byte limit for one file`, 'too-large');
  const parsed = parseYamlBounded(await readFile(abs, 'utf8'), FILE_LIMITS);
  if (!parsed.ok) throw new Refusal(`${display}: YAML: ${parsed.error}`, /limit|more than|deeper|[Ee]xcessive/.test(parsed.error) ? 'too-large' : 'refused');
  const merge = parsed.docs.map((d) => findMergeKey(d)).find((m) => m !== undefined);
  if (merge !== undefined) throw new Refusal(`${display}: ${merge}: YAML merge keys (<<) refused`);
  void w;
  return parsed.docs;
}

/** A generator/transformer/validator configuration: builtin kinds only, their path fields checked. */
async function checkPluginConfig(w: Walk, baseDir: string, where: string, doc: unknown): Promise<void> {
  const o = object(doc, where);
  const annotations = (o['metadata'] as { annotations?: Record<string, unknown> } | undefined)?.annotations ?? {};
  if (annotations && typeof annotations === 'object' && Object.keys(annotations).some((k) => k.startsWith('config.kubernetes.io/function') || k === 'config.k8s.io/function')) {
    throw new Refusal(`${where}: exec, container or KRM function plugin refused: gitops-lab does not run code from a repository`);
  }
  const kind = typeof o['kind'] === 'string' ? o['kind'] : '';
  if (kind === 'HelmChartInflationGenerator') throw new Refusal(`${where}: HelmChartInflationGenerator refused: Helm chart inflation runs helm and fetches charts over the network`);
  const fields = o['apiVersion'] === 'builtin' ? BUILTIN_PLUGIN_PATHS[kind] : undefined;
  if (!fields) {
    throw new Refusal(`${where}: exec or KRM function plugin ${JSON.stringify(`${String(o['apiVersion'])}/${kind}`)} refused: gitops-lab runs only builtin plugin configurations, no code from a repository`);
  }
  // Builtin plugins load files through the kustomization's loader: remote forms and escapes are refused, and
  // existence is left to kustomize (LoadRestrictionsRootOnly keeps it under the kustomization's root).
  for (const field of fields) {
    const v = o[field];
    if (field === 'env' || field === 'path') {
      if (v !== undefined) await resolveRef(w, baseDir, `${where}.${field}`, v, false);
    } else if (field === 'replacements') {
      for (const [i, r] of list(v, `${where}.${field}`).entries()) {
        const p = object(r, `${where}.${field}[${i}]`)['path'];
        if (p !== undefined) await resolveRef(w, baseDir, `${where}.${field}[${i}].path`, p, false);
      }
    } else {
      for (const [i, e] of list(v, `${where}.${field}`).entries()) {
        const ref = field === 'files' ? fileSourcePath(e, `${where}.${field}[${i}]`) : e;
        if (field === 'paths' && typeof e === 'string' && e.includes('\n')) continue;
        await resolveRef(w, baseDir, `${where}.${field}[${i}]`, ref, false);
      }
    }
  }
}

/** The path of a configMapGenerator/secretGenerator `files` entry: `path` or `key=path`. */
function fileSourcePath(entry: unknown, where: string): unknown {
  if (typeof entry !== 'string') return entry;
  const n = entry.split('=').length - 1;
  if (n === 0) return entry;
  if (n > 1) throw new Refusal(`${where}: ${JSON.stringify(entry)} refused: key names or file paths cannot contain '='`);
  return entry.slice(entry.indexOf('=') + 1);
}

async function checkKustomization(w: Walk, dir: string, file: string, plugin: boolean): Promise<void> {
  const display = repoPath(w, file);
  const docs = await readBounded(w, file, display);
  if (docs.length === 0) return;
  if (docs.length > 1) throw new Refusal(`${display}: more than one YAML document in a kustomization`);
  const k = object(docs[0], display);
  for (const key of Object.keys(k)) {
    if (!KNOWN_FIELDS.has(key)) throw new Refusal(`${display}: ${key}: unknown field refused (gitops-lab checks every field kustomize loads)`);
  }
  const at = (field: string): string => `${display}: ${field}`;
  for (const field of ['helmCharts', 'helmGlobals', 'helmChartInflationGenerator']) {
    if (k[field] !== undefined) throw new Refusal(`${at(field)}: Helm chart inflation refused: it runs helm and fetches charts over the network`);
  }
  // Directories of kustomizations: walked in turn.
  for (const field of ['resources', 'bases', 'components']) {
    for (const [i, entry] of list(k[field], at(field)).entries()) {
      const r = await resolveRef(w, dir, `${at(field)}[${i}]`, entry);
      if (r.kind === 'dir') w.queue.push({ dir: r.abs, plugin });
      else if (plugin && field === 'resources') {
        for (const [j, d] of (await readBounded(w, r.abs, repoPath(w, r.abs))).entries()) {
          await checkPluginConfig(w, dir, `${repoPath(w, r.abs)}: [${j}]`, d);
        }
      }
    }
  }
  for (const field of ['crds', 'configurations']) {
    for (const [i, entry] of list(k[field], at(field)).entries()) await resolveRef(w, dir, `${at(field)}[${i}]`, entry);
  }
  for (const field of ['patches', 'patchesJson6902', 'replacements']) {
    for (const [i, entry] of list(k[field], at(field)).entries()) {
      const o = object(entry, `${at(field)}[${i}]`);
      if (o['path'] !== undefined) await resolveRef(w, dir, `${at(field)}[${i}].path`, o['path']);
    }
  }
  for (const [i, entry] of list(k['patchesStrategicMerge'], at('patchesStrategicMerge')).entries()) {
    // A string with a newline is an inline patch (data); anything else is a path kustomize loads.
    if (typeof entry === 'string' && entry.includes('\n')) continue;
    await resolveRef(w, dir, `${at('patchesStrategicMerge')}[${i}]`, entry);
  }
  if (k['openapi'] !== undefined) {
    const o = object(k['openapi'], at('openapi'));
    if (o['path'] !== undefined) await resolveRef(w, dir, `${at('openapi')}.path`, o['path']);
  }
  for (const field of ['configMapGenerator', 'secretGenerator']) {
    for (const [i, entry] of list(k[field], at(field)).entries()) {
      const g = object(entry, `${at(field)}[${i}]`);
      for (const [j, f] of list(g['files'], `${at(field)}[${i}].files`).entries()) {
        await resolveRef(w, dir, `${at(field)}[${i}].files[${j}]`, fileSourcePath(f, `${at(field)}[${i}].files[${j}]`));
      }
      for (const [j, f] of list(g['envs'], `${at(field)}[${i}].envs`).entries()) await resolveRef(w, dir, `${at(field)}[${i}].envs[${j}]`, f);
      if (g['env'] !== undefined) await resolveRef(w, dir, `${at(field)}[${i}].env`, g['env']);
    }
  }
  for (const field of ['generators', 'transformers', 'validators']) {
    for (const [i, entry] of list(k[field], at(field)).entries()) {
      const where = `${at(field)}[${i}]`;
      if (typeof entry === 'string' && entry.includes('\n')) {
        const parsed = parseYamlBounded(entry, FILE_LIMITS);
        if (!parsed.ok) throw new Refusal(`${where}: YAML: ${parsed.error}`);
        for (const [j, d] of parsed.docs.entries()) await checkPluginConfig(w, dir, `${where}[${j}]`, d);
        continue;
      }
      const r = await resolveRef(w, dir, where, entry);
      if (r.kind === 'dir') w.queue.push({ dir: r.abs, plugin: true });
      else for (const [j, d] of (await readBounded(w, r.abs, repoPath(w, r.abs))).entries()) await checkPluginConfig(w, dir, `${where}: ${repoPath(w, r.abs)}[${j}]`, d);
    }
  }
}

/**
 * Checks the environment at `envPath` of the tree at `root` (`skipped`: the entries materialisation did not
 * write). Returns the refusal, or undefined when every path kustomize will load is inside the checkout.
 */
export async function checkRenderSafety(root: string, envPath: string, skipped: ReadonlyMap<string, SkipReason> = new Map()): Promise<SafetyRefusal | undefined> {
  const w: Walk = { root: resolve(root), skipped, queue: [] };
  try {
    const env = await resolveRef(w, w.root, `${envPath}: environment path`, envPath, false);
    w.queue.push({ dir: env.abs, plugin: false });
    const seen = new Set<string>();
    while (w.queue.length > 0) {
      const { dir, plugin } = w.queue.shift()!;
      const key = `${dir}\0${plugin}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (seen.size > 1000) throw new Refusal(`${envPath}: more than 1000 kustomizations reached`, 'too-large');
      for (const name of KUSTOMIZATION_FILES) {
        const file = join(dir, name);
        const rel = repoPath(w, file);
        const skip = skipped.get(rel);
        if (skip) throw new Refusal(`${rel}: the kustomization is a ${skip} in the repository (${skip === 'symlink' ? 'symlink not followed' : 'not materialised'})`);
        const kind = await kindOf(w, file, rel, rel);
        if (kind === 'file') await checkKustomization(w, dir, file, plugin);
      }
    }
    return undefined;
  } catch (error) {
    if (error instanceof Refusal) return { reason: error.reason, error: error.message };
    throw error;
  }
}
