/** Assembles Evidence for a session. Offline: git and render; the live collector adds cluster evidence. */
import { redactURL } from '../git/access.js';
import { EVIDENCE_SCHEMA_VERSION, type Evidence } from '../model/evidence.js';
import type { ClusterEvidence } from '../model/cluster-evidence.js';
import type { Session } from '../model/session.js';
import { collectGitEvidence } from './git-evidence.js';
import { collectRenderEvidence } from './render-evidence.js';

export interface CollectOptions {
  /** Grade this commit instead of the branch head. */
  readonly headSha?: string;
  readonly now?: () => Date;
  /** Live sessions: collects the cluster's evidence (run alongside Git's and the render). */
  readonly cluster?: () => Promise<ClusterEvidence>;
}

/** Git and render evidence for a session, plus the cluster's when a collector is given. */
export async function collectEvidence(session: Session, options: CollectOptions = {}): Promise<Evidence> {
  // Git, then the render of its commits; the cluster's evidence alongside both (it needs neither).
  const reading = collectGitEvidence({
    bareDir: session.bareDir,
    // The controllers' read credential stays out of the bundle's top line (the registrations still name it).
    repoURL: redactURL(session.repoURL),
    trackedBranch: session.trackedBranch,
    seedSha: session.seedSha,
    seedBranches: session.seedBranches,
    ...(options.headSha !== undefined ? { headSha: options.headSha } : {}),
    ...(session.deadline !== undefined ? { deadline: session.deadline } : {}),
  });
  const [git, render, cluster] = await Promise.all([
    reading,
    reading.then((g) => collectRenderEvidence(session.bareDir, g.seedSha, g.headSha, session.environments, session.stateDir, session.layers ?? {})),
    options.cluster?.(),
  ]);
  return {
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    kind: 'gitops-lab/evidence',
    meta: {
      scenario: session.scenario,
      controller: session.controller,
      provider: session.provider,
      runId: session.runId,
      ...(session.learner !== undefined ? { learner: session.learner } : {}),
      mode: session.mode,
      collectedAt: (options.now?.() ?? new Date()).toISOString(),
      startedAt: session.startedAt,
      ...(session.deadline !== undefined ? { deadline: session.deadline } : {}),
      toolVersions: { render: render.tool, node: process.version },
      scope: cluster ? 'live' : 'offline',
    },
    environments: session.environments,
    git,
    render,
    ...(cluster ? { cluster } : {}),
  };
}

export function collectOfflineEvidence(session: Session, options: Omit<CollectOptions, 'cluster'> = {}): Promise<Evidence> {
  return collectEvidence(session, options);
}
