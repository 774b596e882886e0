import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';

export const succeeds = defineGrader({
  name: 'render.succeeds',
  boundary: 'render',
  summary: 'kustomize renders every listed environment (all, by default) without an error.',
  params: z.strictObject({ environments: z.array(z.string().min(1)).min(1).optional() }),
  describe: (p) => `${p.environments ? p.environments.join(', ') : 'every environment'} renders`,
  grade(evidence, params) {
    const envs = evidence.render.environments.filter((e) => !params.environments || params.environments.includes(e.name));
    const broken = envs.filter((e) => !e.head.ok);
    if (broken.length === 0) return pass(`${envs.map((e) => e.name).join(', ')} render cleanly.`);
    const first = broken[0]!;
    return fail(`${broken.map((e) => e.name).join(', ')} no longer render${broken.length === 1 ? 's' : ''}.`, {
      expected: 'kustomize build succeeds',
      actual: first.head.ok ? '' : first.head.error,
      why: 'A controller cannot apply what it cannot render; the sync stops at the render boundary.',
      mismatches: broken.map((e) => ({ path: e.path, got: e.head.ok ? 'ok' : e.head.error.split('\n')[0] ?? '', expected: 'renders' })),
    });
  },
});
