/**
 * The kind cluster configuration (pure): one control-plane node, the kube-apiserver audit policy shared with the
 * local provider (so "fixed through Git" checks read the same evidence), the audit log written to a host
 * directory, and the in-cluster git server's NodePort published on 127.0.0.1 only (harness/git/in-cluster.ts: the
 * server keeps its repositories on a volume of kind's default StorageClass; nothing of the host is mounted for it).
 */
import { stringify } from 'yaml';
import { gitServerScript, type InClusterGitServerInput } from '../../git/in-cluster.js';

/** Where the audit policy and log live inside the node container. */
export const NODE_AUDIT_POLICY = '/etc/kubernetes/policies/audit-policy.yaml';
export const NODE_AUDIT_DIR = '/var/log/kubernetes';
export const AUDIT_LOG_FILE = 'kube-apiserver-audit.log';
/** The in-cluster git server's Service nodePort; kind's containerPort must equal it. */
export const GIT_NODE_PORT = 31080;
/** What kind deploys as the in-cluster git server: on the nodePort this config publishes. */
export function kindGitServerInput(image: string, credentials: InClusterGitServerInput['credentials'], script = gitServerScript()): InClusterGitServerInput {
  return { image, script, nodePort: GIT_NODE_PORT, credentials };
}

export interface KindConfigInput {
  /** Host path of the audit policy file (written from auditPolicyYaml()). */
  readonly auditPolicyPath: string;
  /** Host directory the node's /var/log/kubernetes is mounted from: the audit log appears there. */
  readonly auditLogDir: string;
  /** Host port on 127.0.0.1 for the lab git server. */
  readonly gitHostPort: number;
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
        ],
        extraPortMappings: [{ containerPort: GIT_NODE_PORT, hostPort: input.gitHostPort, listenAddress: '127.0.0.1', protocol: 'TCP' }],
      },
    ],
  };
}

export function kindClusterConfigYaml(input: KindConfigInput): string {
  return stringify(kindClusterConfig(input));
}
