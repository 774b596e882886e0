import { z } from 'zod';
import { Controller } from './boundary.js';
import { LIVE_KINDS } from './cluster-evidence.js';

/**
 * The closed vocabulary of steps that faults, solutions and wrong solutions are written in.
 * The harness executes these; there are no shell strings.
 */

const RepoPath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), {
    message: 'must be a relative path inside the repository (no leading "/" and no "..")',
  });

export const FileEdit = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('write'),
    file: RepoPath,
    content: z.string(),
  }),
  z.strictObject({
    op: z.literal('set'),
    file: RepoPath,
    /** An object path such as `images[0].newTag` or `spec.template.metadata.labels["app.kubernetes.io/name"]`. */
    path: z.string().min(1),
    value: z.unknown(),
    /** Which YAML document of a multi-document file, counted from 0. */
    doc: z.number().int().nonnegative().default(0),
  }),
  z.strictObject({
    op: z.literal('replace'),
    file: RepoPath,
    find: z.string().min(1),
    with: z.string(),
  }),
  /**
   * Without `path`, deletes the file (or directory). With `path`, deletes that key (or list element) from one YAML
   * document of the file, keeping comments and the other documents; a path that does not exist is an error.
   */
  z.strictObject({
    op: z.literal('delete'),
    file: RepoPath,
    /** An object path such as `spec.syncPolicy.automated` or `images[name=nginx]`. */
    path: z.string().min(1).optional(),
    /** With `path`: which YAML document of a multi-document file, counted from 0. */
    doc: z.number().int().nonnegative().optional(),
  }).refine((e) => e.doc === undefined || e.path !== undefined, { message: 'doc is only for deleting a path', path: ['doc'] }),
  z.strictObject({ op: z.literal('rename'), from: RepoPath, to: RepoPath }),
]);
export type FileEdit = z.infer<typeof FileEdit>;

const Author = z.strictObject({ name: z.string().min(1), email: z.string().min(3) });

const Environment = z.string().min(1);
const KindName = {
  environment: Environment,
  kind: z.string().min(1),
  name: z.string().min(1),
};

/** Kinds that live outside any namespace: live.apply refuses them by name (it creates in one namespace only). */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'CSIDriver',
  'VolumeAttachment',
]);

/**
 * live.apply's object: a kind of the live vocabulary (the kinds the other live steps name), namespaced, with a
 * name; the namespace is the environment's, whatever metadata.namespace says; apiVersion, if given, must be the
 * kind's.
 */
const Manifest = z.looseObject({
  apiVersion: z.string().min(1).optional(),
  kind: z.string().superRefine((kind, ctx) => {
    if (CLUSTER_SCOPED_KINDS.has(kind)) {
      ctx.addIssue({ code: 'custom', message: `${kind} is cluster-scoped; live.apply creates objects only in the environment's namespace` });
    } else if (!(LIVE_KINDS as readonly string[]).includes(kind)) {
      ctx.addIssue({ code: 'custom', message: `"${kind}" is not a kind live steps act on (${LIVE_KINDS.join(', ')})` });
    }
  }),
  metadata: z.looseObject({ name: z.string().min(1), namespace: z.string().optional() }),
});

