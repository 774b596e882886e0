import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { findObject, nameOf, renderOf, type K8sObject } from '../lib/render.js';
import { getPath, show } from '../lib/object-path.js';

const WORKLOAD_KINDS = new Set(['Deployment', 'Rollout', 'StatefulSet', 'DaemonSet']);

export const selectorMatches = defineGrader({
  name: 'render.selector-matches',
  boundary: 'render',
  summary: "A Service's selector matches the Pod template labels of a workload in the same render.",
  params: z.strictObject({ environment: z.string().min(1), service: z.string().min(1), workload: z.string().min(1).optional() }),
  describe: (p) => `${p.environment} Service/${p.service} selects ${p.workload ? `${p.workload}'s` : 'a workload\'s'} Pods`,
  grade(evidence, params) {
    const env = renderOf(evidence, params.environment);
    if (!env) return cannotJudge(`The evidence has no render for "${params.environment}".`);
    if (!env.head.ok) return fail(`${params.environment} does not render.`, { actual: env.head.error.split('\n')[0] ?? '' });
    const svc = findObject(env.head.objects, 'Service', params.service);
    if (!svc) return fail(`Service/${params.service} is not in the ${params.environment} render.`, { expected: 'present', actual: 'absent' });
    const selector = (getPath(svc, 'spec.selector') ?? {}) as Record<string, string>;
    const workloads = env.head.objects.filter(
      (o: K8sObject) => WORKLOAD_KINDS.has(String(o['kind'])) && (!params.workload || nameOf(o) === params.workload),
    );
    if (Object.keys(selector).length === 0) {
      return fail(`Service/${params.service} has no selector.`, { expected: 'a selector matching the Pod labels', actual: '{}' });
    }
    const candidates = workloads.map((w) => ({ w, labels: (getPath(w, 'spec.template.metadata.labels') ?? {}) as Record<string, string> }));
    const match = candidates.find(({ labels }) => Object.entries(selector).every(([k, v]) => labels[k] === v));
    if (match) return pass(`Service/${params.service} selects ${String(match.w['kind'])}/${nameOf(match.w)}'s Pods.`);
    const nearest = candidates[0];
    const mismatches = nearest
      ? Object.entries(selector)
          .filter(([k, v]) => nearest.labels[k] !== v)
          .map(([k, v]) => ({ path: `selector ${k}`, got: show(v), expected: show(nearest.labels[k]) }))
      : [];
    return fail(`Service/${params.service}'s selector matches no Pod template in ${params.environment}.`, {
      expected: nearest ? `selector ⊆ ${show(nearest.labels)}` : 'a workload to select',
      actual: show(selector),
      why: 'A Service with no matching Pods has no endpoints: Synced and Healthy, yet every connection fails.',
      mismatches,
    });
  },
});
