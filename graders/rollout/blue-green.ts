import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import { environmentOf, isFinding, liveObject, liveObjects } from '../lib/cluster.js';
import { getPath, show } from '../lib/object-path.js';
import type { EnvironmentClusterEvidence } from '../../harness/model/cluster-evidence.js';
import type { Mismatch } from '../../harness/model/result.js';
import { readRollout, strategyOf } from '../../harness/model/rollouts-status.js';

/** The label Argo Rollouts puts on a ReplicaSet's Pods and adds to the selectors of the Services it manages. */
const HASH = 'rollouts-pod-template-hash';

interface Served {
  readonly ready: number;
  /** Ready endpoints whose Pod is not of the expected ReplicaSet (or is not in the evidence), by Pod name. */
  readonly strangers: readonly string[];
}

/** The ready endpoints of a Service (its EndpointSlices), and which of them are not Pods of the ReplicaSet `hash`. */
function served(env: EnvironmentClusterEvidence, service: string, hash: string | undefined): Served {
  const pods = new Map(liveObjects(env, 'Pod').map((p) => [String(getPath(p, 'metadata.name')), p]));
  const endpoints = liveObjects(env, 'EndpointSlice')
    .filter((s) => getPath(s, 'metadata.labels["kubernetes.io/service-name"]') === service)
    .flatMap((s) => (getPath(s, 'endpoints') as { conditions?: { ready?: boolean }; targetRef?: { kind?: string; name?: string } }[] | undefined) ?? [])
    .filter((e) => e.conditions?.ready === true);
  const strangers = endpoints
    .filter((e) => {
      const pod = e.targetRef?.kind === 'Pod' ? pods.get(String(e.targetRef.name)) : undefined;
      return pod === undefined || getPath(pod, `metadata.labels["${HASH}"]`) !== hash;
    })
    .map((e) => String(e.targetRef?.name ?? '<no target>'));
  return { ready: endpoints.length, strangers };
}

