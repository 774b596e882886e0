/** Who a grade belongs to, and how a learner or scenario id becomes one safe path segment. */
import { userInfo } from 'node:os';
import type { Evidence } from '../model/evidence.js';
import { LabError } from '../errors.js';

/** `--learner`, else the session's learner, else the OS user name. */
export function resolveLearner(option: string | undefined, session: { readonly learner?: string | undefined }): string {
  const learner = option ?? session.learner ?? osUserName();
  if (learner.trim().length === 0) throw new LabError('USAGE', "'--learner' must not be empty");
  return learner;
}

function osUserName(): string {
  try {
    return userInfo().username;
  } catch (error) {
    throw new LabError('USAGE', 'no learner id: the session has none and the OS user name is unknown', {
      cause: error,
      suggestion: 'pass --learner <id>',
    });
  }
}

/** The evidence with its learner set (a copy). */
export function withLearner(evidence: Evidence, learner: string): Evidence {
  return { ...evidence, meta: { ...evidence.meta, learner } };
}

/**
 * One path segment for an id that came from a person: percent-encoded, so `/`, `..`, NUL and the like
 * cannot leave the results folder, and a leading dot cannot hide the folder.
 */
export function pathSegment(id: string): string {
  const encoded = encodeURIComponent(id).replace(/[*'()!~]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return encoded.replace(/^\./, '%2E');
}
