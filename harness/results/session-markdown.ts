/** The session section appended to a bundle's report.md: who, when handed over, when pushed, how long. */
import { escapeControls } from '../report/escape.js';
import { escapeMd } from '../report/markdown.js';
import { formatDuration } from '../report/duration.js';

export interface SessionFacts {
  readonly learner: string;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly deadline?: string;
  readonly gradedAt: string;
  readonly timeTakenMs: number | null;
  readonly headSha: string;
  readonly headSubject?: string;
}

export function sessionMarkdown(s: SessionFacts): string {
  const rows: [string, string][] = [
    ['learner', escapeMd(s.learner)],
    ['started', s.startedAt !== undefined ? escapeMd(s.startedAt) : 'unknown'],
    ['graded push', s.endedAt !== undefined ? escapeMd(s.endedAt) : 'none (nothing pushed was graded)'],
    ...(s.deadline !== undefined ? ([['deadline', escapeMd(s.deadline)]] as [string, string][]) : []),
    ['time taken', s.timeTakenMs === null ? 'unknown' : formatDuration(s.timeTakenMs)],
    ['graded commit', `\`${escapeControls(s.headSha.slice(0, 12)).replace(/`/g, "'")}\`${s.headSubject !== undefined ? ` ${escapeMd(s.headSubject)}` : ''}`],
    ['evidence collected', escapeMd(s.gradedAt)],
  ];
  return ['', '## Session', '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), ''].join('\n');
}
