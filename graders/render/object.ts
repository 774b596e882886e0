import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { findObject, renderOf } from '../lib/render.js';

export const object = defineGrader({
  name: 'render.object',
  boundary: 'render',
  summary: "An object is present in (or absent from) one environment's render.",
  params: z.strictObject({
    environment: z.string().min(1),
    kind: z.string().min(1),
    name: z.string().min(1),
    present: z.boolean(),
  }),
  describe: (p) => `${p.environment} render ${p.present ? 'has' : 'has no'} ${p.kind}/${p.name}`,
  grade(evidence, params) {
    const env = renderOf(evidence, params.environment);
    if (!env) return cannotJudge(`The evidence has no render for "${params.environment}".`);
    if (!env.head.ok) return fail(`${params.environment} does not render.`, { actual: env.head.error.split('\n')[0] ?? '' });
    const found = findObject(env.head.objects, params.kind, params.name) !== undefined;
    const id = `${params.kind}/${params.name}`;
    if (found === params.present) return pass(`${id} is ${found ? 'in' : 'not in'} the ${params.environment} render.`);
    return fail(`${id} is ${found ? 'still in' : 'missing from'} the ${params.environment} render.`, {
      expected: params.present ? 'present' : 'absent',
      actual: found ? 'present' : 'absent',
      mismatches: [{ path: id, got: found ? 'present' : 'absent', expected: params.present ? 'present' : 'absent' }],
    });
  },
});
