import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import { environmentOf, isFinding, liveObject } from '../lib/cluster.js';
import { getPath } from '../lib/object-path.js';
import type { Mismatch } from '../../harness/model/result.js';

export const rolloutStatus = defineGrader({
  name: 'rollout.status',
  boundary: 'rollout',
  summary: 'An Argo Rollout is in the expected phase, optionally fully promoted to an expected image (stable == current).',
  params: z.strictObject({
    environment: z.string().min(1),
    rollout: z.string().min(1),
    phase: z.enum(['Healthy', 'Progressing', 'Paused', 'Degraded']),
    image: z.string().min(1).optional(),
  }),
  describe: (p) => `Rollout/${p.rollout} in ${p.environment} is ${p.phase}${p.image ? ` on ${p.image}` : ''}`,
  grade(evidence, params) {
    const env = environmentOf(evidence, params.environment);
    if (isFinding(env)) return env;
    const r = liveObject(env, 'Rollout', params.rollout);
    const id = `Rollout/${params.rollout}`;
    if (!r) return fail(`${id} does not exist in ${env.namespace}.`, { expected: params.phase, actual: 'absent' });
    const phase = String(getPath(r, 'status.phase') ?? 'Unknown');
    const mismatches: Mismatch[] = [];
    if (phase !== params.phase) mismatches.push({ path: `${id} status.phase`, got: `${phase}${getPath(r, 'status.message') ? ` (${String(getPath(r, 'status.message'))})` : ''}`, expected: params.phase });
    if (params.image) {
      const image = (getPath(r, 'spec.template.spec.containers') as { image?: string }[] | undefined)?.[0]?.image;
      if (image !== params.image) mismatches.push({ path: `${id} spec image`, got: String(image), expected: params.image });
      const stable = getPath(r, 'status.stableRS');
      const current = getPath(r, 'status.currentPodHash');
      if (stable !== current) mismatches.push({ path: `${id} status.stableRS`, got: String(stable), expected: `${String(current)} (currentPodHash: fully promoted)` });
    }
    if (mismatches.length === 0) return pass(`${id} is ${phase}${params.image ? ` on ${params.image}` : ''}.`);
    return fail(`${id} is ${phase}, expected ${params.phase}${params.image ? ` on ${params.image}` : ''}.`, {
      expected: params.phase,
      actual: phase,
      why: 'Progressive delivery moves only as far as its steps and analysis allow; its phase says where it stopped.',
      mismatches,
    });
  },
});
