/**
 * Who changed what: kube-apiserver audit events (JSON lines) turned into RecordedChanges for the
 * environments' namespaces, attributed to the identity the API server authenticated. Flux and Argo CD fold
 * kubectl's field managers into their own, and any client can name its field manager after a controller, so
 * managedFields prove nothing; the audit log's authenticated user, written as it happened, can.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { RecordedChange } from '../model/cluster-evidence.js';
import { REFRESH_ANNOTATION } from '../model/argocd-status.js';
import { RECONCILE_ANNOTATION } from '../model/flux-status.js';
import { CONTROL_PLANE_IDENTITIES, CONTROLLER_IDENTITIES, serviceAccountUser } from '../providers/identities.js';

export interface AuditEvent {
  readonly stage?: string;
  readonly verb?: string;
  readonly requestURI?: string;
  readonly user?: { readonly username?: string; readonly groups?: readonly string[] };
  readonly impersonatedUser?: { readonly username?: string };
  readonly userAgent?: string;
  readonly objectRef?: { readonly resource?: string; readonly namespace?: string; readonly name?: string; readonly subresource?: string };
  readonly responseStatus?: { readonly code?: number };
  readonly requestReceivedTimestamp?: string;
  /** At RequestResponse level (the local provider's policy for every write): the request's body. */
  readonly requestObject?: unknown;
  /** At RequestResponse level: the object as written (for the scale subresource, the Scale). */
  readonly responseObject?: unknown;
}

/** What a written object says about the bounds graders check: its replica count, or an EndpointSlice's readiness. */
interface WrittenObject {
  readonly kind?: string;
  readonly metadata?: { readonly resourceVersion?: string; readonly labels?: Readonly<Record<string, unknown>> };
  readonly spec?: { readonly replicas?: unknown };
  readonly endpoints?: readonly { readonly conditions?: { readonly ready?: unknown } }[] | null;
}

const asObject = (v: unknown): WrittenObject | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as WrittenObject) : undefined);

/** The kinds whose spec.replicas is recorded with each write. */
export const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'Rollout', 'StatefulSet']);

/**
 * The state a write left behind, for the bounds over time (live.bounds-held): spec.replicas of a Deployment,
 * Rollout or StatefulSet (from the object as written, or the Scale of a `kubectl scale`; for a patch whose
 * response lacks it, from the patch itself), and an EndpointSlice's Service and ready endpoints. Nothing for
 * deletions: the object is gone.
 */
export function writtenState(kind: string, e: AuditEvent): Pick<RecordedChange, 'replicas' | 'service' | 'readyEndpoints'> {
  if (e.verb === 'delete' || e.verb === 'deletecollection') return {};
  const response = asObject(e.responseObject);
  const written = response && response.kind !== 'Status' ? response : undefined;
  if (REPLICATED_KINDS.has(kind)) {
    for (const o of [written, asObject(e.requestObject)]) {
      const r = o?.spec?.replicas;
      if (typeof r === 'number' && Number.isInteger(r)) return { replicas: r };
    }
    return {};
  }
  if (kind === 'EndpointSlice' && written && !e.objectRef?.subresource) {
    const service = written.metadata?.labels?.['kubernetes.io/service-name'];
    const endpoints = Array.isArray(written.endpoints) ? written.endpoints : [];
    return {
      ...(typeof service === 'string' && service ? { service } : {}),
      readyEndpoints: endpoints.filter((ep) => ep?.conditions?.ready !== false).length,
    };
  }
  return {};
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
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  // The kinds a scenario's registrations, charts and progressive delivery put in an environment's namespace, so a
  // check's `kinds` names them as the watch recorder and the scenario's files do (Kustomization, not kustomizations).
  kustomizations: 'Kustomization',
  gitrepositories: 'GitRepository',
  helmreleases: 'HelmRelease',
  helmcharts: 'HelmChart',
  applications: 'Application',
  applicationsets: 'ApplicationSet',
  appprojects: 'AppProject',
  analysistemplates: 'AnalysisTemplate',
  experiments: 'Experiment',
  ingresses: 'Ingress',
  horizontalpodautoscalers: 'HorizontalPodAutoscaler',
  poddisruptionbudgets: 'PodDisruptionBudget',
  networkpolicies: 'NetworkPolicy',
  cronjobs: 'CronJob',
  persistentvolumeclaims: 'PersistentVolumeClaim',
  endpoints: 'Endpoints',
};

/**
 * The authenticated users that are controllers: the GitOps controllers' ServiceAccounts (as upstream installs
 * name them, and as the local provider creates them), the control plane's own users, kubelets, the API server
 * itself, and kube-system's ServiceAccounts (kube-controller-manager's per-controller accounts where it runs
 * with --use-service-account-credentials, as on kind). Argo CD's API server (`argocd-server`) is not here: a
 * resource action in its UI is a person's change.
 */
