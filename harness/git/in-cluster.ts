/**
 * The lab git server inside the cluster, for clusters whose controllers cannot reach this machine's 127.0.0.1 (kind,
 * and any existing cluster): one topology for both. The server is the same one `gitops-lab git-serve` runs, as one
 * file (dist/git-serve.mjs) carried in a ConfigMap and run by a pinned stock Node image that has git; it keeps the
 * repositories on its own volume (a PersistentVolumeClaim), with no host mount of anything. So:
 *   - controllers pull from its Service: http://git.gitops-lab-git.svc.cluster.local/<repo>.git;
 *   - learners push, and the harness makes, seeds and fetches repositories (git/store.ts, git/admin.ts), through
 *     one URL from outside: kind's NodePort published on 127.0.0.1, a port-forward the harness keeps, or an
 *     Ingress or LoadBalancer the instructor provides;
 *   - grades read the harness's mirrors (git/mirror.ts), never the server's volume.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../errors.js';
import { type KubeClient, type KubeObject } from '../kube/client.js';
import { PACKAGE_ROOT } from '../paths.js';
import { waitFor } from '../supervisor.js';

export const GIT_NAMESPACE = 'gitops-lab-git';
export const GIT_SERVICE = 'git';
/** What controllers in the cluster use as the lab git server's base URL. */
export const IN_CLUSTER_GIT_URL = `http://${GIT_SERVICE}.${GIT_NAMESPACE}.svc.cluster.local`;
/** The server's port in its container (the Service's port 80 leads there). */
export const GIT_CONTAINER_PORT = 8080;
const POD_GIT_ROOT = '/srv/git';
const POD_SERVER_DIR = '/opt/gitops-lab';
const SCRIPT = 'git-serve.mjs';
/** The image's unprivileged user (the Node images' `node`). */
const POD_UID = 1000;
const FIELD_MANAGER = 'gitops-lab-git-server';
const LABELS = { 'app.kubernetes.io/name': 'gitops-lab-git', 'app.kubernetes.io/part-of': 'gitops-lab' };

export interface InClusterGitServerInput {
  /** Pinned image with node and git (cluster-config/versions.yaml kind.gitServerImage). */
  readonly image: string;
  /** The server, one file (dist/git-serve.mjs: gitServerScript()). */
  readonly script: string;
  /** The server's own credential (the harness's: it opens every repository and the admin API). */
  readonly credentials: { readonly username: string; readonly password: string };
  /** The repositories' volume (default 1Gi in the cluster's default StorageClass). */
  readonly storage?: { readonly size?: string; readonly className?: string };
  /** A NodePort for the Service (kind publishes it on 127.0.0.1); without one the Service is ClusterIP. */
  readonly nodePort?: number;
}

/** The bundled server this package ships (built by `npm run build`). */
export function gitServerScript(): string {
  const file = join(PACKAGE_ROOT, 'dist', SCRIPT);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new LabError('TOOL_MISSING', `the bundled lab git server ${file} is missing`, { cause: error, suggestion: 'npm run build' });
  }
}

/** Namespace, Secret, ConfigMap (the server), PersistentVolumeClaim, Deployment and Service of the in-cluster git server (pure). */
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
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('git-server'), data: { [SCRIPT]: input.script } },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta('git-repositories'),
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: input.storage?.size ?? '1Gi' } },
        ...(input.storage?.className !== undefined ? { storageClassName: input.storage.className } : {}),
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(GIT_SERVICE),
      spec: {
        replicas: 1,
        // One writer on the repository volume, ever.
        strategy: { type: 'Recreate' },
        selector: { matchLabels: { 'app.kubernetes.io/name': LABELS['app.kubernetes.io/name'] } },
        template: {
          metadata: { labels: LABELS },
          spec: {
            // The restricted Pod Security Standard: no root, no privilege, nothing writable but its volumes.
            securityContext: { runAsNonRoot: true, runAsUser: POD_UID, runAsGroup: POD_UID, fsGroup: POD_UID, seccompProfile: { type: 'RuntimeDefault' } },
            automountServiceAccountToken: false,
            containers: [
              {
                name: 'git',
                image: input.image,
                imagePullPolicy: 'IfNotPresent',
                command: ['node', `${POD_SERVER_DIR}/${SCRIPT}`, '--root', POD_GIT_ROOT, '--port', String(GIT_CONTAINER_PORT), '--host', '0.0.0.0'],
                env: [
                  { name: 'HOME', value: '/tmp' },
                  { name: 'GITOPS_LAB_GIT_USER', valueFrom: { secretKeyRef: { name: 'git-credentials', key: 'username' } } },
                  { name: 'GITOPS_LAB_GIT_PASSWORD', valueFrom: { secretKeyRef: { name: 'git-credentials', key: 'password' } } },
                ],
                ports: [{ name: 'http', containerPort: GIT_CONTAINER_PORT }],
                readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 2 },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
                volumeMounts: [
                  { name: 'repositories', mountPath: POD_GIT_ROOT },
                  { name: 'server', mountPath: POD_SERVER_DIR, readOnly: true },
                  { name: 'tmp', mountPath: '/tmp' },
                ],
              },
            ],
            volumes: [
              { name: 'repositories', persistentVolumeClaim: { claimName: 'git-repositories' } },
              { name: 'server', configMap: { name: 'git-server' } },
              { name: 'tmp', emptyDir: {} },
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
        type: input.nodePort !== undefined ? 'NodePort' : 'ClusterIP',
        selector: { 'app.kubernetes.io/name': LABELS['app.kubernetes.io/name'] },
        ports: [{ name: 'http', port: 80, targetPort: 'http', ...(input.nodePort !== undefined ? { nodePort: input.nodePort } : {}) }],
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
