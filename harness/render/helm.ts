/**
 * The render boundary for a Helm environment: `helm template` of a chart directory kept in the repository, with
 * the registration's release name, namespace and values files, as Argo CD's repo-server and Flux's
 * source-controller/helm-controller would render it, with the pinned helm (components.helm in versions.yaml).
 *
 * Before helm runs, everything it will load is checked: the chart directory and each values file must be a
 * relative path inside the checkout that exists as a materialised file (never a symlink: materialisation writes
 * none, and a symlink anywhere in the chart is refused naming it); every `dependencies[].repository` of the chart
 * and its subcharts (Chart.yaml, and a v1 chart's requirements.yaml) must be empty or a `file://` path inside the
 * repository (an http(s)://, oci:// or `@alias` repository is refused: gitops-lab fetches nothing). helm then runs
 * with HELM_CACHE_HOME, HELM_CONFIG_HOME, HELM_DATA_HOME and HELM_PLUGINS in an empty temporary directory (no
 * repositories, registries or plugins), without `--dependency-update`, a post-renderer, `--validate` (it would
 * reach a cluster) or `--enable-dns`, with no kubeconfig, and inside the same fence as kustomize (an empty network
 * namespace and an address-space bound where the machine allows).
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { isOutputTooLarge, run } from '../exec.js';
import { LabError } from '../errors.js';
import type { RenderOutcome } from '../model/evidence.js';
import { PACKAGE_ROOT } from '../paths.js';
import { FILE_LIMITS, parseYamlBounded, RENDER_LIMITS } from '../yaml/bounded.js';
import { describeFence, renderFence } from './fence.js';
import type { SkipReason } from './materialise.js';
import { remoteForm } from './safety.js';

/** What the registration tells helm: its release name and values files (relative to the chart directory). */
export interface HelmRender {
  readonly releaseName: string;
  readonly valueFiles: readonly string[];
  /** The namespace helm renders into (`--namespace`): the environment's. */
  readonly namespace: string;
}

const NO_NETWORK = 'gitops-lab renders only what is in the commit (no network, nothing outside the repository)';

/** The most files one chart (with its subcharts) may hold. */
const MAX_CHART_FILES = 2000;

class Refusal extends Error {
  constructor(
    message: string,
    readonly reason: 'refused' | 'missing' | 'too-large' = 'refused',
  ) {
    super(message);
  }
}

const posix = (p: string): string => p.split(sep).join('/');

/** `abs` as a repository-relative path, or undefined when it leaves `root`. */
function inside(root: string, abs: string): string | undefined {
  const rel = relative(root, abs);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return posix(rel) || '.';
}

/** A skipped entry (symlink, submodule, unsafe path) at `rel` or above it, or under it when `below`. */
function skippedAt(skipped: ReadonlyMap<string, SkipReason>, rel: string, below: boolean): [string, SkipReason] | undefined {
  for (const [p, why] of skipped) {
    if (p === rel || rel.startsWith(`${p}/`) || (below && (rel === '.' || p.startsWith(`${rel}/`)))) return [p, why];
  }
  return undefined;
}

const skipWhy = (why: SkipReason): string => (why === 'symlink' ? 'symlink not followed' : 'not materialised');

/** Resolves a path named at `where` relative to `base`: inside the checkout, local, no symlink on the way. */
async function resolveLocal(root: string, skipped: ReadonlyMap<string, SkipReason>, base: string, ref: string, where: string): Promise<{ abs: string; rel: string; kind: 'file' | 'dir' | undefined }> {
  if (ref.trim() === '') throw new Refusal(`${where}: an empty path refused`);
  const remote = remoteForm(ref);
  if (remote) throw new Refusal(`${where}: ${JSON.stringify(ref)} refused: ${remote}; ${NO_NETWORK}`);
  if (isAbsolute(ref) || ref.startsWith('~')) throw new Refusal(`${where}: ${JSON.stringify(ref)} refused: an absolute path; ${NO_NETWORK}`);
  const abs = resolve(base, ref);
  const rel = inside(root, abs);
  if (rel === undefined) throw new Refusal(`${where}: ${JSON.stringify(ref)} refused: resolves outside the repository; ${NO_NETWORK}`);
  const skip = skippedAt(skipped, rel, false);
  if (skip) throw new Refusal(`${where}: ${JSON.stringify(ref)} refused: ${skip[0]} is a ${skip[1]} in the repository (${skipWhy(skip[1])})`);
  // Every component on the way, not only the last: a symlinked directory would lead out of the checkout.
  const parts = rel === '.' ? [] : rel.split('/');
  for (let i = 1; i <= parts.length; i++) {
    let st;
    try {
      st = await lstat(join(root, ...parts.slice(0, i)));
    } catch {
      return { abs, rel, kind: undefined };
    }
    if (st.isSymbolicLink()) throw new Refusal(`${where}: ${JSON.stringify(ref)} refused: ${parts.slice(0, i).join('/')} is a symlink (symlink not followed)`);
    if (i === parts.length) return { abs, rel, kind: st.isDirectory() ? 'dir' : st.isFile() ? 'file' : undefined };
  }
  return { abs, rel, kind: 'dir' };
}

