/**
 * A class: one live session per learner of a roster, all on one scenario and one cluster. The class record
 * (`<class dir>/class.json`, written by `class start`, read by `class status`, `grade` and `down`) says which
 * learner has which run, workspace and handout, and the last grade `class grade` recorded for each.
 * runner/class.ts reads and writes it; the sessions themselves stay in the state home (runner/session.ts).
 */
import { z } from 'zod';
import { Boundary, Controller } from './boundary.js';

export const CLASS_RECORD_SCHEMA_VERSION = 1;
export const CLASS_RECORD_FILE = 'class.json';

/**
 * A learner id (and a class id): it becomes part of file names (workspace, handout, result bundle), so it is
 * held to a small alphabet: 1 to 40 lowercase letters, digits and single dashes, starting and ending with a
 * letter or digit (no leading dash that a command could take for a flag, no `--` that bundle index names use).
 */
export const LEARNER_ID = /^(?=.{1,40}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const LEARNER_ID_RULE = '1 to 40 lowercase letters, digits and single dashes, starting and ending with a letter or digit';

export const LearnerId = z.string().regex(LEARNER_ID, `must be ${LEARNER_ID_RULE}`);

/** Where a learner's files live inside the class folder (relative, `/`-separated). */
export const workspaceOf = (learner: string): string => `workspaces/${learner}`;
export const handoutOf = (learner: string): string => `handouts/${learner}.md`;

/** The last grade `class grade` recorded for a learner: enough for `class status`, the bundle holds the rest. */
export const LastGrade = z.object({
  status: z.enum(['pass', 'fail', 'error']),
  score: z.number(),
  maxScore: z.number(),
  firstFailure: z.object({ boundary: Boundary, check: z.string() }).nullable(),
  /** The commit that was graded: when the learner has pushed since, the grade is stale. */
  headSha: z.string(),
  gradedAt: z.string(),
  /** The bundle's folder, as `class grade --out` wrote it. */
  bundle: z.string().optional(),
});
export type LastGrade = z.infer<typeof LastGrade>;

export const ClassLearner = z
  .object({
    learner: LearnerId,
    name: z.string().optional(),
    email: z.string().optional(),
    /** pending: not started yet (or start was interrupted); started: handed over; failed: the start failed (error says why). */
    state: z.enum(['pending', 'started', 'failed']),
    runId: z.string().regex(/^[0-9a-f]{6,32}$/, 'must be a gitops-lab run id (hex)').optional(),
    /** Relative to the class folder. */
    workspace: z.string(),
    handout: z.string(),
    startedAt: z.string().optional(),
    /** Exam mode: pushes after this instant are not graded. */
    deadline: z.string().optional(),
    error: z.string().optional(),
    lastGrade: LastGrade.optional(),
    /** The last `class grade` could not grade this learner: when, and why. */
    lastGradeError: z.object({ at: z.string(), message: z.string() }).optional(),
  })
  .superRefine((l, ctx) => {
    // The paths are derived from the id; a record edited to point elsewhere is refused, not followed.
    if (l.workspace !== workspaceOf(l.learner)) ctx.addIssue({ code: 'custom', path: ['workspace'], message: `must be "${workspaceOf(l.learner)}"` });
    if (l.handout !== handoutOf(l.learner)) ctx.addIssue({ code: 'custom', path: ['handout'], message: `must be "${handoutOf(l.learner)}"` });
    if (l.state === 'started' && l.runId === undefined) ctx.addIssue({ code: 'custom', path: ['runId'], message: 'a started learner has a run id' });
  });
export type ClassLearner = z.infer<typeof ClassLearner>;

export const ClassRecord = z
  .object({
    schemaVersion: z.literal(CLASS_RECORD_SCHEMA_VERSION),
    kind: z.literal('gitops-lab/class'),
    /** The class's id: several classes can share a cluster and a state home. */
    id: LearnerId,
    scenario: z.string(),
    controller: Controller,
    mode: z.enum(['practice', 'exam']),
    cluster: z.string(),
    /** The roster the class was started from (as given). */
    roster: z.string(),
    createdAt: z.string(),
    learners: z.array(ClassLearner),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.learners.forEach((l, i) => {
      if (seen.has(l.learner)) ctx.addIssue({ code: 'custom', path: ['learners', i, 'learner'], message: `"${l.learner}" is listed twice` });
      seen.add(l.learner);
    });
  });
export type ClassRecord = z.infer<typeof ClassRecord>;
