/**
 * What `up` of the local provider will do, decided before it does any of it (apply.ts carries it out): the tool
 * links and files it writes, the kwokctl commands it runs, the state it records, and the controller processes
 * it starts with their ports, flags and kubeconfigs, in order. Pure: computed from the options, the built
 * binaries' paths, the allocated ports and the tools found on this machine.
 */
import { join } from 'node:path';
import type { ControllerName } from '../provider.js';
import type { ProcessSpec } from '../../supervisor.js';
import type { BinaryPaths } from './build.js';
import type { GroupName } from './components.js';
import { type ControllerPorts, controllerSpecs } from './controllers.js';
import { controllerKubeconfigPaths, controlPlaneIdentityFiles, withControlPlaneIdentities } from './identities.js';
import { auditPolicyYaml, createClusterArgs, type KwokctlEnv, kwokctlConfigYaml, kwokctlEnv, type KwokPorts, scaleNodesArgs } from './kwok.js';
import { type LocalState, STATE_VERSION } from './state.js';

export const DEFAULT_NODES = 2;
export const ARGOCD_RESYNC_SECONDS = 10;
/** kwokctl's own `--wait`/`--timeout` for `create cluster`, seconds. */
export const KWOKCTL_CREATE_WAIT_SECONDS = 180;

/** The directories of a cluster's state directory, created before anything else (relative to it). */
export const STATE_SUBDIRS = ['logs', 'pids', 'bin', 'tools', 'argocd/tls', 'argocd/ssh', 'argocd/gnupg', 'argocd/home', 'argocd/tmp', 'argocd/redis', 'flux/home', 'flux/tmp', 'flux/storage', 'rollouts/home'] as const;

/**
 * The learner's tools for a cluster: `<state dir>/tools`, put first on the learner's PATH by the line `start`
 * prints. It holds the Argo Rollouts kubectl plugin (`kubectl argo rollouts ...`), built from the controller's own
 * pinned module, where the cluster runs Argo Rollouts. Apart from the repo-server's bin/, which holds its scripts.
 */
export const learnerToolsDir = (stateDir: string): string => join(stateDir, 'tools');
export const ROLLOUTS_PLUGIN = 'kubectl-argo-rollouts';

/** The binary groups a controller selection needs built. */
export function buildGroups(controllers: readonly ControllerName[]): GroupName[] {
  const g: GroupName[] = ['kube', 'etcd', 'kwok'];
  if (controllers.includes('argocd')) g.push('argocd', 'tools');
  if (controllers.includes('flux')) g.push('flux', 'helmctl');
  if (controllers.includes('rollouts')) g.push('rollouts');
  return g;
}

/** One thing written into the state directory before kwokctl runs. */
export type PrepareStep =
  /** A symlink on the repo-server's (and kwokctl's) PATH, or in the learner's tools. */
  | { readonly kind: 'link'; readonly path: string; readonly target: string }
  /** Argo CD's repo-server scripts, copied from the pinned module into this directory. */
  | { readonly kind: 'repo-server-scripts'; readonly dir: string }
  | { readonly kind: 'file'; readonly path: string; readonly content: string }
  /** The control plane components' static tokens and kubeconfigs (fresh random tokens, so not in the plan). */
  | { readonly kind: 'control-plane-identities'; readonly server: string; readonly caFile: string };

export interface PlannedCommand {
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: KwokctlEnv;
  readonly timeoutMs: number;
}

export interface LocalUpInput {
  readonly name: string;
  readonly controllers: readonly ControllerName[];
  /** Simulated nodes; default DEFAULT_NODES. */
  readonly nodes?: number;
  readonly stateDir: string;
  readonly binaries: BinaryPaths;
  readonly kwokPorts: KwokPorts;
  readonly controllerPorts: ControllerPorts;
  /** The git and redis-server found on this machine (redis-server: '' when Argo CD is not selected). */
  readonly git: string;
  readonly redisServer: string;
  /** The pinned Kubernetes version, and the Stage documents that replace kwok's defaults. */
  readonly kubeVersion: string;
  readonly stages: readonly string[];
}

