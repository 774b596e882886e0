/**
 * The cluster steps of the vocabulary, one handler per action: the requests each step makes, under which field
 * manager, and what it refuses. Steps are parsed by the real schema (defaults included); live.apply-render
 * renders a real bare repository with real kustomize. The API server and the controller adapter are recording
 * fakes: what they do with the requests is not what these tests test.
 */
import t from 'tap';
import type { ControllerAdapter } from '../../../harness/controllers/adapter.js';
import type { KubeClient, KubeObject, ObjectRef } from '../../../harness/kube/client.js';
import { isGitStep, Step } from '../../../harness/model/steps.js';
import { applyLiveStep, LIVE_STEP_HANDLERS, type LiveContext, type LiveStep } from '../../../harness/runner/live-steps.js';
import { bareRepoWith, tempDir } from '../render/repo.js';

interface Call {
  readonly op: string;
  readonly args: readonly unknown[];
}

/** Records every request; list answers from `objects` by apiVersion/kind/namespace (and `app=` selectors). */
function recordingKube(objects: KubeObject[] = []): KubeClient & { calls: Call[] } {
  const calls: Call[] = [];
  const rec = (op: string) => async (...args: unknown[]) => {
    calls.push({ op, args });
    return {} as KubeObject;
  };
  return {
    calls,
    kubeconfigPath: '/k',
    server: 'https://127.0.0.1:1',
    list: async (apiVersion, kind, o = {}) => {
      calls.push({ op: 'list', args: [apiVersion, kind, o] });
      const [key, value] = (o.labelSelector ?? '').split('=');
      return objects.filter((x) => x.apiVersion === apiVersion && x.kind === kind && x.metadata.namespace === o.namespace && (!key || x.metadata.labels?.[key] === value));
    },
    get: async () => undefined,
    patch: rec('patch'),
    patchStatus: rec('patchStatus'),
    apply: rec('apply'),
    create: rec('create'),
    delete: async (ref: ObjectRef) => {
      calls.push({ op: 'delete', args: [ref] });
      return true;
    },
    raw: async () => 'ok',
  };
}

function recordingAdapter(calls: Call[]): ControllerAdapter {
  const rec = (op: string) => async (...args: unknown[]) => {
    calls.push({ op, args: args.slice(1) });
  };
  return { name: 'argocd', namespace: 'argocd', setSource: rec('setSource'), sync: rec('sync'), suspend: rec('suspend') } as unknown as ControllerAdapter;
}

function context(kube: KubeClient, extra: Partial<LiveContext> = {}): LiveContext & { adapterCalls: Call[]; settled: string[] } {
  const adapterCalls: Call[] = [];
  const settled: string[] = [];
  return {
    kube,
    adapter: recordingAdapter(adapterCalls),
    namespaces: { staging: 'payment-staging-a1b2c3' },
    registrationOf: (env) => (env === 'staging' ? { name: 'payment-staging-a1b2c3' } : undefined),
    settle: async (env) => {
      settled.push(env);
    },
    bareDir: '/nonexistent',
    headSha: async () => 'HEAD',
    environments: { staging: { namespace: 'payment-staging-a1b2c3', path: 'env', registration: 'payment-staging' } },
    log: () => undefined,
    adapterCalls,
    settled,
    ...extra,
  };
}

const step = (s: Record<string, unknown>): LiveStep => {
  const parsed = Step.parse(s);
  if (isGitStep(parsed)) throw new Error('a git step');
  return parsed;
};
const NS = 'payment-staging-a1b2c3';
const deployment = (name: string, ready: number, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: NS, labels },
  spec: { replicas: 2 },
  status: { replicas: 2, updatedReplicas: 2, readyReplicas: ready },
});

t.test('every cluster action has its handler', async (t) => {
  const actions = Step.options.map((o) => o.shape.action.value).filter((a) => !a.startsWith('git.'));
  t.same(Object.keys(LIVE_STEP_HANDLERS).sort(), [...actions].sort());
});

t.test('live.patch: a merge or strategic patch of the named object under its field manager; json is refused', async (t) => {
  const kube = recordingKube();
  await applyLiveStep(context(kube), step({ action: 'live.patch', environment: 'staging', kind: 'Deployment', name: 'api', patch: { spec: { replicas: 3 } } }));
  await applyLiveStep(context(kube), step({ action: 'live.patch', environment: 'staging', kind: 'Service', name: 'api', patchType: 'strategic', patch: { a: 1 }, fieldManager: 'helm' }));
  t.same(kube.calls, [
    { op: 'patch', args: [{ apiVersion: 'apps/v1', kind: 'Deployment', namespace: NS, name: 'api' }, { spec: { replicas: 3 } }, { fieldManager: 'kubectl-edit', type: 'merge' }] },
    { op: 'patch', args: [{ apiVersion: 'v1', kind: 'Service', namespace: NS, name: 'api' }, { a: 1 }, { fieldManager: 'helm', type: 'strategic' }] },
  ]);
  await t.rejects(applyLiveStep(context(kube), step({ action: 'live.patch', environment: 'staging', kind: 'Deployment', name: 'api', patchType: 'json', patch: [] })), {
    code: 'INVALID_SCENARIO',
    message: 'live.patch: json patches are not supported; use merge or strategic',
  });
  await t.rejects(applyLiveStep(context(kube), step({ action: 'live.patch', environment: 'staging', kind: 'Secret', name: 'api', patch: {} })), {
    code: 'INVALID_SCENARIO',
    message: 'live step: kind Secret is not one gitops-lab knows the API group of',
  });
  t.equal(kube.calls.length, 2, 'nothing sent for a refused step');
});

