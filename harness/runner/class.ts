/**
 * A class: one live session per learner of a roster, on one scenario and one cluster, started, watched, graded
 * and ended together. Each learner's session is an ordinary one (startLive, collectLiveEvidence, stopSession);
 * this module runs them at most `parallel` at once, keeps the class record (`<class dir>/class.json`) and the
 * handouts, and reports every learner's outcome: one learner's failure never stops the others.
 *
 *   <class dir>/class.json               the class record (model/class-record.ts), written atomically
 *   <class dir>/handouts/<learner>.md    the learner's handout (mode 0600: it holds their password)
 *   <class dir>/workspaces/<learner>/    the session's workspace (its `origin` holds the same credential)
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomic, writeJsonAtomic } from '../atomic.js';
import { LabError } from '../errors.js';
import { parseJsonRecord } from '../json-record.js';
import { collectOfflineEvidence } from '../evidence/collect.js';
import { gitOut } from '../git/git.js';
import { branchHeads } from '../git/lab-repo.js';
import { readPushLog, type Push } from '../git/push-log.js';
import { repoOf, sessionStore } from '../git/store.js';
import { CLASS_RECORD_FILE, ClassRecord, handoutOf, LEARNER_ID, LEARNER_ID_RULE, workspaceOf, type ClassLearner, type LastGrade } from '../model/class-record.js';
import type { Controller } from '../model/boundary.js';
import type { Evidence } from '../model/evidence.js';
import type { GradeResult } from '../model/result.js';
import type { Scenario } from '../model/scenario.js';
import type { Session } from '../model/session.js';
import { mapBounded } from '../pool.js';
import { onInterrupt } from '../scratch.js';
import { gradeEvidence } from './grade.js';
import { handoutText } from './handout.js';
import { collectLiveEvidence, openCluster, startLive } from './live.js';
import type { Roster } from './roster.js';
import { loadSession, markerFile, recordFile } from './session.js';
import { settleTimeoutMs } from './settle-timeout.js';
import { assertEmptyOrMissing } from './start.js';
import { stopSession, type StoppedSession } from './stop.js';

/** Sessions at once on this project's 2-core machine: each start waits on the controller, and the controller shares the cores. */
export const DEFAULT_CLASS_PARALLEL = 2;

export const classRecordFile = (dir: string): string => join(dir, CLASS_RECORD_FILE);

/** The class record in `dir`: NOT_FOUND when there is none, INVALID_CONFIG naming the file and field when it is malformed. */
export async function readClassRecord(dir: string): Promise<ClassRecord> {
  const file = classRecordFile(dir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new LabError('NOT_FOUND', `${dir} holds no class (no ${CLASS_RECORD_FILE})`, {
      suggestion: 'give the folder class start wrote with --class <dir> (class start --out <dir>; default: ./class)',
    });
  }
  return parseJsonRecord(file, text, ClassRecord);
}

export async function writeClassRecord(dir: string, record: ClassRecord): Promise<void> {
  await writeJsonAtomic(classRecordFile(dir), ClassRecord.parse(record));
}

/** A class id of the learner-id alphabet: the one given, else `<scenario>-<6 hex>`. */
export function classId(given: string | undefined, scenarioId: string): string {
  if (given !== undefined) {
    if (!LEARNER_ID.test(given)) throw new LabError('USAGE', `--id ${JSON.stringify(given)}: a class id must be ${LEARNER_ID_RULE}`);
    return given;
  }
  return `${scenarioId.slice(0, 33).replace(/-+$/, '')}-${randomBytes(3).toString('hex')}`;
}

/** One learner's session, as startLive makes it (a test passes another starter). */
export type LearnerStarter = (o: {
  readonly scenario: Scenario;
  readonly scenarioDir: string;
  readonly workspace: string;
  readonly controller: Controller;
  readonly cluster: string;
  readonly mode: 'practice' | 'exam';
  readonly learner: string;
  readonly log: (line: string) => void;
  readonly settleTimeoutMs: number;
  readonly deadline?: string;
}) => Promise<Session>;

