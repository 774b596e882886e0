/**
 * The cohort as CSV, one row per learner and scenario, through csv-stringify: quoting of commas, quotes, CR
 * and LF (a cell keeps its line breaks inside quotes), and a formula-injection guard on every text cell
 * (guardCsvCell: a cell starting with = + - @ TAB CR gets a leading apostrophe so a spreadsheet shows it
 * instead of evaluating it; csv-stringify's own guard stays on behind it).
 */
import { stringify } from 'csv-stringify/sync';
import type { Cohort } from './cohort.js';
import { guardCsvCell } from './escape.js';

export const CSV_COLUMNS = [
  'learner',
  'scenario',
  'controller',
  'mode',
  'status',
  'score',
  'max_score',
  'time_taken_seconds',
  'checks_passed',
  'checks_judged',
  'first_failing_boundary',
  'first_failing_check',
  'first_failure_message',
  'started_at',
  'graded_push_at',
  'deadline',
  'head_sha',
  'head_subject',
] as const;

export function renderCohortCsv(cohort: Cohort): string {
  const records = cohort.rows.map((r) =>
    [
      r.learner,
      r.scenario,
      r.controller,
      r.mode,
      r.status,
      r.score,
      r.maxScore,
      r.timeTakenMs === null ? '' : Math.round(r.timeTakenMs / 1000),
      r.checksPassed,
      r.checksJudged,
      r.firstFailure?.boundary ?? '',
      r.firstFailure?.check ?? '',
      r.firstFailure?.message ?? '',
      r.startedAt ?? '',
      r.endedAt ?? '',
      r.deadline ?? '',
      r.headSha,
      r.headSubject ?? '',
    ].map((cell) => (typeof cell === 'string' ? guardCsvCell(cell) : cell)),
  );
  return stringify(records, { header: true, columns: [...CSV_COLUMNS], escape_formulas: true, record_delimiter: 'unix' });
}
