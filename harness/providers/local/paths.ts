/** Where the local provider keeps things: the build cache (outside the repo) and per-cluster state. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Env = Readonly<Record<string, string | undefined>>;

/** `${GITOPS_LAB_CACHE:-$HOME/.cache/gitops-lab}`: GOMODCACHE, GOCACHE and built binaries. */
export function cacheRoot(env: Env = process.env): string {
  const v = env['GITOPS_LAB_CACHE'];
  return v && v.length > 0 ? resolve(v) : join(env['HOME'] ?? homedir(), '.cache', 'gitops-lab');
}

export function goEnv(env: Env = process.env): Record<string, string> {
  const root = cacheRoot(env);
  return {
    GOTOOLCHAIN: 'local',
    GOMODCACHE: join(root, 'gomod'),
    // GITOPS_LAB_GOCACHE lets a benchmark measure a cold compile without re-downloading modules.
    GOCACHE: env['GITOPS_LAB_GOCACHE'] && env['GITOPS_LAB_GOCACHE'].length > 0 ? resolve(env['GITOPS_LAB_GOCACHE']) : join(root, 'gocache'),
    GOFLAGS: '-buildvcs=false -mod=readonly',
    GOWORK: 'off',
  };
}

let cachedRepoRoot: string | undefined;

/** The repository root: the nearest ancestor of this module that holds cluster-config/versions.yaml. */
export function repoRoot(): string {
  if (cachedRepoRoot) return cachedRepoRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'cluster-config', 'versions.yaml'))) {
      cachedRepoRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find cluster-config/versions.yaml above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export function localConfigDir(): string {
  return join(repoRoot(), 'cluster-config', 'local');
}
