import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import type { CommitInfo } from '../../harness/model/evidence.js';

/** The subject `git revert` gives the revert of a commit with this subject. */
export const revertSubject = (subject: string): string => `Revert "${subject}"`;

/**
 * The subjects under which a later commit puts the reverted change back: a revert of the revert, as `git revert`
 * writes it (git 2.43 and later: `Reapply "X"`; before: `Revert "Revert "X""`).
 */
const reapplySubjects = (subject: string): readonly string[] => [`Reapply "${subject}"`, revertSubject(revertSubject(subject))];

/** What a `Revert "..."` subject says was reverted, or undefined for any other subject. */
export function revertedSubject(subject: string): string | undefined {
  const m = /^Revert "(.*)"$/.exec(subject);
  return m?.[1];
}

const short = (c: CommitInfo): string => `${c.sha.slice(0, 7)} "${c.subject}"`;

export const reverted = defineGrader({
  name: 'git.reverted',
  boundary: 'git',
  summary:
    'A commit after hand-over reverts the commit with the given subject (as `git revert` writes it): it changes files (exactly the listed ones, if given), is not reapplied later, and the tracked branch still holds the handed-over history.',
  params: z.strictObject({
    /** The subject of the commit that must be reverted (the bad promotion). */
    subject: z.string().min(1),
    /**
     * The files that commit changed: its revert changes exactly these (a partial revert, or one that changes more,
     * is not the revert of that commit). Absent: not checked.
     */
    files: z.array(z.string().min(1)).min(1).optional(),
  }),
  describe: (p) => `"${p.subject}" reverted on the tracked branch${p.files ? ` (${p.files.join(', ')})` : ''}, history intact`,
  grade(evidence, params) {
    const { git } = evidence;
    const wanted = revertSubject(params.subject);
    const expected = `a commit "${wanted}" on ${git.trackedBranch}, a fast-forward of ${git.seedSha.slice(0, 7)}`;
    const why =
      'A rollback in GitOps is a new commit that reverts the promotion: Git then asks for the known-good revision again, and the history keeps both the promotion and its revert.';
    if (!git.headContainsSeed) {
      return fail(`${git.trackedBranch} was rewritten: the handed-over commit ${git.seedSha.slice(0, 7)} is no longer in its history.`, {
        expected,
        actual: `head ${git.headSha.slice(0, 7)} does not descend from ${git.seedSha.slice(0, 7)}`,
        why,
        mismatches: [{ path: `branch ${git.trackedBranch}`, got: `rewritten (head ${git.headSha.slice(0, 7)})`, expected: `a fast-forward of ${git.seedSha.slice(0, 7)}` }],
      });
    }
    const { commits } = git;
    if (commits.length === 0) {
      return fail('There is no commit after hand-over: nothing was reverted.', { expected, actual: 'no commits', why });
    }
    const index = commits.findLastIndex((c) => c.subject === wanted && c.files.length > 0);
    if (index < 0) {
      const empty = commits.find((c) => c.subject === wanted);
      const others = commits.filter((c) => revertedSubject(c.subject) !== undefined);
      const message = empty
        ? `Commit ${short(empty)} changes no file: it reverts nothing.`
        : others.length > 0
          ? `${others.map(short).join('; ')} revert${others.length === 1 ? 's' : ''} another commit, not "${params.subject}".`
          : `No commit after hand-over reverts "${params.subject}".`;
      return fail(message, {
        expected,
        actual: commits.map(short).join('; '),
        why,
        mismatches: [{ path: `${git.trackedBranch} commits`, got: commits.map((c) => `"${c.subject}"`).join(', '), expected: `"${wanted}"` }],
      });
    }
    const revert = commits[index]!;
    if (params.files) {
      const touched = new Set(revert.files.flatMap((f) => (f.oldPath !== undefined ? [f.oldPath, f.path] : [f.path])));
      const missing = params.files.filter((f) => !touched.has(f));
      const extra = [...touched].filter((f) => !params.files!.includes(f)).sort();
      if (missing.length > 0 || extra.length > 0) {
        return fail(`Commit ${short(revert)} does not change exactly the files "${params.subject}" changed.`, {
          expected: `changes to ${params.files.join(', ')}`,
          actual: [...touched].sort().join(', '),
          why,
          mismatches: [
            ...missing.map((f) => ({ path: f, got: 'unchanged', expected: 'reverted' })),
            ...extra.map((f) => ({ path: f, got: 'changed', expected: 'not in the reverted commit' })),
          ],
        });
      }
    }
    const reapplied = commits.slice(index + 1).find((c) => reapplySubjects(params.subject).includes(c.subject));
    if (reapplied) {
      return fail(`Commit ${short(reapplied)} puts back what ${revert.sha.slice(0, 7)} reverted.`, {
        expected,
        actual: `${short(revert)}, then ${short(reapplied)}`,
        why,
        mismatches: [{ path: `${git.trackedBranch} commits`, got: `"${reapplied.subject}" after the revert`, expected: 'the revert left in place' }],
      });
    }
    return pass(`Commit ${short(revert)} reverts "${params.subject}" on ${git.trackedBranch}, on top of the handed-over history.`, {
      expected,
      actual: short(revert),
    });
  },
});
