/**
 * The Go tool-module groups under cluster-config/local/ and the binaries each one builds. One module per
 * group because of MVS (reference §0): Rollouts needs k8s 1.34 libraries, the control plane and Argo CD 1.36.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { LabError } from '../../errors.js';
import { repoRoot } from './paths.js';

export type GroupName = 'kube' | 'etcd' | 'kwok' | 'argocd' | 'flux' | 'helmctl' | 'rollouts' | 'tools';
export const GROUPS: readonly GroupName[] = ['kube', 'etcd', 'kwok', 'flux', 'helmctl', 'argocd', 'rollouts', 'tools'];

export type BinaryName =
  | 'kube-apiserver'
  | 'kube-controller-manager'
  | 'kube-scheduler'
  | 'kubectl'
  | 'etcd'
  | 'etcdctl'
  | 'kwok'
  | 'kwokctl'
  | 'argocd'
  | 'source-controller'
  | 'kustomize-controller'
  | 'helm-controller'
  | 'rollouts-controller'
  | 'kubectl-argo-rollouts'
  | 'kustomize'
  | 'helm';

export interface BinarySpec {
  readonly binary: BinaryName;
  /** Go package path (a tool directive in the group's go.mod). */
  readonly pkg: string;
}

export interface GroupSpec {
  readonly group: GroupName;
  readonly binaries: readonly BinarySpec[];
}

export interface ComponentPin {
  readonly version: string;
  readonly module: string;
  readonly stagingVersion?: string;
}

export interface Versions {
  readonly schemaVersion: number;
  readonly components: Readonly<Record<string, ComponentPin>>;
}

export function loadVersions(path = join(repoRoot(), 'cluster-config', 'versions.yaml')): Versions {
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new LabError('INVALID_CONFIG', `cannot read ${path}`, { cause: error });
  }
  const v = doc as Partial<Versions> | null;
  if (!v || typeof v !== 'object' || typeof v.components !== 'object' || v.components === null) {
    throw new LabError('INVALID_CONFIG', `${path} has no components map`);
  }
  for (const [name, pin] of Object.entries(v.components)) {
    if (!pin || typeof pin.version !== 'string' || typeof pin.module !== 'string') {
      throw new LabError('INVALID_CONFIG', `${path}: components.${name} needs version and module`);
    }
  }
  return { schemaVersion: Number(v.schemaVersion ?? 1), components: v.components };
}

/** The pinned Argo Rollouts version (of the controller and of the learner's kubectl plugin); empty when versions.yaml cannot be read. */
export function pinnedRolloutsVersion(): string {
  try {
    return pin(loadVersions(), 'argoRollouts').version;
  } catch {
    return ''; // versions.yaml is part of the package; without it a prompt only omits the version
  }
}

export function pin(versions: Versions, component: string): ComponentPin {
  const p = versions.components[component];
  if (!p) throw new LabError('INVALID_CONFIG', `versions.yaml has no components.${component}`);
  return p;
}

