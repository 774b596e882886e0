/**
 * Carries out a LocalUpPlan (plan.ts): writes the tool links and files, records the state, creates the kwok
 * cluster and its nodes, installs the CRDs and config, creates the controllers' identities, then starts the
 * controller processes and waits for each to be ready. Undoing a failure is the caller's (`down`).
 */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../exec.js';
import { conditionStatus, createKubeClient, type KubeClient } from '../../kube/client.js';
import { isListening } from '../../ports.js';
import { FatalWaitError, httpOk, isAlive, logTail, type RunningProcess, startProcess, waitFor } from '../../supervisor.js';
import { waitForCrdsEstablished } from '../crds.js';
import { CONTROLLER_IDENTITIES } from '../identities.js';
import { controllerIdentityObjects, ensureControllerKubeconfigs, type TokenMinter, writeControlPlaneIdentities } from './identities.js';
import { INSTALL_FIELD_MANAGER, installArgocdRepoServerScripts, installPlans, planObjects } from './install.js';
import { ARGOCD_RESYNC_SECONDS, type LocalUpPlan, type PlannedCommand, type PrepareStep } from './plan.js';
import { type LocalState, writeState } from './state.js';

/** Runs one phase of `up`, records its milliseconds in `timings` and logs them. */
export type Phase = <T>(label: string, fn: () => Promise<T>) => Promise<T>;

export function phaseTimer(timings: Record<string, number>, log: (line: string) => void): Phase {
  return async (label, fn) => {
    const t0 = performance.now();
    const r = await fn();
    timings[label] = Math.round(performance.now() - t0);
    log(`  ${label.padEnd(22)} ${(timings[label] / 1000).toFixed(1)}s`);
    return r;
  };
}

async function prepare(step: PrepareStep, stateDir: string): Promise<void> {
  switch (step.kind) {
    case 'link':
      symlinkSync(step.target, step.path);
      return;
    case 'repo-server-scripts':
      await installArgocdRepoServerScripts(step.dir);
      return;
    case 'file':
      writeFileSync(step.path, step.content);
      return;
    case 'control-plane-identities':
      writeControlPlaneIdentities(stateDir, step.server, step.caFile);
      return;
  }
}

const runPlanned = (c: PlannedCommand) => run(c.file, c.args, { cwd: c.cwd, env: c.env, timeoutMs: c.timeoutMs });

async function waitForNodes(kube: KubeClient, nodes: number): Promise<void> {
  await waitFor(
    async () => {
      const list = await kube.list('v1', 'Node');
      const ready = list.filter((n) => conditionStatus(n, 'Ready') === 'True').length;
      return ready >= nodes ? true : { pending: `${ready}/${nodes} nodes Ready` };
    },
    { what: `${nodes} simulated nodes to be Ready`, timeoutMs: 60_000 },
  );
}

/**
 * Server-side apply through the API (no kubectl processes): namespaces, then CRDs, then wait for the CRDs to be
 * Established, then config and generated objects.
 */
async function installCrdsAndConfig(kube: KubeClient, controllers: LocalUpPlan['controllers']): Promise<void> {
  const plans = (await installPlans(controllers, ARGOCD_RESYNC_SECONDS)).map(planObjects);
  const opts = { fieldManager: INSTALL_FIELD_MANAGER, force: true };
  await Promise.all(plans.map((p) => kube.apply(p.namespace, opts)));
  const crds = plans.flatMap((p) => p.crds);
  await Promise.all(crds.map((c) => kube.apply(c, opts)));
  await waitForCrdsEstablished(kube, crds.map((c) => c.metadata.name ?? ''), 200);
  for (const p of plans) for (const o of [...p.config, ...p.cluster]) await kube.apply(o, opts);
}

/** Each controller as its own ServiceAccount, with a TokenRequest token in a kubeconfig of its own. */
async function createControllerIdentities(kube: KubeClient, plan: LocalUpPlan): Promise<void> {
  const opts = { fieldManager: INSTALL_FIELD_MANAGER, force: true };
  for (const c of plan.controllers) for (const id of CONTROLLER_IDENTITIES[c]) for (const o of controllerIdentityObjects(id)) await kube.apply(o, opts);
  await ensureControllerKubeconfigs(plan.stateDir, plan.state.kubeconfig, plan.controllers, kubectlMinter(plan.state.binaries.kubectl, plan.state.kubeconfig, plan.stateDir));
}