t.test('live.scale: spec.replicas under kubectl-scale', async (t) => {
  const kube = recordingKube();
  await applyLiveStep(context(kube), step({ action: 'live.scale', environment: 'staging', kind: 'Deployment', name: 'api', replicas: 0 }));
  t.same(kube.calls, [{ op: 'patch', args: [{ apiVersion: 'apps/v1', kind: 'Deployment', namespace: NS, name: 'api' }, { spec: { replicas: 0 } }, { fieldManager: 'kubectl-scale' }] }]);
});

t.test('live.delete: by name, or every object the selector matches', async (t) => {
  const kube = recordingKube([deployment('a', 2, { app: 'pay' }), deployment('b', 2, { app: 'pay' }), deployment('c', 2, { app: 'other' })]);
  await applyLiveStep(context(kube), step({ action: 'live.delete', environment: 'staging', kind: 'Deployment', name: 'api' }));
  await applyLiveStep(context(kube), step({ action: 'live.delete', environment: 'staging', kind: 'Deployment', name: 'ignored', selector: 'app=pay' }));
  t.same(
    kube.calls.filter((c) => c.op === 'delete').map((c) => (c.args[0] as ObjectRef).name),
    ['api', 'a', 'b'],
  );
  t.same(kube.calls.find((c) => c.op === 'list')?.args, ['apps/v1', 'Deployment', { namespace: NS, labelSelector: 'app=pay' }]);
});

t.test('controller steps: through the adapter, on the environment registration; none registered is refused', async (t) => {
  const ctx = context(recordingKube());
  await applyLiveStep(ctx, step({ action: 'controller.set-source', environment: 'staging', revision: 'HEAD~1' }));
  await applyLiveStep(ctx, step({ action: 'controller.set-source', environment: 'staging', path: 'apps/x' }));
  await applyLiveStep(ctx, step({ action: 'controller.sync', environment: 'staging' }));
  await applyLiveStep(ctx, step({ action: 'controller.suspend', environment: 'staging' }));
  t.same(ctx.adapterCalls, [
    { op: 'setSource', args: [{ name: 'payment-staging-a1b2c3' }, { revision: 'HEAD~1' }, 'kubectl-edit'] },
    { op: 'setSource', args: [{ name: 'payment-staging-a1b2c3' }, { path: 'apps/x' }, 'kubectl-edit'] },
    { op: 'sync', args: [{ name: 'payment-staging-a1b2c3' }, false] },
    { op: 'suspend', args: [{ name: 'payment-staging-a1b2c3' }, true, 'kubectl-edit'] },
  ]);
  await t.rejects(applyLiveStep(ctx, step({ action: 'controller.sync', environment: 'prod' })), { code: 'INVALID_SCENARIO', message: 'environment prod has no registration in Git for argocd' });
});

