/**
 * The in-cluster git server's Pod as a process on this machine: its container command and environment (Secret
 * values resolved from the Secret object), with its mounts mapped to host paths. What runs is the Pod's own
 * command line; only the image around it is missing.
 */
import type { KubeObject } from '../../harness/kube/client.js';
import { PACKAGE_ROOT } from '../../harness/paths.js';

interface Container {
  command: string[];
  env: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[];
  ports: { containerPort: number }[];
  volumeMounts: { name: string; mountPath: string }[];
}

export function podOnHost(objects: readonly KubeObject[], gitRoot: string, host: string, port: number): { file: string; args: string[]; env: Record<string, string> } {
  const dep = objects.find((o) => o.kind === 'Deployment')!;
  const c = (dep['spec'] as { template: { spec: { containers: Container[] } } }).template.spec.containers[0]!;
  const secret = objects.find((o) => o.kind === 'Secret') as (KubeObject & { stringData: Record<string, string> }) | undefined;
  const mount = (name: string): string => c.volumeMounts.find((m) => m.name === name)!.mountPath;
  const map = (arg: string): string =>
    arg.startsWith(mount('gitops-lab')) ? PACKAGE_ROOT + arg.slice(mount('gitops-lab').length)
    : arg === mount('repositories') ? gitRoot
    : arg === '0.0.0.0' ? host
    : arg === String(c.ports[0]!.containerPort) ? String(port)
    : arg;
  const env = Object.fromEntries(c.env.map((e) => [e.name, e.value ?? secret?.stringData[e.valueFrom!.secretKeyRef.key] ?? '']));
  const [file, ...args] = c.command.map(map);
  // HOME and GITOPS_LAB_HOME point at the Pod's /tmp: on this machine, somewhere beside the repositories.
  return { file: file === 'node' ? process.execPath : file!, args, env: { ...env, HOME: `${gitRoot}/..`, GITOPS_LAB_HOME: `${gitRoot}/../pod-home` } };
}
