/**
 * Executes the Git steps of the vocabulary in a working clone, then pushes: git.commit and git.branch add history;
 * git.amend and git.reset rewrite the tracked branch and force-push it, as a learner who rewrites history would.
 */
import { applyEdit } from './edits.js';
import { git, gitOut } from './git.js';
import { fillDeep, fillRevisions, revisionsIn, type LabVars } from './template.js';
import type { GitStep } from '../model/steps.js';
import { LabError } from '../errors.js';

export interface GitStepContext {
  /** A working clone whose `origin` is the lab repository. */
  readonly workdir: string;
  readonly trackedBranch: string;
  readonly vars: LabVars;
  /** Author and committer time for reproducible history (seconds since the epoch). */
  readonly clock?: () => number;
}

export const TEAMMATE = { name: 'Sam Rivera', email: 'sam.rivera@payments.example' };

export async function applyGitStep(ctx: GitStepContext, rawStep: GitStep): Promise<void> {
  const step = fillDeep(rawStep, ctx.vars);
  if (step.action === 'git.branch') {
    const sha = await gitOut(ctx.workdir, ['rev-parse', '--verify', `${step.from}^{commit}`]).catch(async () =>
      gitOut(ctx.workdir, ['rev-parse', '--verify', `origin/${step.from}^{commit}`]),
    );
    await git(ctx.workdir, ['push', '--force', 'origin', `${sha}:refs/heads/${step.name}`]);
    await git(ctx.workdir, ['fetch', 'origin']);
    return;
  }
  if (step.action === 'git.amend' || step.action === 'git.reset') {
    await rewriteTrackedBranch(ctx, step);
    return;
  }
  const branch = step.branch ?? ctx.trackedBranch;
  const current = await gitOut(ctx.workdir, ['rev-parse', '--abbrev-ref', 'HEAD']);
  if (current !== branch) {
    const exists = (await git(ctx.workdir, ['rev-parse', '--verify', `origin/${branch}`], { allowFailure: true })).exitCode === 0;
    if (!exists) throw new LabError('INVALID_SCENARIO', `git.commit: branch "${branch}" does not exist in the lab repository`);
    await git(ctx.workdir, ['checkout', '-B', branch, `origin/${branch}`]);
  } else {
    await git(ctx.workdir, ['pull', '--ff-only', 'origin', branch], { allowFailure: true });
  }
  const { edits, message } = await withRevisions(ctx.workdir, branch, step);
  for (const edit of edits) await applyEdit(ctx.workdir, edit);
  await git(ctx.workdir, ['add', '-A']);
  const author = step.author ?? TEAMMATE;
  const when = ctx.clock ? `@${ctx.clock()} +0000` : undefined;
  await git(ctx.workdir, ['commit', '--allow-empty', '-q', '-m', message], {
    env: {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      ...(when ? { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } : {}),
    },
  });
  // With a fixed clock the push is dated too: the lab repository's reflog records it.
  await git(ctx.workdir, ['push', '-q', 'origin', `HEAD:refs/heads/${branch}`], when ? { env: { GIT_COMMITTER_DATE: when } } : {});
  if (branch !== ctx.trackedBranch) await git(ctx.workdir, ['checkout', '-q', ctx.trackedBranch]);
}

/** A git.commit's edits and message with each `{{git.<revision>}}` filled in from the branch as it is now. */
async function withRevisions(workdir: string, branch: string, step: Extract<GitStep, { action: 'git.commit' }>): Promise<{ edits: typeof step.edits; message: string }> {
  const ids = new Map<string, string>();
  for (const rev of revisionsIn([step.edits, step.message])) {
    const sha = await gitOut(workdir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).catch(() => {
      throw new LabError('INVALID_SCENARIO', `git.commit: {{git.${rev}}} names no commit of ${branch}`);
    });
    ids.set(rev, sha);
  }
  return { edits: fillRevisions(step.edits, ids), message: fillRevisions(step.message, ids) };
}

/** Amends the tracked branch's head commit or resets the branch to an earlier revision, then force-pushes it. */
async function rewriteTrackedBranch(ctx: GitStepContext, step: Extract<GitStep, { action: 'git.amend' | 'git.reset' }>): Promise<void> {
  const branch = ctx.trackedBranch;
  await git(ctx.workdir, ['checkout', '-q', branch]);
  await git(ctx.workdir, ['pull', '--ff-only', 'origin', branch], { allowFailure: true });
  const when = ctx.clock ? `@${ctx.clock()} +0000` : undefined;
  if (step.action === 'git.reset') {
    const sha = await gitOut(ctx.workdir, ['rev-parse', '--verify', '--end-of-options', `${step.to}^{commit}`]).catch(() => {
      throw new LabError('INVALID_SCENARIO', `git.reset: "${step.to}" names no commit of ${branch}`);
    });
    await git(ctx.workdir, ['reset', '-q', '--hard', sha]);
  } else {
    for (const edit of step.edits) await applyEdit(ctx.workdir, edit);
    await git(ctx.workdir, ['add', '-A']);
    const committer = step.author ?? TEAMMATE;
    await git(ctx.workdir, ['commit', '--amend', '--allow-empty', '-q', ...(step.message ? ['-m', step.message] : ['--no-edit'])], {
      env: { GIT_COMMITTER_NAME: committer.name, GIT_COMMITTER_EMAIL: committer.email, ...(when ? { GIT_COMMITTER_DATE: when } : {}) },
    });
  }
  await git(ctx.workdir, ['push', '-q', '--force', 'origin', `HEAD:refs/heads/${branch}`], when ? { env: { GIT_COMMITTER_DATE: when } } : {});
}