t.test('rollout.abort: the status subresource, as kubectl argo rollouts does it', async (t) => {
  const kube = recordingKube();
  await applyLiveStep(context(kube), step({ action: 'rollout.abort', environment: 'staging', name: 'api' }));
  t.same(kube.calls, [{ op: 'patchStatus', args: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', namespace: NS, name: 'api' }, { status: { abort: true } }, { fieldManager: 'kubectl-argo-rollouts' }] }]);
});

t.test('wait.converged: synced settles; healthy also waits for the Deployments; rollout outcomes are read', async (t) => {
  const synced = context(recordingKube());
  await applyLiveStep(synced, step({ action: 'wait.converged', environment: 'staging', until: 'synced' }));
  t.same(synced.settled, ['staging']);
  t.same((synced.kube as ReturnType<typeof recordingKube>).calls, [], 'synced reads nothing more');

  const healthy = context(recordingKube([deployment('api', 2)]));
  await applyLiveStep(healthy, step({ action: 'wait.converged', environment: 'staging' }));
  t.same(healthy.settled, ['staging'], 'healthy is the default');

  await t.rejects(applyLiveStep(context(recordingKube([deployment('api', 1)])), step({ action: 'wait.converged', environment: 'staging', timeoutSeconds: 1 })), {
    code: 'TIMEOUT',
    message: /waiting for staging healthy/,
  });

  const aborted = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'api', namespace: NS }, status: { abort: true } };
  await applyLiveStep(context(recordingKube([aborted])), step({ action: 'wait.converged', environment: 'staging', until: 'rollout-aborted' }));
  const failed = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', metadata: { name: 'api-1', namespace: NS }, status: { phase: 'Failed' } };
  await applyLiveStep(context(recordingKube([failed])), step({ action: 'wait.converged', environment: 'staging', until: 'analysis-failed' }));
  await t.rejects(applyLiveStep(context(recordingKube([aborted])), step({ action: 'wait.converged', environment: 'staging', until: 'analysis-failed', timeoutSeconds: 1 })), {
    code: 'TIMEOUT',
  });
});

t.test('live.apply-render: the environment rendered at HEAD, applied with force, namespaced into its namespace', async (t) => {
  const dir = tempDir(t);
  const { bare, sha } = await bareRepoWith(dir, {
    'env/kustomization.yaml': 'resources:\n  - cm.yaml\n  - ns.yaml\n',
    'env/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: info\n',
    'env/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: extra\n',
  });
  const kube = recordingKube();
  await applyLiveStep(context(kube, { bareDir: bare, headSha: async () => sha }), step({ action: 'live.apply-render', environment: 'staging' }));
  t.same(
    kube.calls.map((c) => [c.op, (c.args[0] as KubeObject).kind, (c.args[0] as KubeObject).metadata.namespace ?? null, c.args[1]]),
    [
      ['apply', 'Namespace', null, { fieldManager: 'kubectl-client-side-apply', force: true }],
      ['apply', 'ConfigMap', NS, { fieldManager: 'kubectl-client-side-apply', force: true }],
    ],
    'in the render\'s order (kustomize puts Namespaces first)',
  );
  const broken = await bareRepoWith(tempDir(t), { 'env/kustomization.yaml': 'resources:\n  - missing.yaml\n' });
  await t.rejects(applyLiveStep(context(recordingKube(), { bareDir: broken.bare, headSha: async () => broken.sha }), step({ action: 'live.apply-render', environment: 'staging' })), {
    code: 'INVALID_SCENARIO',
    message: /^live\.apply-render: staging does not render: /,
  });
});

t.test('live.apply: one inline manifest, server-side applied with force in the environment namespace, apiVersion filled', async (t) => {
  const kube = recordingKube();
  const logged: string[] = [];
  const ctx = context(kube, { log: (l) => void logged.push(l) });
  const job = { kind: 'Job', metadata: { name: 'smoke', labels: { app: 'pay' } }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } };
  await applyLiveStep(ctx, step({ action: 'live.apply', environment: 'staging', manifest: job }));
  await applyLiveStep(ctx, step({ action: 'live.apply', environment: 'staging', fieldManager: 'kubectl-create', manifest: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api-preview', namespace: 'payments-prod' }, spec: { selector: { app: 'pay' } } } }));
  t.same(kube.calls, [
    { op: 'apply', args: [{ ...job, apiVersion: 'batch/v1', metadata: { name: 'smoke', labels: { app: 'pay' }, namespace: NS } }, { fieldManager: 'kubectl-client-side-apply', force: true }] },
    { op: 'apply', args: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'api-preview', namespace: NS }, spec: { selector: { app: 'pay' } } }, { fieldManager: 'kubectl-create', force: true }] },
  ]);
  t.same(logged, [`live.apply: Service/api-preview names namespace payments-prod; applied in ${NS}, staging's`], 'a namespace the manifest names is overridden, and said so');
});

