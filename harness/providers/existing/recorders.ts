/**
 * The watch recorders of a cluster's recorded runs (live sessions on `existing` record changes by watch, in a
 * process beside the session). `down` stops those a session left running, found through the ledger: the run's
 * session file names the recorder's pid, and the pid counts only while that process is still the recorder
 * writing that run's file (so a reused pid is never signalled).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labHome } from '../state.js';

export interface RecorderRef {
  readonly runId: string;
  readonly pid: number;
  readonly file: string;
}

/** The recorder a run's session file names, if any. */
export function recorderOf(runId: string, sessionJson: string): RecorderRef | undefined {
  try {
    const s = JSON.parse(sessionJson) as { runId?: unknown; live?: { recorder?: { pid?: unknown; file?: unknown } } };
    const r = s.live?.recorder;
    if (s.runId !== runId || !r || typeof r.pid !== 'number' || !Number.isInteger(r.pid) || r.pid <= 1 || typeof r.file !== 'string') return undefined;
    return { runId, pid: r.pid, file: r.file };
  } catch {
    return undefined;
  }
}

/** Is `cmdline` (NUL-separated, as in /proc/<pid>/cmdline) the recorder writing `file`? */
export function isRecorderProcess(cmdline: string, file: string): boolean {
  const args = cmdline.split('\0');
  const out = args.indexOf('--out');
  return args.includes('record-changes') && out >= 0 && args[out + 1] === file;
}

/** Stops the recorders of these runs that still run; returns what it stopped. Linux only (/proc); elsewhere none. */
export function stopRunRecorders(runIds: readonly string[], home: string = labHome()): RecorderRef[] {
  const stopped: RecorderRef[] = [];
  for (const runId of runIds) {
    const file = join(home, 'sessions', runId, 'session.json');
    if (!existsSync(file)) continue;
    const rec = recorderOf(runId, readFileSync(file, 'utf8'));
    if (!rec) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${rec.pid}/cmdline`, 'utf8');
    } catch {
      continue; // gone, or no /proc here
    }
    if (!isRecorderProcess(cmdline, rec.file)) continue;
    try {
      process.kill(rec.pid, 'SIGTERM');
      stopped.push(rec);
    } catch {
      // ended meanwhile
    }
  }
  return stopped;
}
