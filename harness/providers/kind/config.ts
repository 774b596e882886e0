/**
 * The kind cluster configuration (pure): one control-plane node, the kube-apiserver audit policy shared with the
 * local provider (so "fixed through Git" checks read the same evidence), the audit log written to a host
 * directory, the host's lab repositories and this package mounted into the node for the in-cluster git server
 * (harness/git/in-cluster.ts), and that server's NodePort published on 127.0.0.1 only.
 */
import { stringify } from 'yaml';
import type { InClusterGitServerInput } from '../../git/in-cluster.js';

/** Where the audit policy and log live inside the node container. */
export const NODE_AUDIT_POLICY = '/etc/kubernetes/policies/audit-policy.yaml';
export const NODE_AUDIT_DIR = '/var/log/kubernetes';
export const AUDIT_LOG_FILE = 'kube-apiserver-audit.log';
/** The in-cluster git server's Service nodePort; kind's containerPort must equal it. */
export const GIT_NODE_PORT = 31080;
/** Where the node sees the host's lab repositories and this package (the in-cluster git server's hostPaths). */
export const NODE_GIT_ROOT = '/var/lib/gitops-lab/git';
export const NODE_PACKAGE_ROOT = '/opt/gitops-lab';

/** What kind deploys as the in-cluster git server: the node paths and port this config provides, as this user. */
export function kindGitServerInput(image: string, credentials: InClusterGitServerInput['credentials']): InClusterGitServerInput {
  return { image, nodeGitRoot: NODE_GIT_ROOT, nodePackageRoot: NODE_PACKAGE_ROOT, nodePort: GIT_NODE_PORT, uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, credentials };
}

export interface KindConfigInput {
  /** Host path of the audit policy file (written from auditPolicyYaml()). */
  readonly auditPolicyPath: string;
  /** Host directory the node's /var/log/kubernetes is mounted from: the audit log appears there. */
  readonly auditLogDir: string;
  /** Host port on 127.0.0.1 for the lab git server. */
  readonly gitHostPort: number;
  /** Host directory of the lab repositories (the cluster's git state directory). */
  readonly gitRoot: string;
  /** This package's root on the host (its dist/ and node_modules/ run the in-cluster git server). */
  readonly packageRoot: string;
}

export function kindClusterConfig(input: KindConfigInput): Record<string, unknown> {
  // kind merges this patch into the ClusterConfiguration it generates for kubeadm (kind's auditing guide).
  const clusterConfigurationPatch = {
    kind: 'ClusterConfiguration',
    apiServer: {
      extraArgs: {
        'audit-policy-file': NODE_AUDIT_POLICY,
        'audit-log-path': `${NODE_AUDIT_DIR}/${AUDIT_LOG_FILE}`,
        'audit-log-format': 'json',
      },
      extraVolumes: [
        { name: 'audit-policies', hostPath: '/etc/kubernetes/policies', mountPath: '/etc/kubernetes/policies', readOnly: true, pathType: 'DirectoryOrCreate' },
        { name: 'audit-logs', hostPath: NODE_AUDIT_DIR, mountPath: NODE_AUDIT_DIR, readOnly: false, pathType: 'DirectoryOrCreate' },
      ],
    },
  };
  return {
    kind: 'Cluster',
    apiVersion: 'kind.x-k8s.io/v1alpha4',
    networking: { apiServerAddress: '127.0.0.1' },
    nodes: [
      {
        role: 'control-plane',
        kubeadmConfigPatches: [stringify(clusterConfigurationPatch)],
        extraMounts: [
          { hostPath: input.auditPolicyPath, containerPath: NODE_AUDIT_POLICY, readOnly: true },
          { hostPath: input.auditLogDir, containerPath: NODE_AUDIT_DIR },
          { hostPath: input.gitRoot, containerPath: NODE_GIT_ROOT },
          { hostPath: input.packageRoot, containerPath: NODE_PACKAGE_ROOT, readOnly: true },
        ],
        extraPortMappings: [{ containerPort: GIT_NODE_PORT, hostPort: input.gitHostPort, listenAddress: '127.0.0.1', protocol: 'TCP' }],
      },
    ],
  };
}

export function kindClusterConfigYaml(input: KindConfigInput): string {
  return stringify(kindClusterConfig(input));
}
