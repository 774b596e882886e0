/**
 * Live sessions on a cluster: seed the scenario's environment (lab repository on the cluster's git server,
 * root registrations, a known-good first sync), apply the faults, hand over; then grade by asking the
 * controller to look now, waiting until it settles, and collecting evidence.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { findRegistrations, registrationFor } from '../../graders/lib/registration.js';
import { fillDeep } from '../git/template.js';
import { GRADERS } from '../../graders/index.js';
import { adapterFor } from '../controllers/index.js';
import { FIELD_MANAGER, type ControllerAdapter, type RegistrationRef, type RepositoryHeads } from '../controllers/adapter.js';
import { collectClusterEvidence } from '../evidence/cluster-evidence.js';
import { collectEvidence } from '../evidence/collect.js';
import { startRecorder, stopRecorder } from '../evidence/watch-recorder.js';
import { snapshotTree } from '../evidence/git-evidence.js';
import { applyGitStep } from '../git/steps.js';
import { branchHeads, cloneWorkspace, createLabRepo, labClock } from '../git/lab-repo.js';
import { PUSH_LOG } from '../git/push-log.js';
import { git, gitOut } from '../git/git.js';
import { ensureGitServer, pushURL, readGitServer } from '../git/server-process.js';
import { labStore, repoOf, sessionStore, type LabStore } from '../git/store.js';
import { replaceOrigin } from '../git/mirror.js';
import { newRunCredentials, withCredential, withoutCredential, type RunCredentials } from '../git/access.js';
import { createKubeClient, type KubeClient, type KubeObject } from '../kube/client.js';
import { auditPosition, type AuditPosition } from '../evidence/audit.js';
import { OFFLINE_BOUNDARIES, type Controller } from '../model/boundary.js';
import type { Evidence } from '../model/evidence.js';
import type { Scenario } from '../model/scenario.js';
import { isGitStep, type Step } from '../model/steps.js';
import { getProvider } from '../providers/index.js';
import type { ClusterStatus, ProviderName } from '../providers/provider.js';
import { freePort } from '../ports.js';
import { clusterStateDir } from '../providers/state.js';
import { LabError } from '../errors.js';
import { interrupted, onInterrupt, removeScratch, scratchDir } from '../scratch.js';
import { pollUntil } from '../wait.js';
import { deploymentRollout } from '../model/rollout.js';
import { readRollout } from '../model/rollouts-status.js';
import { createdFromGit } from './cleanup.js';
import { applyLiveStep, type LiveContext } from './live-steps.js';
import { handedOverKinds } from './tenancy.js';
import type { Session } from '../model/session.js';
import { newRunId, newSession, saveSession, stateHome } from './session.js';
import { environmentsFor, labVars } from './start.js';

export interface LiveOptions {
  readonly cluster: string;
  readonly log?: (line: string) => void;
  /** Bound for each "wait until the controller settles". */
  readonly settleTimeoutMs?: number;
}

export const DEFAULT_SETTLE_TIMEOUT_MS = 90_000;
const HEALTH_SETTLE_MS = 30_000;
const PROVISIONAL_GRACE_MS = 20_000;
/** A rollout whose status has not changed for this long is where it rests (e.g. Pods that never become Ready). */
const HEALTH_STILL_MS = 6_000;
/**
 * The same for an Argo Rollout: its controller re-reads a Rollout after a change to one of its Services through a
 * rate-limited queue (utils/queue DefaultArgoRolloutsRateLimiter: per-item exponential backoff up to 10 s), so a
 * Rollout refused as InvalidSpec may answer a fixed Service only ~10 s later. Seen in validate: a blue-green
 * solution graded at 6 s still Degraded, its preview without endpoints.
 */
const ROLLOUT_STILL_MS = 12_000;

/** How long workloads still moving must stay unchanged to be where they rest: longer when an Argo Rollout is among them. */
export function restsAfterMs(moving: readonly Pick<KubeObject, 'kind'>[]): number {
  return moving.some((o) => o.kind === 'Rollout') ? ROLLOUT_STILL_MS : HEALTH_STILL_MS;
}
/**
 * The first pause of the settle's polls (doubling to their interval): a controller answers a refresh of a
 * converged registration within a few hundred milliseconds, and a grade should see the answer when it comes.
 */
const FIRST_POLL_MS = 50;

/**
 * Whether the ReplicaSet of a Rollout's pod-template hash has fewer ready Pods than it wants (false when there is
 * none: nothing to wait for).
 */
export function podsNotReady(replicaSets: readonly KubeObject[], hash: string | undefined): boolean {
  if (hash === undefined) return false;
  const rs = replicaSets.find((x) => x.metadata.labels?.['rollouts-pod-template-hash'] === hash);
  if (!rs) return false;
  const want = (rs['spec'] as { replicas?: number } | undefined)?.replicas ?? 0;
  const ready = (rs['status'] as { readyReplicas?: number } | undefined)?.readyReplicas ?? 0;
  return ready < want;
}

/** The last look at an environment's rollouts: what was moving, and since when it has not changed. */
export interface Stillness {
  signature: string;
  since: number;
}

