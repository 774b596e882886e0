import { z } from 'zod';
import { Controller } from './boundary.js';

/**
 * Cluster evidence (live runs): per environment, the controller's registration objects and the live objects of
 * the namespace, listed once per kind; plus the changes recorded between hand-over and grading.
 */
const Obj = z.record(z.string(), z.unknown());

export const LIVE_KINDS = ['Deployment', 'ReplicaSet', 'Pod', 'Service', 'EndpointSlice', 'Rollout', 'AnalysisRun', 'Job', 'Event'] as const;
export type LiveKind = (typeof LIVE_KINDS)[number];

export const RecordedChange = z.object({
  at: z.string(),
  namespace: z.string(),
  kind: z.string(),
  name: z.string(),
  verb: z.string(),
  /** The authenticated user (audit log) or the field manager (watch). */
  user: z.string(),
  userAgent: z.string().optional(),
  fieldManager: z.string().optional(),
  /** Whether the change came from the harness, a controller, or someone else (a person). */
  actor: z.enum(['harness', 'controller', 'person']),
  source: z.enum(['audit', 'watch']),
});
export type RecordedChange = z.infer<typeof RecordedChange>;

export const EnvironmentClusterEvidence = z.object({
  namespace: z.string(),
  /** Argo CD: the Application; Flux: the Kustomization and its GitRepository. Absent: not registered. */
  application: Obj.optional(),
  kustomization: Obj.optional(),
  gitRepository: Obj.optional(),
  objects: z.record(z.string(), z.array(Obj)),
});
export type EnvironmentClusterEvidence = z.infer<typeof EnvironmentClusterEvidence>;

export const ClusterEvidence = z.object({
  controller: Controller,
  collectedAt: z.string(),
  /** When the broken state was handed over: changes after this instant are the learner's (or controllers'). */
  handoverAt: z.string(),
  environments: z.record(z.string(), EnvironmentClusterEvidence),
  changes: z.array(RecordedChange),
  /** Where changes were recorded from, e.g. "kube-apiserver audit log". */
  changeSources: z.array(z.string()),
});
export type ClusterEvidence = z.infer<typeof ClusterEvidence>;
