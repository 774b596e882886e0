import { z } from 'zod';
import { Boundary, Controller } from './boundary.js';

export const RESULT_SCHEMA_VERSION = 1;

export const CheckStatus = z.enum(['pass', 'fail', 'error', 'skipped']);
export type CheckStatus = z.infer<typeof CheckStatus>;

/** One `path: got X, expected Y` line of feedback. */
export const Mismatch = z.object({ path: z.string(), got: z.string(), expected: z.string() });
export type Mismatch = z.infer<typeof Mismatch>;

export const CheckResult = z.object({
  name: z.string(),
  grader: z.string(),
  boundary: Boundary,
  status: CheckStatus,
  score: z.number(),
  max: z.number(),
  /** One sentence. */
  message: z.string(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  why: z.string().optional(),
  hint: z.string().optional(),
  mismatches: z.array(Mismatch).default([]),
  /** A short diff or excerpt of the evidence. */
  diff: z.string().optional(),
  /** A guard that passes but is not scored yet: no progress check passes (see the progress rule). */
  withheld: z.boolean().optional(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const BoundarySummary = z.object({
  boundary: Boundary,
  status: CheckStatus,
  score: z.number(),
  max: z.number(),
});

export const GradeResult = z.object({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  kind: z.literal('gitops-lab/grade'),
  scenario: z.string(),
  controller: Controller,
  runId: z.string(),
  learner: z.string().optional(),
  mode: z.enum(['practice', 'exam']),
  scope: z.enum(['offline', 'live']),
  headSha: z.string(),
  status: z.enum(['pass', 'fail', 'error']),
  score: z.number(),
  maxScore: z.number(),
  firstFailure: z
    .object({ boundary: Boundary, check: z.string(), message: z.string() })
    .nullable(),
  boundaries: z.array(BoundarySummary),
  checks: z.array(CheckResult),
});
export type GradeResult = z.infer<typeof GradeResult>;
