import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import { condition, environmentOf, isFinding, liveObject, podsOf } from '../lib/cluster.js';
import { getPath, show } from '../lib/object-path.js';
import type { Mismatch } from '../../harness/model/result.js';

export const available = defineGrader({
  name: 'health.available',
  boundary: 'health',
  summary: 'A Deployment is Available with all desired replicas ready, optionally running an expected image.',
  params: z.strictObject({
    environment: z.string().min(1),
    deployment: z.string().min(1),
    replicas: z.number().int().nonnegative().optional(),
    image: z.string().min(1).optional(),
  }),
  describe: (p) => `Deployment/${p.deployment} in ${p.environment} Available${p.replicas !== undefined ? ` with ${p.replicas} ready` : ''}${p.image ? ` on ${p.image}` : ''}`,
  grade(evidence, params) {
    const env = environmentOf(evidence, params.environment);
    if (isFinding(env)) return env;
    const d = liveObject(env, 'Deployment', params.deployment);
    const id = `Deployment/${params.deployment}`;
    if (!d) return fail(`${id} does not exist in ${env.namespace}.`, { expected: 'Available', actual: 'absent' });
    const desired = params.replicas ?? Number(getPath(d, 'spec.replicas') ?? 1);
    const ready = Number(getPath(d, 'status.readyReplicas') ?? 0);
    const avail = condition(d, 'Available');
    const mismatches: Mismatch[] = [];
    if (avail?.status !== 'True') mismatches.push({ path: `${id} Available`, got: `${avail?.status ?? 'Unknown'}${avail?.reason ? ` (${avail.reason})` : ''}`, expected: 'True' });
    if (ready !== desired) mismatches.push({ path: `${id} readyReplicas`, got: String(ready), expected: String(desired) });
    if (params.image) {
      const pods = podsOf(env, d);
      const wrong = pods.filter((p) => !((getPath(p, 'spec.containers') as { image?: string }[] | undefined) ?? []).some((c) => c.image === params.image));
      for (const p of wrong) mismatches.push({ path: `Pod/${String(getPath(p, 'metadata.name'))} image`, got: show(((getPath(p, 'spec.containers') as { image?: string }[]) ?? []).map((c) => c.image)), expected: params.image });
      if (pods.length === 0) mismatches.push({ path: `${id} Pods`, got: '0', expected: `running ${params.image}` });
    }
    const actual = `Available=${avail?.status ?? 'Unknown'}, ${ready}/${desired} ready`;
    if (mismatches.length === 0) return pass(`${id} is Available with ${ready}/${desired} ready.`, { actual });
    return fail(`${id}: ${actual}.`, {
      expected: `Available=True, ${desired}/${desired} ready${params.image ? ` on ${params.image}` : ''}`,
      actual,
      why: 'Synced is not the same as usable: health asks whether the Pods are Ready to serve.',
      mismatches,
    });
  },
});
