import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { findObject, renderOf } from '../lib/render.js';
import { getPath, show } from '../lib/object-path.js';
import { describeExpectation, Expectation, hasExpectation, meets, ObjectPath } from '../lib/expect.js';

export const field = defineGrader({
  name: 'render.field',
  boundary: 'render',
  summary: "A field of one object in one environment's render has the expected value.",
  params: z
    .strictObject({
      environment: z.string().min(1),
      kind: z.string().min(1),
      name: z.string().min(1),
      path: ObjectPath,
      ...Expectation,
    })
    .refine(hasExpectation, 'needs equals or notEquals'),
  describe: (p) =>
    `${p.environment} ${p.kind}/${p.name} ${p.path} ${p.equals !== undefined ? `= ${show(p.equals)}` : `!= ${show(p.notEquals)}`}`,
  grade(evidence, params) {
    const env = renderOf(evidence, params.environment);
    if (!env) return cannotJudge(`The evidence has no render for "${params.environment}".`);
    const where = `${params.environment} ${params.kind}/${params.name}`;
    if (!env.head.ok) {
      return fail(`${params.environment} does not render, so ${params.path} cannot be read.`, {
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
      why: `The rendered manifests are what the controller applies to ${params.environment}.`,
      mismatches: [{ path: `${params.kind}/${params.name} ${params.path}`, got: show(got), expected }],
    });
  },
});