/**
 * In one process that plays phases one after another (validate), an environment's last look at its rollouts
 * carries over to its next settle when nothing was changed in between: the same head as the last settle, no cluster
 * step since. A blue-green whose seeded Rollout rests Degraded then waits its rest (ROLLOUT_STILL_MS) once, not at
 * every settle of the reset, its replayed faults, the phase and the grade (four times 12 s a phase). Off by
 * default: a learner's grade may follow a kubectl change the harness never saw, so it always looks afresh.
 */
let carryRests = false;
const lastLooks = new Map<string, { readonly head: string; readonly still: Stillness }>();

export function carryRestsBetweenSettles(on: boolean): void {
  carryRests = on;
  lastLooks.clear();
}

/** The look a settle at `head` starts from: the last one, if the carry is on and nothing changed since; else a new one. */
export function stillnessAt(runId: string, env: string, head: string): Stillness {
  const key = `${runId}\0${env}`;
  const last = lastLooks.get(key);
  if (carryRests && last && last.head === head) return last.still;
  const still: Stillness = { signature: '', since: Date.now() };
  if (carryRests) lastLooks.set(key, { head, still });
  return still;
}

/** A cluster step was played in the run: the next settle of each of its environments looks afresh. */
export function changedByHand(runId: string): void {
  for (const key of lastLooks.keys()) if (key.startsWith(`${runId}\0`)) lastLooks.delete(key);
}

/** The environments a scenario needs on a cluster: those its live checks and steps name, else all. */
export function liveEnvironments(scenario: Scenario): string[] {
  const named = new Set<string>();
  for (const c of scenario.checks) {
    const g = GRADERS.get(c.grader);
    const env = (c.with as { environment?: unknown }).environment;
    if (g && !OFFLINE_BOUNDARIES.includes(g.boundary) && typeof env === 'string') named.add(env);
  }
  const steps = [...scenario.faults, ...scenario.solution.steps, ...scenario.wrongSolutions.flatMap((w) => w.steps)];
  for (const s of steps) if ('environment' in s) named.add(s.environment);
  return named.size > 0 ? Object.keys(scenario.environments).filter((e) => named.has(e)) : Object.keys(scenario.environments);
}

/** The provider that has a cluster of this name (local first, then an existing cluster registered under it). */
export async function findCluster(name: string): Promise<{ provider: ProviderName; status: ClusterStatus }> {
  let last: ClusterStatus | undefined;
  for (const provider of ['local', 'existing', 'kind'] as const) {
    let st: ClusterStatus;
    try {
      st = await getProvider(provider).status(name);
    } catch {
      continue; // a provider that is not available here
    }
    if (st.state !== 'absent') return { provider, status: st };
    last = st;
  }
  throw new LabError('CLUSTER_UNAVAILABLE', `no cluster named "${name}"${last?.message ? ` (${last.message})` : ''}`, {
    suggestion: `gitops-lab up --provider local --controller all --name ${name}`,
  });
}

export async function openCluster(name: string, needs: readonly string[]): Promise<{ kube: KubeClient; auditLog: string | undefined; kubeconfig: string; provider: ProviderName }> {
  const { provider, status: st } = await findCluster(name);
  if (st.state !== 'running' || !st.kubeconfig) {
    throw new LabError('CLUSTER_UNAVAILABLE', `cluster "${name}" is not running (${st.state}${st.message ? `: ${st.message}` : ''})`, {
      suggestion: `gitops-lab status --name ${name}`,
    });
  }
  const missing = needs.filter((c) => !st.controllers.includes(c as never));
  if (missing.length > 0) {
    throw new LabError('CLUSTER_UNAVAILABLE', `cluster "${name}" runs ${st.controllers.join(', ') || 'no controllers'}; this scenario needs ${missing.join(', ')}`, {
      suggestion: `gitops-lab down --name ${name} && gitops-lab up --provider ${provider} --controller all --name ${name}`,
    });
  }
  return { kube: createKubeClient(st.kubeconfig), auditLog: st.auditLog, kubeconfig: st.kubeconfig, provider };
}

/** The controller object a registration found in Git names. */
const refOf = (reg: { readonly name: string; readonly namespace: string | undefined } | undefined): RegistrationRef | undefined =>
  reg ? { name: reg.name, ...(reg.namespace ? { namespace: reg.namespace } : {}) } : undefined;

/**
 * Whether the harness may act on a registration Git names: a Flux registration lives in one of the run's own
 * namespaces (the learner writes its namespace; the harness reads and refreshes it as the admin, so one naming
 * another run's namespace must not send it there). Argo CD's are always read in argocd.
 */
export function ownRegistration(controller: Controller, reg: { readonly namespace: string | undefined }, runNamespaces: readonly string[]): boolean {
  return controller !== 'flux' || (reg.namespace !== undefined && runNamespaces.includes(reg.namespace));
}

/** Live context for one session: registration names come from what Git holds now. */
class LiveSession {
  constructor(
    readonly session: Session,
    readonly kube: KubeClient,
    readonly adapter: ControllerAdapter,
    readonly log: (line: string) => void,
    readonly settleTimeoutMs: number,
  ) {}

