/**
 * Flux's Kustomization and GitRepository as the harness reads them: the adapter's settle decision
 * (controllers/flux.ts) and the sync graders read them through readKustomization and readGitRepository, and
 * nowhere else. Only the fields they read are named; field names from fluxcd/kustomize-controller
 * api/v1/kustomization_types.go, fluxcd/source-controller api/v1/gitrepository_types.go, fluxcd/pkg apis/meta
 * (conditions, artifact, reconcile annotation) and the objects recorded in test/fixtures/live/.
 */
import { z } from 'zod';
import { Condition, conditionOf, field, list, Metadata, section, strings } from './kube-status.js';

/** The annotation that asks a Flux controller to reconcile now; it copies the value it acted on to status.lastHandledReconcileAt. */
export const RECONCILE_ANNOTATION = 'reconcile.fluxcd.io/requestedAt';

/** What every Flux object's status has: kstatus conditions (Ready, Reconciling, Stalled, Healthy, ...) and the last handled request. */
const fluxStatus = {
  conditions: list(Condition),
  lastHandledReconcileAt: field(z.string()),
  observedGeneration: field(z.number()),
};

export const Kustomization = section({
  metadata: Metadata,
  /** Absent only on an object without spec (never as the API server serves it). */
  spec: field(
    section({
      suspend: field(z.boolean()),
      /** The source it applies (a GitRepository in the same namespace unless it says otherwise). */
      sourceRef: section({ kind: field(z.string()), name: field(z.string()), namespace: field(z.string()) }),
    }),
  ),
  status: section({
    ...fluxStatus,
    /** The last source revision applied successfully: `<branch>@sha1:<sha>`. */
    lastAppliedRevision: field(z.string()),
    /** The last source revision tried; differs from lastAppliedRevision when the newest failed. */
    lastAttemptedRevision: field(z.string()),
  }),
});
export type Kustomization = z.infer<typeof Kustomization>;

export const GitRepository = section({
  metadata: section({ name: field(z.string()), namespace: field(z.string()), annotations: strings(), generation: field(z.number()) }),
  /** Absent only on an object without spec (never as the API server serves it). */
  spec: field(
    section({
      suspend: field(z.boolean()),
      url: field(z.string()),
      /** Which commit to fetch: a branch's head, or a tag, semver range, ref name or commit. */
      ref: section({ branch: field(z.string()), tag: field(z.string()), semver: field(z.string()), name: field(z.string()), commit: field(z.string()) }),
    }),
  ),
  status: section({
    ...fluxStatus,
    /** The artifact fetched last: revision `<branch>@sha1:<sha>`. */
    artifact: section({ revision: field(z.string()) }),
  }),
});
export type GitRepository = z.infer<typeof GitRepository>;

/**
 * The typed view of a Kustomization (a KubeObject, recorded evidence, or anything else). It never throws: a missing
 * object, status or field reads as absent (nested objects as `{}`, conditions as `[]`), a field of the wrong type
 * reads as absent too, and fields not named here are kept.
 */
export function readKustomization(obj: unknown): Kustomization {
  return Kustomization.parse(obj);
}

/** The typed view of a GitRepository; never throws, as readKustomization. */
export function readGitRepository(obj: unknown): GitRepository {
  return GitRepository.parse(obj);
}

/**
 * The commit sha of a revision: Flux writes `<branch>@sha1:<sha>` (or `sha1:<sha>`), Argo CD the bare sha.
 * Undefined for an empty or non-string revision; a revision that does not end in a sha reads as written.
 */
export function shaOfRevision(revision: unknown): string | undefined {
  if (typeof revision !== 'string' || revision === '') return undefined;
  const m = /([0-9a-f]{40})$/.exec(revision);
  return m ? m[1] : revision;
}

/** A Flux object's condition of a type (Ready, Reconciling, Stalled, Healthy, ...), if it has one. */
export const fluxCondition = (obj: Kustomization | GitRepository, type: string): Condition | undefined => conditionOf(obj.status.conditions, type);
