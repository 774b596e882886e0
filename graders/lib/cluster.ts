import { z } from 'zod';
import { LIVE_KINDS, type EnvironmentClusterEvidence, type RecordedChange } from '../../harness/model/cluster-evidence.js';
import type { Evidence } from '../../harness/model/evidence.js';
import { Condition, conditionOf, list } from '../../harness/model/kube-status.js';
import { cannotJudge, type Finding } from '../grader.js';
import { getPath } from './object-path.js';
import { nameOf, type K8sObject } from './render.js';

/** The cluster evidence of one environment, or the `error` finding that says why there is none. */
export function environmentOf(evidence: Evidence, environment: string): EnvironmentClusterEvidence | Finding {
  const cluster = evidence.cluster;
  if (!cluster) return cannotJudge('There is no cluster evidence: this boundary needs a live run.');
  const env = cluster.environments[environment];
  if (!env) return cannotJudge(`The cluster evidence has no environment "${environment}".`);
  return env;
}

export function isFinding(x: unknown): x is Finding {
  return typeof x === 'object' && x !== null && 'status' in x && 'message' in x && !('objects' in x);
}

/**
 * Whether the evidence lists the kind at all: evidence recorded before a kind was collected (StatefulSet, CronJob,
 * ConfigMap, HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicy and Ingress since 2026-12) has no list
 * for it, which is not the same as an empty namespace.
 */
export function collected(env: EnvironmentClusterEvidence, kind: string): boolean {
  return Object.hasOwn(env.objects, kind);
}

export function liveObjects(env: EnvironmentClusterEvidence, kind: string): K8sObject[] {
  return env.objects[kind] ?? [];
}

export function liveObject(env: EnvironmentClusterEvidence, kind: string, name: string): K8sObject | undefined {
  return liveObjects(env, kind).find((o) => nameOf(o) === name);
}

export type { Condition };
const Conditions = list(Condition);

/**
 * An object's status.conditions, read as the controller status models read them (harness/model/kube-status.ts):
 * [] when absent or not a list, conditions without a string type left out, fields of the wrong type absent.
 */
export function conditionsOf(obj: K8sObject | undefined): Condition[] {
  return Conditions.parse(getPath(obj, 'status.conditions'));
}

export function condition(obj: K8sObject | undefined, type: string): Condition | undefined {
  return conditionOf(conditionsOf(obj), type);
}

export const short = (sha: string | undefined): string => (sha ? sha.slice(0, 7) : '<none>');

/** Pods owned (through ReplicaSets) by a Deployment or Rollout, matched by its label selector. */
export function podsOf(env: EnvironmentClusterEvidence, workload: K8sObject): K8sObject[] {
  const selector = (getPath(workload, 'spec.selector.matchLabels') ?? {}) as Record<string, string>;
  return liveObjects(env, 'Pod').filter((p) => {
    const labels = (getPath(p, 'metadata.labels') ?? {}) as Record<string, string>;
    return Object.entries(selector).every(([k, v]) => labels[k] === v) && getPath(p, 'metadata.deletionTimestamp') === undefined;
  });
}

/**
 * A kind the live collector lists. A check on any other kind would judge evidence that is never collected
 * (`live.absent` of a ConfigMap would pass whatever the cluster holds), so lint refuses it by name.
 */
export const CollectedKind = z.enum(LIVE_KINDS, { error: (issue) => `"${String(issue.input)}" is not collected as live evidence (collected: ${LIVE_KINDS.join(', ')})` });

/**
 * Who made a change: the identity the API server authenticated (audit log), with what the client claimed
 * (field manager, user agent, impersonation) alongside as information; on the watch, only the claimed manager.
 */
export function who(c: RecordedChange): string {
  if (c.source === 'watch') return `field manager ${c.fieldManager ?? c.user} (claimed by the client)`;
  const claimed = [c.fieldManager && `field manager ${c.fieldManager}`, c.userAgent && `agent ${c.userAgent.split(' ')[0]}`, c.impersonated && `as ${c.impersonated}`].filter(Boolean);
  return `${c.user}${claimed.length > 0 ? ` (${claimed.join(', ')})` : ''}`;
}
