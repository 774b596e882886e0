/**
 * What learners and instructors read, pinned: every check of every scenario graded on every recorded play (offline
 * and live), with its status, score, message, expected, actual, why and mismatches, and every grader's summary and
 * each check's description. A grader change that alters what a report says shows up here as a snapshot diff to
 * review (`npx tap --snapshot test/graders/recorded.test.ts` regenerates it; read the diff before
 * committing). The semantics are asserted in each grader's own tests; this file notices every word that changes.
 */
import t from 'tap';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GRADERS } from '../../graders/index.js';
import { gradeEvidence } from '../../harness/runner/grade.js';
import { loadScenario } from '../../harness/scenario/load.js';
import { fixture } from '../helpers/fixtures.js';
import type { CheckResult } from '../../harness/model/result.js';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

const line = (c: CheckResult): string =>
  [
    `${c.name} [${c.grader}, ${c.boundary}] ${c.status} ${c.score}/${c.max}${c.withheld ? ' withheld' : ''}`,
    `  message: ${c.message}`,
    ...(c.expected !== undefined ? [`  expected: ${c.expected}`] : []),
    ...(c.actual !== undefined ? [`  actual: ${c.actual}`] : []),
    ...(c.why !== undefined ? [`  why: ${c.why}`] : []),
    ...(c.diff !== undefined ? [`  diff: ${c.diff}`] : []),
    ...c.mismatches.map((m) => `  - ${m.path}: got ${m.got}, expected ${m.expected}`),
  ].join('\n');

t.test('every grader: name, boundary and summary', async (t) => {
  t.matchSnapshot([...GRADERS.values()].map((g) => `${g.name} (${g.boundary}): ${g.summary}`).join('\n'));
});

for (const id of readdirSync(join(FIXTURES, 'offline')).sort()) {
  t.test(id, async (t) => {
    const { scenario } = await loadScenario(id);
    t.matchSnapshot(scenario.checks.map((c) => `${c.name}: ${GRADERS.get(c.grader)!.describe(GRADERS.get(c.grader)!.params.parse(c.with))}`).join('\n'), 'what each check is described as');
    for (const scope of ['offline', 'live'] as const) {
      let controllers: string[] = [];
      try {
        controllers = readdirSync(join(FIXTURES, scope, id)).sort();
      } catch {
        continue; // no recording in this scope
      }
      for (const controller of controllers as ('argocd' | 'flux')[]) {
        for (const phase of readdirSync(join(FIXTURES, scope, id, controller)).map((f) => f.replace(/\.json$/, '')).sort()) {
          const r = gradeEvidence(scenario, fixture(id, controller, phase, scope));
          const first = r.firstFailure ? `first failure: ${r.firstFailure.boundary} ${r.firstFailure.check}: ${r.firstFailure.message}` : 'no failure';
          t.matchSnapshot([`${r.status} ${r.score}/${r.maxScore}; ${first}`, ...r.checks.map(line)].join('\n'), `${scope} ${controller} ${phase}`);
        }
      }
    }
  });
}
