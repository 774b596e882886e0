/**
 * The watch-based change recorder as a process beside a live session (for clusters whose audit log the
 * harness cannot read): started at seeding, it appends attributed changes to a JSON-lines file in the
 * session's state directory until the session is cleaned up. Ended by its recorded pid only. Its attribution
 * is by managedFields manager name, chosen by the client: the evidence names it as the weaker source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnDetached } from '../exec.js';
import type { RecordedChange } from '../model/cluster-evidence.js';
import { PACKAGE_ROOT } from '../paths.js';
import { classifyClaimedManager } from './audit.js';

export interface RecorderRecord {
  readonly pid: number;
  readonly file: string;
}

export async function startRecorder(stateDir: string, kubeconfig: string, namespaces: readonly string[]): Promise<RecorderRecord> {
  const file = join(stateDir, 'changes.jsonl');
  const bin = join(PACKAGE_ROOT, 'dist', 'harness', 'cli', 'main.js');
  const { pid } = await spawnDetached(process.execPath, [bin, 'record-changes', '--kubeconfig', kubeconfig, '--namespaces', namespaces.join(','), '--out', file], {
    cwd: stateDir,
    logFile: join(stateDir, 'recorder.log'),
  });
  return { pid, file };
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
        return [JSON.parse(l) as { at: string; namespace: string; kind: string; name: string; verb: string; fieldManager: string }];
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
    }));
}
