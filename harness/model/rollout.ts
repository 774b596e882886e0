/**
 * Whether a Deployment has rolled out, from its spec and status alone (pure; no client). One reading for the
 * runner's waits: `ready` when every wanted replica runs the current template and is ready; `rolledOut` when,
 * besides, the controller has seen the latest generation and no replica of an older template is left.
 */

/** The fields of a Deployment this reads (a KubeObject or recorded evidence both fit). */
export interface DeploymentLike {
  readonly metadata?: { readonly name?: string; readonly generation?: number };
  readonly [k: string]: unknown;
}

export interface Rollout {
  /** spec.replicas (default 1). */
  readonly want: number;
  readonly updated: number;
  readonly ready: number;
  readonly replicas: number;
  /** status.observedGeneration equals metadata.generation. */
  readonly observed: boolean;
  /** Every wanted replica is updated and ready. */
  readonly isReady: boolean;
  /** isReady, the latest generation observed, and exactly `want` replicas (none of an older template left). */
  readonly rolledOut: boolean;
  /** `name: ready 1/2, updated 2/2, replicas 3` for a last-state line. */
  readonly state: string;
}

export function deploymentRollout(d: DeploymentLike): Rollout {
  const s = (d['status'] ?? {}) as { readyReplicas?: number; updatedReplicas?: number; replicas?: number; observedGeneration?: number };
  const want = Number((d['spec'] as { replicas?: number } | undefined)?.replicas ?? 1);
  const updated = s.updatedReplicas ?? 0;
  const ready = s.readyReplicas ?? 0;
  const replicas = s.replicas ?? 0;
  const observed = s.observedGeneration === d.metadata?.generation;
  const isReady = updated === want && ready === want;
  return {
    want,
    updated,
    ready,
    replicas,
    observed,
    isReady,
    rolledOut: isReady && observed && replicas === want,
    state: `${d.metadata?.name ?? '?'}: ready ${ready}/${want}, updated ${updated}/${want}, replicas ${replicas}${observed ? '' : ', generation not observed yet'}`,
  };
}
