/** Markdown report of one grade: a summary table per boundary, then failing checks with their evidence lines. */
import type { GradeResult } from '../model/result.js';
import { forMode } from './json.js';

export function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]<>|#]/g, (ch) => `\\${ch}`).replace(/\n/g, ' ');
}

export function renderMarkdown(input: GradeResult): string {
  const result = forMode(input);
  const out: string[] = [];
  out.push(`# ${escapeMd(result.scenario)}: ${result.status.toUpperCase()} ${result.score}/${result.maxScore}`);
  out.push('');
  out.push(`Controller ${result.controller}, ${result.scope}, ${result.mode} mode, commit \`${result.headSha.slice(0, 12)}\`.`);
  if (result.firstFailure) {
    out.push('');
    out.push(`**First failing boundary: ${result.firstFailure.boundary}** (${escapeMd(result.firstFailure.check)}): ${escapeMd(result.firstFailure.message)}`);
  }
  out.push('');
  out.push('| boundary | check | status | score | message |');
  out.push('|---|---|---|---|---|');
  for (const c of result.checks) {
    out.push(`| ${c.boundary} | ${escapeMd(c.name)} | ${c.status} | ${c.score}/${c.max} | ${escapeMd(c.message)} |`);
  }
  const failing = result.checks.filter((c) => c.status === 'fail' || c.status === 'error');
  if (failing.length > 0) {
    out.push('');
    out.push('## Evidence');
    for (const c of failing) {
      out.push('');
      out.push(`### ${c.boundary}: ${escapeMd(c.name)}`);
      out.push('');
      out.push(escapeMd(c.message));
      const lines = [...c.mismatches].sort((a, b) => a.path.localeCompare(b.path)).map((m) => `${m.path}: got ${m.got}, expected ${m.expected}`);
      if (lines.length === 0 && c.actual !== undefined) lines.push(`got ${c.actual}${c.expected !== undefined ? `, expected ${c.expected}` : ''}`);
      if (lines.length > 0) {
        out.push('');
        out.push('```');
        out.push(...lines.map((l) => l.replace(/```/g, "'''")));
        out.push('```');
      }
      if (c.why) out.push('', `Why: ${escapeMd(c.why)}`);
      if (c.hint) out.push('', `Hint: ${escapeMd(c.hint)}`);
    }
  }
  return out.join('\n') + '\n';
}