/** Ready, or a FatalWaitError as soon as the process has exited. */
async function waitForProcess(spec: LocalUpPlan['processes'][number], p: RunningProcess): Promise<void> {
  await waitFor(
    async () => {
      if (!isAlive(p.pid, p.startTime)) {
        throw new FatalWaitError('CLUSTER_UNAVAILABLE', `${spec.name} (pid ${p.pid}) exited before it was ready`, {
          details: [`log ${p.logFile}:`, ...logTail(p.logFile, 12).map((l) => `  ${l}`)],
        });
      }
      if ('tcp' in spec.ready) return (await isListening(spec.ready.tcp)) ? true : { pending: `nothing listening on 127.0.0.1:${spec.ready.tcp}` };
      return await httpOk(spec.ready.http);
    },
    { what: `${spec.name} to be ready`, timeoutMs: 90_000, lastState: () => [`log ${p.logFile}:`, ...logTail(p.logFile, 8).map((l) => `  ${l}`)] },
  );
}

/** Carries the plan out; returns the final state (also written to state.json, as it is after every process start). */
export async function applyLocalUp(plan: LocalUpPlan, timings: Record<string, number>, phase: Phase, log: (line: string) => void): Promise<LocalState> {
  const { stateDir } = plan;
  for (const step of plan.prepare) await prepare(step, stateDir);
  const s = plan.state;
  let state: LocalState = {
    version: s.version,
    name: s.name,
    createdAt: new Date().toISOString(),
    controllers: s.controllers,
    kubeconfig: s.kubeconfig,
    apiServer: s.apiServer,
    kwokWorkdir: s.kwokWorkdir,
    auditLog: s.auditLog,
    kwokPorts: s.kwokPorts,
    controllerPorts: s.controllerPorts,
    processes: [],
    binaries: s.binaries,
    timings,
  };
  writeState(state);

  await phase('kwokctl create cluster', async () => {
    await runPlanned(plan.createCluster);
  });
  const kube = createKubeClient(s.kubeconfig);
  await phase(`nodes (${plan.nodes}) ready`, async () => {
    await runPlanned(plan.scaleNodes);
    await waitForNodes(kube, plan.nodes);
  });
  await phase('install CRDs + config', () => installCrdsAndConfig(kube, plan.controllers));
  await phase('controller identities', () => createControllerIdentities(kube, plan));

  const processes: RunningProcess[] = [];
  await phase('controllers ready', async () => {
    for (const spec of plan.processes) {
      processes.push(await startProcess(spec, join(stateDir, 'logs'), join(stateDir, 'pids')));
      state = { ...state, processes: [...processes] };
      writeState(state);
    }
    for (let i = 0; i < plan.processes.length; i++) {
      const spec = plan.processes[i]!;
      const p = processes[i]!;
      await waitForProcess(spec, p);
      log(`  ${spec.name} ready (pid ${p.pid})`);
    }
  });
  state = { ...state, processes, timings };
  writeState(state);
  return state;
}

/** Tokens and identity checks through our pinned kubectl, as the cluster's admin. */
function kubectlMinter(kubectl: string, adminKubeconfig: string, cwd: string): TokenMinter {
  return {
    async createToken(namespace, serviceAccount, duration) {
      const r = await run(kubectl, ['--kubeconfig', adminKubeconfig, '-n', namespace, 'create', 'token', serviceAccount, '--duration', duration], { cwd, timeoutMs: 30_000 });
      return r.stdout.trim();
    },
    async whoami(file) {
      const r = await run(kubectl, ['--kubeconfig', file, 'auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'], { cwd, timeoutMs: 30_000, allowFailure: true });
      return r.exitCode === 0 ? r.stdout.trim() : undefined;
    },
  };
}
