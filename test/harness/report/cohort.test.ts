/**
 * The cohort report's pure parts over evidence recorded from real plays: aggregation, CSV quoting and the
 * formula guard, Markdown and HTML escaping, exam mode, and a self-contained HTML file.
 */
import t from 'tap';
import { BOUNDARIES } from '../../../harness/model/boundary.js';
import type { Evidence } from '../../../harness/model/evidence.js';
import { buildCohort, median, scoreBins, type CohortInput } from '../../../harness/report/cohort.js';
import { renderCohortMarkdown } from '../../../harness/report/cohort-markdown.js';
import { renderCohortCsv } from '../../../harness/report/csv.js';
import { CONTENT_SECURITY_POLICY, renderCohortHtml } from '../../../harness/report/html.js';
import { assembleBundle } from '../../../harness/results/bundle.js';
import { withLearner } from '../../../harness/results/learner.js';
import { gradeEvidence } from '../../../harness/runner/grade.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { GradeResult } from '../../../harness/model/result.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const scenarios = {
  'promote-staging-image': (await loadScenario('promote-staging-image')).scenario,
  'base-leak': (await loadScenario('base-leak')).scenario,
};

/** A graded record as the results folder gives it back: the entry, and result.json parsed. */
function record(learner: string, scenario: keyof typeof scenarios, phase: string, change?: (e: Evidence) => void): CohortInput {
  const evidence = withLearner(variant(fixture(scenario, 'argocd', phase), change ?? (() => {})), learner);
  const { files, entry } = assembleBundle({ result: gradeEvidence(scenarios[scenario], evidence), evidence, learner });
  return { entry, result: GradeResult.parse(JSON.parse(files.result)) };
}

const minutes = (n: number) => (e: Evidence) => {
  e.git.pushes = e.git.pushes.map((p) => ({ ...p, at: new Date(Date.parse(e.meta.startedAt!) + n * 60_000).toISOString() }));
};
const HOSTILE_SUBJECT = 'payment-api: staging <script>alert("x")</script> <img src=x onerror=alert(1)> =HYPERLINK("http://evil")';
const hostile = (e: Evidence) => {
  minutes(7)(e);
  const head = e.git.commits.find((c) => c.sha === e.git.headSha)!;
  head.subject = HOSTILE_SUBJECT;
};

const inputs = [
  record('ada', 'promote-staging-image', 'solution', minutes(12)),
  record('bo', 'promote-staging-image', 'wrong-promote-in-base', minutes(30)),
  record('cy', 'promote-staging-image', 'wrong-promote-in-base', minutes(20)),
  record('<b>dee</b>', 'promote-staging-image', 'solution', hostile),
  record('ada', 'base-leak', 'wrong-pin-prod-overlay', minutes(5)),
  record('bo', 'base-leak', 'solution', minutes(9)),
];
const cohort = buildCohort(inputs);

t.test('per learner: score, time taken, checks passed, first failing boundary', async (t) => {
  t.same(
    cohort.rows.map((r) => [r.learner, r.scenario, r.score, r.maxScore, r.timeTakenMs === null ? null : r.timeTakenMs / 60_000, `${r.checksPassed}/${r.checksJudged}`, r.firstFailure?.boundary ?? null]),
    [
      ['<b>dee</b>', 'promote-staging-image', 13, 13, 7, '7/7', null],
      ['ada', 'base-leak', cohort.rows[1]!.score, cohort.rows[1]!.maxScore, 5, cohort.rows[1]!.checksPassed + '/' + cohort.rows[1]!.checksJudged, cohort.rows[1]!.firstFailure!.boundary],
      ['ada', 'promote-staging-image', 13, 13, 12, '7/7', null],
      ['bo', 'base-leak', cohort.rows[3]!.maxScore, cohort.rows[3]!.maxScore, 9, cohort.rows[3]!.checksJudged + '/' + cohort.rows[3]!.checksJudged, null],
      ['bo', 'promote-staging-image', 1, 13, 30, '1/7', 'git'],
      ['cy', 'promote-staging-image', 1, 13, 20, '1/7', 'git'],
    ],
  );
  t.ok(cohort.rows[1]!.score < cohort.rows[1]!.maxScore, 'the wrong-way fix of base-leak loses points');
  t.same(cohort.learners, ['<b>dee</b>', 'ada', 'bo', 'cy']);
});

