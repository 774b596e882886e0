/**
 * kwokctl configuration and command lines for the binary runtime. Every binary path is given explicitly
 * (local paths are symlinked by kwokctl, never downloaded), every port is explicit and bound to 127.0.0.1,
 * kube-apiserver audit logging is on, and our Stages replace kwok's defaults.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { BinaryPaths } from './build.js';

export const KWOK_PORT_NAMES = [
  'kubeApiserver',
  'etcd',
  'etcdPeer',
  'kubeControllerManager',
  'kubeScheduler',
  'kwokController',
] as const;
export type KwokPortName = (typeof KWOK_PORT_NAMES)[number];
export type KwokPorts = Readonly<Record<KwokPortName, number>>;

export interface KwokConfigInput {
  readonly binaries: BinaryPaths;
  readonly ports: KwokPorts;
  readonly auditPolicyPath: string;
  /** Stage documents (YAML text), each one `kind: Stage`. */
  readonly stages: readonly string[];
  readonly kubeVersion: string;
}

/** The KwokctlConfiguration document plus our Stages, as one multi-document YAML file. */
export function kwokctlConfigYaml(input: KwokConfigInput): string {
  const b = input.binaries;
  const p = input.ports;
  const config = {
    apiVersion: 'config.kwok.x-k8s.io/v1alpha1',
    kind: 'KwokctlConfiguration',
    options: {
      runtime: 'binary',
      kubeVersion: input.kubeVersion,
      bindAddress: '127.0.0.1',
      securePort: true,
      kubeAuthorization: true,
      kubeAdmission: true,
      disableQPSLimits: true,
      kubeAuditPolicy: input.auditPolicyPath,
      kubeApiserverPort: p.kubeApiserver,
      etcdPort: p.etcd,
      etcdPeerPort: p.etcdPeer,
      kubeControllerManagerPort: p.kubeControllerManager,
      kubeSchedulerPort: p.kubeScheduler,
      kwokControllerPort: p.kwokController,
      kubeApiserverBinary: b['kube-apiserver'],
      kubeControllerManagerBinary: b['kube-controller-manager'],
      kubeSchedulerBinary: b['kube-scheduler'],
      kubectlBinary: b.kubectl,
      etcdBinary: b.etcd,
      etcdctlBinary: b.etcdctl,
      kwokControllerBinary: b.kwok,
    },
  };
  return [stringify(config), ...input.stages].map((d) => d.trim() + '\n').join('---\n');
}

/** Stage files shipped in cluster-config/local/stages/, in a stable order. */
export function loadStages(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/**
 * Audit policy: metadata for everything, request bodies for writes to the kinds labs care about, nothing for
 * the noisy read-only and lease traffic. Used later to tell who changed what.
 */
export function auditPolicyYaml(): string {
  return stringify({
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    omitStages: ['RequestReceived'],
    rules: [
      { level: 'None', verbs: ['get', 'list', 'watch'] },
      { level: 'None', resources: [{ group: 'coordination.k8s.io', resources: ['leases'] }] },
      { level: 'None', resources: [{ group: '', resources: ['events'] }, { group: 'events.k8s.io', resources: ['events'] }] },
      { level: 'Metadata', resources: [{ group: '', resources: ['secrets', 'configmaps'] }] },
      { level: 'RequestResponse', verbs: ['create', 'update', 'patch', 'delete', 'deletecollection'] },
      { level: 'Metadata' },
    ],
  });
}

export interface KwokctlEnv {
  readonly KWOK_WORKDIR: string;
  readonly [k: string]: string;
}

export function kwokctlEnv(workdir: string, pathPrefix: string): KwokctlEnv {
  return {
    KWOK_WORKDIR: workdir,
    // kwokctl looks for kubectl on PATH first: put ours (the pinned build) in front.
    PATH: `${pathPrefix}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
  };
}

export function createClusterArgs(name: string, configPath: string, kubeconfigPath: string, timeoutSeconds: number): string[] {
  return [
    'create',
    'cluster',
    '--name',
    name,
    '--config',
    configPath,
    '--kubeconfig',
    kubeconfigPath,
    '--runtime',
    'binary',
    '--wait',
    `${timeoutSeconds}s`,
    '--timeout',
    `${timeoutSeconds}s`,
  ];
}

export function scaleNodesArgs(name: string, replicas: number): string[] {
  return ['scale', 'node', '--name', name, '--replicas', String(replicas)];
}

export function deleteClusterArgs(name: string, kubeconfigPath: string): string[] {
  return ['delete', 'cluster', '--name', name, '--kubeconfig', kubeconfigPath];
}
