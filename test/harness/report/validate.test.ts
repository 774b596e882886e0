import t from 'tap';
import { validateJson, validateJunit, validateMarkdown, validateText } from '../../../harness/report/validate.js';
import type { ValidateRun } from '../../../harness/runner/validate.js';

/** Two runs as validate reports them: phase outcomes with their timings, one run with a defective phase. */
const runs: ValidateRun[] = [
  {
    scenario: 'promote-staging-image',
    controller: 'argocd',
    status: 'pass',
    attempts: 1,
    seconds: 131.4,
    failingChecks: [],
    phases: [
      { phase: 'faults', status: 'pass', problems: [], seconds: 40.6 },
      { phase: 'solution', status: 'pass', problems: [], seconds: 52.2, seed: 'reset' },
      { phase: 'wrong:kubectl-set-image', status: 'pass', problems: [], seconds: 38.4 },
    ],
  },
  {
    scenario: 'wrong-selector',
    controller: 'flux',
    status: 'fail',
    attempts: 2,
    seconds: 71,
    failingChecks: ['solution: staging-has-endpoints'],
    phases: [
      { phase: 'faults', status: 'pass', problems: [], seconds: 30 },
      { phase: 'solution', status: 'fail', problems: ['staging-has-endpoints failed after the solution'], seconds: 41.2 },
    ],
  },
];

t.test('JSON carries each phase with its seconds and how it was seeded', async (t) => {
  const j = JSON.parse(validateJson(runs));
  t.same(j.runs[0].phases.map((p: { seed: string }) => p.seed), ['fresh', 'reset', 'fresh'], 'a phase without a seed was seeded afresh');
  t.equal(j.status, 'fail');
  t.same(j.summary, { pass: 1, fail: 1, error: 0 });
  t.same(j.runs[0].phases.map((p: { phase: string; seconds: number }) => [p.phase, p.seconds]), [['faults', 41], ['solution', 52], ['wrong:kubectl-set-image', 38]]);
  t.equal(j.runs[1].attempts, 2);
});

t.test('Markdown gives each phase its seconds and lists the slowest phases first', async (t) => {
  const md = validateMarkdown(runs);
  t.match(md, '| promote-staging-image | argocd | pass | faults: pass 41s, solution: pass 52s (reset), wrong:kubectl-set-image: pass 38s | 131 |');
  t.match(md, '## Slowest phases (5 phases, 1 on a reset seed, 202 s of phase time in all)');
  t.match(md, '| promote-staging-image | argocd | solution | reset | pass | 52 |');
  const slowest = md.split('## Slowest phases')[1]!.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| scenario'));
  t.same(slowest.map((l) => l.split(' | ')[2]), ['solution', 'solution', 'faults', 'wrong:kubectl-set-image', 'faults']);
  t.same(slowest.map((l) => l.split(' | ')[3]), ['reset', 'fresh', 'fresh', 'fresh', 'fresh']);
  t.match(md, '### wrong-selector (flux): fail');
  t.match(md, '- solution: staging-has-endpoints');
  t.notMatch(validateMarkdown([]), 'Slowest phases', 'no phases, no table');
});

t.test('JUnit: a case per phase with its time; text: one line per run', async (t) => {
  const xml = validateJunit(runs);
  t.match(xml, /name="solution" time="52.2"/);
  t.match(xml, /scenario-defect/);
  t.match(validateText(runs), 'PASS  promote-staging-image (argocd) 131s');
  t.match(validateText(runs), '1/2 scenario runs pass');
});