export const rolloutBlueGreen = defineGrader({
  name: 'rollout.blue-green',
  boundary: 'rollout',
  summary:
    "A blue-green Rollout's Services serve the right ReplicaSets: the active Service the stable one, the preview Service the new one (awaiting promotion) or the stable one (fully promoted), each with ready endpoints that are Pods of that ReplicaSet.",
  params: z.strictObject({
    environment: z.string().min(1),
    rollout: z.string().min(1),
    /** true: a new ReplicaSet waits behind the preview Service (current != stable); false: fully promoted (current == stable). */
    awaitingPromotion: z.boolean(),
    /** The Service the Rollout must name as active (spec.strategy.blueGreen.activeService); absent: whichever it names. */
    activeService: z.string().min(1).optional(),
    /** The Service the Rollout must name as preview; absent: whichever it names. */
    previewService: z.string().min(1).optional(),
    /** Ready endpoints each Service needs. */
    minReady: z.number().int().positive().default(1),
  }),
  describe: (p) =>
    `Rollout/${p.rollout} in ${p.environment}: the active Service${p.activeService ? ` ${p.activeService}` : ''} serves the stable ReplicaSet, the preview Service${p.previewService ? ` ${p.previewService}` : ''} ${p.awaitingPromotion ? 'the new one, awaiting promotion' : 'the stable one too (fully promoted)'}`,
  grade(evidence, params) {
    const env = environmentOf(evidence, params.environment);
    if (isFinding(env)) return env;
    const id = `Rollout/${params.rollout}`;
    const live = liveObject(env, 'Rollout', params.rollout);
    if (!live) return fail(`${id} does not exist in ${env.namespace}.`, { expected: 'a blue-green Rollout', actual: 'absent' });
    const rollout = readRollout(live);
    const strategy = strategyOf(rollout);
    if (strategy !== 'blueGreen') return fail(`${id} is not a blue-green Rollout (strategy: ${strategy ?? 'none'}).`, { expected: 'blueGreen', actual: strategy ?? 'none' });
    const spec = rollout.spec.strategy.blueGreen as Record<string, unknown>;
    const named = (key: string): string | undefined => (typeof spec[key] === 'string' ? (spec[key] as string) : undefined);
    const active = named('activeService');
    const preview = named('previewService');
    const { status } = rollout;
    const stable = status.stableRS;
    const current = status.currentPodHash;
    const mismatches: Mismatch[] = [];

    if (params.activeService && active !== params.activeService) mismatches.push({ path: `${id} spec.strategy.blueGreen.activeService`, got: String(active), expected: params.activeService });
    if (params.previewService && preview !== params.previewService) mismatches.push({ path: `${id} spec.strategy.blueGreen.previewService`, got: String(preview), expected: params.previewService });
    if (params.awaitingPromotion && (current === undefined || current === stable)) {
      mismatches.push({ path: `${id} status.currentPodHash`, got: `${String(current)} (stableRS ${String(stable)})`, expected: 'a new ReplicaSet, not the stable one: a release awaiting promotion' });
    }
    if (!params.awaitingPromotion && current !== stable) {
      mismatches.push({ path: `${id} status.stableRS`, got: String(stable), expected: `${String(current)} (currentPodHash: fully promoted)` });
    }

    // Each Service: the hash the Rollout's status says it selects, the hash its live selector carries, and whose Pods answer.
    const roles = [
      { role: 'active', service: params.activeService ?? active, want: stable, says: status.blueGreen.activeSelector, key: 'activeSelector', of: 'the stable ReplicaSet' },
      { role: 'preview', service: params.previewService ?? preview, want: params.awaitingPromotion ? current : stable, says: status.blueGreen.previewSelector, key: 'previewSelector', of: params.awaitingPromotion ? 'the new ReplicaSet' : 'the stable ReplicaSet' },
    ] as const;
    const lines: string[] = [];
    for (const r of roles) {
      if (r.service === undefined) {
        mismatches.push({ path: `${id} spec.strategy.blueGreen.${r.role}Service`, got: 'absent', expected: `a ${r.role} Service` });
        continue;
      }
      if (r.says !== r.want) mismatches.push({ path: `${id} status.blueGreen.${r.key}`, got: String(r.says), expected: `${String(r.want)} (${r.of})` });
      const svc = liveObject(env, 'Service', r.service);
      if (!svc) {
        mismatches.push({ path: `Service/${r.service}`, got: 'absent', expected: `the ${r.role} Service` });
        continue;
      }
      const selector = (getPath(svc, 'spec.selector') ?? {}) as Record<string, unknown>;
      if (selector[HASH] !== r.want) mismatches.push({ path: `Service/${r.service} spec.selector["${HASH}"]`, got: String(selector[HASH]), expected: `${String(r.want)} (${r.of})` });
      const s = served(env, r.service, r.want);
      if (s.ready < params.minReady) {
        mismatches.push({ path: `Service/${r.service} endpoints`, got: `${s.ready} ready (selector ${show(selector)})`, expected: `≥${params.minReady} ready Pods of ${r.of}` });
      }
      if (s.strangers.length > 0) mismatches.push({ path: `Service/${r.service} endpoints`, got: `Pods not of ${String(r.want)}: ${s.strangers.join(', ')}`, expected: `only Pods of ${r.of}` });
      lines.push(`${r.role} Service/${r.service} serves ${String(r.want)} (${r.of}, ${s.ready} ready)`);
    }

    const state = params.awaitingPromotion ? 'awaiting promotion' : 'fully promoted';
    if (mismatches.length === 0) return pass(`${id}: ${lines.join('; ')}; ${state}.`);
    return fail(`${id} is not serving as a blue-green rollout ${state} should: ${mismatches.length} mismatch(es).`, {
      expected: `active Service on the stable ReplicaSet, preview Service on ${params.awaitingPromotion ? 'the new' : 'the stable'} one, each with ready endpoints`,
      actual: `stableRS ${String(stable)}, currentPodHash ${String(current)}, activeSelector ${String(status.blueGreen.activeSelector)}, previewSelector ${String(status.blueGreen.previewSelector)}`,
      why: 'Blue-green is verified through the preview Service before promotion, while the active Service keeps the users on the stable version; a Service that selects no Pods, or the wrong ReplicaSet, defeats both.',
      mismatches,
    });
  },
});