  /** A commit's tree never changes: each is read once per live session (settle and the grade's names ask for the same head). */
  private readonly trees = new Map<string, ReturnType<typeof snapshotTree>>();
  /** Where the lab repository is; with a server of its own storage, head() fetches the mirror first. */
  private get store(): LabStore {
    return (this.storeOnce ??= sessionStore(this.session));
  }
  private storeOnce: LabStore | undefined;

  private async registrationAt(env: string, sha: string) {
    let read = this.trees.get(sha);
    if (!read) {
      read = snapshotTree(this.session.bareDir, sha);
      this.trees.set(sha, read);
      read.catch(() => this.trees.delete(sha)); // a failed read is tried again next time
    }
    const tree = await read;
    const own = this.session.environments[env]!;
    // Environments whose registrations share this directory (one ApplicationSet there generates them all).
    const sharedWith = Object.entries(this.session.environments).filter(([name, e]) => name !== env && e.registration === own.registration).map(([, e]) => e.path);
    const reg = registrationFor(findRegistrations(tree, `${own.registration}/${this.adapter.name}`, this.adapter.name), own.path, sharedWith);
    const namespaces = Object.values(this.session.environments).map((e) => e.namespace);
    // One outside the run is none the harness reads: the root's refusal of it is what the grade shows.
    return reg && ownRegistration(this.adapter.name, reg, namespaces) ? reg : undefined;
  }

  async head(): Promise<string> {
    await this.store.sync(repoOf(this.session.bareDir));
    return (await branchHeads(this.session.bareDir))[this.session.trackedBranch] ?? this.session.seedSha;
  }

  /** The lab repository as the controllers read it, with its branch heads as they are now (read at each refresh). */
  private async repository(): Promise<RepositoryHeads> {
    return { url: this.session.repoURL, heads: await branchHeads(this.session.bareDir) };
  }

  private async refresh(env: string, reg: RegistrationRef | undefined): Promise<void> {
    await this.adapter.refresh(this.kube, this.session.runId, env, reg, await this.repository());
  }

  async registrationNames(): Promise<Record<string, RegistrationRef | undefined>> {
    const head = await this.head();
    const out: Record<string, RegistrationRef | undefined> = {};
    for (const env of this.session.live!.environments) out[env] = refOf(await this.registrationAt(env, head));
    return out;
  }

  /** Refresh, then wait until the controller reports the revision the registration tracks, or a terminal error. */
  async settle(env: string): Promise<void> {
    const since = new Date(Date.now() - 1000).toISOString();
    const head = await this.head();
    const reg = await this.registrationAt(env, head);
    // What the registration's spec was when we asked: if the root, once settled, has left it as it was (a converged
    // grade), the refresh asked together with the root's holds, and no second refresh is needed.
    const specBefore = reg ? await this.registrationSpec(reg) : undefined;
    await this.refresh(env, refOf(reg));
    // The root first: until it has applied what Git says under platform/ (the registration, an AppProject,
    // RBAC), the registration's own status answers an older question.
    await this.settleRoot(env, head, since);
    if (!reg) return;
    const unchanged = specBefore !== undefined && specBefore === (await this.registrationSpec(reg));
    if (!unchanged) await this.refresh(env, refOf(reg));
    const rev = reg.revision === undefined || reg.revision === 'HEAD' ? this.session.trackedBranch : reg.revision;
    const expected = await gitOut(this.session.bareDir, ['rev-parse', '--verify', `${rev}^{commit}`]).catch(() => rev);
    const deadline = Date.now() + this.settleTimeoutMs;
    let last = '';
    let refreshedAgain = false;
    let provisionalSince: number | undefined;
    const stuck = stillnessAt(this.session.runId, env, head);
    const settled = await pollUntil(
      async () => {
        const verdict = this.adapter.settled(await this.adapter.read(this.kube, refOf(reg)!), expected, since);
        last = verdict.state;
        if (verdict.settled && !verdict.provisional) return true;
        // A provisional answer (applied, health still checking) is accepted after a short grace, or as soon as a
        // Deployment of the environment is stuck (not rolled out, unchanged for HEALTH_STILL_MS): the controller's
        // health check cannot pass before it runs out, so waiting longer only delays the same evidence.
        if (verdict.settled) {
          provisionalSince ??= Date.now();
          if (Date.now() - provisionalSince > PROVISIONAL_GRACE_MS) return true;
          const rollouts = await this.rollouts(env, stuck);
          if (rollouts.moving > 0 && rollouts.stillMs > rollouts.restsAfterMs) {
            last = `${last}; ${rollouts.moving} workload(s) stuck rolling out`;
            return true;
          }
        } else provisionalSince = undefined;
        if (!refreshedAgain && Date.now() > deadline - this.settleTimeoutMs / 2) {
          // The registration may have been created by the root after our first refresh: ask once more.
          await this.refresh(env, refOf(reg));
          refreshedAgain = true;
        }
        return { pending: last };
      },
      { what: `${this.adapter.name} to settle ${env} on ${expected.slice(0, 7)}`, timeoutMs: this.settleTimeoutMs, intervalMs: 500, firstIntervalMs: FIRST_POLL_MS, stopOnError: true },
    );
    if (!settled.done) {
      await this.assertControllersAlive();
      this.log(`${env}: ${this.adapter.name} did not settle on ${expected.slice(0, 7)} within ${this.settleTimeoutMs / 1000}s (last: ${last}); grading what is there`);
      return;
    }
    this.log(`${env}: ${last}`);
    // The look at the rollouts carries over: a rollout already seen stuck is not watched for another HEALTH_STILL_MS.
    await this.settleHealth(env, stuck);
  }

