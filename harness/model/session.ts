/**
 * A lab session's record: which scenario, controller and lab repository a workspace belongs to, and, for live
 * sessions, the cluster it was seeded on. runner/session.ts reads and writes it (in the state home); evidence
 * collection and the runner read it.
 */
import { z } from 'zod';
import { Controller } from './boundary.js';

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
  environments: z.record(
    z.string(),
    z.object({
      namespace: z.string(),
      path: z.string(),
      registration: z.string(),
      /** A Helm environment's release and values files (older sessions have none). */
      helm: z.object({ releaseName: z.string(), valueFiles: z.array(z.string()) }).optional(),
    }),
  ),
  /** The scenario's layers (kustomize directories rendered beside the environments); older sessions have none. */
  layers: z.record(z.string(), z.object({ path: z.string() })).optional(),
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
      /** Where the audit log stood before the run made anything (its inode and size): grades read it from there. */
      auditLogFrom: z.object({ inode: z.number().int().nonnegative(), offset: z.number().int().nonnegative() }).optional(),
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
