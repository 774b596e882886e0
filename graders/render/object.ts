import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { describeTarget, hasOneTarget, matchTarget, idOf, ONE_TARGET, renderOf, TargetParams } from '../lib/render.js';

export const object = defineGrader({
  name: 'render.object',
  boundary: 'render',
  summary:
    "An object is present in (or absent from) one environment's render: named by `name`, or found by `namePrefix` or a matchLabels `selector` (`key=value,...`), where present means at least one match (the finding names them) and absent none.",
  params: z
    .strictObject({
      environment: z.string().min(1),
      kind: z.string().min(1),
      ...TargetParams,
      present: z.boolean(),
    })
    .refine(hasOneTarget, ONE_TARGET),
  describe: (p) => `${p.environment} render ${p.present ? 'has' : 'has no'} ${describeTarget(p)}`,
  grade(evidence, params) {
    const env = renderOf(evidence, params.environment);
    if (!env) return cannotJudge(`The evidence has no render for "${params.environment}".`);
    if (!env.head.ok) return fail(`${params.environment} does not render.`, { actual: env.head.error.split('\n')[0] ?? '' });
    const matches = matchTarget(env.head.objects, params).map(idOf);
    const found = matches.length > 0;
    const target = describeTarget(params);
    // By name the id says it all; by prefix or selector, which objects matched.
    const id = params.name !== undefined || !found ? target : `${target} (${matches.join(', ')})`;
    if (found === params.present) return pass(`${id} is ${found ? 'in' : 'not in'} the ${params.environment} render.`);
    return fail(`${id} is ${found ? 'still in' : 'missing from'} the ${params.environment} render.`, {
      expected: params.present ? 'present' : 'absent',
      actual: found ? (params.name !== undefined ? 'present' : matches.join(', ')) : 'absent',
      mismatches: [{ path: target, got: found ? 'present' : 'absent', expected: params.present ? 'present' : 'absent' }],
    });
  },
});
