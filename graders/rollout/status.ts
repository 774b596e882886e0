import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import { environmentOf, isFinding, liveObject } from '../lib/cluster.js';
import type { Mismatch } from '../../harness/model/result.js';
import { firstImage, readRollout } from '../../harness/model/rollouts-status.js';

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
    const live = liveObject(env, 'Rollout', params.rollout);
    const id = `Rollout/${params.rollout}`;
    if (!live) return fail(`${id} does not exist in ${env.namespace}.`, { expected: params.phase, actual: 'absent' });
    const rollout = readRollout(live);
    const { status } = rollout;
    const phase = status.phase ?? 'Unknown';
    const mismatches: Mismatch[] = [];
    if (phase !== params.phase) mismatches.push({ path: `${id} status.phase`, got: `${phase}${status.message ? ` (${status.message})` : ''}`, expected: params.phase });
    if (params.image) {
      const image = firstImage(rollout);
      if (image !== params.image) mismatches.push({ path: `${id} spec image`, got: String(image), expected: params.image });
      if (status.stableRS !== status.currentPodHash) {
        mismatches.push({ path: `${id} status.stableRS`, got: String(status.stableRS), expected: `${String(status.currentPodHash)} (currentPodHash: fully promoted)` });
      }
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
