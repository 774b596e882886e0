import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { idOf, objectsOf, renderOf } from '../lib/render.js';
import { deepEqual } from '../lib/object-path.js';
import type { Mismatch } from '../../harness/model/result.js';

export const unchanged = defineGrader({
  name: 'render.unchanged',
  boundary: 'render',
  summary: "Other environments' renders are byte-for-byte what they were at hand-over.",
  params: z.strictObject({ environments: z.array(z.string().min(1)).min(1) }),
  describe: (p) => `${p.environments.join(', ')} render${p.environments.length === 1 ? 's' : ''} byte-identical to hand-over`,
  grade(evidence, params) {
    const mismatches: Mismatch[] = [];
    for (const name of params.environments) {
      const env = renderOf(evidence, name);
      if (!env) return cannotJudge(`The evidence has no render for "${name}".`);
      if (env.seed.ok && env.head.ok && env.seed.digest === env.head.digest) continue;
      if (!env.head.ok) {
        mismatches.push({ path: name, got: `render error: ${env.head.error.split('\n')[0]}`, expected: 'unchanged render' });
        continue;
      }
      const before = new Map(objectsOf(env.seed).map((o) => [idOf(o), o]));
      const after = new Map(objectsOf(env.head).map((o) => [idOf(o), o]));
      const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
      let described = false;
      for (const id of ids) {
        const b = before.get(id);
        const a = after.get(id);
        if (!b) mismatches.push({ path: `${name} ${id}`, got: 'added', expected: 'absent' });
        else if (!a) mismatches.push({ path: `${name} ${id}`, got: 'removed', expected: 'present' });
        else if (!deepEqual(a, b)) {
          for (const line of diffObjects(b, a)) mismatches.push({ path: `${name} ${id} ${line.path}`, got: line.got, expected: line.expected });
        } else continue;
        described = true;
      }
      if (!described) mismatches.push({ path: name, got: 'different bytes (formatting or order)', expected: 'identical render' });
    }
    if (mismatches.length === 0) return pass(`${params.environments.join(', ')} render exactly as before.`);
    return fail(`The change leaks into ${[...new Set(mismatches.map((m) => m.path.split(' ')[0]))].join(', ')}.`, {
      expected: `${params.environments.join(', ')} unchanged`,
      actual: mismatches.slice(0, 3).map((m) => `${m.path}: ${m.got}`).join('; '),
      why: 'A fix for one environment must not change what the others render; that is how a staging change reaches prod.',
      mismatches,
    });
  },
});

/** Leaf-level differences between two objects: `path: got X, expected Y` (expected = before). */
export function diffObjects(before: unknown, after: unknown, prefix = ''): Mismatch[] {
  if (deepEqual(before, after)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffObjects(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((b, i) => diffObjects(b, after[i], `${prefix}[${i}]`));
  }
  return [{ path: prefix || '.', got: JSON.stringify(after) ?? '<absent>', expected: JSON.stringify(before) ?? '<absent>' }];
}
