/**
 * Cluster evidence through client-node: one list call per kind and namespace (never one process per
 * object), the controller's registration objects, and the changes recorded since hand-over.
 */
import { existsSync } from 'node:fs';
import type { ControllerAdapter, RegistrationRef } from '../controllers/adapter.js';
import type { KubeClient, KubeObject } from '../kube/client.js';
import { AUDIT_SOURCE, LIVE_KINDS, WATCH_SOURCE, type ClusterEvidence, type LiveKind } from '../model/cluster-evidence.js';
import { LabError } from '../errors.js';
import { readAuditChanges, type AuditPosition } from './audit.js';
import { readRecordedChanges } from './watch-recorder.js';
import { redactValue } from '../results/redact.js';

export const API_VERSIONS: Readonly<Record<LiveKind, string>> = {
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Pod: 'v1',
  Service: 'v1',
  EndpointSlice: 'discovery.k8s.io/v1',
  Rollout: 'argoproj.io/v1alpha1',
  AnalysisRun: 'argoproj.io/v1alpha1',
  Job: 'batch/v1',
  Event: 'v1',
  StatefulSet: 'apps/v1',
  CronJob: 'batch/v1',
  ConfigMap: 'v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  PodDisruptionBudget: 'policy/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  Ingress: 'networking.k8s.io/v1',
};

export interface ClusterEvidenceInput {
  readonly kube: KubeClient;
  readonly adapter: ControllerAdapter;
  /** Environment -> namespace and the registration (from Git), for the environments seeded live. */
  readonly environments: Readonly<Record<string, { readonly namespace: string; readonly registration: RegistrationRef | undefined }>>;
  readonly handoverAt: string;
  /** The run: its roots (which apply the registration folders) are read too. */
  readonly runId?: string;
  readonly auditLog?: string;
  /** Where the run began in the audit log (read from there). */
  readonly auditLogFrom?: AuditPosition;
  /** The watch recorder's file, where there is no audit log. */
  readonly recorderFile?: string;
  readonly now?: () => Date;
}

async function listOrEmpty(kube: KubeClient, kind: LiveKind, namespace: string): Promise<KubeObject[]> {
  try {
    return await kube.list(API_VERSIONS[kind], kind, { namespace });
  } catch (error) {
    // A kind whose CRD is not installed (Argo Rollouts without the controller) simply has no objects.
    if (error instanceof LabError && error.code === 'NOT_FOUND') return [];
    throw error;
  }
}

export async function collectClusterEvidence(input: ClusterEvidenceInput): Promise<ClusterEvidence> {
  const { kube, adapter } = input;
  const envEntries = await Promise.all(
    Object.entries(input.environments).map(async ([name, env]) => {
      const lists = await Promise.all(LIVE_KINDS.map(async (kind) => [kind, (await listOrEmpty(kube, kind, env.namespace)).map((o) => redactValue(o) as Record<string, unknown>)] as const));
      const registration = env.registration ? await adapter.read(kube, env.registration) : {};
      const rootState = input.runId ? await adapter.read(kube, { name: adapter.rootName(input.runId, name) }) : {};
      const root = rootState.application ?? rootState.kustomization;
      return [
        name,
        {
          namespace: env.namespace,
          ...(registration.application ? { application: registration.application } : {}),
          ...(registration.kustomization ? { kustomization: registration.kustomization } : {}),
          ...(registration.gitRepository ? { gitRepository: registration.gitRepository } : {}),
          ...(registration.helmRelease ? { helmRelease: registration.helmRelease } : {}),
          ...(registration.helmChart ? { helmChart: registration.helmChart } : {}),
          ...(root ? { root } : {}),
          objects: Object.fromEntries(lists),
        },
      ] as const;
    }),
  );
  const namespaces = new Set(Object.values(input.environments).map((e) => e.namespace));
  const audit = input.auditLog && existsSync(input.auditLog) ? input.auditLog : undefined;
  const watched = !audit && input.recorderFile ? input.recorderFile : undefined;
  const changes = audit ? await readAuditChanges(audit, namespaces, input.handoverAt, input.auditLogFrom) : watched ? readRecordedChanges(watched, input.handoverAt) : [];
  return {
    controller: adapter.name,
    collectedAt: (input.now?.() ?? new Date()).toISOString(),
    handoverAt: input.handoverAt,
    environments: Object.fromEntries(envEntries),
    changes,
    changeSources: audit ? [AUDIT_SOURCE] : watched ? [WATCH_SOURCE] : [],
  };
}
