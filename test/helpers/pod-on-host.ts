/**
 * The in-cluster git server's Pod as a process on this machine: its container command and environment (Secret
 * values resolved from the Secret object, as given or as read back from an API server), with its volumes mapped to
 * host directories: the PersistentVolumeClaim to the directory given for it, the ConfigMap written out as the
 * kubelet would, emptyDirs fresh. What runs is the Pod's own command line; only the image around it is missing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KubeObject } from '../../harness/kube/client.js';

interface Container {
  command: string[];
  env: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[];
  ports: { containerPort: number }[];
  volumeMounts: { name: string; mountPath: string }[];
}
interface Volume {
  name: string;
  persistentVolumeClaim?: { claimName: string };
  configMap?: { name: string };
  emptyDir?: Record<string, never>;
}

export interface PodOnHostOptions {
  /** Where the Pod's ConfigMap files, emptyDirs and HOME go. */
  readonly scratch: string;
  /** The host directory standing in for each PersistentVolumeClaim, by claim name. */
  readonly claims: Readonly<Record<string, string>>;
  /** The address and port the server listens on here (for the container's 0.0.0.0 and its port). */
  readonly host: string;
  readonly port: number;
}

export function podOnHost(objects: readonly KubeObject[], o: PodOnHostOptions): { file: string; args: string[]; env: Record<string, string> } {
  const dep = objects.find((x) => x.kind === 'Deployment')!;
  const pod = (dep['spec'] as { template: { spec: { containers: Container[]; volumes: Volume[] } } }).template.spec;
  const c = pod.containers[0]!;
  const secret = objects.find((x) => x.kind === 'Secret') as (KubeObject & { stringData?: Record<string, string>; data?: Record<string, string> }) | undefined;
  const secretValue = (key: string): string => secret?.stringData?.[key] ?? Buffer.from(secret?.data?.[key] ?? '', 'base64').toString('utf8');
  const hostDir = new Map<string, string>();
  for (const v of pod.volumes) {
    if (v.persistentVolumeClaim) hostDir.set(v.name, o.claims[v.persistentVolumeClaim.claimName]!);
    else if (v.configMap) {
      const dir = join(o.scratch, `configmap-${v.name}`);
      mkdirSync(dir, { recursive: true });
      const cm = objects.find((x) => x.kind === 'ConfigMap' && x.metadata.name === v.configMap!.name) as KubeObject & { data: Record<string, string> };
      for (const [file, text] of Object.entries(cm.data)) writeFileSync(join(dir, file), text);
      hostDir.set(v.name, dir);
    } else {
      const dir = join(o.scratch, `emptydir-${v.name}`);
      mkdirSync(dir, { recursive: true });
      hostDir.set(v.name, dir);
    }
  }
  const map = (arg: string): string => {
    if (arg === '0.0.0.0') return o.host;
    if (arg === String(c.ports[0]!.containerPort)) return String(o.port);
    for (const m of c.volumeMounts) {
      if (arg === m.mountPath || arg.startsWith(`${m.mountPath}/`)) return hostDir.get(m.name)! + arg.slice(m.mountPath.length);
    }
    return arg;
  };
  const env = Object.fromEntries(c.env.map((e) => [e.name, e.value !== undefined ? map(e.value) : secretValue(e.valueFrom!.secretKeyRef.key)]));
  const [file, ...args] = c.command.map(map);
  return { file: file === 'node' ? process.execPath : file!, args, env };
}
