/** Markdown report of one grade: a summary table per boundary, then failing checks with their evidence lines. */
import { scopeNote } from './scope-note.js';
import type { GradeResult } from '../model/result.js';
import { escapeControls, escapeMarkdownInline } from './escape.js';
import { forMode } from './json.js';

/** Learner text in a Markdown line or table cell: syntax and `|` escaped, CR, LF and every control shown escaped. */
export const escapeMd = escapeMarkdownInline;

/** A line inside a fenced code block: controls escaped (one line stays one line), no fence. */
const codeLine = (s: string): string => escapeControls(s).replace(/```/g, "'''");
/** A commit id inside backticks. */
const sha = (s: string): string => escapeControls(s).replace(/`/g, "'");

export function renderMarkdown(input: GradeResult): string {
  const result = forMode(input);
  const out: string[] = [];
  out.push(`# ${escapeMd(result.scenario)}: ${escapeMd(result.status.toUpperCase())} ${result.score}/${result.maxScore}${scopeNote(result)}`);
  out.push('');
  out.push(`Controller ${result.controller}, ${result.scope}, ${result.mode} mode, commit \`${sha(result.headSha.slice(0, 12))}\`.`);
  if (result.firstFailure) {
    out.push('');
    out.push(`**First failing boundary: ${escapeMd(result.firstFailure.boundary)}** (${escapeMd(result.firstFailure.check)}): ${escapeMd(result.firstFailure.message)}`);
  }
  out.push('');
  out.push('| boundary | check | status | score | message |');
  out.push('|---|---|---|---|---|');
  for (const c of result.checks) {
    out.push(`| ${escapeMd(c.boundary)} | ${escapeMd(c.name)} | ${escapeMd(c.status)} | ${c.score}/${c.max} | ${escapeMd(c.message)} |`);
  }
  const failing = result.checks.filter((c) => c.status === 'fail' || c.status === 'error');
  if (failing.length > 0) {
    out.push('');
    out.push('## Evidence');
    for (const c of failing) {
      out.push('');
      out.push(`### ${escapeMd(c.boundary)}: ${escapeMd(c.name)}`);
      out.push('');
      out.push(escapeMd(c.message));
      const lines = [...c.mismatches].sort((a, b) => a.path.localeCompare(b.path)).map((m) => `${m.path}: got ${m.got}, expected ${m.expected}`);
      if (lines.length === 0 && c.actual !== undefined) lines.push(`got ${c.actual}${c.expected !== undefined ? `, expected ${c.expected}` : ''}`);
      if (lines.length > 0) {
        out.push('');
        out.push('```');
        out.push(...lines.map(codeLine));
        out.push('```');
      }
      if (c.why) out.push('', `Why: ${escapeMd(c.why)}`);
      if (c.hint) out.push('', `Hint: ${escapeMd(c.hint)}`);
    }
  }
  // Excerpts of the evidence a check quotes whatever its status (a delivery note's free text): for the instructor.
  const excerpts = result.checks.filter((c) => c.diff !== undefined && c.diff !== '');
  if (excerpts.length > 0) {
    out.push('', '## Excerpts');
    for (const c of excerpts) out.push('', `### ${escapeMd(c.boundary)}: ${escapeMd(c.name)}`, '', '```', ...c.diff!.split('\n').map(codeLine), '```');
  }
  return out.join('\n') + '\n';
}
