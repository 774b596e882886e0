import { z } from 'zod';
import { CollectedKind } from '../lib/cluster.js';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { environmentOf, isFinding, liveObject } from '../lib/cluster.js';
import { deepEqual, getPath, show } from '../lib/object-path.js';
import { findObject, renderOf } from '../lib/render.js';
import type { Mismatch } from '../../harness/model/result.js';

/** How many drifted fields a message names before "and N more" (every one is in the mismatches). */
export const NAMED_FIELDS = 3;

/** `a`, `a and b`, `a, b and c`, `a, b, c and 2 more`: the fields a message names, in the order of the check. */
export function fieldList(paths: readonly string[]): string {
  if (paths.length <= NAMED_FIELDS) return paths.length === 1 ? paths[0]! : `${paths.slice(0, -1).join(', ')} and ${paths.at(-1)!}`;
  return `${paths.slice(0, NAMED_FIELDS).join(', ')} and ${paths.length - NAMED_FIELDS} more`;
}

export const matchesRender = defineGrader({
  name: 'live.matches-render',
  boundary: 'live',
  summary: 'A live object equals the render for the fields Git owns (image, replicas, selector, ...): no drift.',
  params: z.strictObject({
    environment: z.string().min(1),
    kind: CollectedKind,
    name: z.string().min(1),
    paths: z.array(z.string().min(1)).min(1),
  }),
  describe: (p) => `live ${p.kind}/${p.name} in ${p.environment} equals the render at ${p.paths.join(', ')}`,
  grade(evidence, params) {
    const env = environmentOf(evidence, params.environment);
    if (isFinding(env)) return env;
    const render = renderOf(evidence, params.environment);
    if (!render || !render.head.ok) return cannotJudge(`${params.environment} has no render to compare the live state with.`);
    const desired = findObject(render.head.objects, params.kind, params.name);
    const live = liveObject(env, params.kind, params.name);
    const id = `${params.kind}/${params.name}`;
    if (!desired) return fail(`${id} is not in the ${params.environment} render.`, { expected: 'rendered', actual: 'absent' });
    if (!live) return fail(`${id} does not exist in ${env.namespace}.`, { expected: 'present as rendered', actual: 'absent', why: 'The controller has not applied the desired state.' });
    const drifted = params.paths.filter((p) => !deepEqual(getPath(live, p), getPath(desired, p)));
    const mismatches: Mismatch[] = drifted.map((p) => ({ path: `${id} ${p}`, got: show(getPath(live, p)), expected: show(getPath(desired, p)) }));
    if (mismatches.length === 0) return pass(`Live ${id} matches Git at ${params.paths.join(', ')}.`);
    // The message names the fields (not their values: exam mode hides expected values, and shows the message).
    return fail(`Live ${id} drifts from Git at ${fieldList(drifted)}.`, {
      expected: mismatches.map((m) => `${m.path}=${m.expected}`).join(', '),
      actual: mismatches.map((m) => `${m.path}=${m.got}`).join(', '),
      why: 'Live state that differs from Git is drift: the next sync reverts it, or worse, nobody knows which is true.',
      mismatches,
    });
  },
});
