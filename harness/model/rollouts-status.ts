/**
 * An Argo Rollouts Rollout (argoproj.io/v1alpha1) as the harness reads it: the rollout graders (graders/rollout/)
 * read it through readRollout, and nowhere else. Only the fields they read are named; field names from
 * argoproj/argo-rollouts pkg/apis/rollouts/v1alpha1/types.go (RolloutStatus, PauseCondition, CanaryStatus,
 * BlueGreenStatus, RolloutAnalysisRunStatus, RolloutCondition) and the Rollouts recorded in test/fixtures/live/
 * (canary-failed-analysis).
 */
import { z } from 'zod';
import { Condition, conditionOf, field, list, Metadata, presence, section } from './kube-status.js';

/** An AnalysisRun's outcome as the Rollout echoes it; absent when there is no such run. */
const AnalysisRunStatus = presence({
  /** The AnalysisRun's name (`<rollout>-<pod hash>-<revision>[-<step>]`). */
  name: field(z.string()),
  /** Its phase: Pending, Running, Successful, Failed, Error or Inconclusive. */
  status: field(z.string()),
  /** Why, when it did not succeed: `Metric "smoke-test" assessed Failed due to failed (1) > failureLimit (0)`. */
  message: field(z.string()),
});

/** Why the controller paused the Rollout, and since when. A pause condition without a string `reason` is left out of its list. */
const PauseCondition = z.looseObject({
  /** InconclusiveAnalysisRun, InconclusiveExperiment, CanaryPauseStep or BlueGreenPause. */
  reason: z.string(),
  startTime: field(z.string()),
});
export type PauseCondition = z.infer<typeof PauseCondition>;

/** A container of the pod template: the harness reads its image. */
const Container = z.looseObject({ name: field(z.string()), image: field(z.string()) });

export const RolloutStatus = section({
  /** Healthy, Progressing, Paused or Degraded (computed by the controller since v1.0). */
  phase: field(z.string()),
  /** Why it is in its phase, `<reason>: <message>` (e.g. `RolloutAborted: Rollout aborted update to revision 2: ...`); absent when Healthy. */
  message: field(z.string()),
  /** True once the update was aborted (by a failed analysis, or `kubectl argo rollouts abort`); absent otherwise. */
  abort: field(z.boolean()),
  /** When the controller reconciled the abort. */
  abortedAt: field(z.string()),
  /** Why the controller paused it; [] when it is not paused by the controller. */
  pauseConditions: list(PauseCondition),
  /** The hash of the current pod template: the new ReplicaSet's while an update is under way. */
  currentPodHash: field(z.string()),
  /** The hash of the ReplicaSet that rolled out successfully; equal to currentPodHash when fully promoted. */
  stableRS: field(z.string()),
  /** The canary step it is on (0-based; the number of steps once all are done); absent before the first reconcile and for blueGreen. */
  currentStepIndex: field(z.number().int()),
  /** Rollout conditions (InvalidSpec, Available, Progressing, ReplicaFailure, Paused, Completed, Healthy), each with type, status, reason and message. */
  conditions: list(Condition),
  /** The canary strategy's state: the AnalysisRuns of the current step and in the background. */
  canary: section({ currentStepAnalysisRunStatus: AnalysisRunStatus, currentBackgroundAnalysisRunStatus: AnalysisRunStatus }),
  /** The blueGreen strategy's state: which ReplicaSet hash the active and the preview Service select. */
  blueGreen: section({ activeSelector: field(z.string()), previewSelector: field(z.string()) }),
});

export const Rollout = section({
  metadata: Metadata,
  spec: section({
    /** One of canary or blueGreen, each an object (its steps, services, analysis, ... kept as written); the other absent. */
    strategy: section({ canary: presence({}), blueGreen: presence({}) }),
    /** The pod template; containers that are not objects are left out. */
    template: section({ spec: section({ containers: list(Container) }) }),
  }),
  status: RolloutStatus,
});
export type Rollout = z.infer<typeof Rollout>;

/**
 * The typed view of a Rollout (a KubeObject, recorded evidence, or anything else). It never throws: a missing
 * object, status or field reads as absent (nested objects as `{}`, lists as `[]`), a field of the wrong type reads
 * as absent too, and fields not named here are kept.
 */
export function readRollout(obj: unknown): Rollout {
  return Rollout.parse(obj);
}

/** The image of the pod template's first container (the one the rollout graders judge), if it has one. */
export const firstImage = (r: Rollout): string | undefined => r.spec.template.spec.containers[0]?.image;

/** The strategy the spec names: canary, blueGreen, or undefined when it names neither. */
export const strategyOf = (r: Rollout): 'canary' | 'blueGreen' | undefined =>
  r.spec.strategy.canary !== undefined ? 'canary' : r.spec.strategy.blueGreen !== undefined ? 'blueGreen' : undefined;

/** A Rollout's condition of a type (Progressing, Healthy, Paused, ...), if it has one. */
export const rolloutCondition = (r: Rollout, type: string): Condition | undefined => conditionOf(r.status.conditions, type);