async function readYamlFile(abs: string, display: string): Promise<unknown[]> {
  const st = await lstat(abs);
  if (st.size > FILE_LIMITS.maxBytes) throw new Refusal(`${display}: ${st.size} bytes is larger than the ${FILE_LIMITS.maxBytes}-byte limit for one file`, 'too-large');
  const parsed = parseYamlBounded(await readFile(abs, 'utf8'), FILE_LIMITS);
  if (!parsed.ok) throw new Refusal(`${display}: YAML: ${parsed.error}`, /limit|more than|deeper|[Ee]xcessive/.test(parsed.error) ? 'too-large' : 'refused');
  return parsed.docs;
}

/** Refuses a dependency that names a repository helm would fetch from; a `file://` one must stay in the repository. */
async function checkDependencies(root: string, skipped: ReadonlyMap<string, SkipReason>, chartDir: string, file: string): Promise<void> {
  const display = inside(root, file)!;
  const docs = await readYamlFile(file, display);
  const doc = docs[0];
  if (doc === undefined || doc === null) return;
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new Refusal(`${display}: expected a mapping`);
  const deps = (doc as Record<string, unknown>)['dependencies'];
  if (deps === undefined || deps === null) return;
  if (!Array.isArray(deps)) throw new Refusal(`${display}: dependencies: expected a list`);
  for (const [i, dep] of deps.entries()) {
    const where = `${display}: dependencies[${i}].repository`;
    if (dep === null || typeof dep !== 'object' || Array.isArray(dep)) throw new Refusal(`${display}: dependencies[${i}]: expected a mapping`);
    const repo = (dep as Record<string, unknown>)['repository'];
    if (repo === undefined || repo === null || repo === '') continue;
    if (typeof repo !== 'string') throw new Refusal(`${where}: expected a string`);
    if (repo.startsWith('file://')) {
      await resolveLocal(root, skipped, chartDir, repo.slice('file://'.length), where);
      continue;
    }
    const what = repo.startsWith('@') || repo.startsWith('alias:') ? 'a repository alias' : /^oci:\/\//i.test(repo) ? 'an OCI registry' : (remoteForm(repo) ?? 'a chart repository');
    throw new Refusal(`${where}: ${JSON.stringify(repo)} refused: ${what}; a chart's dependencies must be kept in the repository (charts/ or file://); ${NO_NETWORK}`);
  }
}

/** Walks the chart directory: no symlink or skipped entry in it, every Chart.yaml/requirements.yaml's dependencies local. */
async function checkChart(root: string, skipped: ReadonlyMap<string, SkipReason>, chartAbs: string, chartRel: string): Promise<void> {
  const skip = skippedAt(skipped, chartRel, true);
  if (skip) throw new Refusal(`${skip[0]}: a ${skip[1]} in the chart ${chartRel} refused (${skipWhy(skip[1])}; a chart's files must be in the repository)`);
  let files = 0;
  const queue = [chartAbs];
  while (queue.length > 0) {
    const dir = queue.shift()!;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      if (++files > MAX_CHART_FILES) throw new Refusal(`${chartRel}: the chart holds more than ${MAX_CHART_FILES} files`, 'too-large');
      if (entry.isSymbolicLink()) throw new Refusal(`${inside(root, abs)}: a symlink in the chart ${chartRel} refused (symlink not followed)`);
      if (entry.isDirectory()) queue.push(abs);
      else if (entry.isFile() && (entry.name === 'Chart.yaml' || entry.name === 'requirements.yaml')) await checkDependencies(root, skipped, dir, abs);
    }
  }
}

/** Where `setup local` puts the tools group (cluster-config/local/tools): `${GITOPS_LAB_CACHE:-~/.cache/gitops-lab}/bin/tools-<key>/`. */
function toolsCandidates(env: Readonly<Record<string, string | undefined>>): string[] {
  const cache = env['GITOPS_LAB_CACHE'] ? resolve(env['GITOPS_LAB_CACHE']) : join(env['HOME'] ?? homedir(), '.cache', 'gitops-lab');
  return [join(cache, 'bin')];
}

