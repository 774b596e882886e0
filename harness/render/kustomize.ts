/**
 * The render boundary: `kubectl kustomize` per environment, errors kept as evidence, never thrown. Before
 * kustomize runs, every path it will load is checked (safety.ts); it runs with a clean environment (no
 * KUBECONFIG, HOME, proxies or credentials of the grader), the explicit root-only load restrictor, a
 * timeout, GOMEMLIMIT and, where the machine allows, in an empty network namespace with a bounded address
 * space (fence.ts). Its output is parsed within RENDER_LIMITS.
 */
import { createHash } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { isOutputTooLarge, run } from '../exec.js';
import type { RenderOutcome } from '../model/evidence.js';
import { LabError } from '../errors.js';
import { parseYamlBounded, RENDER_LIMITS } from '../yaml/bounded.js';
import { describeFence, renderFence, RENDER_GOMEMLIMIT } from './fence.js';
import { type HelmRender, renderHelm } from './helm.js';
import type { SkipReason } from './materialise.js';
import { checkRenderSafety, KUSTOMIZATION_FILES } from './safety.js';

export const RENDER_TIMEOUT_MS = 30_000;

/** Bumped whenever the sandbox changes what a commit renders to (part of the render cache key). */
export const RENDER_SANDBOX_VERSION = 3;

/** A HOME and KUBECONFIG that do not exist: kubectl reads no configuration and knows no cluster. */
const NOWHERE = '/nonexistent/gitops-lab-render';

/** The whole environment of kubectl kustomize (besides PATH and LANG=C). */
export const RENDER_ENV: Readonly<Record<string, string>> = {
  HOME: NOWHERE,
  XDG_CONFIG_HOME: NOWHERE,
  XDG_CACHE_HOME: NOWHERE,
  KUBECONFIG: `${NOWHERE}/kubeconfig`,
  KUSTOMIZE_PLUGIN_HOME: '/nonexistent',
  HELM_CACHE_HOME: '/nonexistent',
  HELM_CONFIG_HOME: '/nonexistent',
  HELM_DATA_HOME: '/nonexistent',
  GOMEMLIMIT: RENDER_GOMEMLIMIT,
  // Git, should anything still try to clone: no config, no prompt, no helpers.
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
};

export interface RenderOptions {
  /** Entries of the commit that were not materialised (symlinks, submodules, unsafe paths). */
  readonly skipped?: ReadonlyMap<string, SkipReason>;
  readonly timeoutMs?: number;
  /** A Helm environment: `envPath` is a chart directory rendered with `helm template` (helm.ts), not kustomize. */
  readonly helm?: HelmRender;
}

/** Renders one environment of a checked-out tree. Learner mistakes become `ok: false` outcomes. */
export async function renderEnvironment(root: string, envPath: string, options: RenderOptions = {}): Promise<RenderOutcome> {
  if (options.helm) {
    return renderHelm(root, envPath, options.helm, { ...(options.skipped ? { skipped: options.skipped } : {}), timeoutMs: options.timeoutMs ?? RENDER_TIMEOUT_MS, env: RENDER_ENV });
  }
  try {
    if (!(await lstat(`${root}/${envPath}`)).isDirectory()) throw new Error('not a directory');
  } catch {
    // A directory that holds only a symlink (or is one) was not materialised: say why.
    const norm = envPath.replace(/\/+$/, '');
    for (const [p, why] of options.skipped ?? []) {
      if (p === norm || KUSTOMIZATION_FILES.some((k) => p === `${norm}/${k}`)) {
        const what = p === norm ? `${p}: the environment directory` : `${p}: the kustomization`;
        return { ok: false, reason: 'refused', error: `${what} is a ${why} in the repository (${why === 'symlink' ? 'symlink not followed' : 'not materialised'})` };
      }
    }
    return { ok: false, reason: 'missing', error: `${envPath}: no such directory in the repository` };
  }
  const refusal = await checkRenderSafety(root, envPath, options.skipped).catch(
    (e: unknown) => ({ reason: 'refused', error: `${envPath}: cannot read kustomization: ${(e as Error).message}` }) as const,
  );
  if (refusal) return { ok: false, ...refusal };
  const fence = await renderFence();
  const timeoutMs = options.timeoutMs ?? RENDER_TIMEOUT_MS;
  const args = ['kubectl', 'kustomize', '--load-restrictor', 'LoadRestrictionsRootOnly', '--', envPath];
  const [file, ...rest] = [...fence.prefix, ...args];
  let result;
  try {
    result = await run(file!, rest, {
      cwd: root,
      timeoutMs,
      allowFailure: true,
      cleanEnv: true,
      env: RENDER_ENV,
      maxBuffer: RENDER_LIMITS.maxBytes,
    });
  } catch (error) {
    if (error instanceof LabError && error.code === 'TIMEOUT') {
      return { ok: false, reason: 'timeout', error: `${envPath}: kubectl kustomize did not finish within ${timeoutMs} ms (${describeFence(fence)})` };
    }
    if (isOutputTooLarge(error)) {
      return { ok: false, reason: 'too-large', error: `${envPath}: kubectl kustomize wrote more than ${RENDER_LIMITS.maxBytes} bytes` };
    }
    if (error instanceof LabError && error.code === 'COMMAND_FAILED') {
      // Killed by a signal (the memory bound, the OOM killer): a property of the commit, not of the harness.
      return { ok: false, reason: 'kustomize', error: `${envPath}: ${error.message}` };
    }
    throw error;
  }
  if (result.exitCode !== 0) {
    const stderr = result.stderr.trim();
    if (/fatal error: runtime: out of memory|cannot allocate memory|failed to reserve/.test(stderr)) {
      return { ok: false, reason: 'too-large', error: `${envPath}: kubectl kustomize ran out of memory (${describeFence(fence)})` };
    }
    return { ok: false, reason: 'kustomize', error: stderr || `kubectl kustomize exited with ${result.exitCode}` };
  }
  const parsed = parseYamlBounded(result.stdout, RENDER_LIMITS);
  if (!parsed.ok) {
    return { ok: false, reason: /limit|more than|deeper|[Ee]xcessive/.test(parsed.error) ? 'too-large' : 'kustomize', error: `${envPath}: kustomize's output: ${parsed.error}` };
  }
  const objects = parsed.docs.filter((d): d is Record<string, unknown> => d !== null && typeof d === 'object' && !Array.isArray(d));
  return { ok: true, digest: createHash('sha256').update(result.stdout).digest('hex'), objects };
}

let kustomizeVersion: Promise<string> | undefined;

/** The kustomize built into kubectl, for evidence meta. Fails with TOOL_MISSING if kubectl is absent. */
export function renderToolVersion(): Promise<string> {
  kustomizeVersion ??= run('kubectl', ['version', '--client', '-o', 'json'], { cwd: '/', timeoutMs: 15_000, cleanEnv: true, env: RENDER_ENV })
    .then((r) => {
      const v = JSON.parse(r.stdout) as { kustomizeVersion?: string; clientVersion?: { gitVersion?: string } };
      return `kubectl ${v.clientVersion?.gitVersion ?? '?'} (kustomize ${v.kustomizeVersion ?? '?'})`;
    })
    .catch((e: unknown) => {
      kustomizeVersion = undefined;
      if (e instanceof LabError) throw e;
      throw new LabError('TOOL_MISSING', `cannot read kubectl's version: ${(e as Error).message}`);
    });
  return kustomizeVersion;
}

/** The fence kustomize runs in, as evidence says it. */
export async function renderFenceNote(): Promise<string> {
  return describeFence(await renderFence());
}
