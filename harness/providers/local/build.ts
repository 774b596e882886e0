/**
 * Builds every local-provider binary from the pinned Go tool modules into the cache, keyed by the pins:
 *   <cache>/bin/<group>-<key>/<binary>, key = sha256(the group's pins of versions.yaml, the group's go.mod and
 *   go.sum, recipe). A group's pins are the `go:` section and the components it builds (GROUP_COMPONENTS): a
 *   comment, the kind section, a system package note or another group's component changes none of its binaries,
 *   so it changes not its key.
 * A stamp file per group records what was built; a warm machine only checks stamps.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { run } from '../../exec.js';
import { LabError } from '../../errors.js';
import {
  type BinaryName,
  type GroupName,
  GROUP_COMPONENTS,
  GROUP_SPECS,
  GROUPS,
  ldflagsFor,
  loadVersions,
  type Versions,
} from './components.js';
import { cacheRoot, goEnv, localConfigDir, repoRoot } from './paths.js';

/** Bump when the way binaries are built changes (flags, naming), so old cache entries are not reused. */
export const BUILD_RECIPE = 3;
const GO_BUILD_TIMEOUT_MS = 90 * 60_000;

export interface GroupInputs {
  /** groupPins() of versions.yaml for the group. */
  readonly pins: string;
  readonly goMod: string;
  readonly goSum: string;
}