export const CONTROLLER_USERS: ReadonlySet<string> = new Set([
  ...Object.values(CONTROLLER_IDENTITIES).flat().map(serviceAccountUser),
  ...CONTROL_PLANE_IDENTITIES.map((i) => i.user),
  'system:apiserver',
]);

/**
 * Who made a change, from the API server's authenticated identity alone: the audit event's `user.username`
 * (never `impersonatedUser`: an admin acting `--as` a controller is still the admin) and its groups. The field
 * manager and user agent are chosen by the client (`kubectl patch --field-manager=argocd-controller`), so they
 * decide nothing. The harness authenticates as the same admin user as the learner; its own writes to the
 * environments precede hand-over and are cut by time (readAuditChanges' `since`), and after hand-over it only
 * writes there when it plays a (wrong) solution for `validate`, which is meant to count as a person's.
 */
export function classifyActor(user: string, groups: readonly string[] = []): 'controller' | 'person' {
  if (CONTROLLER_USERS.has(user)) return 'controller';
  if (user.startsWith('system:node:') && groups.includes('system:nodes')) return 'controller';
  if (user.startsWith('system:serviceaccount:kube-system:') && groups.includes('system:serviceaccounts:kube-system')) return 'controller';
  return 'person';
}

/**
 * For the watch recorder only (no audit log): a managedFields manager name, which any client chooses, so a
 * person who names their change after a controller is counted as that controller. `gitops-lab…` managers are
 * the harness's only before hand-over, and the recorder keeps only changes after it: a person's.
 */
const CONTROLLER_MANAGERS = /^(argocd-application-controller|argocd-controller|kustomize-controller|helm-controller|source-controller|argo-rollouts|rollouts-controller|kube-controller-manager|kube-scheduler|kwok)/;

export function classifyClaimedManager(fieldManager: string): 'controller' | 'person' {
  return CONTROLLER_MANAGERS.test(fieldManager) ? 'controller' : 'person';
}

/** Whether an audit event is a ServiceAccount token being minted for one of the controllers' identities. */
function controllerTokenRequest(e: AuditEvent): boolean {
  const ref = e.objectRef;
  return e.verb === 'create' && ref?.resource === 'serviceaccounts' && ref.subresource === 'token' && CONTROLLER_USERS.has(`system:serviceaccount:${ref.namespace ?? ''}:${ref.name ?? ''}`);
}

/**
 * A RecordedChange for a write to one of the namespaces; or, anywhere, a token minted for a controller's
 * ServiceAccount by someone who is not a controller (who holds it can act as the controller: recorded as kind
 * `TokenRequest`, in the ServiceAccount's namespace).
 */
export function changeFromAudit(e: AuditEvent, namespaces: ReadonlySet<string>): RecordedChange | undefined {
  const ref = e.objectRef;
  if (e.stage !== 'ResponseComplete' || !e.verb || !MUTATING.has(e.verb) || !ref?.namespace) return undefined;
  if ((e.responseStatus?.code ?? 0) >= 400 || isDryRun(e) || onlyAsksToLookAgain(e)) return undefined;
  const user = e.user?.username ?? 'unknown';
  const groups = e.user?.groups ?? [];
  const actor = classifyActor(user, groups);
  const minted = controllerTokenRequest(e) && actor === 'person';
  if (!namespaces.has(ref.namespace) && !minted) return undefined;
  // Status written by controllers is not a change of desired state; a person writing status (a Pod marked
  // Ready by hand) is a change made by hand.
  if (ref.subresource === 'status' && actor === 'controller') return undefined;
  const fieldManager = query(e)?.get('fieldManager') ?? undefined;
  const userAgent = e.userAgent ?? '';
  const as = e.impersonatedUser?.username;
  const kind = minted ? 'TokenRequest' : (KINDS[ref.resource ?? ''] ?? ref.resource ?? 'unknown');
  return {
    at: e.requestReceivedTimestamp ?? '',
    namespace: ref.namespace,
    kind,
    // A create with generateName (an EndpointSlice, a Pod) has no name in the request: the written object has it.
    name: ref.name || writtenName(e),
    verb: ref.subresource ? `${e.verb} ${ref.subresource}` : e.verb,
    user,
    ...(as ? { impersonated: as } : {}),
    ...(userAgent ? { userAgent } : {}),
    ...(fieldManager ? { fieldManager } : {}),
    actor,
    source: 'audit',
    ...writtenState(kind, e),
  };
}

/** The annotations that ask a controller to look again now (`flux reconcile`, Argo CD's refresh): no desired state. */
const LOOK_AGAIN: ReadonlySet<string> = new Set([RECONCILE_ANNOTATION, REFRESH_ANNOTATION]);

/**
 * A patch that sets nothing but a request to reconcile or refresh (the harness's before every grade, on Flux's
 * registrations in the environment's namespace; a person's `flux reconcile`): it asks the controller to apply
 * what Git says, and changes nothing Git says.
 */
