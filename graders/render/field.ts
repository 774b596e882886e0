import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { findObject, renderOf } from '../lib/render.js';
import { getPath, parsePath, show, deepEqual } from '../lib/object-path.js';

export const field = defineGrader({
  name: 'render.field',
  boundary: 'render',
  summary: "A field of one object in one environment's render has the expected value.",
  params: z
    .strictObject({
      environment: z.string().min(1),
      kind: z.string().min(1),
      name: z.string().min(1),
      path: z.string().min(1).refine((p) => {
        try {
          parsePath(p);
          return true;
        } catch {
          return false;
        }
      }, 'is not a valid object path'),
      equals: z.unknown().optional(),
      notEquals: z.unknown().optional(),
    })
    .refine((p) => p.equals !== undefined || p.notEquals !== undefined, 'needs equals or notEquals'),
  describe: (p) =>
    `${p.environment} ${p.kind}/${p.name} ${p.path} ${p.equals !== undefined ? `= ${show(p.equals)}` : `!= ${show(p.notEquals)}`}`,
  grade(evidence, params) {
    const env = renderOf(evidence, params.environment);
    if (!env) return cannotJudge(`The evidence has no render for "${params.environment}".`);
    const where = `${params.environment} ${params.kind}/${params.name}`;
    if (!env.head.ok) {
      return fail(`${params.environment} does not render, so ${params.path} cannot be read.`, {
        expected: params.equals !== undefined ? show(params.equals) : `not ${show(params.notEquals)}`,
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
    const ok = params.equals !== undefined ? deepEqual(got, params.equals) : !deepEqual(got, params.notEquals);
    const expected = params.equals !== undefined ? show(params.equals) : `anything but ${show(params.notEquals)}`;
    if (ok) return pass(`${where} ${params.path} is ${show(got)}.`, { expected, actual: show(got) });
    return fail(`${where} ${params.path} is ${show(got)}.`, {
      expected,
      actual: show(got),
      why: `The rendered manifests are what the controller applies to ${params.environment}.`,
      mismatches: [{ path: `${params.kind}/${params.name} ${params.path}`, got: show(got), expected }],
    });
  },
});
