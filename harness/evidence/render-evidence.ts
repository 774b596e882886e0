/** Render evidence: every environment rendered at the hand-over commit and at the graded commit. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RENDER_SANDBOX_VERSION, renderEnvironment, renderFenceNote, renderToolVersion } from '../render/kustomize.js';
import { helmToolNote } from '../render/helm.js';
import { materialiseCommit } from '../render/materialise.js';
import { RenderOutcome, type RenderEvidence } from '../model/evidence.js';
import { writeJsonAtomic } from '../atomic.js';
import { withScratch } from '../scratch.js';

export interface Environments {
  readonly [name: string]: { readonly namespace: string; readonly path: string; readonly registration: string; readonly helm?: { readonly releaseName: string; readonly valueFiles: readonly string[] } };
}

/**
 * Renders every environment of a commit: its blobs are materialised (no attributes, filters or hooks; no
 * symlinks or submodules) into a scratch directory that is removed afterwards, whatever happens.
 */
export async function renderCommit(
  bareDir: string,
  sha: string,
  envs: { readonly [name: string]: { readonly path: string; readonly namespace?: string; readonly helm?: { readonly releaseName: string; readonly valueFiles: readonly string[] } } },
  options: { readonly timeoutMs?: number } = {},
): Promise<Record<string, RenderOutcome>> {
  return withScratch('render', async (dir) => {
    const tree = await materialiseCommit(bareDir, sha, dir);
    if (!tree.ok) return Object.fromEntries(Object.keys(envs).map((name) => [name, { ok: false, reason: tree.reason, error: tree.error } as const]));
    const entries = await Promise.all(
      Object.entries(envs).map(
        async ([name, e]) =>
          [
            name,
            await renderEnvironment(dir, e.path, {
              skipped: tree.skipped,
              ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
              // A Helm environment renders its chart into its namespace, as its registration does.
              ...(e.helm ? { helm: { ...e.helm, namespace: e.namespace ?? 'default' } } : {}),
            }),
          ] as const,
      ),
    );
    return Object.fromEntries(entries);
  });
}

/** What a cached render must match to be reused: the tool, the sandbox and the fence. */
async function renderCacheKey(tool: string): Promise<string> {
  return `${tool}; sandbox ${RENDER_SANDBOX_VERSION}; ${await renderFenceNote()}`;
}

/**
 * Renders of a commit are a pure function of its tree, the tool version and the sandbox (its version and
 * fence), so they are cached by commit in the session's state directory, keyed by all three: the hand-over commit renders once per session, each pushed commit once.
 */
async function cachedRender(bareDir: string, sha: string, envs: Parameters<typeof renderCommit>[2], cacheDir: string | undefined, key: string) {
  const file = cacheDir && /^[0-9a-f]{40,64}$/.test(sha) ? join(cacheDir, 'renders', `${sha}.json`) : undefined;
  if (file) {
    try {
      const cached = JSON.parse(await readFile(file, 'utf8')) as { key?: string; outcomes: Record<string, unknown> };
      if (cached.key === key && Object.keys(envs).every((n) => n in cached.outcomes)) {
        return Object.fromEntries(Object.keys(envs).map((n) => [n, RenderOutcome.parse(cached.outcomes[n])]));
      }
    } catch {
      // not cached yet
    }
  }
  const outcomes = await renderCommit(bareDir, sha, envs);
  if (file) await writeJsonAtomic(file, { key, outcomes });
  return outcomes;
}

/** Layers render beside the environments under a name no environment can have (names are [a-z0-9-]). */
const LAYER = 'layer:';

export async function collectRenderEvidence(
  bareDir: string,
  seedSha: string,
  headSha: string,
  envs: Environments,
  cacheDir?: string,
  layers: { readonly [name: string]: { readonly path: string } } = {},
): Promise<RenderEvidence> {
  // A Helm environment names the helm that rendered it too (and so keys the render cache by it).
  const helm = Object.values(envs).some((e) => e.helm) ? `; ${await helmToolNote()}` : '';
  const tool = `${await renderToolVersion()}${helm}`;
  const key = await renderCacheKey(tool);
  const all = { ...envs, ...Object.fromEntries(Object.entries(layers).map(([n, l]) => [`${LAYER}${n}`, l])) };
  const [seed, head] = await Promise.all([
    cachedRender(bareDir, seedSha, all, cacheDir, key),
    seedSha === headSha ? undefined : cachedRender(bareDir, headSha, all, cacheDir, key),
  ]);
  const layerEvidence = Object.entries(layers).map(([name, l]) => ({ name, path: l.path, seed: seed[`${LAYER}${name}`]!, head: (head ?? seed)[`${LAYER}${name}`]! }));
  return {
    tool,
    fence: await renderFenceNote(),
    environments: Object.entries(envs).map(([name, e]) => ({
      name,
      path: e.path,
      namespace: e.namespace,
      seed: seed[name]!,
      head: (head ?? seed)[name]!,
    })),
    ...(layerEvidence.length > 0 ? { layers: layerEvidence } : {}),
  };
}