  /** The registration's objects' specs as the cluster holds them (undefined while there are none). */
  private async registrationSpec(reg: { readonly name: string; readonly namespace: string | undefined }): Promise<string | undefined> {
    const objects = Object.values(await this.adapter.read(this.kube, refOf(reg)!)).filter((o): o is KubeObject => o !== undefined);
    return objects.length === 0 ? undefined : JSON.stringify(objects.map((o) => [o.kind, o.metadata.name, o['spec']]));
  }

  private async settleRoot(env: string, head: string, since: string): Promise<void> {
    const root = this.adapter.rootName(this.session.runId, env);
    const settled = await pollUntil(
      async () => {
        const verdict = this.adapter.settled(await this.adapter.read(this.kube, { name: root }), head, since);
        return verdict.settled ? true : { pending: verdict.state };
      },
      { what: `the root registration of ${env} to settle on ${head.slice(0, 7)}`, timeoutMs: this.settleTimeoutMs, intervalMs: 300, firstIntervalMs: FIRST_POLL_MS, stopOnError: true },
    );
    if (settled.done) return;
    await this.assertControllersAlive();
    this.log(`${env}: the root registration did not settle on ${head.slice(0, 7)} (last: ${settled.last})`);
  }

  /**
   * Lets rollouts finish (bounded; a workload that never becomes ready is evidence, not an error): returns when
   * every Deployment is fully rolled out and every Rollout Healthy or Paused, or when nothing has moved for a few seconds.
   */
  private async settleHealth(env: string, still: Stillness = { signature: '', since: Date.now() }): Promise<void> {
    // Running out is not an error: a workload that never becomes ready is evidence.
    await pollUntil(
      async () => {
        const { moving, stillMs, restsAfterMs } = await this.rollouts(env, still);
        if (moving === 0 || stillMs > restsAfterMs) return true;
        return { pending: `${moving} workload(s) rolling out` };
      },
      { what: `the Deployments of ${env} to roll out`, timeoutMs: HEALTH_SETTLE_MS, intervalMs: 500, firstIntervalMs: FIRST_POLL_MS, stopOnError: true },
    );
  }

  /**
   * The environment's Deployments not yet rolled out and Rollouts neither Healthy nor Paused, and how long nothing
   * about them has changed (`still` carries the last look between calls), and how long that must be for them to
   * be where they rest (longer when an Argo Rollout is among them).
   */
  private async rollouts(env: string, still: Stillness): Promise<{ moving: number; stillMs: number; restsAfterMs: number }> {
    const namespace = this.session.environments[env]!.namespace;
    const deps = await this.kube.list('apps/v1', 'Deployment', { namespace });
    // Argo Rollouts answers after the controller that applied its Services or spec: a Rollout neither Healthy nor
    // Paused (a blue-green awaiting promotion, a canary at a pause step) may still move. Clusters without the
    // Rollout kind have none.
    const rollouts = this.rolloutsServed ? await this.kube.list('argoproj.io/v1alpha1', 'Rollout', { namespace }).catch((error: unknown) => this.noRollouts(error)) : [];
    // A Paused one too while the ReplicaSet it paused on has Pods not ready yet: Argo Rollouts pauses a blue-green
    // release once its preview ReplicaSet is available, before every Pod of it is ready and in the preview Service
    // (seen in validate: a solution graded with 1 of 2 preview endpoints ready).
    const paused = rollouts.filter((r) => readRollout(r).status.phase === 'Paused');
    const replicaSets = paused.length > 0 ? await this.kube.list('apps/v1', 'ReplicaSet', { namespace }) : [];
    const moving = [
      ...deps.filter((d) => !deploymentRollout(d).rolledOut),
      ...rollouts.filter((r) => !['Healthy', 'Paused'].includes(readRollout(r).status.phase ?? '')),
      ...paused.filter((r) => podsNotReady(replicaSets, readRollout(r).status.currentPodHash)),
    ];
    const signature = JSON.stringify(moving.map((d) => [d.kind, d.metadata.name, d.metadata.generation, d['status']]));
    if (signature !== still.signature) {
      still.signature = signature;
      still.since = Date.now();
    }
    return { moving: moving.length, stillMs: Date.now() - still.since, restsAfterMs: restsAfterMs(moving) };
  }

  /** False once the API server said it serves no Rollout kind: the polls stop asking (each ask was a failed discovery). */
  private rolloutsServed = true;

  private noRollouts(error: unknown): KubeObject[] {
    if (error instanceof LabError && /unrecognized|could not find|not found|404/i.test(error.message)) this.rolloutsServed = false;
    return [];
  }