export const GROUP_SPECS: Readonly<Record<GroupName, GroupSpec>> = {
  kube: {
    group: 'kube',
    binaries: [
      { binary: 'kube-apiserver', pkg: 'k8s.io/kubernetes/cmd/kube-apiserver' },
      { binary: 'kube-controller-manager', pkg: 'k8s.io/kubernetes/cmd/kube-controller-manager' },
      { binary: 'kube-scheduler', pkg: 'k8s.io/kubernetes/cmd/kube-scheduler' },
      { binary: 'kubectl', pkg: 'k8s.io/kubernetes/cmd/kubectl' },
    ],
  },
  etcd: {
    group: 'etcd',
    binaries: [
      { binary: 'etcd', pkg: 'go.etcd.io/etcd/server/v3' },
      { binary: 'etcdctl', pkg: 'go.etcd.io/etcd/etcdctl/v3' },
    ],
  },
  kwok: {
    group: 'kwok',
    binaries: [
      { binary: 'kwok', pkg: 'sigs.k8s.io/kwok/cmd/kwok' },
      { binary: 'kwokctl', pkg: 'sigs.k8s.io/kwok/cmd/kwokctl' },
    ],
  },
  flux: {
    group: 'flux',
    binaries: [
      { binary: 'source-controller', pkg: 'github.com/fluxcd/source-controller' },
      { binary: 'kustomize-controller', pkg: 'github.com/fluxcd/kustomize-controller' },
    ],
  },
  // Flux's helm-controller in a module of its own: in the flux group's module MVS would move source-controller's and
  // kustomize-controller's dependencies (helm, k8s.io, controller-runtime) to helm-controller's newer ones.
  helmctl: { group: 'helmctl', binaries: [{ binary: 'helm-controller', pkg: 'github.com/fluxcd/helm-controller' }] },
  argocd: { group: 'argocd', binaries: [{ binary: 'argocd', pkg: 'github.com/argoproj/argo-cd/v3/cmd' }] },
  rollouts: {
    group: 'rollouts',
    binaries: [
      { binary: 'rollouts-controller', pkg: 'github.com/argoproj/argo-rollouts/cmd/rollouts-controller' },
      // The learner's `kubectl argo rollouts` plugin, from the controller's own module and version.
      { binary: 'kubectl-argo-rollouts', pkg: 'github.com/argoproj/argo-rollouts/cmd/kubectl-argo-rollouts' },
    ],
  },
  tools: {
    group: 'tools',
    binaries: [
      { binary: 'kustomize', pkg: 'sigs.k8s.io/kustomize/kustomize/v5' },
      { binary: 'helm', pkg: 'helm.sh/helm/v4/cmd/helm' },
    ],
  },
};

/**
 * The components of versions.yaml each group builds: a group's cache key hashes only these pins (with the `go:`
 * section), so a new or bumped pin rebuilds only its own group. Every component belongs to exactly one group
 * (test/harness/providers/local/build.test.ts), so no pin can be left out of every key.
 */
export const GROUP_COMPONENTS: Readonly<Record<GroupName, readonly string[]>> = {
  kube: ['kubernetes'],
  etcd: ['etcd'],
  kwok: ['kwok'],
  flux: ['sourceController', 'kustomizeController'],
  helmctl: ['helmController'],
  argocd: ['argocd'],
  rollouts: ['argoRollouts'],
  tools: ['kustomize', 'helm'],
};

/**
 * Version stamping (-X) per binary, so `--version` and the apiserver's /version report the pinned release
 * (reference §1: an unstamped kube build reports v0.0.0, which breaks Helm kubeVersion constraints).
 * `buildDate` is fixed to keep builds reproducible and the cache key meaningful.
 */
export function ldflagsFor(binary: BinaryName, versions: Versions): string[] {
  const flags: string[] = ['-s', '-w'];
  const x = (k: string, v: string): void => {
    flags.push('-X', `${k}=${v}`);
  };
  switch (binary) {
    case 'kube-apiserver':
    case 'kube-controller-manager':
    case 'kube-scheduler':
    case 'kubectl': {
      const v = pin(versions, 'kubernetes').version;
      const m = /^v(\d+)\.(\d+)\./.exec(v);
      for (const p of ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version']) {
        x(`${p}.gitVersion`, v);
        if (m) {
          x(`${p}.gitMajor`, m[1]!);
          x(`${p}.gitMinor`, m[2]!);
        }
        x(`${p}.gitTreeState`, 'clean');
        x(`${p}.buildDate`, '1970-01-01T00:00:00Z');
      }
      break;
    }
    case 'argocd': {
      const v = pin(versions, 'argocd').version.replace(/^v/, '');
      x('github.com/argoproj/argo-cd/v3/common.version', v);
      x('github.com/argoproj/argo-cd/v3/common.gitTreeState', 'clean');
      break;
    }
    case 'kustomize':
      x('sigs.k8s.io/kustomize/api/provenance.version', pin(versions, 'kustomize').version);
      break;
    case 'helm':
      x('helm.sh/helm/v4/internal/version.version', pin(versions, 'helm').version);
      break;
    case 'kwok':
    case 'kwokctl':
      x('sigs.k8s.io/kwok/pkg/consts.Version', pin(versions, 'kwok').version.replace(/^v/, ''));
      break;
    case 'rollouts-controller':
    case 'kubectl-argo-rollouts':
      x('github.com/argoproj/argo-rollouts/utils/version.version', pin(versions, 'argoRollouts').version.replace(/^v/, ''));
      break;
    default:
      break;
  }
  return flags;
}
