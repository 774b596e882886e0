import type { z } from 'zod';
import type { Boundary, Controller } from '../harness/model/boundary.js';
import type { Evidence } from '../harness/model/evidence.js';
import type { Mismatch } from '../harness/model/result.js';

/**
 * What a grader returns. `fail` means the learner is wrong; `error` means the evidence the grader needs is
 * missing or unreadable, so it could not judge (never silently counted against the learner).
 */
export interface Finding {
  readonly status: 'pass' | 'fail' | 'error';
  /** One sentence. */
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  /** Why this matters, in the course's words. */
  readonly why?: string;
  readonly mismatches?: readonly Mismatch[];
  readonly diff?: string;
}

export interface GradeContext {
  readonly controller: Controller;
}

export interface Grader<P extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly boundary: Boundary;
  /** One line for docs and `show`. */
  readonly summary: string;
  readonly params: P;
  /** Describes, in a few words, what a check with these parameters verifies (for generated READMEs). */
  describe(params: z.infer<P>): string;
  grade(evidence: Evidence, params: z.infer<P>, context: GradeContext): Finding;
}

export function defineGrader<P extends z.ZodType>(grader: Grader<P>): Grader<P> {
  return grader;
}

export const pass = (message: string, extra: Omit<Finding, 'status' | 'message'> = {}): Finding => ({
  status: 'pass',
  message,
  ...extra,
});
export const fail = (message: string, extra: Omit<Finding, 'status' | 'message'> = {}): Finding => ({
  status: 'fail',
  message,
  ...extra,
});
export const cannotJudge = (message: string, extra: Omit<Finding, 'status' | 'message'> = {}): Finding => ({
  status: 'error',
  message,
  ...extra,
});
