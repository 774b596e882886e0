/**
 * gitops-lab's state home, `${GITOPS_LAB_HOME:-$HOME/.gitops-lab}`: cluster state (pids, logs, kubeconfigs),
 * sessions and keys. Base layer, so providers/ and runner/ read it from one place. A relative value is resolved
 * against the working directory; an empty value counts as unset.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export function labHome(env: Env = process.env): string {
  const v = env['GITOPS_LAB_HOME'];
  return v && v.length > 0 ? resolve(v) : join(env['HOME'] ?? homedir(), '.gitops-lab');
}