  async assertControllersAlive(): Promise<void> {
    const st = await getProvider(this.session.live!.provider).status(this.session.live!.cluster);
    const dead = st.processes.filter((p) => !p.alive).map((p) => p.name);
    if (st.state !== 'running' || dead.length > 0) {
      throw new LabError('CLUSTER_UNAVAILABLE', `the cluster or a controller stopped answering (${dead.join(', ') || st.state})`, {
        suggestion: `gitops-lab status --name ${this.session.live!.cluster}`,
      });
    }
  }

  private names: Record<string, RegistrationRef | undefined> = {};

  context(): LiveContext {
    return {
      kube: this.kube,
      adapter: this.adapter,
      namespaces: Object.fromEntries(Object.entries(this.session.environments).map(([k, v]) => [k, v.namespace])),
      registrationOf: (env) => this.names[env],
      settle: (env) => this.settle(env),
      bareDir: this.session.bareDir,
      headSha: () => this.head(),
      environments: this.session.environments,
      log: this.log,
    };
  }

  /** Applies steps in order: Git steps in `workdir` (pushed), cluster steps through the API. */
  async applySteps(steps: readonly Step[], workdir: string, clock?: () => number): Promise<void> {
    const ctx = this.context();
    const vars = labVars(this.session.repoURL, this.session.runId, this.session.environments, `-${this.session.runId}`);
    let gitChanged = false;
    for (const step of steps) {
      if (isGitStep(step)) {
        await applyGitStep({ workdir, trackedBranch: this.session.trackedBranch, vars, ...(clock ? { clock } : {}) }, step);
        gitChanged = true;
        continue;
      }
      if (gitChanged) {
        for (const env of this.session.live!.environments) await this.settle(env);
        gitChanged = false;
      }
      this.names = await this.registrationNames();
      this.log(`step ${step.action}${'environment' in step ? ` ${step.environment}` : ''}`);
      changedByHand(this.session.runId);
      // `{{lab.*}}` in a cluster step (a manifest's names, namespaces, repository) as in Git steps and files.
      await applyLiveStep(ctx, fillDeep(step, vars));
    }
    if (gitChanged) for (const env of this.session.live!.environments) await this.settle(env);
  }
}

export interface StartLiveOptions extends LiveOptions {
  readonly scenario: Scenario;
  readonly scenarioDir: string;
  readonly workspace: string;
  readonly controller: Controller;
  readonly mode?: 'practice' | 'exam';
  readonly learner?: string;
  /** Exam mode: the deadline (default: the time limit from the start). */
  readonly deadline?: string;
}

export async function startLive(o: StartLiveOptions): Promise<Session> {
  const { scenario } = o;
  const needs = [o.controller, ...(scenario.rollouts ? ['rollouts'] : [])];
  const { kube, auditLog, kubeconfig, provider } = await openCluster(o.cluster, needs);
  // Before the run makes anything: its grades read the audit log from here.
  const auditLogFrom = auditLog ? await auditPosition(auditLog) : undefined;
  const adapter = adapterFor(o.controller);
  const runId = newRunId();
  const suffix = `-${runId}`;
  const gitStateDir = clusterStateDir(o.cluster);
  const server = await ensureGitServer(gitStateDir, readGitServer(gitStateDir)?.port ?? (await freePort()));
  const repo = `${scenario.id}-${runId}`;
  const store = labStore(server);
  const bareDir = store.bareDir(repo);
  // This run's own credentials: the learner's pushes to and reads only this repository, the controllers' only reads it.
  const credentials = newRunCredentials(runId);
  // What the controllers pull from (the in-cluster Service where the server runs in the cluster: kind), with
  // their read-only credential in it: registrations name this URL.
  const repoURL = withCredential(`${server.clusterUrl ?? server.url}/${repo}.git`, credentials.reader);
  const environments = environmentsFor(scenario, suffix);
  const vars = labVars(repoURL, runId, environments, suffix);
  const stateDir = join(stateHome(), 'sessions', runId);
  const workspaceWasThere = await stat(o.workspace).then(() => true, () => false);
  // Until the session is handed over, an interrupt or an error undoes what has been made so far: the roots,
  // registrations and namespaces (cleanupLive, once the session exists), the lab repository, this run's state,
  // the workspace. On a shared cluster a start that failed half-way (one learner of a class) leaves nothing.
  let made: Session | undefined;
  const undo = async (): Promise<void> => {
    if (made) await cleanupLive(made);
    else await store.remove(repo);
    await rm(stateDir, { recursive: true, force: true });
    if (!workspaceWasThere) await rm(o.workspace, { recursive: true, force: true });
  };
  const unregister = onInterrupt(undo);
  try {
    made = await seedLive(o, { runId, suffix, server, store, repo, bareDir, repoURL, credentials, environments, vars, stateDir, gitStateDir, kube, auditLog, auditLogFrom, kubeconfig, provider, adapter }, (s) => (made = s));
    return made;
  } catch (error) {
    // An interrupt runs the undo itself (and the process is ending); an error is undone here, then reported.
    if (!interrupted()) {
      unregister();
      await undo().catch((e: unknown) => o.log?.(`could not undo the failed start of run ${runId}: ${e instanceof Error ? e.message : String(e)}`));
    }
    throw error;
  } finally {
    unregister();
  }
}

