/**
 * What the class commands print: the status table (text, or versioned JSON), and the one-line-per-learner
 * summaries of class start, grade and down. Pure: strings from the runner's outcomes.
 */
import { formatError } from '../errors.js';
import type { ClassRecord } from '../model/class-record.js';
import type { GradedLearner, LearnerOutcome, LearnerStatus, StartedLearner } from '../runner/class.js';

export const CLASS_STATUS_SCHEMA_VERSION = 1;

/** Columns padded to their widest cell, two spaces apart; no trailing spaces. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

/** `2026-12-03T10:04:05.123Z` as `2026-12-03 10:04:05Z`. */
const when = (iso: string): string => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');

const heading = (r: ClassRecord, learners: number): string =>
  `class ${r.id}: ${r.scenario} on ${r.controller} (${r.mode} mode), cluster ${r.cluster}, ${learners} learner(s)`;

/** The status table: one row per learner; a grade taken before the learner's last push is marked stale. */
export function classStatusText(record: ClassRecord, learners: readonly LearnerStatus[]): string {
  const rows = learners.map((l) => {
    const g = l.grade;
    const failure = g?.firstFailure ? `${g.firstFailure.boundary} (${g.firstFailure.check})` : g ? '-' : '';
    return [
      l.learner,
      l.state,
      l.runId ?? '-',
      l.pushes === null ? '-' : String(l.pushes),
      l.lastPush ? when(l.lastPush.at) : '-',
      g ? `${g.score}/${g.maxScore} ${g.status}${g.current ? '' : ' (stale)'}` : '-',
      g ? when(g.gradedAt) : '-',
      [failure, l.problem ?? ''].filter((s) => s !== '' && s !== '-').join('; ') || '-',
    ];
  });
  const out = [heading(record, learners.length), '', table(['learner', 'state', 'run', 'pushes', 'last push', 'score', 'graded', 'first failing boundary / problem'], rows).trimEnd()];
  const notes: string[] = [];
  if (learners.some((l) => l.grade && !l.grade.current)) notes.push('(stale): graded before the learner\'s last push; class grade grades them again.');
  if (learners.some((l) => !l.grade && l.state === 'started')) notes.push('Scores are those class grade recorded; a learner without one has not been graded yet.');
  return [...out, ...(notes.length > 0 ? ['', ...notes] : []), ''].join('\n');
}

/** `class status --format json`: versioned, one object per learner. */
export function classStatusJson(record: ClassRecord, learners: readonly LearnerStatus[]): string {
  return (
    JSON.stringify(
      {
        schemaVersion: CLASS_STATUS_SCHEMA_VERSION,
        kind: 'gitops-lab/class-status',
        class: record.id,
        scenario: record.scenario,
        controller: record.controller,
        mode: record.mode,
        cluster: record.cluster,
        learners: learners.map((l) => ({
          learner: l.learner,
          ...(l.name !== undefined ? { name: l.name } : {}),
          state: l.state,
          runId: l.runId ?? null,
          pushes: l.pushes,
          lastPush: l.lastPush,
          ...(l.deadline !== undefined ? { deadline: l.deadline } : {}),
          grade: l.grade,
          ...(l.problem !== undefined ? { problem: l.problem } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** An outcome's error as one line (the first line of formatError, without its `error: `). */
const oneLine = (error: unknown): string => formatError(error).split('\n')[0]!.replace(/^error: /, '');

/** class start's summary: each learner's run and handout, or why their session did not start. */
export function classStartText(record: ClassRecord, outcomes: readonly LearnerOutcome<StartedLearner>[], dir: string): string {
  const started = outcomes.filter((o) => o.ok).length;
  const rows = outcomes.map((o) => (o.ok ? [o.learner, 'started', o.value.runId, o.value.handout] : [o.learner, 'FAILED', '-', oneLine(o.error)]));
  return [
    heading(record, outcomes.length),
    '',
    table(['learner', 'state', 'run', 'handout / problem'], rows).trimEnd(),
    '',
    `${started} of ${outcomes.length} session(s) started; the class record is ${dir}/class.json.` +
      (started < outcomes.length ? ' The others did not start: their rows say why; class down ends the ones that did.' : ''),
    'Give each learner their handout (it holds their password). Then: gitops-lab class status, class grade --out <results>, class down.',
    '',
  ].join('\n');
}

type GradeOutcome = LearnerOutcome<GradedLearner> | { readonly learner: string; readonly ok: 'skipped'; readonly reason: string };

/** class grade's summary: each learner's score and bundle, or why they were not graded. */
export function classGradeText(record: ClassRecord, outcomes: readonly GradeOutcome[], out: string): string {
  const rows = outcomes.map((o) => {
    if (o.ok === 'skipped') return [o.learner, 'not graded', '-', o.reason];
    if (!o.ok) return [o.learner, 'ERROR', '-', oneLine(o.error)];
    const r = o.value.result;
    return [o.learner, `${r.score}/${r.maxScore} ${r.status}`, r.firstFailure ? `${r.firstFailure.boundary} (${r.firstFailure.check})` : '-', o.value.bundle ?? '-'];
  });
  const graded = outcomes.filter((o) => o.ok === true).length;
  return [
    heading(record, outcomes.length),
    '',
    table(['learner', 'score', 'first failing boundary', 'bundle / problem'], rows).trimEnd(),
    '',
    `${graded} of ${outcomes.length} learner(s) graded into ${out}; the cohort report: gitops-lab report ${out}`,
    '',
  ].join('\n');
}

/** class down's summary. */
export function classDownText(record: ClassRecord, outcomes: readonly LearnerOutcome<string[]>[], recordRemoved: boolean, dir: string): string {
  const rows = outcomes.map((o) => (o.ok ? [o.learner, o.value.length === 0 ? 'nothing to end (never started)' : 'ended'] : [o.learner, `NOT ENDED: ${oneLine(o.error)}`]));
  return [
    `class ${record.id}: ${record.scenario} on cluster ${record.cluster}`,
    '',
    table(['learner', 'session'], rows).trimEnd(),
    '',
    recordRemoved
      ? `The class is over: its sessions left the cluster and the git server, and ${dir}/class.json is gone (handouts and workspace files stay).`
      : `Some sessions were not ended; ${dir}/class.json now lists only those: run class down again.`,
    '',
  ].join('\n');
}
