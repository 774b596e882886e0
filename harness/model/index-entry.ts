/**
 * The index entry: one small file per grade under `<results>/index/`, written after the bundle's files.
 * It says which bundle a grade wrote, the digests of what it wrote, and the session's times, so the cohort
 * report reads facts instead of guessing from folder names.
 */
import { z } from 'zod';
import { Boundary, Controller } from './boundary.js';
import type { Evidence } from './evidence.js';

export const INDEX_ENTRY_SCHEMA_VERSION = 1;
export const INDEX_DIR = 'index';
export const BUNDLE_FILES = { result: 'result.json', evidence: 'evidence.json', report: 'report.md' } as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex digest');

export const IndexEntry = z.object({
  schemaVersion: z.literal(INDEX_ENTRY_SCHEMA_VERSION),
  kind: z.literal('gitops-lab/result-entry'),
  learner: z.string(),
  scenario: z.string(),
  controller: Controller,
  runId: z.string(),
  mode: z.enum(['practice', 'exam']),
  scope: z.enum(['offline', 'live']),
  status: z.enum(['pass', 'fail', 'error']),
  score: z.number(),
  maxScore: z.number(),
  firstFailure: z.object({ boundary: Boundary, check: z.string() }).nullable(),
  /** The graded commit and its subject line (the learner's words). */
  headSha: z.string(),
  headSubject: z.string().optional(),
  /** When the learner was handed the workspace. */
  startedAt: z.string().optional(),
  /** When the graded commit was pushed (absent when the learner pushed nothing that was graded). */
  endedAt: z.string().optional(),
  /** Exam mode: pushes after this instant were not graded. */
  deadline: z.string().optional(),
  /** When the evidence was collected. */
  gradedAt: z.string(),
  /** The bundle's folder, relative to the results folder, with `/` separators. */
  bundle: z.string(),
  digests: z.object({ result: Sha256, evidence: Sha256, report: Sha256 }),
  /** The bundle's seal (seal.json beside it): which instructor key sealed it, and the MAC. */
  seal: z.object({ alg: z.literal('HMAC-SHA256'), keyId: z.string(), mac: Sha256 }).optional(),
});
export type IndexEntry = z.infer<typeof IndexEntry>;

/**
 * When the graded commit was pushed: the last update of the tracked branch to the graded commit, at or
 * before the deadline in exam mode. Undefined when the graded commit is the seed (nothing pushed).
 */
export function gradedPushAt(evidence: Evidence): string | undefined {
  const { git, meta } = evidence;
  if (git.headSha === git.seedSha) return undefined;
  let at: string | undefined;
  for (const p of git.pushes) {
    if (p.sha !== git.headSha) continue;
    if (meta.deadline !== undefined && p.at > meta.deadline) continue;
    at = p.at;
  }
  return at;
}

/** The subject of the graded commit, when it is one of the learner's commits. */
export function gradedSubject(evidence: Evidence): string | undefined {
  return evidence.git.commits.find((c) => c.sha === evidence.git.headSha)?.subject;
}

/** Milliseconds from hand-over to the graded push, or null when either end is unknown. */
export function timeTakenMs(entry: Pick<IndexEntry, 'startedAt' | 'endedAt'>): number | null {
  if (entry.startedAt === undefined || entry.endedAt === undefined) return null;
  const ms = Date.parse(entry.endedAt) - Date.parse(entry.startedAt);
  return Number.isFinite(ms) ? Math.max(0, ms) : null;
}
