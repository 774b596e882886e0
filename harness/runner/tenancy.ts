/**
 * What a run's roots may apply: the kinds its environments' registration folders hold once the faults are in (the
 * scenario's own declaration, read from its content), besides the registrations themselves. Argo CD's per-run root
 * AppProject allows these kinds and nothing else, so a learner's ConfigMap for kube-system in a registration folder
 * is refused by the controller.
 */
import { join } from 'node:path';
import { docsUnder } from '../../graders/lib/docs.js';
import type { Kind } from '../controllers/adapter.js';
import { snapshotTree } from '../evidence/git-evidence.js';
import { git, gitOut } from '../git/git.js';
import { applyGitSteps } from '../git/lab-repo.js';
import type { LabVars } from '../git/template.js';
import type { TreeSnapshot } from '../model/evidence.js';
import type { Step } from '../model/steps.js';
import { withScratch } from '../scratch.js';

/** The kinds of the objects under `dirs` (kustomize's own files left out), sorted, each once. Pure. */
export function kindsUnder(tree: TreeSnapshot, dirs: readonly string[]): Kind[] {
  const out = new Map<string, Kind>();
  for (const dir of dirs) {
    for (const { doc } of docsUnder(tree, dir)) {
      const { apiVersion, kind } = doc as { apiVersion?: unknown; kind?: unknown };
      if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion.startsWith('kustomize.config.k8s.io/')) continue;
      const group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
      out.set(`${group}/${kind}`, { group, kind });
    }
  }
  return [...out.values()].sort((a, b) => `${a.group}/${a.kind}`.localeCompare(`${b.group}/${b.kind}`));
}

/**
 * The kinds under `dirs` at hand-over: the lab repository's branch with the scenario's Git faults applied, in a
 * throwaway copy (the lab repository itself is not touched; the faults reach it later, after the first sync).
 */
export async function handedOverKinds(bareDir: string, branch: string, faults: readonly Step[], vars: LabVars, dirs: readonly string[]): Promise<Kind[]> {
  return withScratch('kinds', async (dir) => {
    const mirror = join(dir, 'mirror.git');
    const work = join(dir, 'work');
    await git(dir, ['clone', '-q', '--bare', bareDir, mirror]);
    await git(dir, ['clone', '-q', '--branch', branch, mirror, work]);
    await applyGitSteps(work, faults, { trackedBranch: branch, vars });
    const head = await gitOut(mirror, ['rev-parse', `refs/heads/${branch}`]);
    return kindsUnder(await snapshotTree(mirror, head), dirs);
  });
}
