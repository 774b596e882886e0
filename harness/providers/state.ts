/**
 * The state file every provider keeps in ${GITOPS_LAB_HOME}/clusters/<name>/state.json, and which provider a
 * recorded cluster belongs to. The local provider's state predates the `provider` field: no field means local.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonText, writeFileAtomicSync } from '../atomic.js';
import { labHome, type Env } from '../home.js';
import type { ProviderName } from './provider.js';

/** `${GITOPS_LAB_HOME:-$HOME/.gitops-lab}` (harness/home.ts): cluster state (pids, logs, kubeconfigs). */
export { labHome };

export function clusterStateDir(name: string, env: Env = process.env): string {
  return join(labHome(env), 'clusters', name);
}

export const stateFile = (name: string): string => join(clusterStateDir(name), 'state.json');

export function readStateJson(name: string): Record<string, unknown> | undefined {
  const file = stateFile(name);
  if (!existsSync(file)) return undefined;
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The provider that recorded cluster `name`, or undefined when nothing is recorded. */
export function recordedProvider(name: string): ProviderName | undefined {
  const s = readStateJson(name);
  if (!s) return existsSync(clusterStateDir(name)) ? 'local' : undefined;
  return s['provider'] === 'kind' || s['provider'] === 'existing' ? s['provider'] : 'local';
}

/** Names of every recorded cluster, with the provider that owns each. */
export function recordedClusters(): { name: string; provider: ProviderName }[] {
  const dir = join(labHome(), 'clusters');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const provider = recordedProvider(name);
      return provider ? [{ name, provider }] : [];
    });
}

/** Writes state.json atomically (a reader never sees half a file); owner-only, since it names a kubeconfig. */
export function writeStateJson(name: string, state: object): void {
  writeFileAtomicSync(stateFile(name), jsonText(state), { mode: 0o600 });
}
