/**
 * A lab session: which scenario, controller and lab repository a workspace belongs to. It is stored inside
 * the workspace's .git directory (never committed by the learner) and in the state home.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { Controller } from '../model/boundary.js';
import { LabError } from '../errors.js';

export const Session = z.object({
  schemaVersion: z.literal(1),
  runId: z.string(),
  scenario: z.string(),
  controller: Controller,
  provider: z.string(),
  mode: z.enum(['practice', 'exam']),
  learner: z.string().optional(),
  bareDir: z.string(),
  repoURL: z.string(),
  trackedBranch: z.string(),
  seedSha: z.string(),
  seedBranches: z.record(z.string(), z.string()),
  environments: z.record(z.string(), z.object({ namespace: z.string(), path: z.string(), registration: z.string() })),
  startedAt: z.string(),
  /** Exam mode: pushes after this instant are not graded. */
  deadline: z.string().optional(),
  /** Where this session's state (renders cache, logs) lives. */
  stateDir: z.string(),
  /** Live sessions: the cluster the scenario was seeded on. */
  live: z
    .object({
      provider: z.enum(['local', 'kind', 'existing']).default('local'),
      cluster: z.string(),
      kubeconfig: z.string(),
      auditLog: z.string().optional(),
      /** The environments registered on the cluster. */
      environments: z.array(z.string()),
      /** When the broken state was handed over. */
      handoverAt: z.string(),
      /** Where the lab git server's repository lives (for cleanup). */
      gitStateDir: z.string(),
      /** The watch-based change recorder, where no audit log can be read. */
      recorder: z.object({ pid: z.number(), file: z.string() }).optional(),
    })
    .optional(),
});
export type Session = z.infer<typeof Session>;

export function stateHome(): string {
  return process.env['GITOPS_LAB_HOME'] ?? join(homedir(), '.gitops-lab');
}

export function newRunId(): string {
  return randomBytes(3).toString('hex');
}

const sessionFile = (workspace: string): string => join(workspace, '.git', 'gitops-lab', 'session.json');

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, JSON.stringify(value, null, 2) + '\n');
  await rename(tmp, file);
}

export async function saveSession(workspace: string, session: Session): Promise<void> {
  await writeJsonAtomic(sessionFile(workspace), session);
  await writeJsonAtomic(join(session.stateDir, 'session.json'), session);
}

export async function loadSession(workspace: string): Promise<Session> {
  const file = sessionFile(workspace);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new LabError('NOT_FOUND', `${workspace} is not a gitops-lab workspace (no ${file})`, {
      suggestion: 'start a scenario first: gitops-lab start <id> --workspace <dir>',
    });
  }
  const parsed = Session.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new LabError('INVALID_CONFIG', `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
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
  readonly stateDir: string;
  readonly now: Date;
  readonly live?: Session['live'];
}

/** A session record; exam mode gets its deadline from the scenario's time limit. */
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
    startedAt: i.now.toISOString(),
    ...(i.mode === 'exam' ? { deadline: new Date(i.now.getTime() + i.scenario.timeLimitMinutes * 60_000).toISOString() } : {}),
    stateDir: i.stateDir,
    ...(i.live ? { live: i.live } : {}),
  };
}
