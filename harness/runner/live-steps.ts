/** Executes the cluster steps of the vocabulary: live patches, scales, deletes and applies under a person-like field manager, controller actions, waits. */
import type { ControllerAdapter, RegistrationRef } from '../controllers/adapter.js';
import { API_VERSIONS } from '../evidence/cluster-evidence.js';
import { renderCommit } from '../evidence/render-evidence.js';
import type { KubeClient, KubeObject } from '../kube/client.js';
import { CLUSTER_SCOPED_KINDS, type GitStep, type Step } from '../model/steps.js';
import { LabError } from '../errors.js';
import { waitUntil as poll } from '../wait.js';
import { deploymentRollout } from '../model/rollout.js';
import type { LiveKind } from '../model/cluster-evidence.js';

export interface LiveContext {
  readonly kube: KubeClient;
  readonly adapter: ControllerAdapter;
  readonly namespaces: Readonly<Record<string, string>>;
  /** The environment's registration (from Git), if registered. */
  registrationOf(environment: string): RegistrationRef | undefined;
  /** Waits until the controller settled on what Git says for the environment. */
  settle(environment: string): Promise<void>;
  /** For live.apply-render: the lab repository and the commit to render. */
  readonly bareDir: string;
  headSha(): Promise<string>;
  readonly environments: Readonly<Record<string, { namespace: string; path: string; registration: string }>>;
  readonly log: (line: string) => void;
}

const apiVersionOf = (kind: string): string => API_VERSIONS[kind as LiveKind] ?? (() => {
  throw new LabError('INVALID_SCENARIO', `live step: kind ${kind} is not one gitops-lab knows the API group of`);
})();

function registration(ctx: LiveContext, env: string): RegistrationRef {
  const reg = ctx.registrationOf(env);
  if (!reg) throw new LabError('INVALID_SCENARIO', `environment ${env} has no registration in Git for ${ctx.adapter.name}`);
  return reg;
}

/** A step's wait: every 500ms, a failed read ends it; at the deadline TIMEOUT with the check's last answer. */
async function waitUntil(what: string, timeoutMs: number, check: () => Promise<string | true>): Promise<void> {
  await poll(async () => {
    const r = await check();
    return r === true ? true : { pending: r };
  }, { what, timeoutMs, intervalMs: 500, stopOnError: true });
}

/** A step that acts on the cluster (every step but the Git ones). */
export type LiveStep = Exclude<Step, GitStep>;
type LiveAction = LiveStep['action'];
type Handler<A extends LiveAction> = (ctx: LiveContext, step: Extract<LiveStep, { action: A }>) => Promise<void>;

/** The object a step names in its environment's namespace. */
const namedRef = (ctx: LiveContext, step: { kind: string; environment: string; name: string }) => ({
  apiVersion: apiVersionOf(step.kind),
  kind: step.kind,
  namespace: ctx.namespaces[step.environment]!,
  name: step.name,
});

const livePatch: Handler<'live.patch'> = async (ctx, step) => {
  const ref = namedRef(ctx, step);
  if (step.patchType === 'json') throw new LabError('INVALID_SCENARIO', 'live.patch: json patches are not supported; use merge or strategic');
  await ctx.kube.patch(ref, step.patch as Record<string, unknown>, { fieldManager: step.fieldManager, type: step.patchType });
};

const liveScale: Handler<'live.scale'> = async (ctx, step) => {
  await ctx.kube.patch(namedRef(ctx, step), { spec: { replicas: step.replicas } }, { fieldManager: step.fieldManager });
};

/** One object by name, or every object of the kind that matches the selector. */
const liveDelete: Handler<'live.delete'> = async ({ kube, namespaces }, step) => {
  const namespace = namespaces[step.environment]!;
  const apiVersion = apiVersionOf(step.kind);
  const targets = step.selector ? (await kube.list(apiVersion, step.kind, { namespace, labelSelector: step.selector })).map((o) => o.metadata.name!) : [step.name];
  for (const name of targets) await kube.delete({ apiVersion, kind: step.kind, namespace, name });
};

