/**
 * The lab repository: a bare repo created from a scenario's repo/ with a believable history (an initial
 * commit, then one commit per environment), the scenario's Git faults applied as further commits, and a
 * learner workspace cloned from it.
 */
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { matcher } from '../../graders/lib/globs.js';
import { join, relative } from 'node:path';
import { git, gitOut } from './git.js';
import { initLabBare } from './push-log.js';
import { addOrigin, fetchMirror, initMirror } from './mirror.js';
import { removeScratch, scratchDir } from '../scratch.js';
import { applyGitStep, TEAMMATE } from './steps.js';
import { fillTemplate, type LabVars } from './template.js';
import type { Scenario } from '../model/scenario.js';
import { isGitStep, type Step } from '../model/steps.js';

/** History starts at a fixed time so the same scenario always gets the same commit ids. */
const EPOCH = 1_767_225_600; // 2026-01-01T00:00:00Z
const HOUR = 3600;

export interface LabRepo {
  /** Path of the bare repository. */
  readonly bareDir: string;
  readonly repoURL: string;
  readonly trackedBranch: string;
  /** The tracked branch's commit after the faults: what the learner is handed. */
  readonly seedSha: string;
  /** Every branch and its commit at hand-over. */
  readonly seedBranches: Readonly<Record<string, string>>;
}

async function walk(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, base)));
    else out.push(relative(base, p));
  }
  return out.sort();
}

export function labClock(start = EPOCH): () => number {
  let t = start;
  return () => (t += HOUR);
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the initial tree: the shared tree the scenario extends, then the scenario's own repo/ over it,
 * minus the omitted paths, with `{{lab.*}}` values filled in.
 */
async function copyTemplateTree(sources: readonly string[], omit: readonly string[], dest: string, vars: LabVars): Promise<string[]> {
  const omitted = matcher(omit.length > 0 ? omit : ['\0never']);
  const chosen = new Map<string, string>();
  for (const src of sources) {
    if (!(await exists(src))) continue;
    for (const f of await walk(src)) if (!omitted(f)) chosen.set(f, join(src, f));
  }
  for (const [f, from] of chosen) {
    const text = await readFile(from, 'utf8');
    await mkdir(join(dest, f, '..'), { recursive: true });
    await writeFile(join(dest, f), fillTemplate(text, vars));
  }
  return [...chosen.keys()].sort();
}

async function commitAll(workdir: string, message: string, when: number): Promise<void> {
  const date = `@${when} +0000`;
  await git(workdir, ['add', '-A']);
  await git(workdir, ['commit', '-q', '--allow-empty', '-m', message], {
    env: {
      GIT_AUTHOR_NAME: TEAMMATE.name,
      GIT_AUTHOR_EMAIL: TEAMMATE.email,
      GIT_COMMITTER_NAME: TEAMMATE.name,
      GIT_COMMITTER_EMAIL: TEAMMATE.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}

export interface CreateLabOptions {
  readonly scenario: Scenario;
  /** The scenario's folder (holding repo/). */
  readonly scenarioDir: string;
  /** The bank's folder, which `repo.extends` is relative to (default: the scenario folder's parent). */
  readonly bankDir?: string;
  /** Where the bare repository goes. */
  readonly bareDir: string;
  /** The URL controllers and the learner use (file:// offline, http:// on a cluster). */
  readonly repoURL: string;
  readonly vars: LabVars;
  /**
   * Where the repository really is, when it is not `bareDir`: a lab git server with its own storage, by a URL with
   * the harness's credential in it (the server made the repository; see git/remote.ts). The history is pushed
   * there and `bareDir` is the harness's mirror of it, fetched at the end.
   */
  readonly origin?: string;
  /** Apply the scenario's Git faults (default true). */
  readonly applyFaults?: boolean;
}

export async function createLabRepo(options: CreateLabOptions): Promise<LabRepo> {
  const { scenario, vars } = options;
  const branch = scenario.trackedBranch;
  if (options.origin === undefined) await initLabBare(options.bareDir, branch);
  else await initMirror(options.bareDir, options.origin);
  const work = await scratchDir('seed');
  try {
    await git(work, ['init', '-q', '-b', branch]);
    if (options.origin === undefined) await git(work, ['remote', 'add', 'origin', options.bareDir]);
    else await addOrigin(join(work, '.git'), options.origin);
    const stage = await scratchDir('tree');
    try {
      const sources = [
        ...(scenario.repo.extends ? [join(options.bankDir ?? join(options.scenarioDir, '..'), scenario.repo.extends)] : []),
        join(options.scenarioDir, 'repo'),
      ];
      const files = await copyTemplateTree(sources, scenario.repo.omit, stage, vars);
      const clock = labClock();
      const envs = Object.entries(scenario.environments);
      const belongsTo = (f: string): string | undefined =>
        envs.find(([, e]) => f.startsWith(`${e.path}/`) || f.startsWith(`${e.registration}/`))?.[0];
      const copy = async (f: string): Promise<void> => {
        await mkdir(join(work, f, '..'), { recursive: true });
        await cp(join(stage, f), join(work, f));
      };
      for (const f of files.filter((f) => belongsTo(f) === undefined)) await copy(f);
      await commitAll(work, `Add ${scenario.workload} base manifests`, clock());
      for (const [name] of envs) {
        const mine = files.filter((f) => belongsTo(f) === name);
        if (mine.length === 0) continue;
        for (const f of mine) await copy(f);
        await commitAll(work, `${scenario.workload}: add ${name} environment`, clock());
      }
      await git(work, ['push', '-q', 'origin', `HEAD:refs/heads/${branch}`]);
      await git(work, ['fetch', '-q', 'origin']);
      if (options.applyFaults !== false) {
        await applyGitSteps(work, scenario.faults, { trackedBranch: branch, vars, clock });
      }
    } finally {
      await removeScratch(stage);
    }
  } finally {
    await removeScratch(work);
  }
  if (options.origin !== undefined) await fetchMirror(options.bareDir);
  const seedBranches = await branchHeads(options.bareDir);
  return {
    bareDir: options.bareDir,
    repoURL: options.repoURL,
    trackedBranch: branch,
    seedSha: seedBranches[branch] ?? '',
    seedBranches,
  };
}

export async function applyGitSteps(
  workdir: string,
  steps: readonly Step[],
  ctx: { readonly trackedBranch: string; readonly vars: LabVars; readonly clock?: () => number },
): Promise<number> {
  let applied = 0;
  for (const step of steps) {
    if (!isGitStep(step)) continue;
    await applyGitStep({ workdir, ...ctx }, step);
    applied++;
  }
  return applied;
}

export async function branchHeads(bareDir: string): Promise<Record<string, string>> {
  const out = await gitOut(bareDir, ['for-each-ref', '--format=%(refname:short) %(objectname)', 'refs/heads']);
  const heads: Record<string, string> = {};
  for (const line of out.split('\n').filter(Boolean)) {
    const [name, sha] = line.split(' ');
    if (name && sha) heads[name] = sha;
  }
  return heads;
}

/** Clones the lab repository into the learner's workspace: `origin` is set, so `git push` works. */
export async function cloneWorkspace(repoURL: string, workspace: string, branch: string): Promise<void> {
  await mkdir(join(workspace, '..'), { recursive: true });
  await git(join(workspace, '..'), ['clone', '-q', '--branch', branch, repoURL, workspace]);
}
