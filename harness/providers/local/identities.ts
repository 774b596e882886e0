/**
 * Who each component of a local cluster is to the API server. kwokctl's binary runtime hands one admin
 * kubeconfig (user `kwok-admin`, group `system:masters`) to kube-controller-manager, kube-scheduler and
 * kwok-controller, and the controllers used to get the same file as the learner's kubectl: the audit log could
 * not tell them apart. Here every component authenticates as its own identity:
 *
 * - kube-controller-manager, kube-scheduler and kwok-controller: static bearer tokens (kube-apiserver
 *   `--token-auth-file`, passed through kwokctl's componentsPatches), users `system:kube-controller-manager`,
 *   `system:kube-scheduler` and `system:kwok-controller`, in group `system:masters` (the authority kwokctl gives
 *   them today). They must exist before the API server has any ServiceAccount, hence static tokens.
 * - Argo CD, Flux and Argo Rollouts: a ServiceAccount each, named as the upstream installs name them, bound to
 *   `cluster-admin` (broader than upstream's ClusterRoles; acceptable for a lab cluster, and it never depends on
 *   which upstream rules a lab happens to exercise), except Argo CD's applicationset-controller, which gets
 *   upstream's own Role in argocd (it writes Applications there and nothing elsewhere), with a token from the TokenRequest API
 *   (`kubectl create token --duration`), written into a kubeconfig of its own (mode 0600) in the cluster's
 *   state directory. kwokctl's kube-apiserver signs ServiceAccount tokens with its admin key, issuer
 *   `https://kubernetes.default.svc.cluster.local`, and sets no `--service-account-max-token-expiration`, so
 *   the requested duration is granted as asked.
 *
 * What this does not stop: on the local provider the learner is the same OS user as every component and holds
 * `cluster-admin`, so they can read these files or mint a token for a controller's ServiceAccount. The audit
 * log records that minting (a `create` of `serviceaccounts/token`), which the audit reader reports.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { KubeObject } from '../../kube/client.js';
import { CONTROL_PLANE_IDENTITIES, CONTROLLER_IDENTITIES, type ControllerIdentity, serviceAccountUser } from '../identities.js';
import type { ControllerName } from '../provider.js';

/** How long a controller's token lives: a year, longer than any lab cluster. */
export const TOKEN_DURATION = '8760h';

export const identitiesDir = (stateDir: string): string => join(stateDir, 'identities');
export const staticTokenFile = (stateDir: string): string => join(identitiesDir(stateDir), 'static-tokens.csv');
export const componentKubeconfig = (stateDir: string, name: string): string => join(identitiesDir(stateDir), `${name}.kubeconfig`);

function writePrivate(file: string, text: string): void {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600); // an existing file keeps its mode on write
}

/** A kubeconfig with one bearer token for one server. */
export function tokenKubeconfigYaml(input: { readonly server: string; readonly caFile: string; readonly user: string; readonly token: string }): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'lab', cluster: { server: input.server, 'certificate-authority': input.caFile } }],
    users: [{ name: input.user, user: { token: input.token } }],
    contexts: [{ name: 'lab', context: { cluster: 'lab', user: input.user } }],
    'current-context': 'lab',
  });
}

export interface ControlPlaneIdentityFiles {
  /** kube-apiserver's `--token-auth-file`. */
  readonly tokenFile: string;
  /** Component name -> its kubeconfig. */
  readonly kubeconfigs: Readonly<Record<(typeof CONTROL_PLANE_IDENTITIES)[number]['component'], string>>;
}

/**
 * Writes the static tokens and the control plane components' kubeconfigs (before `kwokctl create cluster`;
 * the CA file kwokctl writes is read only when the components start).
 */
export function writeControlPlaneIdentities(stateDir: string, server: string, caFile: string): ControlPlaneIdentityFiles {
  mkdirSync(identitiesDir(stateDir), { recursive: true, mode: 0o700 });
  const files = controlPlaneIdentityFiles(stateDir);
  const lines: string[] = [];
  for (const { component, user } of CONTROL_PLANE_IDENTITIES) {
    const token = randomBytes(32).toString('hex');
    // token,user,uid,"group1,group2"
    lines.push(`${token},${user},${user},"system:masters"`);
    writePrivate(files.kubeconfigs[component], tokenKubeconfigYaml({ server, caFile, user, token }));
  }
  writePrivate(files.tokenFile, lines.join('\n') + '\n');
  return files;
}

/** Where writeControlPlaneIdentities writes the static tokens and each component's kubeconfig (pure). */
export function controlPlaneIdentityFiles(stateDir: string): ControlPlaneIdentityFiles {
  const kubeconfigs: Record<string, string> = {};
  for (const { component } of CONTROL_PLANE_IDENTITIES) kubeconfigs[component] = componentKubeconfig(stateDir, component);
  return { tokenFile: staticTokenFile(stateDir), kubeconfigs: kubeconfigs as ControlPlaneIdentityFiles['kubeconfigs'] };
}