/**
 * What `kubectl apply -f` of one manifest does: a server-side apply (force, as apply-render) of the object in the
 * environment's namespace, whatever namespace the manifest names; its apiVersion is the kind's. The schema already
 * refused other kinds and cluster-scoped ones; this checks again, for a step built in code.
 */
const liveApply: Handler<'live.apply'> = async (ctx, step) => {
  const { manifest } = step;
  if (CLUSTER_SCOPED_KINDS.has(manifest.kind)) throw new LabError('INVALID_SCENARIO', `live.apply: ${manifest.kind} is cluster-scoped; live.apply creates objects only in the environment's namespace`);
  const apiVersion = apiVersionOf(manifest.kind);
  if (manifest.apiVersion !== undefined && manifest.apiVersion !== apiVersion) {
    throw new LabError('INVALID_SCENARIO', `live.apply: ${manifest.kind}/${manifest.metadata.name} has apiVersion ${manifest.apiVersion}; gitops-lab applies ${manifest.kind} as ${apiVersion}`);
  }
  const namespace = ctx.namespaces[step.environment];
  if (namespace === undefined) throw new LabError('INVALID_SCENARIO', `live.apply: no environment ${step.environment}`);
  if (manifest.metadata.namespace !== undefined && manifest.metadata.namespace !== namespace) {
    ctx.log(`live.apply: ${manifest.kind}/${manifest.metadata.name} names namespace ${manifest.metadata.namespace}; applied in ${namespace}, ${step.environment}'s`);
  }
  const obj = { ...manifest, apiVersion, metadata: { ...manifest.metadata, namespace } } as KubeObject;
  await ctx.kube.apply(obj, { fieldManager: step.fieldManager, force: true });
};

/** The kind and API version of a registration, per controller, as its adapter reads them. */
const REGISTRATION_KINDS = {
  argocd: { kind: 'Application', apiVersion: 'argoproj.io/v1alpha1' },
  flux: { kind: 'Kustomization', apiVersion: 'kustomize.toolkit.fluxcd.io/v1' },
} as const;

/**
 * `kubectl apply -f` of a registration: the controller's kind only (an Argo CD Application in argocd, a Flux
 * Kustomization in the environment's namespace, whatever namespace the manifest names), server-side with force.
 */
const applyRegistration: Handler<'controller.apply-registration'> = async (ctx, step) => {
  const { manifest } = step;
  const want = REGISTRATION_KINDS[ctx.adapter.name];
  if (manifest.kind !== want.kind) {
    throw new LabError('INVALID_SCENARIO', `controller.apply-registration: ${ctx.adapter.name}'s registrations are ${want.kind}s, not ${manifest.kind}s`);
  }
  if (manifest.apiVersion !== undefined && manifest.apiVersion !== want.apiVersion) {
    throw new LabError('INVALID_SCENARIO', `controller.apply-registration: ${manifest.kind}/${manifest.metadata.name} has apiVersion ${manifest.apiVersion}; gitops-lab applies ${manifest.kind} as ${want.apiVersion}`);
  }
  const namespace = ctx.adapter.name === 'argocd' ? ctx.adapter.namespace : ctx.namespaces[step.environment];
  if (namespace === undefined) throw new LabError('INVALID_SCENARIO', `controller.apply-registration: no environment ${step.environment}`);
  if (manifest.metadata.namespace !== undefined && manifest.metadata.namespace !== namespace) {
    ctx.log(`controller.apply-registration: ${manifest.kind}/${manifest.metadata.name} names namespace ${manifest.metadata.namespace}; applied in ${namespace}`);
  }
  const obj = { ...manifest, apiVersion: want.apiVersion, metadata: { ...manifest.metadata, namespace } } as KubeObject;
  await ctx.kube.apply(obj, { fieldManager: step.fieldManager, force: true });
};