interface SeedPlan {
  readonly runId: string;
  readonly suffix: string;
  readonly server: Awaited<ReturnType<typeof ensureGitServer>>;
  readonly store: LabStore;
  readonly repo: string;
  readonly bareDir: string;
  readonly repoURL: string;
  readonly credentials: RunCredentials;
  readonly environments: ReturnType<typeof environmentsFor>;
  readonly vars: ReturnType<typeof labVars>;
  readonly stateDir: string;
  readonly gitStateDir: string;
  readonly kube: KubeClient;
  readonly auditLog: string | undefined;
  readonly auditLogFrom: AuditPosition | undefined;
  readonly kubeconfig: string;
  readonly provider: ProviderName;
  readonly adapter: ControllerAdapter;
}

/** startLive's work; `track` is told of the session as soon as it exists (for the interrupt undo). */
async function seedLive(o: StartLiveOptions, p: SeedPlan, track: (s: Session) => void): Promise<Session> {
  const log = o.log ?? (() => undefined);
  const { scenario } = o;
  const { runId, server, store, repo, bareDir, repoURL, credentials, environments, vars, stateDir, gitStateDir, kube, auditLog, auditLogFrom, kubeconfig, provider, adapter } = p;
  log(`lab repository ${withoutCredential(repoURL)} (controllers read as ${credentials.reader.username}, the learner pushes as ${credentials.learner.username})`);
  // The grants first: the repository is never there without them (no moment when anyone may read it).
  await store.create(repo, scenario.trackedBranch, credentials);
  const origin = store.origin(repo);
  const lab = await createLabRepo({ scenario, scenarioDir: o.scenarioDir, bareDir, repoURL, vars, applyFaults: false, ...(origin !== undefined ? { origin } : {}) });
  const live = liveEnvironments(scenario);
  const session = newSession({
    runId,
    scenario,
    controller: o.controller,
    provider,
    mode: o.mode ?? 'practice',
    ...(o.learner ? { learner: o.learner } : {}),
    ...(o.deadline !== undefined ? { deadline: o.deadline } : {}),
    lab,
    environments,
    layers: scenario.layers,
    stateDir,
    now: new Date(),
    live: { provider, cluster: o.cluster, kubeconfig, ...(auditLog ? { auditLog } : {}), ...(auditLogFrom ? { auditLogFrom } : {}), environments: live, handoverAt: '', gitStateDir },
  });
  track(session);
  const ls = new LiveSession(session, kube, adapter, log, o.settleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS);
  getProvider(provider).recordRun(o.cluster, { runId, namespaces: Object.values(environments).map((e) => e.namespace) });
  const registrationDirs = Object.values(environments).map((e) => `${e.registration}/${o.controller}`);
  // Only Argo CD's roots are limited by kind (their AppProject); Flux's roots take none.
  const rootKinds = o.controller === 'argocd' ? await handedOverKinds(bareDir, lab.trackedBranch, scenario.faults, vars, registrationDirs) : [];
  const namespaces = Object.values(environments).map((e) => e.namespace);
  for (const env of live) {
    const path = `${environments[env]!.registration}/${o.controller}`;
    for (const obj of adapter.rootObjects({ runId, environment: env, repoURL, branch: lab.trackedBranch, path, namespaces, rootKinds })) {
      await kube.apply(obj, { fieldManager: FIELD_MANAGER, force: true });
    }
  }
  if (!auditLog) {
    await mkdir(stateDir, { recursive: true });
    const recorder = await startRecorder(stateDir, kubeconfig, live.map((e) => environments[e]!.namespace));
    session.live = { ...session.live!, recorder };
    log(`no audit log for this cluster: recording changes by watch (pid ${recorder.pid})`);
  }
  log(`registered ${live.join(', ')} with ${o.controller}; waiting for the first sync`);
  for (const env of live) await ls.settle(env);

  // Faults, in order, from a scratch clone of the lab repository.
  const scratch = await scratchDir('faults');
  try {
    const seedWork = join(scratch, 'work');
    await cloneWorkspace(bareDir, seedWork, lab.trackedBranch);
    // The faults' commits go where the learner's will: the server (a mirror is only read).
    if (origin !== undefined) await replaceOrigin(seedWork, origin);
    await ls.applySteps(scenario.faults, seedWork, labClock(Math.floor(Date.now() / 1000) - 3600));
  } finally {
    await removeScratch(scratch);
  }
  await store.sync(repo);
  const heads = await branchHeads(bareDir);
  const handed: Session = {
    ...session,
    seedSha: heads[lab.trackedBranch] ?? lab.seedSha,
    seedBranches: heads,
    live: { ...session.live!, handoverAt: new Date().toISOString() },
  };
  // Exam mode: no push lands after the deadline, so the cluster never runs a commit the grade does not grade.
  if (handed.deadline !== undefined) await store.closeAt(repo, handed.deadline);
  await cloneWorkspace(pushURL(server, repo, credentials.learner), o.workspace, lab.trackedBranch);
  await saveSession(o.workspace, handed);
  return handed;
}

