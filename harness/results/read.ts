/**
 * Reads a results folder for the cohort report: every index entry, then each bundle's result.json, matched
 * to the entry whose digest it has. A bundle that matches no entry (a grade still writing, or one that was
 * interrupted) is left out with a warning rather than guessed at.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { GradeResult } from '../model/result.js';
import { formatPath, issueMessage } from '../scenario/load.js';
import { LabError } from '../errors.js';
import { BUNDLE_FILES, IndexEntry, INDEX_DIR } from '../model/index-entry.js';

export interface GradedRecord {
  readonly entry: IndexEntry;
  readonly result: GradeResult;
}

export interface ResultsFolder {
  /** One record per bundle, sorted by learner then scenario. */
  readonly records: readonly GradedRecord[];
  readonly warnings: readonly string[];
}

/** Parses JSON text with a zod schema; errors name the file and the field path. */
export function parseJsonFile<T extends z.ZodType>(schema: T, text: string, file: string): z.infer<T> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new LabError('INVALID_CONFIG', `${file}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new LabError('INVALID_CONFIG', `${file}: ${parsed.error.issues.length} problem(s)`, {
      details: parsed.error.issues.map((i) => `${file}: ${formatPath(i.path)}: ${issueMessage(i, input)}`),
    });
  }
  return parsed.data;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function readResultsFolder(dir: string): Promise<ResultsFolder> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new LabError('NOT_FOUND', `${dir} is not a folder`, { suggestion: 'pass the folder given to grade --out' });
  const indexDir = join(dir, INDEX_DIR);
  const names = await readdir(indexDir).catch(() => [] as string[]);
  const entryNames = names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort();
  if (entryNames.length === 0) {
    throw new LabError('NOT_FOUND', `${dir} holds no graded results (no ${join(INDEX_DIR, '*.json')})`, {
      suggestion: 'grade into it first: gitops-lab grade --offline --workspace <dir> --out ' + dir,
    });
  }
  const byBundle = new Map<string, IndexEntry[]>();
  for (const name of entryNames) {
    const file = join(indexDir, name);
    const entry = parseJsonFile(IndexEntry, await readFile(file, 'utf8'), file);
    if (entry.bundle.split('/').some((s) => s === '..' || s === '.' || s === '')) {
      throw new LabError('INVALID_CONFIG', `${file}: bundle: "${entry.bundle}" leaves the results folder`);
    }
    byBundle.set(entry.bundle, [...(byBundle.get(entry.bundle) ?? []), entry]);
  }
  const records: GradedRecord[] = [];
  const warnings: string[] = [];
  for (const [bundle, entries] of [...byBundle].sort(([a], [b]) => compare(a, b))) {
    const file = join(dir, ...bundle.split('/'), BUNDLE_FILES.result);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      warnings.push(`${bundle}: ${BUNDLE_FILES.result} is missing; left out`);
      continue;
    }
    const digest = createHash('sha256').update(text).digest('hex');
    const matching = entries.filter((e) => e.digests.result === digest).sort((a, b) => compare(a.gradedAt, b.gradedAt));
    const entry = matching.at(-1);
    if (!entry) {
      warnings.push(`${bundle}: ${BUNDLE_FILES.result} matches none of its ${entries.length} index entries (a grade still writing, or interrupted); left out`);
      continue;
    }
    records.push({ entry, result: parseJsonFile(GradeResult, text, file) });
  }
  records.sort((a, b) => compare(a.entry.learner, b.entry.learner) || compare(a.entry.scenario, b.entry.scenario));
  return { records, warnings };
}
