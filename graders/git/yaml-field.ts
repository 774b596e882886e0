import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import { deepEqual, getPath, parsePath, show } from '../lib/object-path.js';

export const yamlField = defineGrader({
  name: 'git.yaml-field',
  boundary: 'git',
  summary: 'A field of a YAML file on the tracked branch has the expected value (the right layer holds the change).',
  params: z
    .strictObject({
      file: z.string().min(1),
      /** Pick the document by kind (default: the first document). */
      kind: z.string().min(1).optional(),
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
  describe: (p) => `${p.file} ${p.path} ${p.equals !== undefined ? `= ${show(p.equals)}` : `!= ${show(p.notEquals)}`}`,
  grade(evidence, params) {
    const file = evidence.git.head.files[params.file];
    const expected = params.equals !== undefined ? show(params.equals) : `anything but ${show(params.notEquals)}`;
    if (!file) return fail(`${params.file} does not exist on ${evidence.git.trackedBranch}.`, { expected, actual: 'no such file' });
    if (file.parseError) return fail(`${params.file} is not valid YAML: ${file.parseError}`, { expected, actual: 'invalid YAML' });
    const docs = file.docs ?? [];
    const doc = params.kind ? docs.find((d) => (d as Record<string, unknown>)?.['kind'] === params.kind) : docs[0];
    if (doc === undefined) return fail(`${params.file} has no ${params.kind ?? 'YAML'} document.`, { expected, actual: 'absent' });
    const got = getPath(doc, params.path);
    const ok = params.equals !== undefined ? deepEqual(got, params.equals) : !deepEqual(got, params.notEquals);
    if (ok) return pass(`${params.file} ${params.path} is ${show(got)}.`, { expected, actual: show(got) });
    return fail(`${params.file} ${params.path} is ${show(got)}.`, {
      expected,
      actual: show(got),
      why: 'Each layer owns its own values: the base holds what every environment shares, an overlay what only it needs.',
      mismatches: [{ path: `${params.file} ${params.path}`, got: show(got), expected }],
    });
  },
});
