import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import { matcher } from '../lib/globs.js';

export const unchanged = defineGrader({
  name: 'git.unchanged',
  boundary: 'git',
  summary: 'Files under the given paths are byte-for-byte as they were at hand-over (e.g. the shared base).',
  params: z.strictObject({ paths: z.array(z.string().min(1)).min(1) }),
  describe: (p) => `${p.paths.join(', ')} untouched`,
  grade(evidence, params) {
    const inScope = matcher(params.paths);
    const touched = evidence.git.changes.filter((c) => inScope(c.path) || (c.oldPath !== undefined && inScope(c.oldPath)));
    const expected = `${params.paths.join(', ')} unchanged since hand-over`;
    if (touched.length === 0) return pass(`${params.paths.join(', ')} is untouched.`, { expected });
    return fail(`${touched.length} file(s) under ${params.paths.join(', ')} changed.`, {
      expected,
      actual: touched.map((c) => `${c.status} ${c.path}`).join(', '),
      why: 'These files are shared by other environments; changing them changes what those environments render.',
      mismatches: touched
        .map((c) => ({ path: c.path, got: c.status, expected: 'unchanged' }))
        .sort((a, b) => a.path.localeCompare(b.path)),
    });
  },
});
