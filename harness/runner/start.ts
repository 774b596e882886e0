/** Starting a session offline: lab repository with faults, learner workspace, session record, prompt. */
import { runProjectName } from '../controllers/argocd.js';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { onInterrupt } from '../scratch.js';
import { join, relative, resolve } from 'node:path';
import { createLabRepo, cloneWorkspace } from '../git/lab-repo.js';
import { closeAt } from '../git/push-log.js';
import { shellWord, utc } from './handout.js';
import { getProvider } from '../providers/index.js';
import type { LearnerTools } from '../providers/provider.js';
import type { LabVars } from '../git/template.js';
import type { Controller } from '../model/boundary.js';
import { loadScenario } from '../scenario/load.js';
import { LabError } from '../errors.js';
import type { Session } from '../model/session.js';
import { newRunId, newSession, saveSession, stateHome } from './session.js';
import type { Scenario } from '../model/scenario.js';

export interface StartOptions {
  readonly scenarioId: string;
  readonly workspace: string;
  readonly controller?: Controller;
  readonly mode?: 'practice' | 'exam';
  readonly learner?: string;
  readonly bank?: string;
  readonly now?: () => Date;
  /** Exam mode: the deadline (default: the time limit from now). */
  readonly deadline?: string;
}

export function environmentsFor(scenario: Scenario, suffix = ''): Session['environments'] {
  return Object.fromEntries(
    Object.entries(scenario.environments).map(([name, e]) => [name, { namespace: `${e.namespace}${suffix}`, path: e.path, registration: e.registration, ...(e.helm ? { helm: e.helm } : {}) }]),
  );
}

export function labVars(repoURL: string, runId: string, envs: Session['environments'], suffix = ''): LabVars {
  return { repoURL, runId, suffix, namespaces: Object.fromEntries(Object.entries(envs).map(([n, e]) => [n, e.namespace])), project: runProject(suffix) };
}

/** The AppProject a run's registrations name: the run's own where runs share a cluster (suffix `-<run>`), else `default`. */
export function runProject(suffix: string): string {
  return suffix ? runProjectName(suffix.slice(1)) : 'default';
}

export async function assertEmptyOrMissing(dir: string): Promise<void> {
  try {
    const entries = await readdir(dir);
    if (entries.length > 0) throw new LabError('USAGE', `workspace ${dir} exists and is not empty`, { suggestion: 'choose a new directory for the workspace' });
  } catch (error) {
    if (error instanceof LabError) throw error;
  }
}

export async function startOffline(options: StartOptions): Promise<{ session: Session; scenario: Scenario; workspace: string }> {
  const { scenario, dir } = await loadScenario(options.scenarioId, options.bank);
  const controller = options.controller ?? scenario.controllers[0]!;
  if (!scenario.controllers.includes(controller)) {
    throw new LabError('USAGE', `scenario ${scenario.id} supports ${scenario.controllers.join(', ')}, not ${controller}`);
  }
  const workspace = resolve(options.workspace);
  await assertEmptyOrMissing(workspace);
  const runId = newRunId();
  const stateDir = join(stateHome(), 'sessions', runId);
  if (!relative(workspace, stateDir).startsWith('..')) {
    throw new LabError('USAGE', `workspace ${workspace} contains gitops-lab's state directory ${stateHome()}`, {
      suggestion: 'choose a workspace outside GITOPS_LAB_HOME',
    });
  }
  // A half-made session (interrupted, or failed part-way) leaves nothing behind: its state and workspace go.
  const workspaceExisted = await stat(workspace).then(() => true, () => false);
  const undo = async (): Promise<void> => {
    await rm(stateDir, { recursive: true, force: true });
    if (workspaceExisted) {
      for (const e of await readdir(workspace).catch(() => [])) await rm(join(workspace, e), { recursive: true, force: true });
    } else {
      await rm(workspace, { recursive: true, force: true });
    }
  };
  const unregister = onInterrupt(undo);
  let session: Session;
  try {
    await mkdir(stateDir, { recursive: true });
    const bareDir = join(stateDir, 'lab.git');
    const repoURL = `file://${bareDir}`;
    const environments = environmentsFor(scenario);
    const lab = await createLabRepo({ scenario, scenarioDir: dir, bareDir, repoURL, vars: labVars(repoURL, runId, environments) });
    await cloneWorkspace(bareDir, workspace, scenario.trackedBranch);
    session = newSession({
      runId,
      scenario,
      controller,
      provider: 'offline',
      mode: options.mode ?? 'practice',
      ...(options.learner !== undefined ? { learner: options.learner } : {}),
      lab,
      environments,
      layers: scenario.layers,
      stateDir,
      now: options.now?.() ?? new Date(),
      ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
    });
    if (session.deadline !== undefined) await closeAt(bareDir, session.deadline);
    await saveSession(workspace, session);
  } catch (error) {
    await undo();
    throw error;
  } finally {
    unregister();
  }
  return { session, scenario, workspace };
}

