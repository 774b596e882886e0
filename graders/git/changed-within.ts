import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import { matcher } from '../lib/globs.js';

export const changedWithin = defineGrader({
  name: 'git.changed-within',
  boundary: 'git',
  summary: 'Every file the learner changed lies inside an allowed set of paths, and something changed.',
  params: z.strictObject({
    allow: z.array(z.string().min(1)).min(1),
    /** Fail when the learner changed nothing at all. */
    requireChange: z.boolean().default(true),
  }),
  describe: (p) => `changes only under ${p.allow.join(', ')}`,
  grade(evidence, params) {
    const allowed = matcher(params.allow);
    const { changes } = evidence.git;
    const expected = `changes only under ${params.allow.join(', ')}`;
    if (changes.length === 0) {
      return params.requireChange
        ? fail('Nothing changed on the tracked branch since the scenario was handed over.', {
            expected,
            actual: 'no changes',
            why: 'A GitOps fix is a commit: until Git changes, the desired state is still the broken one.',
          })
        : pass('Nothing changed, as allowed.');
    }
    const outside = changes.filter((c) => !allowed(c.path) || (c.oldPath !== undefined && !allowed(c.oldPath)));
    if (outside.length === 0) {
      return pass(`All ${changes.length} changed file(s) are inside the allowed paths.`, { expected });
    }
    return fail(`${outside.length} changed file(s) lie outside the allowed paths.`, {
      expected,
      actual: outside.map((c) => c.path).join(', '),
      why: 'Fix the layer that owns the problem; a change elsewhere reaches environments it should not.',
      mismatches: outside
        .map((c) => ({
          path: c.oldPath ? `${c.oldPath} -> ${c.path}` : c.path,
          got: c.status,
          expected: 'unchanged',
        }))
        .sort((a, b) => a.path.localeCompare(b.path)),
    });
  },
});
