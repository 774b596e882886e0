import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { findObject, layerOf, renderOf } from '../lib/render.js';
import { getPath, show } from '../lib/object-path.js';
import { describeExpectation, Expectation, hasExpectation, meets, ObjectPath } from '../lib/expect.js';

export const field = defineGrader({
  name: 'render.field',
  boundary: 'render',
  summary: "A field of one object in one environment's (or one layer's) render has the expected value.",
  params: z
    .strictObject({
      environment: z.string().min(1).optional(),
      /** Instead of an environment: one of the scenario's layers (the shared base), judged by what it renders. */
      layer: z.string().min(1).optional(),
      kind: z.string().min(1),
      name: z.string().min(1),
      path: ObjectPath,
      ...Expectation,
    })
    .refine(hasExpectation, 'needs equals or notEquals')
    .refine((p) => (p.environment === undefined) !== (p.layer === undefined), 'needs exactly one of environment and layer'),
  describe: (p) =>
    `${p.environment ?? `layer ${p.layer}`} ${p.kind}/${p.name} ${p.path} ${p.equals !== undefined ? `= ${show(p.equals)}` : `!= ${show(p.notEquals)}`}`,
  grade(evidence, params) {
    const target = params.environment ?? `layer ${params.layer!}`;
    const env = params.environment !== undefined ? renderOf(evidence, params.environment) : layerOf(evidence, params.layer!);
    if (!env) return cannotJudge(`The evidence has no render for ${params.environment !== undefined ? `"${params.environment}"` : `layer "${params.layer!}"`}.`);
    const where = `${target} ${params.kind}/${params.name}`;
    if (!env.head.ok) {
      return fail(`${target} does not render, so ${params.path} cannot be read.`, {
        expected: describeExpectation(params),
        actual: `render error: ${env.head.error.split('\n')[0]}`,
        why: 'The field can only be right once the environment renders.',
      });
    }
    const obj = findObject(env.head.objects, params.kind, params.name);
    if (!obj) {
      return fail(`${where} is not in the render.`, {
        expected: `${params.kind}/${params.name} present`,
        actual: 'absent',
      });
    }
    const got = getPath(obj, params.path);
    const ok = meets(got, params);
    const expected = describeExpectation(params);
    if (ok) return pass(`${where} ${params.path} is ${show(got)}.`, { expected, actual: show(got) });
    return fail(`${where} ${params.path} is ${show(got)}.`, {
      expected,
      actual: show(got),
      why:
        params.environment !== undefined
          ? `The rendered manifests are what the controller applies to ${params.environment}.`
          : `Every environment built on ${target} starts from what it renders.`,
      mismatches: [{ path: `${params.kind}/${params.name} ${params.path}`, got: show(got), expected }],
    });
  },
});
