import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import { environmentOf, isFinding, liveObject, liveObjects } from '../lib/cluster.js';
import { getPath, show } from '../lib/object-path.js';

export const serviceEndpoints = defineGrader({
  name: 'live.service-endpoints',
  boundary: 'live',
  summary: 'A live Service has ready endpoints in its EndpointSlices.',
  params: z.strictObject({ environment: z.string().min(1), service: z.string().min(1), minReady: z.number().int().positive().default(1) }),
  describe: (p) => `Service/${p.service} in ${p.environment} has ≥${p.minReady} ready endpoint(s)`,
  grade(evidence, params) {
    const env = environmentOf(evidence, params.environment);
    if (isFinding(env)) return env;
    const svc = liveObject(env, 'Service', params.service);
    if (!svc) return fail(`Service/${params.service} does not exist in ${env.namespace}.`, { expected: 'present', actual: 'absent' });
    const slices = liveObjects(env, 'EndpointSlice').filter((s) => (getPath(s, 'metadata.labels["kubernetes.io/service-name"]') as string | undefined) === params.service);
    const endpoints = slices.flatMap((s) => (getPath(s, 'endpoints') as { conditions?: { ready?: boolean } }[] | undefined) ?? []);
    const ready = endpoints.filter((e) => e.conditions?.ready === true).length;
    const actual = `${ready} ready of ${endpoints.length} endpoint(s)`;
    if (ready >= params.minReady) return pass(`Service/${params.service} has ${actual}.`, { actual });
    return fail(`Service/${params.service} has ${actual}.`, {
      expected: `at least ${params.minReady} ready endpoint(s)`,
      actual,
      why: endpoints.length === 0 ? `Its selector ${show(getPath(svc, 'spec.selector'))} matches no Pod: Synced and Healthy, yet every connection fails.` : 'Its Pods exist but are not Ready, so traffic has nowhere to go.',
      mismatches: [{ path: `Service/${params.service} endpoints`, got: actual, expected: `≥${params.minReady} ready` }],
    });
  },
});
