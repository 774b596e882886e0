/**
 * The lab git server inside the cluster, for clusters whose controllers cannot reach this machine's 127.0.0.1
 * (kind). It is the same `gitops-lab git-serve` process the local provider runs beside its cluster, run in a Pod
 * from a pinned Node image (Debian's git and git-http-backend included), on the same repository directory:
 * the cluster node mounts the host's lab repositories and this package, and the Pod mounts them from the node.
 * So the harness keeps reading the lab repositories (reflog, history, renders) from disk exactly as on the local
 * provider; only the two addresses differ:
 *   - controllers pull from the Service: http://git.gitops-lab-git.svc.cluster.local/<repo>.git
 *   - the learner pushes from the host through the node port published on 127.0.0.1 (kind's port mapping).
 */
import { type KubeClient, type KubeObject } from '../kube/client.js';
import { waitFor } from '../supervisor.js';

export const GIT_NAMESPACE = 'gitops-lab-git';
export const GIT_SERVICE = 'git';
/** What controllers in the cluster use as the lab git server's base URL. */
export const IN_CLUSTER_GIT_URL = `http://${GIT_SERVICE}.${GIT_NAMESPACE}.svc.cluster.local`;
const CONTAINER_PORT = 8080;
const POD_GIT_ROOT = '/srv/git';
const POD_PACKAGE_ROOT = '/opt/gitops-lab';
const FIELD_MANAGER = 'gitops-lab-git-server';
const LABELS = { 'app.kubernetes.io/name': 'gitops-lab-git', 'app.kubernetes.io/part-of': 'gitops-lab' };

export interface InClusterGitServerInput {
  /** Pinned image with node and git (cluster-config/versions.yaml kind.gitServerImage). */
  readonly image: string;
  /** Path on the node where the host's lab repository directory is mounted. */
  readonly nodeGitRoot: string;
  /** Path on the node where this package (dist/ and node_modules/) is mounted read-only. */
  readonly nodePackageRoot: string;
  /** The Service's nodePort, published on the host's 127.0.0.1 by the cluster's port mapping. */
  readonly nodePort: number;
  /** The host user owning the repositories: git refuses repositories owned by someone else. */
  readonly uid: number;
  readonly gid: number;
  readonly credentials: { readonly username: string; readonly password: string };
}

/** Namespace, Secret (push credentials), Deployment and NodePort Service of the in-cluster git server (pure). */
export function inClusterGitServerObjects(input: InClusterGitServerInput): KubeObject[] {
  const meta = (name: string) => ({ name, namespace: GIT_NAMESPACE, labels: LABELS });
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: GIT_NAMESPACE, labels: LABELS } },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta('git-credentials'),
      type: 'Opaque',
      stringData: { username: input.credentials.username, password: input.credentials.password },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(GIT_SERVICE),
      spec: {
        replicas: 1,
        // One writer on the repository directory, ever.
        strategy: { type: 'Recreate' },
        selector: { matchLabels: { 'app.kubernetes.io/name': LABELS['app.kubernetes.io/name'] } },
        template: {
          metadata: { labels: LABELS },
          spec: {
            securityContext: { runAsUser: input.uid, runAsGroup: input.gid },
            automountServiceAccountToken: false,
            containers: [
              {
                name: 'git',
                image: input.image,
                imagePullPolicy: 'IfNotPresent',
                command: ['node', `${POD_PACKAGE_ROOT}/dist/harness/cli/main.js`, 'git-serve', '--root', POD_GIT_ROOT, '--port', String(CONTAINER_PORT), '--host', '0.0.0.0'],
                env: [
                  { name: 'HOME', value: '/tmp' },
                  { name: 'GITOPS_LAB_HOME', value: '/tmp/gitops-lab' },
                  { name: 'GITOPS_LAB_GIT_USER', valueFrom: { secretKeyRef: { name: 'git-credentials', key: 'username' } } },
                  { name: 'GITOPS_LAB_GIT_PASSWORD', valueFrom: { secretKeyRef: { name: 'git-credentials', key: 'password' } } },
                ],
                ports: [{ name: 'http', containerPort: CONTAINER_PORT }],
                readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 2 },
                volumeMounts: [
                  { name: 'repositories', mountPath: POD_GIT_ROOT },
                  { name: 'gitops-lab', mountPath: POD_PACKAGE_ROOT, readOnly: true },
                ],
              },
            ],
            volumes: [
              { name: 'repositories', hostPath: { path: input.nodeGitRoot, type: 'Directory' } },
              { name: 'gitops-lab', hostPath: { path: input.nodePackageRoot, type: 'Directory' } },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(GIT_SERVICE),
      spec: {
        type: 'NodePort',
        selector: { 'app.kubernetes.io/name': LABELS['app.kubernetes.io/name'] },
        ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: input.nodePort }],
      },
    },
  ];
}

/** Applies the in-cluster git server and waits until its Deployment is available. */
export async function deployInClusterGitServer(kube: KubeClient, input: InClusterGitServerInput, timeoutMs = 180_000): Promise<void> {
  for (const obj of inClusterGitServerObjects(input)) await kube.apply(obj, { fieldManager: FIELD_MANAGER, force: true });
  await waitFor(
    async () => {
      const dep = await kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: GIT_NAMESPACE, name: GIT_SERVICE });
      const status = (dep?.['status'] ?? {}) as { availableReplicas?: number };
      return (status.availableReplicas ?? 0) >= 1 ? true : { pending: `deployment ${GIT_NAMESPACE}/${GIT_SERVICE} has no available replica` };
    },
    { what: 'the in-cluster git server', timeoutMs, intervalMs: 1_000 },
  );
}
