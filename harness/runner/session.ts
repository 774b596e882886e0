/**
 * A lab session: which scenario, controller and lab repository a workspace belongs to. The record lives in
 * the state home (`<home>/sessions/<runId>/session.json`), where the learner's workspace cannot reach. The
 * workspace holds only a marker naming the run (`.git/gitops-lab/session.json`: `{schemaVersion, runId}`);
 * everything a grade depends on (scenario, paths, mode, deadline, learner) comes from the record.
 */
import { constants } from 'node:fs';
import { lstat, open, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Session } from '../model/session.js';
import { LabError } from '../errors.js';
import { parseJsonRecord } from '../json-record.js';
import { writeJsonAtomic } from '../atomic.js';
import { labHome } from '../home.js';

/** The state home (harness/home.ts): `${GITOPS_LAB_HOME:-$HOME/.gitops-lab}`, where session records live. */
export function stateHome(): string {
  return labHome();
}

export function newRunId(): string {
  return randomBytes(3).toString('hex');
}

export const markerFile = (workspace: string): string => join(workspace, '.git', 'gitops-lab', 'session.json');

/** Where a run's record lives: in the state home, keyed by run id. */
export const recordFile = (runId: string, home: string = stateHome()): string => join(home, 'sessions', runId, 'session.json');

/** Run ids are what newRunId makes (and what older sessions made): lower-case hex, nothing that walks a path. */
export const RUN_ID = /^[0-9a-f]{6,32}$/;

/** What the workspace holds: only what identifies the session. */
export const WorkspaceMarker = z.object({ schemaVersion: z.literal(1), runId: z.string().regex(RUN_ID, 'must be a gitops-lab run id (hex)') }).passthrough();

/** Writes the record (state home) first, then the workspace's marker. */
export async function saveSession(workspace: string, session: Session): Promise<void> {
  await writeJsonAtomic(recordFile(session.runId), session);
  await writeJsonAtomic(markerFile(workspace), { schemaVersion: 1, runId: session.runId });
}

/** Removes a run's record and its state (render cache, recorder log): what `stop` and validate's phases leave behind. */
export async function removeSessionRecord(session: Pick<Session, 'runId' | 'stateDir'>): Promise<void> {
  await rm(dirname(recordFile(session.runId)), { recursive: true, force: true });
  if (session.stateDir !== dirname(recordFile(session.runId))) await rm(session.stateDir, { recursive: true, force: true });
}

/** Reads at most `max` bytes of a file the learner may have written: a huge or endless file is refused, not read. */
async function readBounded(file: string, max: number): Promise<string> {
  // Only a regular file, never through a symlink: a FIFO or a device the learner put there must not block or flood us.
  if (!(await lstat(file)).isFile()) throw new LabError('INVALID_CONFIG', `${file}: not a regular file; this is not a gitops-lab session marker`);
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const buf = Buffer.alloc(max + 1);
    const { bytesRead } = await handle.read(buf, 0, max + 1, 0);
    if (bytesRead > max) throw new LabError('INVALID_CONFIG', `${file}: larger than ${max} bytes; this is not a gitops-lab session marker`);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

const MARKER_FIELDS_CHECKED = ['scenario', 'controller', 'provider', 'mode', 'learner', 'bareDir', 'repoURL', 'trackedBranch', 'seedSha', 'startedAt', 'deadline', 'stateDir'] as const;

/**
 * The session of a workspace: the marker names the run; the record in the state home says everything else.
 * A marker that is not a run id, names no record, or disagrees with its record on any field it carries (older
 * workspaces carried a whole copy) is refused with exit 2 naming the file and the field.
 */
export async function loadSession(workspace: string): Promise<Session> {
  const file = markerFile(workspace);
  let text: string;
  try {
    text = await readBounded(file, 64 * 1024);
  } catch (error) {
    if (error instanceof LabError) throw error;
    throw new LabError('NOT_FOUND', `${workspace} is not a gitops-lab workspace (no ${file})`, {
      suggestion: 'start a scenario first: gitops-lab start <id> --workspace <dir>',
    });
  }
  const marker = parseJsonRecord(file, text, WorkspaceMarker);
  const { runId } = marker;
  const record = recordFile(runId);
  let recordText: string;
  try {
    recordText = await readFile(record, 'utf8');
  } catch {
    throw new LabError('INVALID_CONFIG', `${file}: runId: "${runId}" names no session in ${join(stateHome(), 'sessions')}`, {
      suggestion: 'grade on the machine and state home (GITOPS_LAB_HOME) where the session was started',
    });
  }
  const parsed = Session.safeParse(JSON.parse(recordText));
  if (!parsed.success) {
    throw new LabError('INVALID_CONFIG', `${record}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const session = parsed.data;
  if (session.runId !== runId) throw new LabError('INVALID_CONFIG', `${record}: runId: "${session.runId}" is not the run it is filed under ("${runId}")`);
  const carried = marker as Record<string, unknown>;
  for (const field of MARKER_FIELDS_CHECKED) {
    if (field in carried && JSON.stringify(carried[field]) !== JSON.stringify(session[field])) {
      throw new LabError('INVALID_CONFIG', `${file}: ${field}: the workspace says ${JSON.stringify(carried[field])}, its session record says ${JSON.stringify(session[field])}`, {
        suggestion: `the session's record (${record}) decides; restore the workspace's marker or start a new session`,
      });
    }
  }
  return session;
}

export interface NewSessionInput {
  readonly runId: string;
  readonly scenario: { readonly id: string; readonly timeLimitMinutes: number };
  readonly controller: Session['controller'];
  readonly provider: string;
  readonly mode: Session['mode'];
  readonly learner?: string;
  readonly lab: { readonly bareDir: string; readonly repoURL: string; readonly trackedBranch: string; readonly seedSha: string; readonly seedBranches: Readonly<Record<string, string>> };
  readonly environments: Session['environments'];
  readonly layers?: Session['layers'];
  readonly stateDir: string;
  readonly now: Date;
  readonly live?: Session['live'];
  /** Exam mode: this deadline instead of the time limit from `now` (a class's one deadline). */
  readonly deadline?: string;
}

/** A session record; exam mode gets the deadline given, else one from the scenario's time limit. */
export function newSession(i: NewSessionInput): Session {
  return {
    schemaVersion: 1,
    runId: i.runId,
    scenario: i.scenario.id,
    controller: i.controller,
    provider: i.provider,
    mode: i.mode,
    ...(i.learner !== undefined ? { learner: i.learner } : {}),
    bareDir: i.lab.bareDir,
    repoURL: i.lab.repoURL,
    trackedBranch: i.lab.trackedBranch,
    seedSha: i.lab.seedSha,
    seedBranches: { ...i.lab.seedBranches },
    environments: i.environments,
    ...(i.layers && Object.keys(i.layers).length > 0 ? { layers: i.layers } : {}),
    startedAt: i.now.toISOString(),
    ...(i.mode === 'exam' ? { deadline: i.deadline ?? new Date(i.now.getTime() + i.scenario.timeLimitMinutes * 60_000).toISOString() } : {}),
    stateDir: i.stateDir,
    ...(i.live ? { live: i.live } : {}),
  };
}
