import { z } from 'zod';

/**
 * The course's state model: six boundaries, in the order a good engineer debugs them.
 * Every check belongs to exactly one; every report leads with the first that fails.
 */
export const BOUNDARIES = ['git', 'render', 'sync', 'live', 'health', 'rollout'] as const;
export const Boundary = z.enum(BOUNDARIES);
export type Boundary = z.infer<typeof Boundary>;

export const BOUNDARY_QUESTIONS: Readonly<Record<Boundary, string>> = {
  git: 'Does Git hold the intended change, in the right file and layer?',
  render: 'Do the rendered manifests say what was intended, and did only the intended environment change?',
  sync: 'Has the controller reconciled the intended revision, without errors?',
  live: 'Do live objects match desired state, with nothing changed behind Git\'s back?',
  health: 'Are the workloads usable?',
  rollout: 'Did progressive delivery move, pause or abort as it should?',
};

/** Boundaries that can be judged without a cluster. */
export const OFFLINE_BOUNDARIES: readonly Boundary[] = ['git', 'render'];

export function boundaryRank(b: Boundary): number {
  return BOUNDARIES.indexOf(b);
}

export const Controller = z.enum(['argocd', 'flux']);
export type Controller = z.infer<typeof Controller>;