export interface LocalUpPlan {
  readonly name: string;
  readonly controllers: readonly ControllerName[];
  readonly nodes: number;
  readonly stateDir: string;
  /** In order. */
  readonly prepare: readonly PrepareStep[];
  /** Recorded before kwokctl runs, so that `down` can clean up whatever happens next. */
  readonly state: Omit<LocalState, 'createdAt' | 'processes' | 'timings'>;
  readonly createCluster: PlannedCommand;
  readonly scaleNodes: PlannedCommand;
  /** Process name -> the kubeconfig of its own identity. */
  readonly controllerKubeconfigs: Readonly<Record<string, string>>;
  /** Started in this order, then waited on in this order. */
  readonly processes: readonly ProcessSpec[];
}

export function planLocalUp(input: LocalUpInput): LocalUpPlan {
  const { name, controllers, stateDir, binaries, kwokPorts, controllerPorts } = input;
  const nodes = input.nodes ?? DEFAULT_NODES;
  const argocd = controllers.includes('argocd');
  // Tools on the repo-server's PATH: git, kustomize and helm (ours, pinned), plus kubectl for kwokctl.
  const toolsPath = join(stateDir, 'bin');
  const tools = [['git', input.git], ['kustomize', binaries.kustomize], ['helm', binaries.helm], ['argocd', binaries.argocd], ['kubectl', binaries.kubectl]] as const;
  const links: PrepareStep[] = tools.filter(([n]) => n === 'git' || n === 'kubectl' || argocd).map(([n, target]) => ({ kind: 'link', path: join(toolsPath, n), target }));
  if (controllers.includes('rollouts')) links.push({ kind: 'link', path: join(learnerToolsDir(stateDir), ROLLOUTS_PLUGIN), target: binaries[ROLLOUTS_PLUGIN] });

  const kwokWorkdir = join(stateDir, 'kwok');
  const kubeconfig = join(stateDir, 'kubeconfig');
  const auditPolicy = join(stateDir, 'audit-policy.yaml');
  const configPath = join(stateDir, 'kwokctl.yaml');
  const apiServer = `https://127.0.0.1:${kwokPorts.kubeApiserver}`;
  // kube-controller-manager, kube-scheduler and kwok-controller each as their own user (identities.ts).
  const kwokctlYaml = withControlPlaneIdentities(
    kwokctlConfigYaml({ binaries, ports: kwokPorts, auditPolicyPath: auditPolicy, stages: input.stages, kubeVersion: input.kubeVersion }),
    controlPlaneIdentityFiles(stateDir),
  );
  const prepare: PrepareStep[] = [
    ...links,
    ...(argocd ? [{ kind: 'repo-server-scripts', dir: toolsPath } as const] : []),
    { kind: 'file', path: auditPolicy, content: auditPolicyYaml() },
    { kind: 'control-plane-identities', server: apiServer, caFile: join(kwokWorkdir, 'clusters', name, 'pki', 'ca.crt') },
    { kind: 'file', path: configPath, content: kwokctlYaml },
  ];

  const env = kwokctlEnv(kwokWorkdir, toolsPath);
  const controllerKubeconfigs = controllerKubeconfigPaths(stateDir, controllers);
  return {
    name,
    controllers,
    nodes,
    stateDir,
    prepare,
    state: {
      version: STATE_VERSION,
      name,
      controllers,
      kubeconfig,
      apiServer,
      kwokWorkdir,
      auditLog: join(kwokWorkdir, 'clusters', name, 'logs', 'audit.log'),
      kwokPorts,
      controllerPorts,
      binaries,
    },
    createCluster: { file: binaries.kwokctl, args: createClusterArgs(name, configPath, kubeconfig, KWOKCTL_CREATE_WAIT_SECONDS), cwd: stateDir, env, timeoutMs: 240_000 },
    scaleNodes: { file: binaries.kwokctl, args: scaleNodesArgs(name, nodes), cwd: stateDir, env, timeoutMs: 60_000 },
    controllerKubeconfigs,
    processes: controllerSpecs(controllers, {
      binaries,
      kubeconfigs: controllerKubeconfigs,
      stateDir,
      ports: controllerPorts,
      toolsPath,
      argocdResyncSeconds: ARGOCD_RESYNC_SECONDS,
      redisServer: input.redisServer,
    }),
  };
}