export function groupKey(group: GroupName, inputs: GroupInputs): string {
  const h = createHash('sha256');
  for (const part of [`recipe:${BUILD_RECIPE}`, `group:${group}`, inputs.pins, inputs.goMod, inputs.goSum]) {
    h.update(part);
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * The pins of one group's build in versions.yaml, as canonical JSON (keys sorted; comments and order ignored): the
 * `go:` section and the group's components (GROUP_COMPONENTS); a component the file lacks is recorded as null.
 */
export function groupPins(group: GroupName, versionsYaml: string): string {
  const doc = (parse(versionsYaml) ?? {}) as Record<string, unknown>;
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
    : v;
  const components = (doc['components'] ?? {}) as Record<string, unknown>;
  const mine = Object.fromEntries(GROUP_COMPONENTS[group].map((c) => [c, components[c] ?? null]));
  return JSON.stringify(canonical({ go: doc['go'] ?? null, components: mine }));
}

export function readGroupInputs(group: GroupName): GroupInputs {
  const dir = join(localConfigDir(), group);
  const sumPath = join(dir, 'go.sum');
  return {
    pins: groupPins(group, readFileSync(join(repoRoot(), 'cluster-config', 'versions.yaml'), 'utf8')),
    goMod: readFileSync(join(dir, 'go.mod'), 'utf8'),
    goSum: existsSync(sumPath) ? readFileSync(sumPath, 'utf8') : '',
  };
}

export function groupBinDir(group: GroupName, env: Readonly<Record<string, string | undefined>> = process.env): string {
  return join(cacheRoot(env), 'bin', `${group}-${groupKey(group, readGroupInputs(group))}`);
}

export type BinaryPaths = Readonly<Record<BinaryName, string>>;

/** Paths of every binary for the current pins (whether or not they have been built yet). */
export function binaryPaths(env: Readonly<Record<string, string | undefined>> = process.env): BinaryPaths {
  const out: Partial<Record<BinaryName, string>> = {};
  for (const g of GROUPS) {
    const dir = groupBinDir(g, env);
    for (const b of GROUP_SPECS[g].binaries) out[b.binary] = join(dir, b.binary);
  }
  return out as BinaryPaths;
}

export interface Stamp {
  readonly group: GroupName;
  readonly key: string;
  readonly builtAt: string;
  readonly go: string;
  readonly binaries: Readonly<Record<string, { readonly seconds: number; readonly bytes: number }>>;
  readonly seconds: number;
}

export function readStamp(dir: string): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, '.stamp.json'), 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/** True when the stamp matches the key and every binary is present. */
export function isGroupBuilt(group: GroupName, dir: string, key: string): boolean {
  const stamp = readStamp(dir);
  if (!stamp || stamp.key !== key || stamp.group !== group) return false;
  return GROUP_SPECS[group].binaries.every((b) => existsSync(join(dir, b.binary)));
}

export function goBuildArgs(output: string, pkg: string, ldflags: readonly string[]): string[] {
  return ['build', '-trimpath', '-p', '2', '-ldflags', ldflags.join(' '), '-o', output, pkg];
}

export interface BuildEvent {
  readonly group: GroupName;
  readonly binary?: BinaryName;
  readonly status: 'cached' | 'building' | 'built' | 'failed';
  readonly seconds: number;
  readonly message?: string;
}

export interface BuildOptions {
  readonly groups?: readonly GroupName[];
  readonly force?: boolean;
  readonly onEvent?: (e: BuildEvent) => void;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface BuildResult {
  readonly groups: readonly { readonly group: GroupName; readonly status: 'cached' | 'built' | 'failed'; readonly seconds: number; readonly dir: string; readonly error?: string }[];
  readonly binaries: BinaryPaths;
  readonly seconds: number;
}

async function goVersion(env: Record<string, string>): Promise<string> {
  const r = await run('go', ['env', 'GOVERSION'], { cwd: localConfigDir(), env, timeoutMs: 30_000 });
  return r.stdout.trim();
}

/** Build one group into its keyed directory (atomically: a temp dir renamed into place). */
export async function buildGroup(group: GroupName, options: BuildOptions = {}, versions: Versions = loadVersions()): Promise<{ status: 'cached' | 'built'; seconds: number; dir: string }> {
  const env = options.env ?? process.env;
  const started = performance.now();
  const inputs = readGroupInputs(group);
  const key = groupKey(group, inputs);
  const dir = join(cacheRoot(env), 'bin', `${group}-${key}`);
  if (!options.force && isGroupBuilt(group, dir, key)) {
    const seconds = (performance.now() - started) / 1000;
    options.onEvent?.({ group, status: 'cached', seconds });
    return { status: 'cached', seconds, dir };
  }
  const genv = { ...goEnv(env) };
  const moduleDir = join(localConfigDir(), group);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const go = await goVersion(genv);
  const perBinary: Record<string, { seconds: number; bytes: number }> = {};
  for (const b of GROUP_SPECS[group].binaries) {
    const t0 = performance.now();
    options.onEvent?.({ group, binary: b.binary, status: 'building', seconds: 0 });
    const out = join(tmp, b.binary);
    try {
      await run('go', goBuildArgs(out, b.pkg, ldflagsFor(b.binary, versions)), {
        cwd: moduleDir,
        env: genv,
        timeoutMs: GO_BUILD_TIMEOUT_MS,
      });
    } catch (error) {
      const seconds = (performance.now() - t0) / 1000;
      const message = error instanceof LabError ? [error.message, ...error.details].join('\n') : String(error);
      options.onEvent?.({ group, binary: b.binary, status: 'failed', seconds, message });
      rmSync(tmp, { recursive: true, force: true });
      throw error;
    }
    const seconds = (performance.now() - t0) / 1000;
    perBinary[b.binary] = { seconds: Math.round(seconds * 10) / 10, bytes: statSync(out).size };
    options.onEvent?.({ group, binary: b.binary, status: 'built', seconds });
  }
  const seconds = (performance.now() - started) / 1000;
  const stamp: Stamp = { group, key, builtAt: new Date().toISOString(), go, binaries: perBinary, seconds: Math.round(seconds * 10) / 10 };
  writeFileSync(join(tmp, '.stamp.json'), JSON.stringify(stamp, null, 2) + '\n');
  mkdirSync(join(cacheRoot(env), 'bin'), { recursive: true });
  // Swap in with two renames, so a concurrent `up` never sees the directory missing for long.
  const old = `${dir}.old-${process.pid}`;
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
  options.onEvent?.({ group, status: 'built', seconds });
  return { status: 'built', seconds, dir };
}

/** One group in a build plan: cached for the current pins, or to build, with how long its last build here took. */
export interface PlannedGroup {
  readonly group: GroupName;
  readonly cached: boolean;
  /** Seconds the newest build of this group on this machine took (any pins), when one is on record. */
  readonly lastSeconds?: number;
  readonly lastBuiltAt?: string;
}

/**
 * What `setup local` (or `up`) will build: each group cached or not, with the last build's duration from the
 * stamps under <cache>/bin (the current key's, or an older key's still in the cache: Go's caches make a rebuild
 * after a pin bump shorter, so this is an upper estimate then).
 */
export function planBuild(groups: readonly GroupName[], env: Readonly<Record<string, string | undefined>> = process.env): PlannedGroup[] {
  const bin = join(cacheRoot(env), 'bin');
  const entries = existsSync(bin) ? readdirSync(bin) : [];
  return groups.map((group) => {
    const key = groupKey(group, readGroupInputs(group));
    const cached = isGroupBuilt(group, join(bin, `${group}-${key}`), key);
    const stamps = entries
      .filter((n) => n.startsWith(`${group}-`))
      .map((n) => readStamp(join(bin, n)))
      .filter((st): st is Stamp => st !== undefined && st.group === group && typeof st.seconds === 'number' && typeof st.builtAt === 'string')
      .sort((a, b) => b.builtAt.localeCompare(a.builtAt));
    const last = stamps[0];
    return { group, cached, ...(last ? { lastSeconds: last.seconds, lastBuiltAt: last.builtAt } : {}) };
  });
}

/** The plan as lines for a person: what is cached, what will be built and how long it took last time. */
export function describeBuildPlan(plan: readonly PlannedGroup[]): string[] {
  const todo = plan.filter((g) => !g.cached);
  if (todo.length === 0) return [`nothing to build: ${plan.length === 1 ? 'the group is' : `all ${plan.length} groups are`} cached for the current pins`];
  const known = todo.filter((g) => g.lastSeconds !== undefined);
  const total = known.reduce((sum, g) => sum + g.lastSeconds!, 0);
  const estimate =
    known.length === todo.length
      ? `about ${formatMinutes(total)} in all, as last time`
      : known.length > 0
        ? `at least ${formatMinutes(total)}; ${todo.length - known.length} never built here (a cold build of all eight groups took 24 min on 2 cores)`
        : 'never built here: a cold build of all eight groups took 24 min on 2 cores, module downloads included';
  const lines = [`${todo.length} of ${plan.length} groups to build (${estimate}):`];
  for (const g of plan) {
    const last = g.lastSeconds !== undefined ? `last build ${Math.round(g.lastSeconds)}s on ${g.lastBuiltAt!.slice(0, 10)}` : 'no build on record';
    lines.push(`  ${g.group.padEnd(10)} ${g.cached ? 'cached' : `to build (${last})`}`);
  }
  return lines;
}

const formatMinutes = (seconds: number): string => (seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`);

/** Build every group (or the ones asked for). Keeps going after a failure and reports every failure at the end. */
export async function buildAll(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const versions = loadVersions();
  const groups: BuildResult['groups'][number][] = [];
  for (const group of options.groups ?? GROUPS) {
    try {
      const r = await buildGroup(group, options, versions);
      groups.push({ group, ...r });
    } catch (error) {
      const message = error instanceof LabError ? [error.message, ...error.details].join('\n') : String(error);
      groups.push({ group, status: 'failed', seconds: 0, dir: '', error: message });
      if (error instanceof LabError && error.code === 'TOOL_MISSING') break;
    }
  }
  const failed = groups.filter((g) => g.status === 'failed');
  const result: BuildResult = { groups, binaries: binaryPaths(options.env ?? process.env), seconds: (performance.now() - started) / 1000 };
  if (failed.length > 0) {
    throw new LabError('COMMAND_FAILED', `could not build ${failed.map((g) => g.group).join(', ')}`, {
      details: failed.flatMap((g) => [`${g.group}:`, ...(g.error ?? '').split('\n').slice(-12).map((l) => `  ${l}`)]),
      suggestion: 'run `gitops-lab setup local` again; it resumes from the Go caches',
    });
  }
  return result;
}

/** Throws CLUSTER_UNAVAILABLE-style TOOL_MISSING when a needed binary has not been built. */
export function requireBuilt(groups: readonly GroupName[], env: Readonly<Record<string, string | undefined>> = process.env): void {
  const missing = groups.filter((g) => {
    const inputs = readGroupInputs(g);
    const key = groupKey(g, inputs);
    return !isGroupBuilt(g, join(cacheRoot(env), 'bin', `${g}-${key}`), key);
  });
  if (missing.length > 0) {
    throw new LabError('TOOL_MISSING', `local provider binaries are not built for: ${missing.join(', ')}`, {
      suggestion: 'run `gitops-lab setup local` (cold: tens of minutes; warm: seconds)',
    });
  }
}

/** Names of entries under <cache>/bin that no current pin uses (old keys, bootstrap output, interrupted builds). */
export function staleBinDirs(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const bin = join(cacheRoot(env), 'bin');
  if (!existsSync(bin)) return [];
  const current = new Set(GROUPS.map((g) => `${g}-${groupKey(g, readGroupInputs(g))}`));
  return readdirSync(bin).filter((n) => !current.has(n));
}

/** Remove stale entries under <cache>/bin; returns what was removed. Never touches GOMODCACHE or GOCACHE. */
export function pruneBinDirs(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const stale = staleBinDirs(env);
  for (const n of stale) rmSync(join(cacheRoot(env), 'bin', n), { recursive: true, force: true });
  return stale;
}
