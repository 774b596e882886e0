import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Command } from 'commander';
import { Evidence } from '../../model/evidence.js';
import type { GradeResult } from '../../model/result.js';
import { renderJson } from '../../report/json.js';
import { gradeEvidence } from '../../runner/grade.js';
import { BUNDLE_FILES } from '../../model/index-entry.js';
import { parseJsonFile } from '../../results/read.js';
import { bundleKey, verifyBundleDir } from '../../results/seal.js';
import { loadScenario } from '../../scenario/load.js';
import { LabError } from '../../errors.js';
import { exitCodeOf, formatOption, formatResult, type Format } from '../output.js';
import type { SetExit } from './register.js';

/**
 * Grades a saved evidence bundle again, offline, with the current graders: an appeal without a cluster.
 * The bundle must verify against this instructor's key first (seal.json beside the evidence), unless --trust.
 */
export function register(program: Command, setExit: SetExit): void {
  program
    .command('regrade')
    .description('verify a bundle written by grade --out and grade its evidence.json again with the current graders (no cluster, no workspace)')
    .argument('<evidence>', 'an evidence.json written by grade --out (or, with --trust, by record)')
    .addOption(formatOption())
    .option('--trust', 'grade even if the bundle is unsealed or does not verify (the result is then unverified)')
    .action(async (file: string, opts: { format: Format; trust?: boolean }) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new LabError('NOT_FOUND', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      const dir = dirname(file);
      const verdict = await verifyEvidenceBundle(file, dir);
      if (verdict.ok) {
        process.stderr.write(`${file}: sealed by key ${verdict.keyId}: verified\n`);
      } else if (opts.trust) {
        process.stderr.write(`${file}: UNVERIFIED (--trust): ${verdict.file}: ${verdict.reason}\n`);
      } else {
        throw new LabError('INVALID_CONFIG', `${verdict.path}: does not verify: ${verdict.reason}`, {
          suggestion: 'regrade only bundles sealed by grade --out with this state home; pass --trust to grade it anyway, unverified',
        });
      }
      const evidence = parseJsonFile(Evidence, text, file);
      if (verdict.ok) assertSealMatches(file, verdict.seal, evidence);
      const { scenario } = await loadScenario(evidence.meta.scenario);
      const result = gradeEvidence(scenario, evidence);
      await reportDifference(dir, result, verdict.ok);
      process.stdout.write(formatResult(result, opts.format));
      setExit(exitCodeOf(result));
    });
}

type EvidenceVerdict =
  | { ok: true; keyId: string; seal: { learner: string; scenario: string; runId: string } }
  | { ok: false; file: string; path: string; reason: string };

async function verifyEvidenceBundle(file: string, dir: string): Promise<EvidenceVerdict> {
  if (basename(file) !== BUNDLE_FILES.evidence) {
    return { ok: false, file: basename(file), path: file, reason: `a sealed bundle's evidence is named ${BUNDLE_FILES.evidence}` };
  }
  let key;
  try {
    key = await bundleKey({ create: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, file: 'seal.json', path: join(dir, 'seal.json'), reason };
  }
  const verdict = await verifyBundleDir(dir, key);
  if (!verdict.ok) return { ...verdict, path: join(dir, verdict.file) };
  return { ok: true, keyId: verdict.seal.keyId, seal: verdict.seal };
}

/** The seal names the learner, scenario and run it was written for; the evidence must be that one. */
function assertSealMatches(file: string, seal: { learner: string; scenario: string; runId: string }, evidence: Evidence): void {
  const fields: [string, string | undefined, string][] = [
    ['meta.learner', evidence.meta.learner, seal.learner],
    ['meta.scenario', evidence.meta.scenario, seal.scenario],
    ['meta.runId', evidence.meta.runId, seal.runId],
  ];
  for (const [field, got, sealed] of fields) {
    if (got !== sealed) throw new LabError('INVALID_CONFIG', `${file}: ${field}: ${JSON.stringify(got)} is not the sealed ${JSON.stringify(sealed)}`);
  }
}

/** An appeal's point: when the current graders disagree with the stored result.json, say how. */
async function reportDifference(dir: string, result: GradeResult, verified: boolean): Promise<void> {
  const stored = await readFile(join(dir, BUNDLE_FILES.result), 'utf8').catch(() => undefined);
  if (stored === undefined) {
    process.stderr.write(`no ${BUNDLE_FILES.result} beside the evidence to compare with\n`);
    return;
  }
  if (stored === renderJson(result)) {
    process.stderr.write(`the current graders agree with ${BUNDLE_FILES.result}${verified ? '' : ' (unverified)'}\n`);
    return;
  }
  let before: { status?: unknown; score?: unknown; maxScore?: unknown; checks?: { name?: unknown; status?: unknown; score?: unknown }[] } = {};
  try {
    before = JSON.parse(stored) as typeof before;
  } catch {
    // an unparseable stored result only differs
  }
  const lines = [
    `the current graders differ from ${BUNDLE_FILES.result}${verified ? '' : ' (unverified)'}: ${String(before.status)} ${String(before.score)}/${String(before.maxScore)} then, ${result.status} ${result.score}/${result.maxScore} now`,
  ];
  const old = new Map((Array.isArray(before.checks) ? before.checks : []).map((c) => [String(c.name), c]));
  for (const c of result.checks) {
    const o = old.get(c.name);
    if (!o) lines.push(`  ${c.name}: new check, ${c.status} ${c.score}/${c.max}`);
    else if (o.status !== c.status || o.score !== c.score) lines.push(`  ${c.name}: ${String(o.status)} ${String(o.score)} then, ${c.status} ${c.score} now`);
    old.delete(c.name);
  }
  for (const name of old.keys()) lines.push(`  ${name}: no longer graded`);
  process.stderr.write(lines.map(escapeControls).join('\n') + '\n');
}

/** Check names and statuses from a stored file are shown with control characters escaped. */
function escapeControls(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