export interface StartClassOptions {
  readonly roster: Roster;
  readonly rosterFile: string;
  readonly scenario: Scenario;
  readonly scenarioDir: string;
  readonly controller: Controller;
  readonly mode: 'practice' | 'exam';
  readonly cluster: string;
  /** The class folder (made if missing). */
  readonly dir: string;
  readonly id: string;
  readonly parallel: number;
  readonly log: (line: string) => void;
  /** Exam mode: one deadline for the whole class (parseDeadline), instead of each session's time limit from its own start. */
  readonly deadline?: string;
  /** Starts one learner's session (default: startLive on the cluster). */
  readonly start?: LearnerStarter;
  /** Fails when the cluster cannot take the class (default: it runs, with the controllers the scenario needs). */
  readonly checkCluster?: () => Promise<void>;
  readonly now?: () => Date;
}

export type LearnerOutcome<T> = { readonly learner: string; readonly ok: true; readonly value: T } | { readonly learner: string; readonly ok: false; readonly error: unknown };

export interface StartedLearner {
  readonly runId: string;
  readonly workspace: string;
  readonly handout: string;
  readonly deadline?: string;
}

/**
 * A class's deadline as the instructor writes it: an ISO 8601 instant with its offset (2026-12-03T15:30:00Z,
 * 2026-12-03T16:30+01:00; without one it would be read in this machine's zone), after `now`. Returns it in UTC.
 */
