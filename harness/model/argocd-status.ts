/**
 * An Argo CD Application as the harness reads it: the adapter's settle decision (controllers/argocd.ts) and the
 * sync graders read it through readApplication, and nowhere else. Only the fields they read are named; field names
 * from argoproj/argo-cd pkg/apis/application/v1alpha1/types.go (ApplicationStatus, OperationState,
 * SyncOperationResult, SyncPolicyAutomated) and the Applications recorded in test/fixtures/live/.
 */
import { z } from 'zod';
import { Condition, field, list, Metadata, presence, section } from './kube-status.js';

/** The annotation that asks Argo CD to compare now (any value but `hard` is a normal refresh); the controller removes it once done. */
export const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';

/** An operation (the top-level `operation` request, or its echo in status.operationState.operation). */
const Operation = z.looseObject({
  /** Absent for an operation that is not a sync; `revision` is absent when the sync takes the target revision (as `sync` of the adapter asks). */
  sync: section({ revision: field(z.string()) }),
});

export const ApplicationStatus = section({
  /** status: Synced, OutOfSync or Unknown; revision: the full sha compared. */
  sync: section({ status: field(z.string()), revision: field(z.string()) }),
  /** Healthy, Progressing, Degraded, Suspended, Missing or Unknown. */
  health: section({ status: field(z.string()) }),
  /** The last (or running) operation. */
  operationState: section({
    /** Running, Terminating, Failed, Error or Succeeded. */
    phase: field(z.string()),
    /** Typically the error; while a failed sync waits to be retried: `<error>. Retrying attempt #<n> at <time>.` */
    message: field(z.string()),
    /** How many times the operation was put back to Running after it failed (absent: never). */
    retryCount: field(z.number()),
    /** The operation as requested. */
    operation: field(Operation),
    /** revision: the sha the sync resolved and applied (or tried to). */
    syncResult: section({ revision: field(z.string()) }),
  }),
  /** Application conditions have type, message and lastTransitionTime (no status or reason); a type ending in "Error" is an error. */
  conditions: list(Condition),
  /** Managed objects: their sync status and whether only pruning would bring them in sync. */
  resources: list(z.looseObject({ kind: field(z.string()), name: field(z.string()), status: field(z.string()), requiresPruning: field(z.boolean()) })),
  /** When the Application was last compared with Git. */
  reconciledAt: field(z.string()),
});

export const Application = section({
  metadata: Metadata,
  spec: section({
    syncPolicy: section({
      /** Present (an object) when automated sync is on, unless `enabled` is false; null or absent when off. */
      automated: presence({ enabled: field(z.boolean()), prune: field(z.boolean()), selfHeal: field(z.boolean()) }),
    }),
  }),
  /** A requested operation: present until the controller has finished it (including while it waits to retry). */
  operation: field(Operation),
  status: ApplicationStatus,
});
export type Application = z.infer<typeof Application>;

/**
 * The typed view of an Application (a KubeObject, recorded evidence, or anything else). It never throws: a missing
 * object, status or field reads as absent (nested objects as `{}`, lists as `[]`), a field of the wrong type reads
 * as absent too, and fields not named here are kept.
 */
export function readApplication(obj: unknown): Application {
  return Application.parse(obj);
}

/** Automated sync is on: `spec.syncPolicy.automated` is an object whose `enabled` is not false. */
export const automatedSync = (app: Application): boolean => app.spec.syncPolicy.automated !== undefined && app.spec.syncPolicy.automated.enabled !== false;

/** The Application's error conditions (a type ending in "Error"), in their order. */
export const errorConditions = (app: Application): Condition[] => app.status.conditions.filter((c) => c.type.endsWith('Error'));

/**
 * After how many retries of a failing sync of the pushed commit its error counts as the answer. Argo CD counts a
 * retry as soon as it schedules one (retryCount 1 comes with "Retrying attempt #1"): waiting for the second lets a
 * failure that one retry cures (an object applied before its namespace) cure itself, at the cost of one backoff
 * (about 5 s with the lab's retry policy).
 */
export const RETRIES_BEFORE_ANSWER = 2;