/** What `kubectl apply` of the environment's render at HEAD does, namespaced objects in the environment's namespace. */
const liveApplyRender: Handler<'live.apply-render'> = async (ctx, step) => {
  const env = ctx.environments[step.environment]!;
  const outcome = (await renderCommit(ctx.bareDir, await ctx.headSha(), { [step.environment]: env }))[step.environment]!;
  if (!outcome.ok) throw new LabError('INVALID_SCENARIO', `live.apply-render: ${step.environment} does not render: ${outcome.error}`);
  for (const obj of outcome.objects as KubeObject[]) {
    const withNs = obj.kind === 'Namespace' ? obj : { ...obj, metadata: { ...obj.metadata, namespace: obj.metadata.namespace ?? env.namespace } };
    await ctx.kube.apply(withNs, { fieldManager: step.fieldManager, force: true });
  }
};

const setSource: Handler<'controller.set-source'> = async (ctx, step) => {
  const change = { ...(step.revision ? { revision: step.revision } : {}), ...(step.path ? { path: step.path } : {}) };
  await ctx.adapter.setSource(ctx.kube, registration(ctx, step.environment), change, 'kubectl-edit');
};

const sync: Handler<'controller.sync'> = async (ctx, step) => {
  await ctx.adapter.sync(ctx.kube, registration(ctx, step.environment), step.prune);
};

const suspend: Handler<'controller.suspend'> = async (ctx, step) => {
  await ctx.adapter.suspend(ctx.kube, registration(ctx, step.environment), step.suspended, 'kubectl-edit');
};

/** What `kubectl argo rollouts abort` does: a merge patch of the status subresource. */
const rolloutAbort: Handler<'rollout.abort'> = async (ctx, step) => {
  const ref = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', namespace: ctx.namespaces[step.environment]!, name: step.name };
  await ctx.kube.patchStatus(ref, { status: { abort: true } }, { fieldManager: 'kubectl-argo-rollouts' });
};

/** synced: the controller settled; healthy: and every Deployment is ready; else the Rollout or AnalysisRun outcome. */
const waitConverged: Handler<'wait.converged'> = async (ctx, step) => {
  const { kube } = ctx;
  const namespace = ctx.namespaces[step.environment]!;
  const timeoutMs = step.timeoutSeconds * 1000;
  if (step.until === 'synced' || step.until === 'healthy') {
    await ctx.settle(step.environment);
    if (step.until === 'healthy') {
      await waitUntil(`${step.environment} healthy`, timeoutMs, async () => {
        const deps = await kube.list('apps/v1', 'Deployment', { namespace });
        const pending = deps.filter((d) => !deploymentRollout(d).isReady);
        return pending.length === 0 ? true : `${pending.length} Deployment(s) not ready`;
      });
    }
    return;
  }
  await waitUntil(`${step.environment} ${step.until}`, timeoutMs, async () => {
    const rollouts = await kube.list('argoproj.io/v1alpha1', 'Rollout', { namespace });
    const aborted = rollouts.some((r) => ((r['status'] ?? {}) as { abort?: boolean }).abort === true);
    if (step.until === 'rollout-aborted') return aborted ? true : 'no Rollout aborted yet';
    const runs = await kube.list('argoproj.io/v1alpha1', 'AnalysisRun', { namespace });
    return runs.some((a) => ((a['status'] ?? {}) as { phase?: string }).phase === 'Failed') ? true : 'no AnalysisRun failed yet';
  });
};

/** One handler per cluster step action (the type makes a new action without a handler a compile error). */
export const LIVE_STEP_HANDLERS: { readonly [A in LiveAction]: Handler<A> } = {
  'live.patch': livePatch,
  'live.scale': liveScale,
  'live.delete': liveDelete,
  'live.apply': liveApply,
  'live.apply-render': liveApplyRender,
  'controller.apply-registration': applyRegistration,
  'controller.set-source': setSource,
  'controller.sync': sync,
  'controller.suspend': suspend,
  'rollout.abort': rolloutAbort,
  'wait.converged': waitConverged,
};

export async function applyLiveStep(ctx: LiveContext, step: LiveStep): Promise<void> {
  // The table pairs each action with the handler of that action's step; TypeScript cannot follow the pairing
  // through an index, hence the widening.
  const handler = LIVE_STEP_HANDLERS[step.action] as (ctx: LiveContext, step: LiveStep) => Promise<void>;
  await handler(ctx, step);
}