/** The helm version pinned in cluster-config/versions.yaml (components.helm.version). */
async function pinnedHelmVersion(): Promise<string> {
  const doc = parse(await readFile(join(PACKAGE_ROOT, 'cluster-config', 'versions.yaml'), 'utf8')) as { components?: { helm?: { version?: unknown } } } | null;
  const v = doc?.components?.helm?.version;
  if (typeof v !== 'string' || v === '') throw new LabError('INVALID_CONFIG', 'cluster-config/versions.yaml: components.helm.version: not found');
  return v;
}

function helmVersionOf(file: string): Promise<string | undefined> {
  return new Promise((done) => {
    execFile(file, ['version', '--template', '{{.Version}}'], { timeout: 10_000, env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent', HELM_CONFIG_HOME: '/nonexistent', HELM_CACHE_HOME: '/nonexistent', HELM_DATA_HOME: '/nonexistent' } }, (error, stdout) => {
      done(error ? undefined : stdout.trim());
    });
  });
}

export interface HelmTool {
  readonly path: string;
  readonly version: string;
}

let located: Promise<HelmTool> | undefined;

/**
 * The pinned helm: `GITOPS_LAB_HELM` if set (it must report the pinned version), else the one `setup local`
 * built into the cache (a tools-<key>/helm that reports the pinned version). Fails with TOOL_MISSING, saying
 * how to build it, when there is none.
 */
export function locateHelm(env: Readonly<Record<string, string | undefined>> = process.env): Promise<HelmTool> {
  located ??= (async () => {
    const pinned = await pinnedHelmVersion();
    const explicit = env['GITOPS_LAB_HELM'];
    const candidates: string[] = [];
    if (explicit) candidates.push(resolve(explicit));
    else {
      for (const bin of toolsCandidates(env)) {
        let names: string[] = [];
        try {
          names = (await readdir(bin)).filter((n) => n.startsWith('tools-')).sort();
        } catch {
          // no cache yet
        }
        for (const n of names) if (existsSync(join(bin, n, 'helm'))) candidates.push(join(bin, n, 'helm'));
      }
    }
    const seen: string[] = [];
    for (const c of candidates) {
      const v = await helmVersionOf(c);
      seen.push(`${c}: ${v ?? 'does not run'}`);
      if (v === pinned) return { path: c, version: v };
    }
    const where = explicit ? `GITOPS_LAB_HELM=${explicit}` : `${toolsCandidates(env)[0]}/tools-*/helm`;
    throw new LabError(
      'TOOL_MISSING',
      `the pinned helm ${pinned} is not built (looked at ${where}${seen.length ? `: ${seen.join('; ')}` : ': none there'}); run \`gitops-lab setup local\` (it builds the tools group) or set GITOPS_LAB_HELM to a helm ${pinned}`,
    );
  })().catch((e: unknown) => {
    located = undefined;
    throw e;
  });
  return located;
}

/** Forgets the located helm (tests that change GITOPS_LAB_HELM). */
export function forgetHelm(): void {
  located = undefined;
}

const NOWHERE = '/nonexistent/gitops-lab-render';

/** The arguments of `helm template` for a checked chart (paths relative to the checkout, `./`-prefixed). */
export function helmTemplateArgs(chartRel: string, valueRels: readonly string[], h: Pick<HelmRender, 'releaseName' | 'namespace'>): string[] {
  const local = (p: string): string => (p === '.' ? '.' : `./${p}`);
  // --include-crds as Argo CD passes it (and helm-controller installs a chart's crds/); never --validate,
  // --dependency-update, --post-renderer or --enable-dns.
  return ['template', h.releaseName, local(chartRel), '--namespace', h.namespace, '--include-crds', ...valueRels.flatMap((v) => ['--values', local(v)])];
}

