/**
 * The text report, in one fixed shape: a header, the first failing boundary, then each boundary with its
 * checks; a failing check shows sorted `path: got X, expected Y` lines, then why (and, in practice mode, the
 * hint). Deterministic and pinned by tests. Every string that can carry a learner's bytes (commit subjects,
 * file names, values, messages) is printed through escapeControls: no raw ESC, CR or bidi control reaches
 * the terminal, and a newline in a file name cannot add a line.
 */
import { scopeNote } from './scope-note.js';
import pc from 'picocolors';
import { BOUNDARY_QUESTIONS } from '../model/boundary.js';
import type { CheckResult, GradeResult } from '../model/result.js';
import { escapeControls as e, escapeLines } from './escape.js';

export interface TextOptions {
  readonly color?: boolean;
}

const MARK: Readonly<Record<CheckResult['status'], string>> = { pass: 'PASS', fail: 'FAIL', error: 'ERROR', skipped: 'SKIP' };

export function renderText(result: GradeResult, options: TextOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const paint = (status: CheckResult['status'] | GradeResult['status'], s: string): string =>
    status === 'pass' ? c.green(s) : status === 'fail' ? c.red(s) : status === 'error' ? c.magenta(s) : c.dim(s);
  const practice = result.mode === 'practice';
  const lines: string[] = [];
  lines.push(`gitops-lab ${e(result.scenario)} (${e(result.controller)}, ${e(result.scope)}, ${e(result.mode)} mode) at ${e(result.headSha.slice(0, 7))}`);
  lines.push(`${paint(result.status, result.status.toUpperCase())} ${result.score}/${result.maxScore}${scopeNote(result)}`);
  if (result.firstFailure) {
    lines.push(`first failing boundary: ${c.bold(result.firstFailure.boundary)} (${e(result.firstFailure.check)}): ${e(result.firstFailure.message)}`);
  } else if (result.status === 'pass') {
    lines.push('every graded boundary passes');
  }
  for (const b of result.boundaries) {
    lines.push('');
    lines.push(`${c.bold(b.boundary.padEnd(8))}${paint(b.status, MARK[b.status].padEnd(6))}${b.status === 'skipped' ? '' : `${b.score}/${b.max}`}  ${c.dim(BOUNDARY_QUESTIONS[b.boundary])}`);
    for (const check of result.checks.filter((x) => x.boundary === b.boundary)) {
      lines.push(`  ${paint(check.status, MARK[check.status].padEnd(6))}${e(check.name)} ${c.dim(`[${check.score}/${check.max}]`)}: ${e(check.message)}`);
      if (check.status !== 'fail' && check.status !== 'error') continue;
      const mismatches = [...check.mismatches].sort((x, y) => x.path.localeCompare(y.path));
      for (const m of mismatches) lines.push(practice ? `        ${e(m.path)}: got ${e(m.got)}, expected ${e(m.expected)}` : `        ${e(m.path)}: got ${e(m.got)}`);
      if (mismatches.length === 0 && check.actual !== undefined) {
        lines.push(practice && check.expected !== undefined ? `        got ${e(check.actual)}, expected ${e(check.expected)}` : `        got ${e(check.actual)}`);
      }
      if (check.diff) for (const d of escapeLines(check.diff)) lines.push(`        ${d}`);
      if (check.why) lines.push(`        why: ${e(check.why)}`);
      if (practice && check.hint) lines.push(`        hint: ${e(check.hint)}`);
    }
  }
  return lines.join('\n') + '\n';
}