export const Step = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('git.commit'),
    message: z.string().min(1),
    branch: z.string().min(1).optional(),
    author: Author.optional(),
    edits: z.array(FileEdit).min(1),
  }),
  z.strictObject({
    action: z.literal('git.branch'),
    name: z.string().min(1),
    /** A revision: a branch, `HEAD`, `HEAD~2`, `main~1`. */
    from: z.string().min(1).default('HEAD'),
  }),
  /**
   * Rewrites the tracked branch as a learner might: amends its head commit (with further edits, a new message, or
   * both) and force-pushes. Wrong solutions use it to prove that rewritten history loses.
   */
  z.strictObject({
    action: z.literal('git.amend'),
    /** The amended commit's message; absent: the message it had. */
    message: z.string().min(1).optional(),
    /** Who amends (the committer; the author stays the original commit's). */
    author: Author.optional(),
    edits: z.array(FileEdit).default([]),
  }),
  /** Moves the tracked branch back to a revision (`git reset --hard`), then force-pushes it. */
  z.strictObject({
    action: z.literal('git.reset'),
    /** A revision of the tracked branch: `HEAD~1`, `HEAD~2`. */
    to: z.string().min(1),
  }),
  z.strictObject({
    action: z.literal('live.patch'),
    ...KindName,
    patchType: z.enum(['merge', 'strategic', 'json']).default('merge'),
    patch: z.unknown(),
    fieldManager: z.string().min(1).default('kubectl-edit'),
  }),
  z.strictObject({
    action: z.literal('live.scale'),
    ...KindName,
    replicas: z.number().int().nonnegative(),
    fieldManager: z.string().min(1).default('kubectl-scale'),
  }),
  z.strictObject({
    action: z.literal('live.delete'),
    ...KindName,
    /** Delete every object of the kind matching this label selector instead of one by name. */
    selector: z.string().optional(),
  }),
  /**
   * Creates (or updates) one object in the environment's namespace, as `kubectl apply -f` of an inline manifest
   * would: a server-side apply under a person-like field manager, the namespace forced to the environment's.
   */
  z.strictObject({
    action: z.literal('live.apply'),
    environment: Environment,
    manifest: Manifest,
    fieldManager: z.string().min(1).default('kubectl-client-side-apply'),
  }),
  /**
   * Applies a controller registration by hand, as `kubectl apply -f` of one would: an Argo CD Application in the
   * controller's namespace (argocd), or a Flux Kustomization in the environment's; server-side, under a person-like
   * field manager. The environment's registration stays the one Git holds: what this applies is live state only.
   */
  z.strictObject({
    action: z.literal('controller.apply-registration'),
    environment: Environment,
    manifest: z.looseObject({
      apiVersion: z.string().min(1).optional(),
      kind: z.enum(['Application', 'Kustomization']),
      metadata: z.looseObject({ name: z.string().min(1), namespace: z.string().optional() }),
    }),
    fieldManager: z.string().min(1).default('kubectl-client-side-apply'),
  }),
  z.strictObject({
    action: z.literal('live.apply-render'),
    environment: Environment,
    fieldManager: z.string().min(1).default('kubectl-client-side-apply'),
  }),
  z.strictObject({
    action: z.literal('controller.set-source'),
    environment: Environment,
    revision: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
  }),
  z.strictObject({ action: z.literal('controller.sync'), environment: Environment, prune: z.boolean().default(false) }),
  z.strictObject({ action: z.literal('controller.suspend'), environment: Environment, suspended: z.boolean().default(true) }),
  z.strictObject({ action: z.literal('rollout.abort'), environment: Environment, name: z.string().min(1) }),
  z.strictObject({
    action: z.literal('wait.converged'),
    environment: Environment,
    /** What "converged" means here. */
    until: z.enum(['synced', 'healthy', 'analysis-failed', 'rollout-aborted']).default('healthy'),
    timeoutSeconds: z.number().int().positive().default(180),
  }),
]);
export type Step = z.infer<typeof Step>;
export type StepAction = Step['action'];

export type GitAction = 'git.commit' | 'git.branch' | 'git.amend' | 'git.reset';
/** The steps played in a Git working clone (and pushed); every other step acts on the cluster. */
export type GitStep = Extract<Step, { action: GitAction }>;

export const GIT_ACTIONS: ReadonlySet<StepAction> = new Set<GitAction>(['git.commit', 'git.branch', 'git.amend', 'git.reset']);

export function isGitStep(step: Step): step is GitStep {
  return GIT_ACTIONS.has(step.action);
}

export const ControllerList = z.array(Controller).min(1);