export function onlyAsksToLookAgain(e: AuditEvent): boolean {
  if (e.verb !== 'patch' || e.objectRef?.subresource) return false;
  const record = (v: unknown): Readonly<Record<string, unknown>> | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
  const body = record(e.requestObject);
  if (!body || Object.keys(body).some((k) => k !== 'metadata')) return false;
  const md = record(body['metadata']);
  if (!md || Object.keys(md).some((k) => k !== 'annotations')) return false;
  const annotations = record(md['annotations']);
  return !!annotations && Object.keys(annotations).length > 0 && Object.keys(annotations).every((k) => LOOK_AGAIN.has(k));
}

/**
 * A server-side dry run (`?dryRun=All`: Flux's kustomize-controller runs one before every apply, `kubectl apply
 * --dry-run=server` too) changes nothing, though the audit log records it like the write it previews.
 */
export function isDryRun(e: AuditEvent): boolean {
  return query(e)?.has('dryRun') ?? false;
}

/**
 * The request's query parameters; undefined without a request path, or for one no URL parser accepts (such a line
 * has no field manager and is no dry run, and must not stop the reader).
 */
function query(e: AuditEvent): URLSearchParams | undefined {
  if (e.requestURI === undefined) return undefined;
  try {
    return new URL(e.requestURI, 'http://x').searchParams;
  } catch {
    return undefined;
  }
}

function writtenName(e: AuditEvent): string {
  const o = asObject(e.responseObject);
  const name = o && o.kind !== 'Status' ? (o.metadata as { name?: unknown } | undefined)?.name : undefined;
  return typeof name === 'string' ? name : '';
}

/** The object's resourceVersion after a successful write, where the event carries the object (or its Scale). */
function writtenVersion(e: AuditEvent): string | undefined {
  if (e.stage !== 'ResponseComplete' || !e.verb || !MUTATING.has(e.verb) || e.verb.startsWith('delete') || (e.responseStatus?.code ?? 0) >= 400 || isDryRun(e)) return undefined;
  const o = asObject(e.responseObject);
  const rv = o && o.kind !== 'Status' ? o.metadata?.resourceVersion : undefined;
  return typeof rv === 'string' && rv ? rv : undefined;
}

/**
 * Where an audit log stood when a run began (its inode and size): nothing about the run's namespaces, which the run
 * made, is written before it, so a read may begin there instead of at the top of a log that every run on the
 * cluster keeps growing (32 MB after 18 minutes of validation on the local provider).
 */
export interface AuditPosition {
  readonly inode: number;
  readonly offset: number;
}

/** The log's position now, or undefined when it cannot be read. */
export async function auditPosition(file: string): Promise<AuditPosition | undefined> {
  const st = await stat(file).catch(() => undefined);
  return st ? { inode: st.ino, offset: st.size } : undefined;
}

/** Where to begin reading: the recorded offset while the log is the same file and has not shrunk, else its top. */
async function startOf(file: string, from: AuditPosition | undefined): Promise<number> {
  if (!from) return 0;
  const st = await stat(file).catch(() => undefined);
  // A rotated or truncated log is another file, or shorter than the offset: read it whole.
  return st && st.ino === from.inode && st.size >= from.offset ? from.offset : 0;
}

/**
 * Reads an audit log, keeping changes to the given namespaces since `since` (ISO time: hand-over, so the
 * harness's own seeding is left out), plus tokens minted for the controllers' identities since then.
 */
export async function readAuditChanges(file: string, namespaces: ReadonlySet<string>, since: string, from?: AuditPosition): Promise<RecordedChange[]> {
  const out: RecordedChange[] = [];
  const start = await startOf(file, from);
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', start }), crlfDelay: Infinity });
  const needles = [...[...namespaces].map((n) => `"namespace":"${n}"`), '"subresource":"token"'];
  // The last resourceVersion each object was written at (any write, status included, before `since` too): a
  // write that leaves it there changed nothing (a controller's periodic apply of what is already there).
  const versions = new Map<string, string>();
  for await (const line of lines) {
    // Cheap prefilter: most of the log is other namespaces and read traffic.
    if (!needles.some((n) => line.includes(n))) continue;
    let event: AuditEvent;
    try {
      event = JSON.parse(line) as AuditEvent;
    } catch {
      continue; // a line being written right now
    }
    const ref = event.objectRef;
    const key = `${ref?.namespace ?? ''}/${ref?.resource ?? ''}/${ref?.name || writtenName(event)}`;
    const rv = ref?.subresource === 'token' ? undefined : writtenVersion(event);
    const noop = rv !== undefined && versions.get(key) === rv;
    if (rv !== undefined) versions.set(key, rv);
    else if (event.verb === 'delete' && (event.responseStatus?.code ?? 0) < 400 && !isDryRun(event)) versions.delete(key);
    const change = changeFromAudit(event, namespaces);
    if (change && change.at >= since) out.push(noop ? { ...change, noop: true } : change);
  }
  return out;
}
