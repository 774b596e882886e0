/** The cohort as Markdown: the same tables as the HTML report, the heat map as a table of shares. */
import { BOUNDARIES } from '../model/boundary.js';
import { formatDuration } from './duration.js';
import type { Cohort } from './cohort.js';
import { escapeControls } from './escape.js';
import { escapeMd } from './markdown.js';

const pct = (x: number | null): string => (x === null ? '–' : `${Math.round(x * 100)}%`);
const duration = (ms: number | null): string => (ms === null ? '–' : formatDuration(ms));

export function renderCohortMarkdown(cohort: Cohort): string {
  const out: string[] = [];
  out.push('# gitops-lab cohort report', '');
  out.push(`${cohort.learners.length} learner(s), ${cohort.scenarios.length} scenario(s), ${cohort.rows.length} grade(s). Time taken runs from hand-over to the graded push.`);
  if (cohort.warnings.length > 0) {
    out.push('', '**Left out of this report:**', '', ...cohort.warnings.map((w) => `- ${escapeMd(w)}`));
  }
  out.push('', '## Scenarios', '', '| scenario | learners | full marks | median score | median time | most common first failing boundary |', '|---|---:|---:|---:|---:|---|');
  for (const s of cohort.scenarios) {
    const most = s.mostCommonFirstFailure ? `${s.mostCommonFirstFailure.boundary} (${s.mostCommonFirstFailure.learners})` : 'none';
    out.push(`| ${escapeMd(s.scenario)} | ${s.learners} | ${s.passed} (${pct(s.passRate)}) | ${s.medianScore ?? '–'}/${s.maxScore} | ${duration(s.medianTimeMs)} | ${most} |`);
  }
  out.push('', '## Where learners fail first', '', `| scenario | ${BOUNDARIES.join(' | ')} |`, `|---|${BOUNDARIES.map(() => '---:').join('|')}|`);
  for (const s of cohort.scenarios) out.push(`| ${escapeMd(s.scenario)} | ${BOUNDARIES.map((b) => pct(s.firstFailureShare[b])).join(' | ')} |`);
  out.push('', '## Score distributions', '');
  for (const s of cohort.scenarios) out.push(`- ${escapeMd(s.scenario)} (max ${s.maxScore}): ${s.scoreBins.map((b) => `${b.label}: ${b.count}`).join(', ')}`);
  out.push('', '## Checks');
  for (const s of cohort.scenarios) {
    const hints = s.checks.some((c) => c.hint !== null);
    out.push('', `### ${escapeMd(s.scenario)}`, '', `| boundary | check | passed | pass rate |${hints ? ' hint |' : ''}`, `|---|---|---:|---:|${hints ? '---|' : ''}`);
    for (const c of s.checks) out.push(`| ${c.boundary} | ${escapeMd(c.name)} | ${c.passed}/${c.judged} | ${pct(c.passRate)} |${hints ? ` ${c.hint === null ? '' : escapeMd(c.hint)} |` : ''}`);
  }
  out.push('', '## Learners', '', '| learner | scenario | mode | status | score | time taken | checks passed | first failing boundary | graded commit |', '|---|---|---|---|---:|---:|---:|---|---|');
  for (const r of cohort.rows) {
    const first = r.firstFailure ? `${r.firstFailure.boundary} (${escapeMd(r.firstFailure.check)})` : '–';
    const commit = `\`${escapeControls(r.headSha.slice(0, 7)).replace(/`/g, "'")}\`${r.headSubject === null ? '' : ` ${escapeMd(r.headSubject)}`}`;
    out.push(`| ${escapeMd(r.learner)} | ${escapeMd(r.scenario)} | ${escapeMd(r.mode)} | ${escapeMd(r.status)} | ${r.score}/${r.maxScore} | ${duration(r.timeTakenMs)} | ${r.checksPassed}/${r.checksJudged} | ${first} | ${commit} |`);
  }
  return out.join('\n') + '\n';
}
