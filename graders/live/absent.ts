import { z } from 'zod';
import { CollectedKind } from '../lib/cluster.js';
import { defineGrader, fail, pass } from '../grader.js';
import { environmentOf, isFinding, liveObject } from '../lib/cluster.js';

export const absent = defineGrader({
  name: 'live.absent',
  boundary: 'live',
  summary: 'An object removed from Git is gone from the cluster too (pruned).',
  params: z.strictObject({ environment: z.string().min(1), kind: CollectedKind, name: z.string().min(1) }),
  describe: (p) => `${p.kind}/${p.name} is gone from ${p.environment}`,
  grade(evidence, params) {
    const env = environmentOf(evidence, params.environment);
    if (isFinding(env)) return env;
    const id = `${params.kind}/${params.name}`;
    if (!liveObject(env, params.kind, params.name)) return pass(`${id} is gone from ${env.namespace}.`);
    return fail(`${id} still runs in ${env.namespace}.`, {
      expected: 'absent',
      actual: 'present',
      why: 'Removing an object from Git does not delete it unless the controller prunes; an orphan keeps running unmanaged.',
      mismatches: [{ path: id, got: 'present', expected: 'absent' }],
    });
  },
});
