import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { idOf, objectsOf, renderOf, type K8sObject } from '../lib/render.js';
import { resolvePath } from '../lib/object-path.js';
import { ObjectPath } from '../lib/expect.js';
import { diffObjects } from './unchanged.js';
import type { Mismatch } from '../../harness/model/result.js';

/** One allowed change: an object (`Kind/name`) and, optionally, one field of it (object-path syntax). */
const Allowed = z.strictObject({
  object: z.string().regex(/^[A-Za-z][A-Za-z0-9]*\/[^/\s]+$/, 'must be Kind/name, e.g. Deployment/payment-api'),
  /** The field that may change; absent: any field of the object (and the object may appear or go). */
  path: ObjectPath.optional(),
});

/** Removes `path` from a copy of `o` (when it resolves), so what remains can be compared. */
function without(o: K8sObject, path: string): K8sObject {
  const keys = resolvePath(o, path); // never empty: a path has at least one segment
  if (!keys) return o;
  const copy = structuredClone(o) as Record<string | number, unknown>;
  let cur: Record<string | number, unknown> = copy;
  for (const k of keys.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = keys.at(-1)!;
  // An array element is blanked, not spliced, so the elements after it keep their places.
  if (Array.isArray(cur)) cur[last] = null;
  else delete cur[last];
  return copy as K8sObject;
}

export const changesWithin = defineGrader({
  name: 'render.changes-within',
  boundary: 'render',
  summary: "Between the hand-over render and the learner's, an environment changed only in the allowed fields.",
  params: z.strictObject({
    environment: z.string().min(1),
    /** What may change; an empty list means nothing may change. */
    allow: z.array(Allowed).default([]),
  }),
  describe: (p) =>
    p.allow.length === 0
      ? `${p.environment} renders as at hand-over`
      : `${p.environment} changes only in ${p.allow.map((a) => (a.path ? `${a.object} ${a.path}` : a.object)).join(', ')}`,
  grade(evidence, params) {
    const env = renderOf(evidence, params.environment);
    if (!env) return cannotJudge(`The evidence has no render for "${params.environment}".`);
    if (!env.seed.ok) return cannotJudge(`${params.environment} did not render at hand-over: ${env.seed.error.split('\n')[0]}`);
    if (!env.head.ok) {
      return fail(`${params.environment} does not render, so what changed cannot be bounded.`, {
        expected: 'a render that differs only in the allowed fields',
        actual: `render error: ${env.head.error.split('\n')[0]}`,
      });
    }
    const before = new Map(objectsOf(env.seed).map((o) => [idOf(o), o]));
    const after = new Map(objectsOf(env.head).map((o) => [idOf(o), o]));
    const wholly = new Set(params.allow.filter((a) => a.path === undefined).map((a) => a.object));
    const mismatches: Mismatch[] = [];
    for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      if (wholly.has(id)) continue;
      let b = before.get(id);
      let a = after.get(id);
      if (!b || !a) {
        mismatches.push({ path: id, got: a ? 'added' : 'removed', expected: b ? 'present' : 'absent' });
        continue;
      }
      for (const allowed of params.allow) {
        if (allowed.object !== id || allowed.path === undefined) continue;
        b = without(b, allowed.path);
        a = without(a, allowed.path);
      }
      for (const line of diffObjects(b, a)) mismatches.push({ path: `${id} ${line.path}`, got: line.got, expected: `${line.expected} (unchanged)` });
    }
    const allowedText = params.allow.length === 0 ? 'nothing' : params.allow.map((a) => (a.path ? `${a.object} ${a.path}` : a.object)).join(', ');
    if (mismatches.length === 0) return pass(`${params.environment} changed only where the task allows (${allowedText}).`);
    return fail(`${params.environment} changed in ${mismatches.length} place${mismatches.length === 1 ? '' : 's'} the task does not ask for.`, {
      expected: `only ${allowedText} changes in ${params.environment}`,
      actual: mismatches.slice(0, 3).map((m) => `${m.path}: ${m.expected.replace(' (unchanged)', '')} -> ${m.got}`).join('; '),
      why: 'A fix changes what it must and nothing else: a side effect (replicas, namespace, probes, labels) ships with it unreviewed.',
      mismatches,
    });
  },
});
