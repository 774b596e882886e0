import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import { getPath, show } from '../lib/object-path.js';
import { describeExpectation, Expectation, hasExpectation, meets, ObjectPath } from '../lib/expect.js';

export const yamlField = defineGrader({
  name: 'git.yaml-field',
  boundary: 'git',
  summary: 'A field of a YAML file on the tracked branch has the expected value (the right layer holds the change).',
  params: z
    .strictObject({
      file: z.string().min(1),
      /** Pick the document by kind (default: the first document). */
      kind: z.string().min(1).optional(),
      path: ObjectPath,
      ...Expectation,
    })
    .refine(hasExpectation, 'needs equals or notEquals'),
  describe: (p) => `${p.file} ${p.path} ${p.equals !== undefined ? `= ${show(p.equals)}` : `!= ${show(p.notEquals)}`}`,
  grade(evidence, params) {
    const file = evidence.git.head.files[params.file];
    const expected = describeExpectation(params);
    if (!file) return fail(`${params.file} does not exist on ${evidence.git.trackedBranch}.`, { expected, actual: 'no such file' });
    if (file.parseError) return fail(`${params.file} is not valid YAML: ${file.parseError}`, { expected, actual: 'invalid YAML' });
    const docs = file.docs ?? [];
    const doc = params.kind ? docs.find((d) => (d as Record<string, unknown>)?.['kind'] === params.kind) : docs[0];
    if (doc === undefined) return fail(`${params.file} has no ${params.kind ?? 'YAML'} document.`, { expected, actual: 'absent' });
    const got = getPath(doc, params.path);
    const ok = meets(got, params);
    if (ok) return pass(`${params.file} ${params.path} is ${show(got)}.`, { expected, actual: show(got) });
    return fail(`${params.file} ${params.path} is ${show(got)}.`, {
      expected,
      actual: show(got),
      why: 'Each layer owns its own values: the base holds what every environment shares, an overlay what only it needs.',
      mismatches: [{ path: `${params.file} ${params.path}`, got: show(got), expected }],
    });
  },
});
