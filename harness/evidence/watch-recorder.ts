/**
 * The watch-based change recorder as a process beside a live session (for clusters whose audit log the
 * harness cannot read): started at seeding, it appends attributed changes to a JSON-lines file in the
 * session's state directory until the session is cleaned up. Ended by its recorded pid only. Its attribution
 * is by managedFields manager name, chosen by the client: the evidence names it as the weaker source.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnDetached } from '../exec.js';
import type { RecordedChange } from '../model/cluster-evidence.js';
import { LabError } from '../errors.js';
import { FatalWaitError, pollUntil } from '../wait.js';
import { PACKAGE_ROOT } from '../paths.js';
import { classifyClaimedManager } from './audit.js';

export interface RecorderRecord {
  readonly pid: number;
  readonly file: string;
}

/** The file the recorder writes (its pid) once every watch has its starting list. */
export const readyFile = (changesFile: string): string => `${changesFile}.ready`;

/** How long a session waits for its recorder to be watching before it gives up (exit 3). */
export const RECORDER_READY_TIMEOUT_MS = 60_000;

/**
 * Starts the recorder and waits until it watches every kind in every namespace: a change made before that
 * would go unrecorded, so nothing is seeded or handed over until then.
 */
export async function startRecorder(stateDir: string, kubeconfig: string, namespaces: readonly string[], timeoutMs = RECORDER_READY_TIMEOUT_MS): Promise<RecorderRecord> {
  const file = join(stateDir, 'changes.jsonl');
  rmSync(readyFile(file), { force: true });
  const bin = join(PACKAGE_ROOT, 'dist', 'harness', 'cli', 'main.js');
  const { pid } = await spawnDetached(process.execPath, [bin, 'record-changes', '--kubeconfig', kubeconfig, '--namespaces', namespaces.join(','), '--out', file], {
    cwd: stateDir,
    logFile: join(stateDir, 'recorder.log'),
  });
  const rec = { pid, file };
  const failed = (): LabError =>
    new LabError('CLUSTER_UNAVAILABLE', `the change recorder (pid ${pid}) was not watching ${namespaces.join(', ')} within ${Math.round(timeoutMs / 1000)}s; see ${join(stateDir, 'recorder.log')}`);
  let ready: boolean;
  try {
    const r = await pollUntil(
      () => {
        if (existsSync(readyFile(file))) return true;
        if (!alive(pid)) throw new FatalWaitError('CLUSTER_UNAVAILABLE', `the change recorder (pid ${pid}) exited`);
        return { pending: `no ${readyFile(file)} yet` };
      },
      { what: `the change recorder to watch ${namespaces.join(', ')}`, timeoutMs, intervalMs: 100 },
    );
    ready = r.done;
  } catch (error) {
    if (!(error instanceof FatalWaitError)) throw error;
    ready = false;
  }
  if (!ready) {
    stopRecorder(rec);
    throw failed();
  }
  return rec;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z'); // an unreaped exit
  } catch {
    return true; // no /proc here: kill(pid, 0) is all there is
  }
}

export function stopRecorder(rec: RecorderRecord | undefined): void {
  if (!rec) return;
  try {
    process.kill(rec.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/**
 * The recorded changes since `since`, as evidence. Weaker than the audit log: the only attribution a watch has
 * is the managedFields manager name, which every client chooses, so `kubectl patch
 * --field-manager=argocd-controller` is counted as Argo CD's. A `gitops-lab…` manager after hand-over is a
 * person's (the harness's own writes come before it).
 */
export function readRecordedChanges(file: string, since: string): RecordedChange[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as { at: string; namespace: string; kind: string; name: string; verb: string; fieldManager: string; replicas?: unknown; service?: unknown; readyEndpoints?: unknown }];
      } catch {
        return []; // a line being written right now
      }
    })
    .filter((c) => c.at >= since)
    .map((c) => ({
      at: c.at,
      namespace: c.namespace,
      kind: c.kind,
      name: c.name,
      verb: c.verb,
      user: c.fieldManager,
      fieldManager: c.fieldManager,
      // All a watch sees is the manager name the client chose: weaker than an audit log (WATCH_SOURCE says so).
      actor: classifyClaimedManager(c.fieldManager),
      source: 'watch' as const,
      // What the version said, for the bounds over time (recorders older than these fields wrote none).
      ...(typeof c.replicas === 'number' && Number.isInteger(c.replicas) ? { replicas: c.replicas } : {}),
      ...(typeof c.service === 'string' && c.service ? { service: c.service } : {}),
      ...(typeof c.readyEndpoints === 'number' && Number.isInteger(c.readyEndpoints) && c.readyEndpoints >= 0 ? { readyEndpoints: c.readyEndpoints } : {}),
    }));
}
