/**
 * The ledger of runs on an existing cluster: one JSON line per live session, appended to
 * `<stateDir>/runs.jsonl` before the session creates anything. Appends (O_APPEND, one write per line) are safe
 * when sessions start at the same time, in one process or several, where a read-modify-write of state.json
 * would lose runs. `down` deletes only what it can trace to a run in this ledger (see cleanup.ts).
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../../errors.js';
import type { RunRecord } from '../provider.js';

export const LEDGER_FILE = 'runs.jsonl';

/** A run id as the harness makes them (3 random bytes, hex). Nothing else is accepted into the ledger. */
export const RUN_ID_RE = /^[0-9a-f]{6}$/;

export interface LedgerEntry {
  readonly runId: string;
  /** The run's namespaces, each `<environment namespace>-<runId>`. */
  readonly namespaces: readonly string[];
  readonly at: string;
}

export const ledgerPath = (stateDir: string): string => join(stateDir, LEDGER_FILE);

/** One ledger line; refuses a record that could make `down` delete something the run did not create. */
export function ledgerLine(run: RunRecord, now: Date = new Date()): string {
  if (!RUN_ID_RE.test(run.runId)) throw new LabError('INVALID_CONFIG', `run id ${JSON.stringify(run.runId)} is not 6 hex characters`);
  const foreign = run.namespaces.filter((ns) => !ns.endsWith(`-${run.runId}`));
  if (foreign.length > 0) throw new LabError('INVALID_CONFIG', `run ${run.runId} would record namespaces that do not carry its id: ${foreign.join(', ')}`);
  return JSON.stringify({ runId: run.runId, namespaces: [...run.namespaces], at: now.toISOString() } satisfies LedgerEntry) + '\n';
}

export function appendRun(stateDir: string, run: RunRecord, now?: Date): void {
  appendFileSync(ledgerPath(stateDir), ledgerLine(run, now), { mode: 0o600 });
}

/**
 * The ledger's entries. A line that does not parse, or does not hold a valid entry, is skipped: the worst that
 * costs is an object `down` leaves behind, never one it deletes wrongly.
 */
export function parseLedger(text: string): LedgerEntry[] {
  return text.split('\n').flatMap((line) => {
    if (line.trim().length === 0) return [];
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      return [];
    }
    const e = v as Partial<LedgerEntry> | null;
    if (!e || typeof e.runId !== 'string' || !RUN_ID_RE.test(e.runId) || !Array.isArray(e.namespaces)) return [];
    const namespaces = e.namespaces.filter((ns): ns is string => typeof ns === 'string' && ns.endsWith(`-${e.runId}`));
    return [{ runId: e.runId, namespaces, at: typeof e.at === 'string' ? e.at : '' }];
  });
}

export function readLedger(stateDir: string): LedgerEntry[] {
  const file = ledgerPath(stateDir);
  return existsSync(file) ? parseLedger(readFileSync(file, 'utf8')) : [];
}
