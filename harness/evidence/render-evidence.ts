/** Render evidence: every environment rendered at the hand-over commit and at the graded commit. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../exec.js';
import { git } from '../git/git.js';
import { renderEnvironment, renderToolVersion } from '../render/kustomize.js';
import { RenderOutcome, type RenderEvidence } from '../model/evidence.js';
import { writeJsonAtomic } from '../runner/session.js';

export interface Environments {
  readonly [name: string]: { readonly namespace: string; readonly path: string; readonly registration: string };
}

/** Extracts a commit's tree into a fresh directory (git archive | tar). */
export async function checkoutTree(bareDir: string, sha: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gitops-lab-render-'));
  const archive = await git(bareDir, ['archive', '--format=tar', sha], { binary: true });
  await run('tar', ['-x', '-f', '-', '-C', dir], { cwd: dir, input: archive.stdoutBytes!, timeoutMs: 30_000 });
  return dir;
}

export async function renderCommit(bareDir: string, sha: string, envs: Environments): Promise<Record<string, RenderOutcome>> {
  const dir = await checkoutTree(bareDir, sha);
  try {
    const entries = await Promise.all(Object.entries(envs).map(async ([name, e]) => [name, await renderEnvironment(dir, e.path)] as const));
    return Object.fromEntries(entries);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Renders of a commit are a pure function of its tree and the tool version, so they are cached by commit in
 * the session's state directory: the hand-over commit renders once per session, each pushed commit once.
 */
async function cachedRender(bareDir: string, sha: string, envs: Environments, cacheDir: string | undefined, tool: string) {
  const file = cacheDir ? join(cacheDir, 'renders', `${sha}.json`) : undefined;
  if (file) {
    try {
      const cached = JSON.parse(await readFile(file, 'utf8')) as { tool: string; outcomes: Record<string, unknown> };
      if (cached.tool === tool && Object.keys(envs).every((n) => n in cached.outcomes)) {
        return Object.fromEntries(Object.keys(envs).map((n) => [n, RenderOutcome.parse(cached.outcomes[n])]));
      }
    } catch {
      // not cached yet
    }
  }
  const outcomes = await renderCommit(bareDir, sha, envs);
  if (file) await writeJsonAtomic(file, { tool, outcomes });
  return outcomes;
}

export async function collectRenderEvidence(
  bareDir: string,
  seedSha: string,
  headSha: string,
  envs: Environments,
  cacheDir?: string,
): Promise<RenderEvidence> {
  const tool = await renderToolVersion();
  const [seed, head] = await Promise.all([
    cachedRender(bareDir, seedSha, envs, cacheDir, tool),
    seedSha === headSha ? undefined : cachedRender(bareDir, headSha, envs, cacheDir, tool),
  ]);
  return {
    tool,
    environments: Object.entries(envs).map(([name, e]) => ({
      name,
      path: e.path,
      namespace: e.namespace,
      seed: seed[name]!,
      head: (head ?? seed)[name]!,
    })),
  };
}