export interface GradeLiveOptions extends LiveOptions {
  readonly session: Session;
  readonly now?: () => Date;
  /** The caller has just settled every environment on the head (a reset): collect without asking again. */
  readonly settled?: boolean;
}

/** Refresh, wait for the controller, collect git + render + cluster evidence. */
export async function collectLiveEvidence(o: GradeLiveOptions): Promise<Evidence> {
  const { session } = o;
  const live = session.live;
  if (!live) throw new LabError('USAGE', 'this is an offline session; grade it with --offline');
  const adapter = adapterFor(session.controller);
  const kube = createKubeClient(live.kubeconfig);
  try {
    await kube.raw('/readyz');
  } catch (error) {
    throw new LabError('CLUSTER_UNAVAILABLE', `cluster "${live.cluster}" does not answer`, { cause: error, suggestion: `gitops-lab status --name ${live.cluster}` });
  }
  const ls = new LiveSession(session, kube, adapter, o.log ?? (() => undefined), o.settleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS);
  if (!o.settled) for (const env of live.environments) await ls.settle(env);
  const names = await ls.registrationNames();
  const evidence = await collectEvidence(session, {
    ...(o.now ? { now: o.now } : {}),
    cluster: () =>
      collectClusterEvidence({
        kube,
        adapter,
        environments: Object.fromEntries(live.environments.map((e) => [e, { namespace: session.environments[e]!.namespace, registration: names[e] }])),
        handoverAt: live.handoverAt,
        runId: session.runId,
        ...(live.auditLog ? { auditLog: live.auditLog } : {}),
        ...(live.auditLogFrom ? { auditLogFrom: live.auditLogFrom } : {}),
        ...(live.recorder ? { recorderFile: live.recorder.file } : {}),
      }),
  });
  // A controller that died while we waited must not turn into a learner's failure.
  await ls.assertControllersAlive();
  return evidence;
}

/** Applies steps as a person would in the session (solutions, wrong solutions): Git in the workspace, the rest via the API. */
export async function playSteps(session: Session, workspace: string, steps: readonly Step[], options: LiveOptions): Promise<void> {
  const kube = createKubeClient(session.live!.kubeconfig);
  const ls = new LiveSession(session, kube, adapterFor(session.controller), options.log ?? (() => undefined), options.settleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS);
  await ls.applySteps(steps, workspace);
}

/** Removes what a live session created: roots, registrations, namespaces, the lab repository. */
export async function cleanupLive(session: Session): Promise<void> {
  if (!session.live) return;
  stopRecorder(session.live.recorder);
  const kube = createKubeClient(session.live.kubeconfig);
  const adapter = adapterFor(session.controller);
  const namespaces = Object.values(session.environments).map((e) => e.namespace);
  await adapter.deleteRoots(kube, session.runId, session.live.environments, namespaces);
  const store = sessionStore(session);
  await store.sync(repoOf(session.bareDir)).catch(() => undefined); // what the roots last applied is the server's head
  const head = (await branchHeads(session.bareDir).catch(() => ({}) as Record<string, string>))[session.trackedBranch];
  const trees = await Promise.all([...new Set([session.seedSha, head].filter((x): x is string => !!x))].map((sha) => snapshotTree(session.bareDir, sha).catch(() => undefined)));
  const dirs = Object.values(session.environments).map((env) => `${env.registration}/${session.controller}`);
  // Whatever the roots applied from Git: registrations, and the AppProjects, ServiceAccounts and RBAC of some scenarios.
  for (const ref of createdFromGit(trees.filter((x) => x !== undefined), dirs, session.runId, adapter.namespace)) {
    await kube.delete(ref).catch((error: unknown) => {
      // A kind whose CRD is not installed here cannot have been created either.
      if (!(error instanceof LabError && /unrecognized|could not find|not found|404/i.test(error.message))) throw error;
    });
  }
  // Every namespace of the run (Flux's tenancy makes them all, not only the live environments').
  for (const name of namespaces) await kube.delete({ apiVersion: 'v1', kind: 'Namespace', name });
  await store.remove(repoOf(session.bareDir));
}

/** How long a reset waits for the run's registrations that are being deleted to go. */
const TERMINATING_WAIT_MS = 60_000;

/**
 * What a reset returns a handed-over session to: every ref of the lab repository and its push log as they were
 * at hand-over. The faults' Git steps are in those refs; their cluster steps are replayed (resetLive).
 */
export interface SeedSnapshot {
  readonly refs: Readonly<Record<string, string>>;
  readonly pushLog: string | undefined;
}

async function refsOf(bareDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const line of (await gitOut(bareDir, ['for-each-ref', '--format=%(objectname) %(refname)'])).split('\n').filter(Boolean)) {
    const [sha, ref] = line.split(' ');
    if (sha && ref) out[ref] = sha;
  }
  return out;
}

export async function snapshotSeed(session: Session): Promise<SeedSnapshot> {
  const pushLog = await readFile(join(session.bareDir, PUSH_LOG), 'utf8').catch(() => undefined);
  return { refs: await refsOf(session.bareDir), pushLog };
}