t.test('live.apply refuses, before any request: cluster-scoped kinds, kinds live steps do not know, a wrong apiVersion, no name', async (t) => {
  const issues = (manifest: unknown) => Step.safeParse({ action: 'live.apply', environment: 'staging', manifest }).error?.issues.map((i) => [i.path.join('.'), i.message]);
  t.same(issues({ kind: 'Namespace', metadata: { name: 'x' } }), [['manifest.kind', "Namespace is cluster-scoped; live.apply creates objects only in the environment's namespace"]]);
  t.same(issues({ kind: 'ClusterRole', metadata: { name: 'x' } }), [['manifest.kind', "ClusterRole is cluster-scoped; live.apply creates objects only in the environment's namespace"]]);
  t.same(issues({ kind: 'Secret', metadata: { name: 'x' } }), [['manifest.kind', '"Secret" is not a kind live steps act on (Deployment, ReplicaSet, Pod, Service, EndpointSlice, Rollout, AnalysisRun, Job, Event, StatefulSet, CronJob, ConfigMap, HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicy, Ingress)']]);
  t.same(issues({ kind: 'Job', metadata: {} }), [['manifest.metadata.name', 'Invalid input: expected string, received undefined']]);
  t.same(issues({ kind: 'Job' }), [['manifest.metadata', 'Invalid input: expected object, received undefined']]);
  t.equal(issues({ kind: 'Job', metadata: { name: 'x' } }), undefined);

  const kube = recordingKube();
  await t.rejects(applyLiveStep(context(kube), step({ action: 'live.apply', environment: 'staging', manifest: { apiVersion: 'batch/v1beta1', kind: 'Job', metadata: { name: 'smoke' } } })), {
    code: 'INVALID_SCENARIO',
    message: 'live.apply: Job/smoke has apiVersion batch/v1beta1; gitops-lab applies Job as batch/v1',
  });
  // A step built in code, past the schema, is refused by the handler too.
  const built = { action: 'live.apply', environment: 'staging', fieldManager: 'm', manifest: { kind: 'Namespace', metadata: { name: 'x' } } } as unknown as LiveStep;
  await t.rejects(applyLiveStep(context(kube), built), { code: 'INVALID_SCENARIO', message: "live.apply: Namespace is cluster-scoped; live.apply creates objects only in the environment's namespace" });
  const unknownKind = { ...built, manifest: { kind: 'Secret', metadata: { name: 'x' } } } as unknown as LiveStep;
  await t.rejects(applyLiveStep(context(kube), unknownKind), { code: 'INVALID_SCENARIO', message: 'live step: kind Secret is not one gitops-lab knows the API group of' });
  await t.rejects(applyLiveStep(context(kube), step({ action: 'live.apply', environment: 'prod', manifest: { kind: 'Job', metadata: { name: 'x' } } })), { code: 'INVALID_SCENARIO', message: 'live.apply: no environment prod' });
  t.same(kube.calls, [], 'nothing sent for a refused step');
});

t.test("controller.apply-registration: the controller's registration kind applied by hand, in its namespace (Argo CD: argocd), apiVersion filled", async (t) => {
  const kube = recordingKube();
  const logged: string[] = [];
  const app = { kind: 'Application', metadata: { name: 'payment-api-staging-a1b2c3', namespace: 'payments' }, spec: { project: 'lab-a1b2c3' } };
  await applyLiveStep(context(kube, { log: (l) => void logged.push(l) }), step({ action: 'controller.apply-registration', environment: 'staging', manifest: app }));
  t.same(kube.calls, [{ op: 'apply', args: [{ ...app, apiVersion: 'argoproj.io/v1alpha1', metadata: { name: 'payment-api-staging-a1b2c3', namespace: 'argocd' } }, { fieldManager: 'kubectl-client-side-apply', force: true }] }]);
  t.same(logged, ['controller.apply-registration: Application/payment-api-staging-a1b2c3 names namespace payments; applied in argocd']);

  // Flux's registrations live in the environment's namespace.
  const fluxKube = recordingKube();
  const flux = { ...recordingAdapter([]), name: 'flux', namespace: 'flux-system' } as ControllerAdapter;
  await applyLiveStep(context(fluxKube, { adapter: flux }), step({ action: 'controller.apply-registration', environment: 'staging', fieldManager: 'kubectl-create', manifest: { kind: 'Kustomization', metadata: { name: 'payment-api' } } }));
  t.same(fluxKube.calls, [{ op: 'apply', args: [{ kind: 'Kustomization', apiVersion: 'kustomize.toolkit.fluxcd.io/v1', metadata: { name: 'payment-api', namespace: NS } }, { fieldManager: 'kubectl-create', force: true }] }]);
});

t.test("controller.apply-registration refuses another controller's kind, another apiVersion, a kind that registers nothing", async (t) => {
  const kube = recordingKube();
  await t.rejects(applyLiveStep(context(kube), step({ action: 'controller.apply-registration', environment: 'staging', manifest: { kind: 'Kustomization', metadata: { name: 'x' } } })), {
    code: 'INVALID_SCENARIO',
    message: "controller.apply-registration: argocd's registrations are Applications, not Kustomizations",
  });
  await t.rejects(applyLiveStep(context(kube), step({ action: 'controller.apply-registration', environment: 'staging', manifest: { apiVersion: 'argoproj.io/v1beta1', kind: 'Application', metadata: { name: 'x' } } })), {
    code: 'INVALID_SCENARIO',
    message: 'controller.apply-registration: Application/x has apiVersion argoproj.io/v1beta1; gitops-lab applies Application as argoproj.io/v1alpha1',
  });
  const issues = Step.safeParse({ action: 'controller.apply-registration', environment: 'staging', manifest: { kind: 'Deployment', metadata: { name: 'x' } } }).error?.issues.map((i) => i.path.join('.'));
  t.same(issues, ['manifest.kind']);
  t.same(kube.calls, [], 'nothing sent for a refused step');
});
