import { z } from 'zod';
import { collected, CollectedKind, environmentOf, isFinding, liveObjects } from '../lib/cluster.js';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { getPath, show } from '../lib/object-path.js';
import { ObjectPath } from '../lib/expect.js';
import { describeTarget, hasOneTarget, ONE_TARGET, pickTarget, TargetParams } from '../lib/render.js';
import { describeFieldCheck, describeFieldExpectation, FieldExpectation, hasOneExpectation, meetsField, ONE_EXPECTATION } from '../lib/field-expectation.js';

export const liveField = defineGrader({
  name: 'live.field',
  boundary: 'live',
  summary:
    "A field of one live object in the environment's namespace, as collected at grading, has the expected value (`equals`, `notEquals`, `oneOf`) or is present or absent (`exists`): status fields included, whatever Git says. The object is named by `name`, or found by `namePrefix` or a matchLabels `selector` (`key=value,...`); exactly one live object must match, and the finding names the one judged.",
  params: z
    .strictObject({
      environment: z.string().min(1),
      kind: CollectedKind,
      ...TargetParams,
      path: ObjectPath,
      ...FieldExpectation,
    })
    .refine(hasOneExpectation, ONE_EXPECTATION)
    .refine(hasOneTarget, ONE_TARGET),
  describe: (p) => `live ${describeTarget(p)} in ${p.environment} ${p.path} ${describeFieldCheck(p)}`,
  grade(evidence, params) {
    const env = environmentOf(evidence, params.environment);
    if (isFinding(env)) return env;
    if (!collected(env, params.kind)) return cannotJudge(`The cluster evidence of ${params.environment} has no ${params.kind} list (recorded before gitops-lab collected ${params.kind}s).`);
    const picked = pickTarget(liveObjects(env, params.kind), params, env.namespace);
    const expected = describeFieldExpectation(params);
    if (!picked.ok) return fail(picked.message, { expected: picked.expected, actual: picked.actual, why: 'The check reads the live object, so it must exist in the cluster.' });
    const where = `Live ${picked.where} in ${env.namespace}`;
    const got = getPath(picked.object, params.path);
    if (meetsField(got, params)) return pass(`${where}: ${params.path} is ${show(got)}.`, { expected, actual: show(got) });
    return fail(`${where}: ${params.path} is ${show(got)}.`, {
      expected,
      actual: show(got),
      why: 'What the cluster runs is the live object, whatever Git and the render say.',
      mismatches: [{ path: `${picked.id} ${params.path}`, got: show(got), expected }],
    });
  },
});
