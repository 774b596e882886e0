/** Executes the cluster steps of the vocabulary: live patches, scales and deletes under a person-like field manager, controller actions, waits. */
import type { ControllerAdapter } from '../controllers/adapter.js';
import { API_VERSIONS } from '../evidence/cluster-evidence.js';
import { renderCommit } from '../evidence/render-evidence.js';
import type { KubeClient, KubeObject } from '../kube/client.js';
import type { GitStep, Step } from '../model/steps.js';
import { LabError } from '../errors.js';
import { waitUntil as poll } from '../wait.js';
import { deploymentRollout } from '../model/rollout.js';
import type { LiveKind } from '../model/cluster-evidence.js';

export interface LiveContext {
  readonly kube: KubeClient;
  readonly adapter: ControllerAdapter;
  readonly namespaces: Readonly<Record<string, string>>;
  /** The environment's registration name (from Git), if registered. */
  registrationOf(environment: string): string | undefined;
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

function registration(ctx: LiveContext, env: string): string {
  const name = ctx.registrationOf(env);
  if (!name) throw new LabError('INVALID_SCENARIO', `environment ${env} has no registration in Git for ${ctx.adapter.name}`);
  return name;
}

/** A step's wait: every 500ms, a failed read ends it; at the deadline TIMEOUT with the check's last answer. */
async function waitUntil(what: string, timeoutMs: number, check: () => Promise<string | true>): Promise<void> {
  await poll(async () => {
    const r = await check();
    return r === true ? true : { pending: r };
  }, { what, timeoutMs, intervalMs: 500, stopOnError: true });
}

export async function applyLiveStep(ctx: LiveContext, step: Exclude<Step, GitStep>): Promise<void> {
  const { kube } = ctx;
  switch (step.action) {
    case 'live.patch': {
      const ref = { apiVersion: apiVersionOf(step.kind), kind: step.kind, namespace: ctx.namespaces[step.environment]!, name: step.name };
      if (step.patchType === 'json') throw new LabError('INVALID_SCENARIO', 'live.patch: json patches are not supported; use merge or strategic');
      await kube.patch(ref, step.patch as Record<string, unknown>, { fieldManager: step.fieldManager, type: step.patchType });
      return;
    }
    case 'live.scale': {
      const ref = { apiVersion: apiVersionOf(step.kind), kind: step.kind, namespace: ctx.namespaces[step.environment]!, name: step.name };
      await kube.patch(ref, { spec: { replicas: step.replicas } }, { fieldManager: step.fieldManager });
      return;
    }
    case 'live.delete': {
      const namespace = ctx.namespaces[step.environment]!;
      const apiVersion = apiVersionOf(step.kind);
      const targets = step.selector
        ? (await kube.list(apiVersion, step.kind, { namespace, labelSelector: step.selector })).map((o) => o.metadata.name!)
        : [step.name];
      for (const name of targets) await kube.delete({ apiVersion, kind: step.kind, namespace, name });
      return;
    }
    case 'live.apply-render': {
      const env = ctx.environments[step.environment]!;
      const outcome = (await renderCommit(ctx.bareDir, await ctx.headSha(), { [step.environment]: env }))[step.environment]!;
      if (!outcome.ok) throw new LabError('INVALID_SCENARIO', `live.apply-render: ${step.environment} does not render: ${outcome.error}`);
      for (const obj of outcome.objects as KubeObject[]) {
        const withNs = obj.kind === 'Namespace' ? obj : { ...obj, metadata: { ...obj.metadata, namespace: obj.metadata.namespace ?? env.namespace } };
        await kube.apply(withNs, { fieldManager: step.fieldManager, force: true });
      }
      return;
    }
    case 'controller.set-source':
      await ctx.adapter.setSource(kube, registration(ctx, step.environment), { ...(step.revision ? { revision: step.revision } : {}), ...(step.path ? { path: step.path } : {}) }, 'kubectl-edit');
      return;
    case 'controller.sync':
      await ctx.adapter.sync(kube, registration(ctx, step.environment), step.prune);
      return;
    case 'controller.suspend':
      await ctx.adapter.suspend(kube, registration(ctx, step.environment), step.suspended, 'kubectl-edit');
      return;
    case 'rollout.abort': {
      const ref = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', namespace: ctx.namespaces[step.environment]!, name: step.name };
      // What `kubectl argo rollouts abort` does: a merge patch of the status subresource.
      await kube.patchStatus(ref, { status: { abort: true } }, { fieldManager: 'kubectl-argo-rollouts' });
      return;
    }
    case 'wait.converged': {
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
      return;
    }
  }
}