/** Renders the chart at `chartPath` of the checkout at `root`. Learner mistakes become `ok: false` outcomes. */
export async function renderHelm(
  root: string,
  chartPath: string,
  h: HelmRender,
  options: { readonly skipped?: ReadonlyMap<string, SkipReason>; readonly timeoutMs: number; readonly env: Readonly<Record<string, string>> },
): Promise<RenderOutcome> {
  const skipped = options.skipped ?? new Map<string, SkipReason>();
  const rootAbs = resolve(root);
  let chart: { abs: string; rel: string };
  const values: string[] = [];
  try {
    const c = await resolveLocal(rootAbs, skipped, rootAbs, chartPath, `${chartPath}: the chart directory`);
    if (c.kind !== 'dir') throw new Refusal(`${chartPath}: no such directory in the repository`, 'missing');
    const chartYaml = await resolveLocal(rootAbs, skipped, c.abs, 'Chart.yaml', `${c.rel}/Chart.yaml`);
    if (chartYaml.kind !== 'file') throw new Refusal(`${c.rel}/Chart.yaml: no such file: ${chartPath} is not a Helm chart`, 'missing');
    await checkChart(rootAbs, skipped, c.abs, c.rel);
    for (const [i, v] of h.valueFiles.entries()) {
      const where = `${c.rel}: helm.valueFiles[${i}]`;
      const r = await resolveLocal(rootAbs, skipped, c.abs, v, where);
      if (r.kind !== 'file') throw new Refusal(`${where}: ${JSON.stringify(v)}: no such file in the repository (${r.rel})`, 'missing');
      const st = await lstat(r.abs);
      if (st.size > FILE_LIMITS.maxBytes) throw new Refusal(`${r.rel}: ${st.size} bytes is larger than the ${FILE_LIMITS.maxBytes}-byte limit for one file`, 'too-large');
      values.push(r.rel);
    }
    chart = c;
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason, error: error.message };
    return { ok: false, reason: 'refused', error: `${chartPath}: cannot read the chart: ${(error as Error).message}` };
  }
  // A machine without the pinned helm fails here (TOOL_MISSING): not a property of the commit, so not evidence.
  const helm = await locateHelm();
  const fence = await renderFence();
  const home = await mkdtemp(join(tmpdir(), 'gitops-lab-helm-'));
  try {
    const dirs = { cache: join(home, 'cache'), config: join(home, 'config'), data: join(home, 'data'), plugins: join(home, 'plugins') };
    for (const d of Object.values(dirs)) await mkdir(d);
    const env: Record<string, string> = {
      ...options.env,
      HOME: NOWHERE,
      KUBECONFIG: `${NOWHERE}/kubeconfig`,
      HELM_CACHE_HOME: dirs.cache,
      HELM_CONFIG_HOME: dirs.config,
      HELM_DATA_HOME: dirs.data,
      HELM_PLUGINS: dirs.plugins,
      HELM_REGISTRY_CONFIG: join(dirs.config, 'registry', 'config.json'),
      HELM_REPOSITORY_CONFIG: join(dirs.config, 'repositories.yaml'),
      HELM_REPOSITORY_CACHE: join(dirs.cache, 'repository'),
    };
    const args = helmTemplateArgs(chart.rel, values, h);
    const [file, ...rest] = [...fence.prefix, helm.path, ...args];
    let result;
    try {
      result = await run(file!, rest, { cwd: rootAbs, timeoutMs: options.timeoutMs, allowFailure: true, cleanEnv: true, env, maxBuffer: RENDER_LIMITS.maxBytes });
    } catch (error) {
      if (error instanceof LabError && error.code === 'TIMEOUT') {
        return { ok: false, reason: 'timeout', error: `${chartPath}: helm template did not finish within ${options.timeoutMs} ms (${describeFence(fence)})` };
      }
      if (isOutputTooLarge(error)) return { ok: false, reason: 'too-large', error: `${chartPath}: helm template wrote more than ${RENDER_LIMITS.maxBytes} bytes` };
      if (error instanceof LabError && error.code === 'COMMAND_FAILED') return { ok: false, reason: 'helm', error: `${chartPath}: ${error.message}` };
      throw error;
    }
    if (result.exitCode !== 0) {
      const stderr = result.stderr.split(rootAbs + '/').join('').trim();
      if (/fatal error: runtime: out of memory|cannot allocate memory|failed to reserve/.test(stderr)) {
        return { ok: false, reason: 'too-large', error: `${chartPath}: helm template ran out of memory (${describeFence(fence)})` };
      }
      return { ok: false, reason: 'helm', error: `${chartPath}: helm template: ${stderr || `exited with ${result.exitCode}`}` };
    }
    const parsed = parseYamlBounded(result.stdout, RENDER_LIMITS);
    if (!parsed.ok) {
      return { ok: false, reason: /limit|more than|deeper|[Ee]xcessive/.test(parsed.error) ? 'too-large' : 'helm', error: `${chartPath}: helm template's output: ${parsed.error}` };
    }
    const objects = parsed.docs.filter((d): d is Record<string, unknown> => d !== null && typeof d === 'object' && !Array.isArray(d));
    return { ok: true, digest: createHash('sha256').update(result.stdout).digest('hex'), objects };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** `helm <version>` of the pinned helm for evidence meta, or `helm: none (<why>)` when it is not built. */
export async function helmToolNote(): Promise<string> {
  try {
    return `helm ${(await locateHelm()).version}`;
  } catch (error) {
    return `helm: none (${(error as Error).message.split(';')[0]})`;
  }
}
