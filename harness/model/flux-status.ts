/**
 * Flux's Kustomization and GitRepository (and HelmRelease with its HelmChart) as the harness reads them: the adapter's settle decision
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

/** Flux's HelmRelease (helm.toolkit.fluxcd.io/v2, fluxcd/helm-controller api/v2/helmrelease_types.go). */
export const HelmRelease = section({
  metadata: section({ name: field(z.string()), namespace: field(z.string()), annotations: strings(), generation: field(z.number()) }),
  spec: field(
    section({
      suspend: field(z.boolean()),
      /** The chart: a directory of a source (here a GitRepository of the HelmRelease's namespace). */
      chart: section({
        spec: section({
          chart: field(z.string()),
          sourceRef: section({ kind: field(z.string()), name: field(z.string()), namespace: field(z.string()) }),
        }),
      }),
    }),
  ),
  status: section({
    ...fluxStatus,
    /** `<namespace>/<name>` of the HelmChart helm-controller made for it. */
    helmChart: field(z.string()),
    /** The chart version tried last (with reconcileStrategy Revision: `<version>+<sha12>.<n>`). */
    lastAttemptedRevision: field(z.string()),
    /** Release history, newest first: the chart version and digests each release was made from. */
    history: list(section({ chartVersion: field(z.string()), configDigest: field(z.string()), digest: field(z.string()), status: field(z.string()) })),
  }),
});
export type HelmRelease = z.infer<typeof HelmRelease>;

/** Flux's HelmChart (source.toolkit.fluxcd.io/v1), which source-controller builds from the GitRepository's artifact. */
export const HelmChart = section({
  metadata: section({ name: field(z.string()), namespace: field(z.string()), generation: field(z.number()) }),
  status: section({
    ...fluxStatus,
    /** The source revision the chart was built from: `<branch>@sha1:<sha>`. */
    observedSourceArtifactRevision: field(z.string()),
    /** The packaged chart: revision is its version. */
    artifact: section({ revision: field(z.string()) }),
  }),
});
export type HelmChart = z.infer<typeof HelmChart>;

/** The typed view of a HelmRelease; never throws, as readKustomization. */
export function readHelmRelease(obj: unknown): HelmRelease {
  return HelmRelease.parse(obj);
}

/**
 * helm-controller's refusal of a HelmRelease whose chart's source is in another namespace. Run with
 * `--no-cross-namespace-refs` (every provider here starts or installs it so), it will not make the HelmChart there,
 * and says so only in its log: its chart step returns an access-denied error before the release is reconciled, so the
 * HelmRelease gets no condition for it (fluxcd/helm-controller internal/acl and internal/reconcile/helmchart_template.go:
 * "cross-namespace references are not allowed: cannot access HelmChart <namespace>/<name>", the chart named
 * `<HelmRelease namespace>-<HelmRelease name>`). Read from the spec and the chart status.helmChart records: undefined
 * when the source is the HelmRelease's own namespace's, or when helm-controller made the chart there (a controller
 * without the lockdown).
 */
export function helmChartRefusal(hr: HelmRelease): HelmChartRefusal | undefined {
  const { name, namespace } = hr.metadata;
  const sourceNamespace = hr.spec?.chart.spec.sourceRef.namespace;
  if (!name || !namespace || !sourceNamespace || sourceNamespace === namespace) return undefined;
  const chart = `${sourceNamespace}/${namespace}-${name}`;
  if (hr.status.helmChart === chart) return undefined;
  return { message: `cross-namespace references are not allowed: cannot access HelmChart ${chart}`, namespace, sourceNamespace };
}

/** What helmChartRefusal found: helm-controller's words, the HelmRelease's namespace and the one its chart's source names. */
export interface HelmChartRefusal {
  readonly message: string;
  readonly namespace: string;
  readonly sourceNamespace: string;
}

/** The typed view of a HelmChart; never throws, as readKustomization. */
export function readHelmChart(obj: unknown): HelmChart {
  return HelmChart.parse(obj);
}

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
export const fluxCondition = (obj: Kustomization | GitRepository | HelmRelease | HelmChart, type: string): Condition | undefined => conditionOf(obj.status.conditions, type);