export function parseDeadline(text: string, now: Date): string {
  const m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  const at = m ? new Date(text) : undefined;
  if (!at || Number.isNaN(at.getTime())) {
    throw new LabError('USAGE', `--deadline ${JSON.stringify(text)}: expected an ISO 8601 time with its offset, e.g. 2026-12-03T15:30:00Z or 2026-12-03T16:30+01:00`);
  }
  if (at.getTime() <= now.getTime()) throw new LabError('USAGE', `--deadline ${text}: already past (it is ${now.toISOString()})`);
  return at.toISOString();
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Starts the class: checks everything first (no class in `dir` yet, every workspace new or empty, the cluster
 * there), then writes the record and starts every learner's session, at most `parallel` at once, writing each
 * handout and updating the record as each learner is handed over. A learner whose start fails is recorded as
 * `failed` with the reason; the others go on.
 */
export async function startClass(o: StartClassOptions): Promise<{ record: ClassRecord; outcomes: LearnerOutcome<StartedLearner>[] }> {
  if (!o.scenario.controllers.includes(o.controller)) {
    throw new LabError('USAGE', `scenario ${o.scenario.id} supports ${o.scenario.controllers.join(', ')}, not ${o.controller}`);
  }
  if (!Number.isInteger(o.parallel) || o.parallel < 1) throw new LabError('USAGE', `--parallel ${o.parallel}: expected a positive integer`);
  if (o.deadline !== undefined && o.mode !== 'exam') throw new LabError('USAGE', '--deadline is for --mode exam: a practice session has no deadline');
  if (o.roster.learners.length === 0) throw new LabError('INVALID_CONFIG', `${o.rosterFile}: no learners`);
  const dir = resolve(o.dir);
  if (existsSync(classRecordFile(dir))) {
    const other = await readClassRecord(dir).then((r) => `class ${r.id}`, () => 'a class record');
    throw new LabError('USAGE', `${dir} already holds ${other} (${CLASS_RECORD_FILE})`, { suggestion: 'end it with class down --class <dir>, or give another --out' });
  }
  for (const l of o.roster.learners) await assertEmptyOrMissing(join(dir, workspaceOf(l.learner)));
  await (o.checkCluster ?? (() => openCluster(o.cluster, [o.controller, ...(o.scenario.rollouts ? ['rollouts'] : [])]).then(() => undefined)))();

  const now = o.now ?? (() => new Date());
  const record: ClassRecord = {
    schemaVersion: 1,
    kind: 'gitops-lab/class',
    id: o.id,
    scenario: o.scenario.id,
    controller: o.controller,
    mode: o.mode,
    cluster: o.cluster,
    roster: o.rosterFile,
    createdAt: now().toISOString(),
    learners: o.roster.learners.map((l) => ({
      learner: l.learner,
      ...(l.name !== undefined ? { name: l.name } : {}),
      ...(l.email !== undefined ? { email: l.email } : {}),
      state: 'pending' as const,
      workspace: workspaceOf(l.learner),
      handout: handoutOf(l.learner),
    })),
  };
  await mkdir(join(dir, 'handouts'), { recursive: true, mode: 0o700 });
  await mkdir(join(dir, 'workspaces'), { recursive: true });
  // One writer of the record at a time, in the order the learners finished; an interrupt waits for the last write,
  // so every session that was handed over is in the record for class down.
  let saving: Promise<void> = writeClassRecord(dir, record);
  const save = (): Promise<void> => (saving = saving.then(() => writeClassRecord(dir, record)));
  const unregister = onInterrupt(() => saving.catch(() => undefined));
  const update = (learner: string, patch: Partial<ClassLearner>): Promise<void> => {
    record.learners = record.learners.map((l) => (l.learner === learner ? { ...l, ...patch } : l));
    return save();
  };
  await saving;
  const start = o.start ?? ((s) => startLive(s));
  const settle = settleTimeoutMs(o.scenario);
  try {
    const settled = await mapBounded(o.roster.learners, o.parallel, async (l): Promise<StartedLearner> => {
      const workspace = join(dir, workspaceOf(l.learner));
      const log = (line: string): void => o.log(`[${l.learner}] ${line}`);
      let session: Session;
      try {
        session = await start({ scenario: o.scenario, scenarioDir: o.scenarioDir, workspace, controller: o.controller, cluster: o.cluster, mode: o.mode, learner: l.learner, log, settleTimeoutMs: settle, ...(o.deadline !== undefined ? { deadline: o.deadline } : {}) });
      } catch (error) {
        await update(l.learner, { state: 'failed', error: message(error) });
        throw error;
      }
      // Handed over: the record says so before anything else can fail.
      await update(l.learner, { state: 'started', runId: session.runId, startedAt: session.startedAt, ...(session.deadline !== undefined ? { deadline: session.deadline } : {}) });
      const cloneURL = (await gitOut(workspace, ['remote', 'get-url', 'origin'])).trim();
      const handout = join(dir, handoutOf(l.learner));
      await writeFileAtomic(
        handout,
        handoutText({
          classId: o.id,
          learner: l,
          scenario: o.scenario,
          controller: o.controller,
          mode: o.mode,
          cloneURL,
          trackedBranch: session.trackedBranch,
          workspace,
          startedAt: session.startedAt,
          deadline: session.deadline,
        }),
        { mode: 0o600 },
      );
      log(`handed over: run ${session.runId}, handout ${handout}`);
      return { runId: session.runId, workspace, handout, ...(session.deadline !== undefined ? { deadline: session.deadline } : {}) };
    });
    await saving;
    return { record, outcomes: settled.map((s, i) => ({ learner: o.roster.learners[i]!.learner, ...s }) as LearnerOutcome<StartedLearner>) };
  } finally {
    await saving.catch(() => undefined);
    unregister();
  }
}

/** A started learner's session, checked against the record (the workspace's marker names the same run). */
export async function learnerSession(dir: string, record: ClassRecord, l: ClassLearner): Promise<Session> {
  const workspace = resolve(dir, l.workspace);
  if (isAbsolute(l.workspace) || relative(resolve(dir), workspace).startsWith('..')) {
    throw new LabError('INVALID_CONFIG', `${classRecordFile(dir)}: learner ${l.learner}: workspace ${l.workspace} is outside the class folder`);
  }
  const session = await loadSession(workspace);
  if (session.runId !== l.runId) {
    throw new LabError('INVALID_CONFIG', `${markerFile(workspace)}: runId: the workspace says ${session.runId}, the class record says ${l.runId}`);
  }
  if (session.scenario !== record.scenario) {
    throw new LabError('INVALID_CONFIG', `${recordFile(session.runId)}: scenario: ${session.scenario}, the class is on ${record.scenario}`);
  }
  return session;
}

/** What `class status` says of one learner. */
export interface LearnerStatus {
  readonly learner: string;
  readonly name?: string;
  readonly state: ClassLearner['state'];
  readonly runId?: string;
  /** The learner's pushes to the tracked branch since hand-over (null: not started, or could not be read). */
  readonly pushes: number | null;
  readonly lastPush: Push | null;
  readonly deadline?: string;
  /** The last grade class grade recorded; `current` is false once the learner has pushed a commit it did not grade. */
  readonly grade: (LastGrade & { readonly current: boolean }) | null;
  /** Why the learner has no session (start failed), or why it could not be read. */
  readonly problem?: string;
}

/** What was observed of a learner's lab repository. */
export interface Observed {
  /** The learner's pushes to the tracked branch since hand-over, oldest first. */
  readonly pushes: readonly Push[];
  /** The commit a grade now would grade: the branch head (exam mode: the last push before the deadline, else the hand-over). */
  readonly gradable: string;
}

/** A learner's status from the record and what was observed (pure). */
export function learnerStatus(l: ClassLearner, observed: Observed | { readonly problem: string } | undefined): LearnerStatus {
  const base = {
    learner: l.learner,
    ...(l.name !== undefined ? { name: l.name } : {}),
    state: l.state,
    ...(l.runId !== undefined ? { runId: l.runId } : {}),
    ...(l.deadline !== undefined ? { deadline: l.deadline } : {}),
  };
  const grade = (current: boolean): LearnerStatus['grade'] => (l.lastGrade ? { ...l.lastGrade, current } : null);
  if (observed === undefined || 'problem' in observed) {
    const problem = observed?.problem ?? (l.state === 'failed' ? `start failed: ${l.error ?? 'no reason recorded'}` : l.state === 'pending' ? 'not started' : undefined);
    return { ...base, pushes: null, lastPush: null, grade: grade(false), ...(problem !== undefined ? { problem } : {}) };
  }
  return {
    ...base,
    pushes: observed.pushes.length,
    lastPush: observed.pushes.at(-1) ?? null,
    grade: grade(l.lastGrade?.headSha === observed.gradable),
    ...(l.lastGradeError ? { problem: `last grade failed: ${l.lastGradeError.message}` } : {}),
  };
}

/** Reads a learner's lab repository: pushes since hand-over and the commit a grade would take. */
export async function observe(session: Session): Promise<Observed> {
  const since = session.live?.handoverAt || session.startedAt;
  await sessionStore(session).sync(repoOf(session.bareDir));
  const heads = await branchHeads(session.bareDir);
  const head = heads[session.trackedBranch] ?? session.seedSha;
  const log = await readPushLog(session.bareDir, session.trackedBranch);
  const pushes = (log ?? []).filter((p) => p.at >= since);
  let gradable = head;
  if (session.deadline !== undefined) {
    const inTime = pushes.filter((p) => p.at <= session.deadline!);
    gradable = inTime.at(-1)?.sha ?? session.seedSha;
  }
  return { pushes, gradable };
}

/**
 * `class status`: every learner's last push and the last grade recorded, with no grading: a live grade waits for
 * each learner's controller to settle (up to the scenario's settle timeout, per environment), so a status of thirty
 * learners would take minutes and load the cluster every time it is asked. `class grade` records the scores.
 */
export async function classStatus(dir: string): Promise<{ record: ClassRecord; learners: LearnerStatus[] }> {
  const record = await readClassRecord(dir);
  const observed = await mapBounded(record.learners, 4, async (l) => (l.state === 'started' ? observe(await learnerSession(dir, record, l)) : undefined));
  const learners = record.learners.map((l, i) => {
    const o = observed[i]!;
    return learnerStatus(l, o.ok ? o.value : { problem: message(o.error) });
  });
  return { record, learners };
}

/** Collects one learner's evidence (live: the controller settles first; a test passes another collector). */
export type EvidenceCollector = (session: Session, scenario: Scenario, log: (line: string) => void) => Promise<Evidence>;

const collectFor: EvidenceCollector = (session, scenario, log) =>
  session.live ? collectLiveEvidence({ session, cluster: session.live.cluster, log, settleTimeoutMs: settleTimeoutMs(scenario) }) : collectOfflineEvidence(session);

export interface GradeClassOptions {
  readonly dir: string;
  readonly scenario: Scenario;
  readonly parallel: number;
  readonly log: (line: string) => void;
  /** Stores a learner's grade (the CLI writes the result bundle) and says where it went. */
  readonly onGraded: (learner: string, result: GradeResult, evidence: Evidence) => Promise<string | undefined>;
  readonly collect?: EvidenceCollector;
  readonly now?: () => Date;
}

export interface GradedLearner {
  readonly result: GradeResult;
  readonly bundle?: string;
}

/**
 * `class grade`: grades every started learner, at most `parallel` at once (each as `grade` does: settle, collect,
 * grade), hands each grade to `onGraded`, then records the grades (and who could not be graded) in the class
 * record. Learners who never started are not graded; their outcome says so.
 */
export async function gradeClass(o: GradeClassOptions): Promise<{ record: ClassRecord; outcomes: (LearnerOutcome<GradedLearner> | { readonly learner: string; readonly ok: 'skipped'; readonly reason: string })[] }> {
  if (!Number.isInteger(o.parallel) || o.parallel < 1) throw new LabError('USAGE', `--parallel ${o.parallel}: expected a positive integer`);
  const record = await readClassRecord(o.dir);
  if (record.scenario !== o.scenario.id) throw new LabError('INVALID_CONFIG', `${classRecordFile(o.dir)}: scenario: ${record.scenario}, not ${o.scenario.id}`);
  const collect = o.collect ?? collectFor;
  const now = o.now ?? (() => new Date());
  const started = record.learners.filter((l) => l.state === 'started');
  const settled = await mapBounded(started, o.parallel, async (l): Promise<GradedLearner> => {
    const log = (line: string): void => o.log(`[${l.learner}] ${line}`);
    const session = await learnerSession(o.dir, record, l);
    const collected = await collect(session, o.scenario, log);
    // The bundle is the learner's: the class record decides whose it is.
    const evidence: Evidence = { ...collected, meta: { ...collected.meta, learner: l.learner } };
    const result = gradeEvidence(o.scenario, evidence);
    const bundle = await o.onGraded(l.learner, result, evidence);
    log(`${result.score}/${result.maxScore} ${result.status}`);
    return { result, ...(bundle !== undefined ? { bundle } : {}) };
  });
  const at = now().toISOString();
  const byLearner = new Map(started.map((l, i) => [l.learner, settled[i]!]));
  // Re-read: a class down or another grade may have changed the record while this one graded.
  const fresh = await readClassRecord(o.dir);
  fresh.learners = fresh.learners.map((l) => {
    const s = byLearner.get(l.learner);
    if (!s || l.runId !== started.find((x) => x.learner === l.learner)?.runId) return l;
    if (!s.ok) return { ...l, lastGradeError: { at, message: message(s.error) } };
    const { result, bundle } = s.value;
    const { lastGradeError: _, ...rest } = l;
    return {
      ...rest,
      lastGrade: {
        status: result.status,
        score: result.score,
        maxScore: result.maxScore,
        firstFailure: result.firstFailure ? { boundary: result.firstFailure.boundary, check: result.firstFailure.check } : null,
        headSha: result.headSha,
        gradedAt: at,
        ...(bundle !== undefined ? { bundle } : {}),
      },
    };
  });
  await writeClassRecord(o.dir, fresh);
  return {
    record: fresh,
    outcomes: record.learners.map((l) => {
      const s = byLearner.get(l.learner);
      if (!s) return { learner: l.learner, ok: 'skipped' as const, reason: l.state === 'failed' ? `start failed: ${l.error ?? ''}` : 'not started' };
      return { learner: l.learner, ...s } as LearnerOutcome<GradedLearner>;
    }),
  };
}

export interface DownClassOptions {
  readonly dir: string;
  readonly parallel: number;
  readonly log: (line: string) => void;
  /** Ends one session (default: stopSession, as `gitops-lab stop` does). */
  readonly stop?: (workspace: string) => Promise<StoppedSession>;
}

/**
 * `class down`: ends every started learner's session with the per-session stop (its run leaves the cluster and
 * the git server), at most `parallel` at once, and nothing else; then removes the class record. A session already
 * ended (its marker and record gone) counts as ended. When a session could not be ended, the record stays with the
 * learners still to end, so class down can be run again.
 */
export async function downClass(o: DownClassOptions): Promise<{ record: ClassRecord; outcomes: LearnerOutcome<string[]>[]; recordRemoved: boolean }> {
  if (!Number.isInteger(o.parallel) || o.parallel < 1) throw new LabError('USAGE', `--parallel ${o.parallel}: expected a positive integer`);
  const record = await readClassRecord(o.dir);
  const stop = o.stop ?? stopSession;
  const settled = await mapBounded(record.learners, o.parallel, async (l): Promise<string[]> => {
    if (l.state !== 'started' || l.runId === undefined) return [];
    const workspace = resolve(o.dir, l.workspace);
    if (!existsSync(markerFile(workspace)) && !existsSync(recordFile(l.runId))) return [`session ${l.runId} had already ended`];
    await learnerSession(o.dir, record, l);
    const { removed } = await stop(workspace);
    o.log(`[${l.learner}] session ${l.runId} ended`);
    return [...removed];
  });
  const outcomes = settled.map((s, i) => ({ learner: record.learners[i]!.learner, ...s }) as LearnerOutcome<string[]>);
  const left = record.learners.filter((_, i) => !settled[i]!.ok);
  if (left.length === 0) {
    await rm(classRecordFile(o.dir), { force: true });
    return { record, outcomes, recordRemoved: true };
  }
  await writeClassRecord(o.dir, { ...record, learners: left });
  return { record, outcomes, recordRemoved: false };
}
