/**
 * Who changed what: kube-apiserver audit events (JSON lines) turned into RecordedChanges for the
 * environments' namespaces. Flux and Argo CD fold kubectl's field managers into their own, so managedFields
 * read after the fact cannot prove a bypass; the audit log written as it happened can.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RecordedChange } from '../model/cluster-evidence.js';

interface AuditEvent {
  readonly stage?: string;
  readonly verb?: string;
  readonly requestURI?: string;
  readonly user?: { readonly username?: string };
  readonly userAgent?: string;
  readonly objectRef?: { readonly resource?: string; readonly namespace?: string; readonly name?: string; readonly subresource?: string };
  readonly responseStatus?: { readonly code?: number };
  readonly requestReceivedTimestamp?: string;
}

const MUTATING = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

const KINDS: Readonly<Record<string, string>> = {
  deployments: 'Deployment',
  replicasets: 'ReplicaSet',
  pods: 'Pod',
  services: 'Service',
  endpointslices: 'EndpointSlice',
  rollouts: 'Rollout',
  analysisruns: 'AnalysisRun',
  jobs: 'Job',
  configmaps: 'ConfigMap',
  secrets: 'Secret',
  namespaces: 'Namespace',
  serviceaccounts: 'ServiceAccount',
  roles: 'Role',
  rolebindings: 'RoleBinding',
};

/** User agents and field managers of the controllers that legitimately change objects. */
const CONTROLLER_AGENTS = /^(argocd-application-controller|argocd-controller|argocd|kustomize-controller|source-controller|argo-rollouts|rollouts-controller|kube-controller-manager|kube-scheduler|kwok)/;

export function classifyActor(user: string, userAgent: string, fieldManager: string | undefined): RecordedChange['actor'] {
  if (fieldManager?.startsWith('gitops-lab')) return 'harness';
  if (user.startsWith('system:') || CONTROLLER_AGENTS.test(userAgent) || (fieldManager !== undefined && CONTROLLER_AGENTS.test(fieldManager))) {
    return 'controller';
  }
  return 'person';
}

export function changeFromAudit(e: AuditEvent, namespaces: ReadonlySet<string>): RecordedChange | undefined {
  const ref = e.objectRef;
  if (e.stage !== 'ResponseComplete' || !e.verb || !MUTATING.has(e.verb) || !ref?.namespace || !namespaces.has(ref.namespace)) return undefined;
  if ((e.responseStatus?.code ?? 0) >= 400) return undefined;
  // Status written by controllers is not a change of desired state.
  if (ref.subresource === 'status') return undefined;
  const fieldManager = e.requestURI ? new URL(e.requestURI, 'http://x').searchParams.get('fieldManager') ?? undefined : undefined;
  const user = e.user?.username ?? 'unknown';
  const userAgent = e.userAgent ?? '';
  return {
    at: e.requestReceivedTimestamp ?? '',
    namespace: ref.namespace,
    kind: KINDS[ref.resource ?? ''] ?? ref.resource ?? 'unknown',
    name: ref.name ?? '',
    verb: ref.subresource ? `${e.verb} ${ref.subresource}` : e.verb,
    user,
    ...(userAgent ? { userAgent } : {}),
    ...(fieldManager ? { fieldManager } : {}),
    actor: classifyActor(user, userAgent, fieldManager),
    source: 'audit',
  };
}

/** Reads an audit log, keeping changes to the given namespaces since `since` (ISO time). */
export async function readAuditChanges(file: string, namespaces: ReadonlySet<string>, since: string): Promise<RecordedChange[]> {
  const out: RecordedChange[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const needles = [...namespaces].map((n) => `"namespace":"${n}"`);
  for await (const line of lines) {
    // Cheap prefilter: most of the log is other namespaces and read traffic.
    if (!needles.some((n) => line.includes(n))) continue;
    let event: AuditEvent;
    try {
      event = JSON.parse(line) as AuditEvent;
    } catch {
      continue; // a line being written right now
    }
    const change = changeFromAudit(event, namespaces);
    if (change && change.at >= since) out.push(change);
  }
  return out;
}
