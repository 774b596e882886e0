/** What the local provider records about a cluster: ${GITOPS_LAB_HOME}/clusters/<name>/state.json. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ControllerName } from '../provider.js';
import { clusterStateDir, labHome } from '../state.js';
import type { BinaryPaths } from './build.js';
import type { ControllerPorts } from './controllers.js';
import type { KwokPorts } from './kwok.js';
import type { RunningProcess } from '../../supervisor.js';

export const STATE_VERSION = 1;

export interface LocalState {
  readonly version: number;
  readonly name: string;
  readonly createdAt: string;
  readonly controllers: readonly ControllerName[];
  readonly kubeconfig: string;
  readonly apiServer: string;
  readonly kwokWorkdir: string;
  readonly auditLog: string;
  readonly kwokPorts: KwokPorts;
  readonly controllerPorts: ControllerPorts;
  readonly processes: readonly RunningProcess[];
  readonly binaries: BinaryPaths;
  /** Milliseconds per phase of `up`. */
  readonly timings: Readonly<Record<string, number>>;
}

export function readState(name: string): LocalState | undefined {
  const file = join(clusterStateDir(name), 'state.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalState;
  } catch {
    return undefined;
  }
}

export function writeState(state: LocalState): void {
  writeFileSync(join(clusterStateDir(state.name), 'state.json'), JSON.stringify(state, null, 2) + '\n');
}

/** Ports recorded by every other local cluster, so a new cluster never picks them. */
export function portsInUseByOtherClusters(except: string): Set<number> {
  const out = new Set<number>();
  const dir = join(labHome(), 'clusters');
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === except) continue;
    const s = readState(name);
    // States recorded by other providers (kind, existing) have no local ports.
    if (!s || !s.kwokPorts) continue;
    for (const p of Object.values(s.kwokPorts)) out.add(p);
    for (const p of Object.values(s.controllerPorts ?? {})) if (typeof p === 'number') out.add(p);
  }
  return out;
}
