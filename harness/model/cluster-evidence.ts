import { z } from 'zod';
import { Controller } from './boundary.js';

/**
 * Cluster evidence (live runs): per environment, the controller's registration objects and the live objects of
 * the namespace, listed once per kind; plus the changes recorded between hand-over and grading.
 */
const Obj = z.record(z.string(), z.unknown());

export const LIVE_KINDS = [
  'Deployment',
  'ReplicaSet',
  'Pod',
  'Service',
  'EndpointSlice',
  'Rollout',
  'AnalysisRun',
  'Job',
  'Event',
  'StatefulSet',
  'CronJob',
  'ConfigMap',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'Ingress',
] as const;
export type LiveKind = (typeof LIVE_KINDS)[number];

export const RecordedChange = z.object({
  at: z.string(),
  namespace: z.string(),
  kind: z.string(),
  name: z.string(),
  verb: z.string(),
  /**
   * Audit log: the user the API server authenticated (what decides `actor`). Watch: the managedFields manager
   * name, which the client chose (there is no authenticated user to record).
   */
  user: z.string(),
  /** Audit log: the user the request impersonated (`kubectl --as`); information only, never the actor. */
  impersonated: z.string().optional(),
  /** Chosen by the client: information only. */
  userAgent: z.string().optional(),
  /** Chosen by the client: information only (except on the watch, where it is all there is). */
  fieldManager: z.string().optional(),
  /**
   * Whether the change came from a controller or someone else (a person). Audit log: from the authenticated
   * identity. Watch: from the manager name, which a person can choose. 'harness' is not assigned any more (the
   * harness's own writes precede hand-over); older evidence may carry it.
   */
  actor: z.enum(['harness', 'controller', 'person']),
  source: z.enum(['audit', 'watch']),
  /**
   * Deployments, Rollouts and StatefulSets (and their scale subresource): spec.replicas as written (the object
   * after the write). Absent for other kinds, for deletions, and in evidence recorded before it was kept.
   */
  replicas: z.number().int().optional(),
  /** EndpointSlices: the Service they serve (label kubernetes.io/service-name), as written. */
  service: z.string().optional(),
  /** EndpointSlices: how many endpoints were ready as written (a missing `ready` counts as ready, as the API says). */
  readyEndpoints: z.number().int().nonnegative().optional(),
  /**
   * Audit log: the write changed nothing (the object's resourceVersion stayed what an earlier write in the log
   * left it at, as a controller's periodic no-op apply does). A watch never sees such writes.
   */
  noop: z.literal(true).optional(),
});
export type RecordedChange = z.infer<typeof RecordedChange>;

/** The change source whose actors are the API server's authenticated identities. */
export const AUDIT_SOURCE = 'kube-apiserver audit log (authenticated users)';
/**
 * The change source for clusters without a readable audit log, and why it is weaker: it sees only managedFields
 * manager names, which every client chooses (`kubectl patch --field-manager=argocd-controller`).
 */
export const WATCH_SOURCE = 'watch on the namespaces (managedFields manager names, chosen by each client: weaker than an audit log)';

export const EnvironmentClusterEvidence = z.object({
  namespace: z.string(),
  /** Argo CD: the Application; Flux: the Kustomization and its GitRepository. Absent: not registered. */
  application: Obj.optional(),
  kustomization: Obj.optional(),
  gitRepository: Obj.optional(),
  /** Flux, a registration that is a HelmRelease: it and the HelmChart helm-controller made (with the GitRepository). */
  helmRelease: Obj.optional(),
  helmChart: Obj.optional(),
  /**
   * The run's root for the environment (Argo CD: an Application; Flux: a Kustomization), which applies the
   * registration folder from Git: its refusal (a kind or destination its AppProject does not allow) is a sync error.
   * Absent in evidence recorded before it was kept.
   */
  root: Obj.optional(),
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
  /** Where changes were recorded from: AUDIT_SOURCE, WATCH_SOURCE (or older free text). */
  changeSources: z.array(z.string()),
});
export type ClusterEvidence = z.infer<typeof ClusterEvidence>;
