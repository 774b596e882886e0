/** The render boundary: `kubectl kustomize` per environment, errors kept as evidence, never thrown. */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { run } from '../exec.js';
import type { RenderOutcome } from '../model/evidence.js';
import { LabError } from '../errors.js';
import { checkRenderSafety } from './safety.js';

export const RENDER_TIMEOUT_MS = 30_000;

/** Renders one environment of a checked-out tree. Learner mistakes become `ok: false` outcomes. */
export async function renderEnvironment(root: string, envPath: string): Promise<RenderOutcome> {
  try {
    if (!(await stat(join(root, envPath))).isDirectory()) throw new Error('not a directory');
  } catch {
    return { ok: false, reason: 'missing', error: `${envPath}: no such directory in the repository` };
  }
  const refusal = await checkRenderSafety(root, envPath).catch((e: unknown) => `${envPath}: cannot read kustomization: ${(e as Error).message}`);
  if (refusal) return { ok: false, reason: 'refused', error: refusal };
  const result = await run('kubectl', ['kustomize', envPath], {
    cwd: root,
    timeoutMs: RENDER_TIMEOUT_MS,
    allowFailure: true,
    // No plugins, no network helpers: kubectl kustomize enables neither by default; make it explicit.
    env: { KUSTOMIZE_PLUGIN_HOME: '/nonexistent', HELM_CACHE_HOME: '/nonexistent' },
  });
  if (result.exitCode !== 0) {
    return { ok: false, reason: 'kustomize', error: result.stderr.trim() || `kubectl kustomize exited with ${result.exitCode}` };
  }
  const objects: Record<string, unknown>[] = [];
  for (const doc of parseAllDocuments(result.stdout)) {
    if ('errors' in doc && doc.errors.length > 0) {
      return { ok: false, reason: 'kustomize', error: `output did not parse: ${doc.errors[0]?.message ?? ''}` };
    }
    const js = doc.toJS() as unknown;
    if (js && typeof js === 'object') objects.push(js as Record<string, unknown>);
  }
  return { ok: true, digest: createHash('sha256').update(result.stdout).digest('hex'), objects };
}

let kustomizeVersion: Promise<string> | undefined;

/** The kustomize built into kubectl, for evidence meta. Fails with TOOL_MISSING if kubectl is absent. */
export function renderToolVersion(): Promise<string> {
  kustomizeVersion ??= run('kubectl', ['version', '--client', '-o', 'json'], { cwd: process.cwd(), timeoutMs: 15_000 })
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
