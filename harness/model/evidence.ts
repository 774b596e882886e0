import { z } from 'zod';
import { Controller } from './boundary.js';
import { ClusterEvidence } from './cluster-evidence.js';

/**
 * Evidence: plain, versioned JSON that graders read. Everything a grader needs is in here, so a saved
 * bundle grades the same offline as it did live.
 */
export const EVIDENCE_SCHEMA_VERSION = 1;

export const ParsedFile = z.object({
  /** Git blob id, so two trees can be compared without the text. */
  blob: z.string(),
  /** The YAML documents of the file, when it is YAML and parses. */
  docs: z.array(z.unknown()).optional(),
  parseError: z.string().optional(),
});
export type ParsedFile = z.infer<typeof ParsedFile>;

export const TreeSnapshot = z.object({
  sha: z.string(),
  /** Repository-relative path -> parsed file; YAML files only. */
  files: z.record(z.string(), ParsedFile),
});
export type TreeSnapshot = z.infer<typeof TreeSnapshot>;

export const FileChange = z.object({
  status: z.enum(['added', 'modified', 'deleted', 'renamed', 'copied', 'type-changed']),
  path: z.string(),
  oldPath: z.string().optional(),
});
export type FileChange = z.infer<typeof FileChange>;

export const CommitInfo = z.object({
  sha: z.string(),
  parents: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  author: z.string(),
  files: z.array(FileChange),
});
export type CommitInfo = z.infer<typeof CommitInfo>;

/** A commit at or before hand-over, with the blob each file it changed was left at. */
export const HistoryCommit = z.object({
  sha: z.string(),
  subject: z.string(),
  /**
   * The files this commit changed against its first parent (a root commit: all of its files), each with the
   * blob id it left the file at; no blob: the commit deleted the file.
   */
  files: z.array(z.object({ path: z.string(), blob: z.string().optional() })),
});
export type HistoryCommit = z.infer<typeof HistoryCommit>;

/**
 * The tracked branch at and before hand-over, along first parents: what a file held at any of those commits
 * (a known-good revision, a rollback target). Made by the harness, not the learner; bounded in size.
 */
export const GitHistory = z.object({
  /** Newest first: the seed commit, then its first parent, and so on. */
  commits: z.array(HistoryCommit),
  /** The oldest commit listed is the root commit: no older commit was left out. */
  complete: z.boolean(),
});
export type GitHistory = z.infer<typeof GitHistory>;

export const GitEvidence = z.object({
  repoURL: z.string(),
  trackedBranch: z.string(),
  /** The tracked branch's commit when the learner was handed the workspace. */
  seedSha: z.string(),
  headSha: z.string(),
  /** The seed commit is an ancestor of (or equal to) the head: history was extended, not rewritten. */
  headContainsSeed: z.boolean(),
  /** Commits on the tracked branch after the seed, oldest first. */
  commits: z.array(CommitInfo),
  /** `git diff -M seed head`, net of every commit. */
  changes: z.array(FileChange),
  /** Updates of the tracked branch after hand-over, oldest first, from the lab repository's reflog. */
  pushes: z.array(z.object({ sha: z.string(), at: z.string() })).default([]),
  /** Every branch: its commit now and at the seed (absent if it did not exist then). */
  branches: z.array(z.object({ name: z.string(), sha: z.string(), seedSha: z.string().optional() })),
  seed: TreeSnapshot,
  head: TreeSnapshot,
  /** The commits at and before hand-over (absent in evidence recorded before gitops-lab recorded them). */
  history: GitHistory.optional(),
});
export type GitEvidence = z.infer<typeof GitEvidence>;

export const RenderOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** sha256 of kustomize's output, for byte-for-byte comparison. */
    digest: z.string(),
    objects: z.array(z.record(z.string(), z.unknown())),
  }),
  z.object({
    ok: z.literal(false),
    /**
     * `kustomize`: kustomize refused; `helm`: `helm template` refused (a Helm environment); `refused`: gitops-lab
     * refused (a remote form, a path outside the repository, a symlink, an exec plugin, Helm inflation inside a
     * kustomization, a chart dependency with a repository); `missing`: no such directory; `timeout`: the renderer
     * ran out of time; `too-large`: a file, the tree or the output broke a size bound.
     */
    reason: z.enum(['kustomize', 'helm', 'refused', 'missing', 'timeout', 'too-large']),
    error: z.string(),
  }),
]);
export type RenderOutcome = z.infer<typeof RenderOutcome>;

export const RenderEvidence = z.object({
  tool: z.string(),
  /** How kustomize was fenced: `network: netns` (an empty network namespace) or `network: none: <why>`, and the memory bound. */
  fence: z.string().optional(),
  environments: z.array(
    z.object({ name: z.string(), path: z.string(), namespace: z.string(), seed: RenderOutcome, head: RenderOutcome }),
  ),
  /** The scenario's layers (not environments: nothing is deployed from them), rendered the same way. */
  layers: z.array(z.object({ name: z.string(), path: z.string(), seed: RenderOutcome, head: RenderOutcome })).optional(),
});
export type RenderEvidence = z.infer<typeof RenderEvidence>;

export const EvidenceMeta = z.object({
  scenario: z.string(),
  controller: Controller,
  provider: z.string(),
  runId: z.string(),
  learner: z.string().optional(),
  mode: z.enum(['practice', 'exam']),
  collectedAt: z.string(),
  /** When the learner was handed the workspace. */
  startedAt: z.string().optional(),
  /** Exam mode: pushes after this instant are not graded. */
  deadline: z.string().optional(),
  toolVersions: z.record(z.string(), z.string()),
  /** What this bundle holds: offline bundles carry no cluster evidence. */
  scope: z.enum(['offline', 'live']),
});
export type EvidenceMeta = z.infer<typeof EvidenceMeta>;

export const Evidence = z.object({
  schemaVersion: z.literal(EVIDENCE_SCHEMA_VERSION),
  kind: z.literal('gitops-lab/evidence'),
  meta: EvidenceMeta,
  /** The scenario's environments as seeded (namespaces already suffixed). */
  environments: z.record(z.string(), z.object({ namespace: z.string(), path: z.string(), registration: z.string() })),
  git: GitEvidence,
  render: RenderEvidence,
  /** Cluster evidence (live runs only): controller objects, live objects by kind, recorded changes. */
  cluster: ClusterEvidence.optional(),
});
export type Evidence = z.infer<typeof Evidence>;
