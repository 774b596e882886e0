import { z } from 'zod';
import { CollectedKind } from '../lib/cluster.js';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { collected, environmentOf, isFinding, liveObject } from '../lib/cluster.js';

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
    // No list of the kind is no proof that the object is gone (evidence recorded before the kind was collected).
    if (!collected(env, params.kind)) return cannotJudge(`The cluster evidence of ${params.environment} has no ${params.kind} list (recorded before gitops-lab collected ${params.kind}s).`);
    if (!liveObject(env, params.kind, params.name)) return pass(`${id} is gone from ${env.namespace}.`);
    return fail(`${id} still runs in ${env.namespace}.`, {
      expected: 'absent',
      actual: 'present',
      why: 'Removing an object from Git does not delete it unless the controller prunes; an orphan keeps running unmanaged.',
      mismatches: [{ path: id, got: 'present', expected: 'absent' }],
    });
  },
});
