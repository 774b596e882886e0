/**
 * The cohort report as one self-contained HTML file: inline CSS (allowed by its hash), inline SVG pictures,
 * no scripts, no fonts, no images, no links that load anything. A Content-Security-Policy meta forbids
 * scripts and every remote load, so even a mistake in escaping could not run or fetch anything. Everything
 * that came from a learner (ids, commit messages, file contents in check messages) is escaped.
 */
import { createHash } from 'node:crypto';
import { BOUNDARIES } from '../model/boundary.js';
import type { CheckResult } from '../model/result.js';
import { formatDuration } from './duration.js';
import type { Cohort, LearnerRow, ScenarioStat } from './cohort.js';
import { heatMapSvg, histogramSvg, rateBarSvg } from './cohort-svg.js';
import { escapeHtml as esc } from './html-escape.js';

const CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #222; margin: 2rem auto; max-width: 1200px; padding: 0 1.5rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .3rem; }
h3 { font-size: 1rem; margin: 1.4rem 0 .4rem; }
.sub { color: #666; margin-top: 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #eee; vertical-align: top; }
th { background: #fafafa; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
.st { display: inline-block; padding: 0 .45rem; border-radius: 3px; font-size: .75rem; font-weight: 700; }
.st-pass { background: #d9f0d3; color: #1b5e20; }
.st-fail { background: #fde0dd; color: #b71c1c; }
.st-error { background: #efe0f7; color: #6a1b9a; }
.b { font-weight: 600; }
.subject { color: #444; word-break: break-word; }
.msg { margin: 0; }
.lines { margin: .3rem 0 0; padding: .3rem .5rem; background: #f6f8fa; border-radius: 3px; white-space: pre-wrap; word-break: break-word; }
.hint { color: #555; font-style: italic; margin: .3rem 0 0; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.chart { max-width: 100%; height: auto; }
.warn { background: #fff8e1; border: 1px solid #ffe082; padding: .6rem .9rem; border-radius: 4px; }
.legend { color: #666; font-size: .85rem; }
td.rate, td.scn { white-space: nowrap; }
td.commit { min-width: 16rem; }
tr.learner:has(+ tr.detail) td { border-bottom: none; }
tr.detail td { padding-top: 0; }
.wide { overflow-x: auto; }
`;

const CSS_HASH = createHash('sha256').update(CSS).digest('base64');

/** Scripts, frames, fonts, images, connections: none. Styles: only the one stylesheet above, by its hash. */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; script-src 'none'; style-src 'sha256-${CSS_HASH}'; img-src 'none'; font-src 'none'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;

const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);
const duration = (ms: number | null): string => (ms === null ? '–' : formatDuration(ms));
const status = (s: string): string => `<span class="st st-${esc(s)}">${esc(s.toUpperCase())}</span>`;

function scenarioTable(scenarios: readonly ScenarioStat[]): string {
  const rows = scenarios.map(
    (s) =>
      `<tr><td class="b">${esc(s.scenario)}</td><td class="num">${s.learners}</td><td class="num">${s.passed} (${pct(s.passRate)})</td>` +
      `<td class="num">${s.medianScore ?? '–'}/${s.maxScore}</td><td class="num">${duration(s.medianTimeMs)}</td>` +
      `<td>${s.mostCommonFirstFailure ? `${s.mostCommonFirstFailure.boundary} (${s.mostCommonFirstFailure.learners})` : 'none'}</td></tr>`,
  );
  return (
    '<table class="scenarios"><thead><tr><th>scenario</th><th class="num">learners</th><th class="num">full marks</th>' +
    '<th class="num">median score</th><th class="num">median time</th><th>most common first failing boundary</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function checkTables(scenarios: readonly ScenarioStat[]): string {
  return scenarios
    .map((s) => {
      const hints = s.checks.some((c) => c.hint !== null);
      const rows = s.checks.map(
        (c) =>
          `<tr><td>${c.boundary}</td><td class="mono">${esc(c.name)}</td><td class="num">${c.passed}/${c.judged}</td>` +
          `<td class="rate">${rateBarSvg(c.passRate)} ${pct(c.passRate)}</td>${hints ? `<td>${c.hint === null ? '' : esc(c.hint)}</td>` : ''}</tr>`,
      );
      return (
        `<h3>${esc(s.scenario)}</h3><table class="checks"><thead><tr><th>boundary</th><th>check</th><th class="num">passed</th><th>pass rate</th>${hints ? '<th>hint</th>' : ''}</tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table>`
      );
    })
    .join('');
}

function failureDetail(row: LearnerRow): string {
  const c: CheckResult | null = row.firstFailingCheck;
  if (!c) return '';
  const practice = row.mode === 'practice';
  const lines = [...c.mismatches]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((m) => (practice ? `${m.path}: got ${m.got}, expected ${m.expected}` : `${m.path}: got ${m.got}`));
  if (lines.length === 0 && c.actual !== undefined) lines.push(practice && c.expected !== undefined ? `got ${c.actual}, expected ${c.expected}` : `got ${c.actual}`);
  return (
    `<p class="msg">${esc(c.message)}</p>` +
    (lines.length > 0 ? `<pre class="lines">${lines.map(esc).join('\n')}</pre>` : '') +
    (practice && c.hint ? `<p class="hint">hint: ${esc(c.hint)}</p>` : '')
  );
}

function learnerTable(rows: readonly LearnerRow[]): string {
  const body = rows.map(
    (r) =>
      `<tr class="learner"><td class="b">${esc(r.learner)}</td><td class="scn">${esc(r.scenario)}<br><span class="legend">${esc(r.controller)}, ${r.mode}</span></td>` +
      `<td>${status(r.status)}</td><td class="num">${r.score}/${r.maxScore}</td><td class="num">${duration(r.timeTakenMs)}</td>` +
      `<td class="num">${r.checksPassed}/${r.checksJudged}</td>` +
      `<td>${r.firstFailure ? `<span class="b">${r.firstFailure.boundary}</span><br><span class="mono">${esc(r.firstFailure.check)}</span>` : '–'}</td>` +
      `<td class="commit"><code>${esc(r.headSha.slice(0, 7))}</code> <span class="subject">${r.headSubject === null ? '' : esc(r.headSubject)}</span></td></tr>` +
      (r.firstFailingCheck ? `<tr class="detail"><td></td><td colspan="7">${failureDetail(r)}</td></tr>` : ''),
  );
  return (
    '<div class="wide"><table class="learners"><thead><tr><th>learner</th><th>scenario</th><th>status</th><th class="num">score</th><th class="num">time taken</th>' +
    '<th class="num">checks passed</th><th>first failing boundary</th><th>graded commit</th></tr></thead>' +
    `<tbody>${body.join('')}</tbody></table></div>`
  );
}

export function renderCohortHtml(cohort: Cohort, title = 'gitops-lab cohort report'): string {
  const grades = cohort.rows.length;
  const modes = [...new Set(cohort.rows.map((r) => r.mode))].sort().join(' and ') || 'no';
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(title)}</h1>`,
    `<p class="sub">${cohort.learners.length} learner(s), ${cohort.scenarios.length} scenario(s), ${grades} grade(s), ${modes} mode. Time taken runs from hand-over to the graded push.</p>`,
  );
  if (cohort.warnings.length > 0) {
    out.push(`<div class="warn"><p class="b">Left out of this report:</p><ul>${cohort.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul></div>`);
  }
  out.push('<h2>Scenarios</h2>', scenarioTable(cohort.scenarios));
  out.push(
    '<h2>Where learners fail first</h2>',
    `<p class="legend">Share of each scenario's learners whose first failing boundary is ${BOUNDARIES.join(', ')}; learners with full marks have none.</p>`,
    `<figure>${heatMapSvg(cohort.scenarios)}</figure>`,
  );
  out.push(
    '<h2>Score distributions</h2>',
    `<div class="charts">${cohort.scenarios.map((s, i) => `<figure>${histogramSvg(`hist-${i}`, `${s.scenario} (max ${s.maxScore})`, s.scoreBins)}</figure>`).join('')}</div>`,
  );
  out.push('<h2>Checks</h2>', checkTables(cohort.scenarios));
  out.push('<h2>Learners</h2>', learnerTable(cohort.rows));
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
