/**
 * Evidence bundles: what `grade --out` leaves for an instructor. Per learner and scenario,
 *
 *   <out>/<learner>/<scenario>/result.json    the grade, byte for byte what `grade --format json` prints
 *   <out>/<learner>/<scenario>/evidence.json  the evidence it was graded on (versioned, Secret data redacted)
 *   <out>/<learner>/<scenario>/report.md      the Markdown report, with the session's start and end
 *   <out>/<learner>/<scenario>/seal.json      an HMAC-SHA256 over the three files' bytes (seal.ts), written after them
 *   <out>/index/<learner>--<scenario>--<run>--<time>--<random>.json   one entry per grade, written last
 *
 * Every file is written atomically. A later grade of the same learner and scenario replaces the bundle; the
 * index keeps an entry for every grade, and the entry whose digest matches result.json describes it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Evidence } from '../model/evidence.js';
import type { GradeResult } from '../model/result.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { LabError } from '../errors.js';
import { writeFileAtomic } from '../atomic.js';
import { BUNDLE_FILES, gradedPushAt, gradedSubject, INDEX_DIR, INDEX_ENTRY_SCHEMA_VERSION, timeTakenMs, type IndexEntry } from '../model/index-entry.js';
import { pathSegment } from './learner.js';
import { redactEvidence } from './redact.js';
import { bundleKey, SEAL_FILE, sealBundle, sealText, type BundleKey } from './seal.js';
import { sessionMarkdown } from './session-markdown.js';

export interface BundleInput {
  readonly result: GradeResult;
  readonly evidence: Evidence;
  readonly learner: string;
}

export interface WrittenBundle {
  /** The bundle's folder. */
  readonly dir: string;
  readonly entryFile: string;
  readonly entry: IndexEntry;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The bundle's texts and index entry, without touching the disk. */
export function assembleBundle(input: BundleInput): { files: Record<keyof typeof BUNDLE_FILES, string>; entry: IndexEntry } {
  const { result, evidence, learner } = input;
  if (result.learner !== learner || evidence.meta.learner !== learner) {
    throw new LabError('USAGE', `bundle for learner "${learner}": the result says "${result.learner}" and the evidence "${evidence.meta.learner}"`, {
      suggestion: 'grade evidence whose meta.learner is the bundle\'s learner (withLearner)',
    });
  }
  if (result.scenario !== evidence.meta.scenario || result.headSha !== evidence.git.headSha) {
    throw new LabError('USAGE', `the result (${result.scenario} at ${result.headSha}) was not graded on this evidence (${evidence.meta.scenario} at ${evidence.git.headSha})`);
  }
  const endedAt = gradedPushAt(evidence);
  const headSubject = gradedSubject(evidence);
  const times = {
    ...(evidence.meta.startedAt !== undefined ? { startedAt: evidence.meta.startedAt } : {}),
    ...(endedAt !== undefined ? { endedAt } : {}),
    ...(evidence.meta.deadline !== undefined ? { deadline: evidence.meta.deadline } : {}),
  };
  const files = {
    result: renderJson(result),
    evidence: JSON.stringify(redactEvidence(evidence), null, 2) + '\n',
    report:
      renderMarkdown(result) +
      sessionMarkdown({ learner, ...times, gradedAt: evidence.meta.collectedAt, timeTakenMs: timeTakenMs(times), headSha: result.headSha, ...(headSubject !== undefined ? { headSubject } : {}) }),
  };
  const entry: IndexEntry = {
    schemaVersion: INDEX_ENTRY_SCHEMA_VERSION,
    kind: 'gitops-lab/result-entry',
    learner,
    scenario: result.scenario,
    controller: result.controller,
    runId: result.runId,
    mode: result.mode,
    scope: result.scope,
    status: result.status,
    score: result.score,
    maxScore: result.maxScore,
    firstFailure: result.firstFailure ? { boundary: result.firstFailure.boundary, check: result.firstFailure.check } : null,
    headSha: result.headSha,
    ...(headSubject !== undefined ? { headSubject } : {}),
    ...times,
    gradedAt: evidence.meta.collectedAt,
    bundle: `${pathSegment(learner)}/${pathSegment(result.scenario)}`,
    digests: { result: sha256(files.result), evidence: sha256(files.evidence), report: sha256(files.report) },
  };
  return { files, entry };
}

/**
 * Writes one grade's bundle, its seal and its index entry under `outDir`; safe to run many at once into one
 * folder. The seal's key is the instructor's (made on first use in the state home) unless one is given.
 */
export async function writeBundle(outDir: string, input: BundleInput, options: { readonly key?: BundleKey } = {}): Promise<WrittenBundle> {
  const key = options.key ?? (await bundleKey());
  const assembled = assembleBundle(input);
  const { files } = assembled;
  const seal = sealBundle(key, { learner: assembled.entry.learner, scenario: assembled.entry.scenario, runId: assembled.entry.runId }, files);
  const entry: IndexEntry = { ...assembled.entry, seal: { alg: seal.alg, keyId: seal.keyId, mac: seal.mac } };
  const dir = join(outDir, pathSegment(entry.learner), pathSegment(entry.scenario));
  // The evidence first and the result last: a result.json on disk always has its evidence beside it.
  await writeFileAtomic(join(dir, BUNDLE_FILES.evidence), files.evidence);
  await writeFileAtomic(join(dir, BUNDLE_FILES.report), files.report);
  await writeFileAtomic(join(dir, BUNDLE_FILES.result), files.result);
  await writeFileAtomic(join(dir, SEAL_FILE), sealText(seal));
  const stamp = entry.gradedAt.replace(/[^0-9]/g, '');
  const entryFile = join(
    outDir,
    INDEX_DIR,
    `${pathSegment(entry.learner)}--${pathSegment(entry.scenario)}--${pathSegment(entry.runId)}--${stamp}--${randomBytes(4).toString('hex')}.json`,
  );
  await writeFileAtomic(entryFile, JSON.stringify(entry, null, 2) + '\n');
  return { dir, entryFile, entry };
}
