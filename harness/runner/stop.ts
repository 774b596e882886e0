/**
 * Ending one session before its cluster goes: a learner who gives up, an instructor who ends a class early. What the
 * session made goes (its roots, registrations and what they applied from Git, its namespaces, its lab repository,
 * its record), and nothing of any other session; the learner's workspace stays, no longer a session.
 */
import { rm } from 'node:fs/promises';
import type { Session } from '../model/session.js';
import { cleanupLive } from './live.js';
import { repoOf, sessionStore } from '../git/store.js';
import { loadSession, markerFile, removeSessionRecord } from './session.js';

export interface StoppedSession {
  readonly session: Session;
  /** What was removed, one line each (for the user). */
  readonly removed: readonly string[];
}

export async function stopSession(workspace: string): Promise<StoppedSession> {
  const session = await loadSession(workspace);
  const removed: string[] = [];
  if (session.live) {
    await cleanupLive(session);
    const namespaces = session.live.environments.map((e) => session.environments[e]!.namespace);
    removed.push(`from cluster ${session.live.cluster}: the run's roots, registrations and namespaces (${namespaces.join(', ')})`);
  }
  await rm(session.bareDir, { recursive: true, force: true });
  const store = sessionStore(session);
  removed.push(store.ownStorage ? `the lab repository ${repoOf(session.bareDir)} on the git server, and the mirror ${session.bareDir}` : `the lab repository ${session.bareDir}`);
  await removeSessionRecord(session);
  removed.push(`the session's record`);
  await rm(markerFile(workspace), { force: true });
  removed.push(`the session marker in ${workspace} (the workspace itself stays)`);
  return { session, removed };
}