t.test('per scenario: pass rate, median score and time, most common first failing boundary, heat map shares, histogram', async (t) => {
  const promote = cohort.scenarios.find((s) => s.scenario === 'promote-staging-image')!;
  t.match(promote, { learners: 4, passed: 2, passRate: 0.5, maxScore: 13, medianScore: 7, medianTimeMs: 16 * 60_000 });
  t.same(promote.mostCommonFirstFailure, { boundary: 'git', learners: 2 });
  t.same(promote.firstFailureShare, { git: 0.5, render: 0, sync: 0, live: 0, health: 0, rollout: 0 });
  t.same(promote.scoreBins.map((b) => b.count), [0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
  const base = promote.checks.find((c) => c.name === 'base-untouched')!;
  t.match(base, { boundary: 'git', passed: 2, judged: 4, passRate: 0.5 });
  t.match(base.hint, /base is shared/, 'practice mode: hints are shown');
  const ranks = promote.checks.map((c) => BOUNDARIES.indexOf(c.boundary));
  t.same(ranks, [...ranks].sort((a, b) => a - b), 'checks in boundary order');
  t.ok(promote.checks.filter((c) => c.judged === 0).every((c) => c.passRate === null && !['git', 'render'].includes(c.boundary)), 'checks never judged offline have no pass rate');
});

t.test('medians and bins', async (t) => {
  t.equal(median([]), null);
  t.equal(median([3, 1, 2]), 2);
  t.equal(median([4, 1, 2, 3]), 2.5);
  t.same(scoreBins([0, 2, 2], 2).map((b) => [b.label, b.count]), [['0', 1], ['1', 0], ['2', 2]]);
  const wide = scoreBins([0, 50, 99, 100], 100);
  t.equal(wide.length, 10);
  t.same(wide.map((b) => b.count), [1, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
});

t.test('exam mode: no hints or expected values in any cohort format', async (t) => {
  const exam = buildCohort([
    record('eve', 'promote-staging-image', 'wrong-promote-in-base', (e) => void (e.meta.mode = 'exam')),
    record('fay', 'promote-staging-image', 'faults', (e) => void (e.meta.mode = 'exam')),
  ]);
  t.ok(exam.scenarios[0]!.checks.every((c) => c.hint === null));
  for (const text of [renderCohortHtml(exam), renderCohortMarkdown(exam)]) {
    t.notMatch(text, /hint:|<p class="hint">|<th>hint/i);
    t.notMatch(text, /expected/);
    t.notMatch(text, 'base is shared');
  }
  t.match(renderCohortHtml(exam), 'apps/payment-api/base/deployment.yaml: got modified', 'what the learner did is still shown');
});

t.test('HTML: one self-contained file, a CSP that forbids scripts and remote loads, everything from learners escaped', async (t) => {
  const html = renderCohortHtml(cohort);
  t.match(html, /^<!doctype html>/);
  t.match(html, `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`);
  t.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
  t.match(CONTENT_SECURITY_POLICY, /script-src 'none'/);
  // Every tag in the file is ours: learner text is escaped, so it cannot open one.
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  const names = new Set(tags.map((tag) => /^<([a-zA-Z]+)/.exec(tag)![1]!.toLowerCase()));
  for (const banned of ['script', 'img', 'link', 'iframe', 'object', 'embed', 'image', 'use', 'foreignobject', 'a', 'base', 'form']) t.notOk(names.has(banned), `no <${banned}>`);
  t.same(tags.filter((tag) => /\son\w+=/i.test(tag)), [], 'no event handler attributes');
  t.same(tags.filter((tag) => /\s(style|href|src|xlink:href)=/i.test(tag)), [], 'no style attributes (the CSP allows only the stylesheet), no links or sources');
  t.same([...new Set(tags.flatMap((tag) => tag.match(/https?:\/\/[^\s"']+/g) ?? []))], ['http://www.w3.org/2000/svg'], 'the only URL in markup is the SVG namespace, which loads nothing');
  t.match(html, '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;');
  t.match(html, '&lt;b&gt;dee&lt;/b&gt;');
  t.notMatch(html, '<b>dee</b>');
  t.equal((html.match(/<svg /g) ?? []).length >= 3, true, 'heat map, histograms, pass-rate bars');
  t.match(html, 'class="chart heatmap"');
  t.equal(renderCohortHtml(cohort), html, 'deterministic');
});

t.test('CSV: one row per learner and scenario, quoted, with a formula guard', async (t) => {
  const csv = renderCohortCsv(cohort);
  const lines = csv.trimEnd().split('\n');
  t.equal(lines[0], 'learner,scenario,controller,mode,status,score,max_score,time_taken_seconds,checks_passed,checks_judged,first_failing_boundary,first_failing_check,first_failure_message,started_at,graded_push_at,deadline,head_sha,head_subject');
  t.equal(lines.length, 7);
  t.match(lines[1], /^<b>dee<\/b>,promote-staging-image,argocd,practice,pass,13,13,420,7,7,/);
  t.match(lines[1], `"payment-api: staging <script>alert(""x"")</script> <img src=x onerror=alert(1)> =HYPERLINK(""http://evil"")"`);
  const guarded = renderCohortCsv(buildCohort([record('=cmd|calc', 'promote-staging-image', 'solution'), record('@sum', 'promote-staging-image', 'solution'), record('-2+3', 'promote-staging-image', 'solution'), record('+x', 'promote-staging-image', 'solution')]));
  t.same(guarded.trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]), ["'+x", "'-2+3", "'=cmd|calc", "'@sum"]);
});

t.test('Markdown: tables, with learner text escaped', async (t) => {
  const md = renderCohortMarkdown(cohort);
  t.match(md, '| promote-staging-image | 4 | 2 (50%) | 7/13 | 16m 00s | git (2) |');
  t.match(md, '| promote-staging-image | 50% | 0% | 0% | 0% | 0% | 0% |');
  t.match(md, '\\<b\\>dee\\</b\\>');
  t.notMatch(md, '<script>');
});