/** Process name -> the kubeconfig ensureControllerKubeconfigs writes for its identity (pure). */
export function controllerKubeconfigPaths(stateDir: string, controllers: readonly ControllerName[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of controllers) for (const id of CONTROLLER_IDENTITIES[c]) for (const p of id.processes) out[p] = componentKubeconfig(stateDir, id.serviceAccount);
  return out;
}

/**
 * The kwokctl configuration with the identities patched in: the API server reads the static tokens, and each
 * component's `--kubeconfig` (kwokctl gives them its admin kubeconfig) is replaced by its own.
 */
export function withControlPlaneIdentities(kwokctlYaml: string, files: ControlPlaneIdentityFiles): string {
  const [first, ...rest] = kwokctlYaml.split(/^---\n/m);
  const config = parse(first!) as Record<string, unknown>;
  config['componentsPatches'] = [
    { name: 'kube-apiserver', extraArgs: [{ key: 'token-auth-file', value: files.tokenFile }] },
    // override: kwokctl (v0.8.0) replaces its own `--kubeconfig=` argument in place instead of adding a second.
    ...CONTROL_PLANE_IDENTITIES.map(({ component }) => ({ name: component, extraArgs: [{ key: 'kubeconfig', value: files.kubeconfigs[component], override: true }] })),
  ];
  return [stringify(config), ...rest].map((d) => d.trim() + '\n').join('---\n');
}

/**
 * The objects that make a controller's identity: its ServiceAccount and a cluster-admin binding, or, for an
 * identity with upstream's Role (the applicationset-controller), that Role and a RoleBinding in its namespace only.
 */
export function controllerIdentityObjects(id: ControllerIdentity): KubeObject[] {
  const labels = { 'app.kubernetes.io/managed-by': 'gitops-lab' };
  const sa: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: id.serviceAccount, namespace: id.namespace, labels } };
  if (id.role) {
    return [
      sa,
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: id.serviceAccount, namespace: id.namespace, labels }, rules: id.role.map((r) => ({ ...r })) },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: id.serviceAccount, namespace: id.namespace, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: id.serviceAccount },
        subjects: [{ kind: 'ServiceAccount', name: id.serviceAccount, namespace: id.namespace }],
      },
    ];
  }
  return [
    sa,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: `gitops-lab:${id.namespace}:${id.serviceAccount}`, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'ServiceAccount', name: id.serviceAccount, namespace: id.namespace }],
    },
  ];
}

/** The server and CA file of a kubeconfig that names its CA by file (kwokctl's does). */
export function serverAndCa(kubeconfigYaml: string): { server: string; caFile: string | undefined; caData: string | undefined } {
  const kc = parse(kubeconfigYaml) as { clusters?: { cluster?: { server?: string; 'certificate-authority'?: string; 'certificate-authority-data'?: string } }[] };
  const c = kc.clusters?.[0]?.cluster ?? {};
  return { server: c.server ?? '', caFile: c['certificate-authority'], caData: c['certificate-authority-data'] };
}

export interface TokenMinter {
  /** `kubectl create token <sa> -n <ns> --duration <d>`: the token (trimmed). */
  createToken(namespace: string, serviceAccount: string, duration: string): Promise<string>;
  /** Who a kubeconfig authenticates as (`kubectl auth whoami`), or undefined when it does not authenticate. */
  whoami(kubeconfig: string): Promise<string | undefined>;
}

/**
 * The controllers' kubeconfigs: each identity's file is reused when it still authenticates as that identity
 * (an `up` of a cluster that already runs), else a new token is requested and written. Returns process name ->
 * kubeconfig.
 */
export async function ensureControllerKubeconfigs(
  stateDir: string,
  adminKubeconfig: string,
  controllers: readonly ControllerName[],
  minter: TokenMinter,
): Promise<Record<string, string>> {
  mkdirSync(identitiesDir(stateDir), { recursive: true, mode: 0o700 });
  const { server, caFile, caData } = serverAndCa(readFileSync(adminKubeconfig, 'utf8'));
  let ca = caFile;
  if (!ca) {
    ca = join(identitiesDir(stateDir), 'ca.crt');
    writeFileSync(ca, Buffer.from(caData ?? '', 'base64'));
  }
  for (const c of controllers) {
    for (const id of CONTROLLER_IDENTITIES[c]) {
      const file = componentKubeconfig(stateDir, id.serviceAccount);
      const user = serviceAccountUser(id);
      if (!existsSync(file) || (await minter.whoami(file)) !== user) {
        const token = await minter.createToken(id.namespace, id.serviceAccount, TOKEN_DURATION);
        writePrivate(file, tokenKubeconfigYaml({ server, caFile: ca, user, token }));
      }
    }
  }
  return controllerKubeconfigPaths(stateDir, controllers);
}