/**
 * Whether a reset can stand in for a fresh seed of this scenario: changes are read from the audit log (a
 * watch recorder's log has no position to start again from), and the faults' cluster steps all come after
 * their Git steps, so replaying them on the restored Git repeats the seed's order.
 */
export function resettable(scenario: Scenario, session: Session): boolean {
  if (!session.live?.auditLog || session.live.recorder || session.deadline !== undefined) return false;
  const firstLive = scenario.faults.findIndex((s) => !isGitStep(s));
  return firstLive < 0 || scenario.faults.slice(firstLive).every((s) => !isGitStep(s));
}

/**
 * The Git half of a reset: every ref of the lab repository back where it was at hand-over (refs made since are
 * deleted), the push log as it was, and a fresh clone of the tracked branch in the workspace, from the
 * workspace's own origin (the learner's URL).
 */
export async function restoreGit(session: Pick<Session, 'bareDir' | 'trackedBranch' | 'live'>, workspace: string, snapshot: SeedSnapshot): Promise<void> {
  const store = sessionStore(session);
  const repo = repoOf(session.bareDir);
  await store.sync(repo);
  const now = await refsOf(session.bareDir);
  const deleted = Object.keys(now).filter((ref) => snapshot.refs[ref] === undefined);
  const moved = Object.entries(snapshot.refs).filter(([ref, sha]) => now[ref] !== sha);
  if (store.ownStorage) {
    // The server's refs, by a push from the mirror (which holds every object the snapshot names) to its origin.
    if (deleted.length + moved.length > 0) await git(session.bareDir, ['push', '--quiet', '--force', 'origin', ...moved.map(([ref, sha]) => `${sha}:${ref}`), ...deleted.map((ref) => `:${ref}`)]);
  } else {
    const commands = [...deleted.map((ref) => `delete ${ref}`), ...moved.map(([ref, sha]) => `update ${ref} ${sha}`)];
    if (commands.length > 0) await git(session.bareDir, ['update-ref', '--stdin'], { input: `${commands.join('\n')}\n` });
  }
  // After the refs: the restoring push is logged too, and the log goes back to hand-over's over it.
  await store.writePushLog(repo, snapshot.pushLog);
  await store.sync(repo);
  const origin = await gitOut(workspace, ['remote', 'get-url', 'origin']);
  await rm(workspace, { recursive: true, force: true });
  await cloneWorkspace(origin, workspace, session.trackedBranch);
}

/**
 * Returns a handed-over session to its broken state instead of seeding a new one (validate's phases): the lab
 * repository's refs and push log as at hand-over, a fresh clone in the workspace, the controllers settled on
 * the restored head, the faults' cluster steps replayed; then a new hand-over (changes after it are the next
 * player's). It does not check its own work: the caller grades the result against the seed's grade and seeds
 * afresh when they differ.
 */
export async function resetLive(session: Session, workspace: string, snapshot: SeedSnapshot, scenario: Scenario, options: LiveOptions): Promise<Session> {
  const live = session.live;
  if (!live) throw new LabError('USAGE', 'an offline session has nothing on a cluster to reset');
  const from = live.auditLog ? await auditPosition(live.auditLog) : undefined;
  await restoreGit(session, workspace, snapshot);
  // The cluster: the controllers settle on the restored head, then the faults' cluster steps are played again.
  const kube = createKubeClient(live.kubeconfig);
  const adapter = adapterFor(session.controller);
  const ls = new LiveSession(session, kube, adapter, options.log ?? (() => undefined), options.settleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS);
  // A sync of the last phase's commit still retrying would hold the restored head back for its retries: end it.
  const names = await ls.registrationNames();
  changedByHand(session.runId);
  for (const env of live.environments) {
    for (const ref of [{ name: adapter.rootName(session.runId, env) }, names[env]]) {
      if (ref && (await adapter.endOperation(kube, ref))) options.log?.(`${env}: ended the operation still running on ${ref.name}`);
    }
  }
  for (const env of live.environments) await ls.settle(env);
  // A registration of the last phase that the restored head does not declare is being deleted (an Application an
  // ApplicationSet no longer generates, held by Argo CD's resources finalizer): until it is gone, the next phase's
  // apply of the same name lands on it and goes with it, leaving nothing. A fresh seed never has one: wait it out.
  const namespaces = Object.values(session.environments).map((e) => e.namespace);
  const cleared = await pollUntil(
    async () => {
      const left = await adapter.terminating(kube, session.runId, namespaces);
      return left.length === 0 ? true : { pending: `still being deleted: ${left.join(', ')}` };
    },
    { what: `the registrations of run ${session.runId} being deleted to go`, timeoutMs: TERMINATING_WAIT_MS, intervalMs: 250, stopOnError: true },
  );
  if (!cleared.done) options.log?.(`reset: ${cleared.last} after ${TERMINATING_WAIT_MS / 1000}s`);
  await ls.applySteps(scenario.faults.filter((s) => !isGitStep(s)), workspace);
  const reset: Session = { ...session, live: { ...live, ...(from ? { auditLogFrom: from } : {}), handoverAt: new Date().toISOString() } };
  await saveSession(workspace, reset);
  return reset;
}
