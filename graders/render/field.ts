import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { describeTarget, hasOneTarget, layerOf, ONE_TARGET, pickTarget, renderOf, TargetParams } from '../lib/render.js';
import { getPath, show } from '../lib/object-path.js';
import { ObjectPath } from '../lib/expect.js';
import { describeFieldCheck, describeFieldExpectation, FieldExpectation, hasOneExpectation, meetsField, ONE_EXPECTATION } from '../lib/field-expectation.js';

export const field = defineGrader({
  name: 'render.field',
  boundary: 'render',
  summary:
    "A field of one object in one environment's (or one layer's) render has the expected value (`equals`, `notEquals`, `oneOf`) or is present or absent (`exists`). The object is named by `name`, or found by `namePrefix` (a configMapGenerator's hash-suffixed ConfigMap) or a matchLabels `selector` (`key=value,...`); exactly one object must match, and the finding names the one judged.",
  params: z
    .strictObject({
      environment: z.string().min(1).optional(),
      /** Instead of an environment: one of the scenario's layers (the shared base), judged by what it renders. */
      layer: z.string().min(1).optional(),
      kind: z.string().min(1),
      ...TargetParams,
      path: ObjectPath,
      ...FieldExpectation,
    })
    .refine(hasOneExpectation, ONE_EXPECTATION)
    .refine(hasOneTarget, ONE_TARGET)
    .refine((p) => (p.environment === undefined) !== (p.layer === undefined), 'needs exactly one of environment and layer'),
  describe: (p) => `${p.environment ?? `layer ${p.layer}`} ${describeTarget(p)} ${p.path} ${describeFieldCheck(p)}`,
  grade(evidence, params) {
    const target = params.environment ?? `layer ${params.layer!}`;
    const env = params.environment !== undefined ? renderOf(evidence, params.environment) : layerOf(evidence, params.layer!);
    if (!env) return cannotJudge(`The evidence has no render for ${params.environment !== undefined ? `"${params.environment}"` : `layer "${params.layer!}"`}.`);
    const expected = describeFieldExpectation(params);
    if (!env.head.ok) {
      return fail(`${target} does not render, so ${params.path} cannot be read.`, {
        expected,
        actual: `render error: ${env.head.error.split('\n')[0]}`,
        why: 'The field can only be right once the environment renders.',
      });
    }
    const picked = pickTarget(env.head.objects, params, `the ${target} render`);
    if (!picked.ok) return fail(picked.message, { expected: picked.expected, actual: picked.actual });
    const where = `${target} ${picked.where}`;
    const got = getPath(picked.object, params.path);
    if (meetsField(got, params)) return pass(`${where} ${params.path} is ${show(got)}.`, { expected, actual: show(got) });
    return fail(`${where} ${params.path} is ${show(got)}.`, {
      expected,
      actual: show(got),
      why:
        params.environment !== undefined
          ? `The rendered manifests are what the controller applies to ${params.environment}.`
          : `Every environment built on ${target} starts from what it renders.`,
      mismatches: [{ path: `${picked.id} ${params.path}`, got: show(got), expected }],
    });
  },
});