export type { LearnerTools };

/**
 * What the session's cluster gives the learner (its provider says: on the local provider, the Argo Rollouts kubectl
 * plugin where `up` linked it; kind and existing clusters give none, nothing is downloaded). Offline: nothing.
 */
export function learnerTools(session: Pick<Session, 'live'>): LearnerTools {
  return session.live ? getProvider(session.live.provider).learnerTools(session.live.cluster) : { rolloutsVersion: '' };
}

/** The prompt's lines for reaching the cluster from a shell: KUBECONFIG, the plugin on PATH, the namespaces. */
export function clusterToolLines(scenario: Scenario, session: Session, tools: LearnerTools): string[] {
  const live = session.live;
  if (!live) return [];
  const plugin = `the Argo Rollouts kubectl plugin${tools.rolloutsVersion ? ` ${tools.rolloutsVersion}` : ''}`;
  const exportLine = `export KUBECONFIG=${shellWord(live.kubeconfig)}${tools.pluginDir ? ` PATH=${shellWord(tools.pluginDir)}:"$PATH"` : ''}`;
  const namespaces = live.environments.map((e) => `${e} ${session.environments[e]?.namespace ?? '?'}`).join(', ');
  const lines = [
    `The cluster, for kubectl${tools.pluginDir ? ` and \`kubectl argo rollouts\` (${plugin})` : ''}: ${exportLine}`,
    `Namespaces: ${namespaces}`,
  ];
  if (!tools.pluginDir && scenario.rollouts) {
    lines.push(
      live.provider === 'local'
        ? `\`kubectl argo rollouts\` is not set up for cluster ${live.cluster}: it was brought up before \`gitops-lab setup local\` built ${plugin}; \`kubectl get rollout <name> -n <namespace> -o yaml\` shows the same status.`
        : `${plugin[0]!.toUpperCase()}${plugin.slice(1)} is not provided on ${live.provider} clusters: install kubectl-argo-rollouts yourself to use \`kubectl argo rollouts\`; \`kubectl get rollout <name> -n <namespace> -o yaml\` needs nothing more.`,
    );
  }
  return lines;
}

export function promptText(scenario: Scenario, session: Session, workspace: string, tools: LearnerTools = learnerTools(session)): string {
  return [
    `${scenario.title} (${scenario.id}, ${session.controller}, ${session.mode} mode, ${scenario.timeLimitMinutes} min)`,
    '',
    scenario.prompt.trim(),
    '',
    `Your workspace: ${workspace}`,
    ...clusterToolLines(scenario, session, tools),
    ...(session.deadline !== undefined ? [`Deadline: ${utc(session.deadline)}. Pushes after it are refused; your last push before it is the one graded.`] : []),
    `Commit your fix and \`git push\` to ${session.trackedBranch}; then run: gitops-lab ${session.live ? 'watch' : 'grade --offline'} --workspace ${workspace}`,
  ].join('\n');
}
