import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';

export const historyIntact = defineGrader({
  name: 'git.history-intact',
  boundary: 'git',
  summary: 'The tracked branch was extended, not rewritten, and the named branches were left alone.',
  params: z.strictObject({ unchangedBranches: z.array(z.string().min(1)).default([]) }),
  describe: (p) =>
    p.unchangedBranches.length > 0
      ? `tracked branch fast-forwarded; ${p.unchangedBranches.join(', ')} untouched`
      : 'tracked branch fast-forwarded, not rewritten',
  grade(evidence, params) {
    const { git } = evidence;
    const mismatches = [];
    if (!git.headContainsSeed) {
      mismatches.push({
        path: `branch ${git.trackedBranch}`,
        got: `rewritten: the handed-over commit ${git.seedSha.slice(0, 7)} is no longer in its history (head ${git.headSha.slice(0, 7)})`,
        expected: `a fast-forward of ${git.seedSha.slice(0, 7)}`,
      });
    }
    for (const name of params.unchangedBranches) {
      const b = git.branches.find((x) => x.name === name);
      if (!b || b.sha === '') {
        const seed = b?.seedSha;
        mismatches.push({ path: `branch ${name}`, got: 'deleted', expected: seed ? seed.slice(0, 7) : 'present' });
      }
      else if (b.seedSha !== undefined && b.sha !== b.seedSha) {
        mismatches.push({ path: `branch ${name}`, got: b.sha.slice(0, 7), expected: b.seedSha.slice(0, 7) });
      }
    }
    if (mismatches.length === 0) return pass('History on the tracked branch was extended, not rewritten.');
    return fail(`${mismatches.length} branch(es) moved in a way the fix should not move them.`, {
      expected: `${git.trackedBranch} fast-forwarded from ${git.seedSha.slice(0, 7)}${params.unchangedBranches.length ? `; ${params.unchangedBranches.join(', ')} untouched` : ''}`,
      actual: mismatches.map((m) => `${m.path}: ${m.got}`).join('; '),
      why: 'The controller follows one branch; commits elsewhere never reach the cluster, and rewritten history loses the audit trail.',
      mismatches,
    });
  },
});
