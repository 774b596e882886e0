/** Report shapes, pinned: the text report's fixed layout, JSON's contract, JUnit and Markdown structure. */
import t from 'tap';
import { gradeEvidence } from '../../../harness/runner/grade.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { renderText } from '../../../harness/report/text.js';
import { renderJson } from '../../../harness/report/json.js';
import { renderJunit } from '../../../harness/report/junit.js';
import { renderMarkdown } from '../../../harness/report/markdown.js';
import { fixture, variant } from '../../helpers/fixtures.js';

const { scenario } = await loadScenario('promote-staging-image');
const wrong = gradeEvidence(scenario, fixture('promote-staging-image', 'argocd', 'wrong-promote-in-base'));
const solved = gradeEvidence(scenario, fixture('promote-staging-image', 'argocd', 'solution'));

t.test('the text report: header, first failing boundary, boundaries with sorted path lines, why, hint', async (t) => {
  t.equal(
    renderText(wrong),
    `gitops-lab promote-staging-image (argocd, offline, practice mode) at ${wrong.headSha.slice(0, 7)}
FAIL 1/13 offline; 7 points need a cluster
first failing boundary: git (only-staging-overlay-changed): 1 changed file(s) lie outside the allowed paths.

git     FAIL  1/6  Does Git hold the intended change, in the right file and layer?
  FAIL  only-staging-overlay-changed [0/2]: 1 changed file(s) lie outside the allowed paths.
        apps/payment-api/base/deployment.yaml: got modified, expected unchanged
        why: Fix the layer that owns the problem; a change elsewhere reaches environments it should not.
        hint: The staging overlay's kustomization.yaml owns staging's image tag.
  FAIL  base-untouched [0/2]: 1 file(s) under apps/payment-api/base/** changed.
        apps/payment-api/base/deployment.yaml: got modified, expected unchanged
        why: These files are shared by other environments; changing them changes what those environments render.
        hint: The base is shared with prod; a change there reaches every environment.
  PASS  commit-names-workload-and-environment [1/1]: Commit ${wrong.headSha.slice(0, 7)} "payment-api: bump image to 1.27.6 in staging" names payment-api and staging.
  PASS  history-not-rewritten [0/1]: History on the tracked branch was extended, not rewritten. Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).

render  FAIL  0/7  Do the rendered manifests say what was intended, and did only the intended environment change?
  FAIL  staging-renders-dev-image [0/3]: staging Deployment/payment-api spec.template.spec.containers[name=payment-api].image is "nginx:1.27.5".
        Deployment/payment-api spec.template.spec.containers[name=payment-api].image: got "nginx:1.27.5", expected "nginx:1.27.6"
        why: The rendered manifests are what the controller applies to staging.
        hint: Render it yourself with \`kubectl kustomize apps/payment-api/overlays/staging\`.
  PASS  staging-changes-only-image [0/2]: staging changed only where the task allows (Deployment/payment-api spec.template.spec.containers[name=payment-api].image). Not scored yet: guards earn their weight once the task has made progress (staging-renders-dev-image).
  FAIL  prod-and-dev-unchanged [0/2]: The change leaks into prod.
        prod Deployment/payment-api spec.template.spec.containers[0].image: got "nginx:1.27.6", expected "nginx:1.27.4"
        why: A fix for one environment must not change what the others render; that is how a staging change reaches prod.
        hint: Compare \`kubectl kustomize apps/payment-api/overlays/prod\` before and after your change.

sync    SKIP    Has the controller reconciled the intended revision, without errors?
  SKIP  staging-reconciled [0/2]: Needs a cluster: the sync boundary is not graded offline.

live    SKIP    Do live objects match desired state, with nothing changed behind Git's back?
  SKIP  staging-changed-through-git [0/2]: Needs a cluster: the live boundary is not graded offline.

health  SKIP    Are the workloads usable?
  SKIP  staging-runs-dev-image [0/3]: Needs a cluster: the health boundary is not graded offline.
`,
  );
});

t.test('exam mode withholds hints and expected values in every format', async (t) => {
  const exam = { ...wrong, mode: 'exam' as const };
  t.notMatch(renderText(exam), /hint:|expected/);
  const json = JSON.parse(renderJson(exam));
  t.notOk(json.checks.some((c: { hint?: string; expected?: string }) => c.hint || c.expected));
  t.notMatch(renderMarkdown(exam), 'Hint:');
});

t.test('JSON carries the versioned contract', async (t) => {
  const json = JSON.parse(renderJson(solved));
  t.match(json, { schemaVersion: 1, kind: 'gitops-lab/grade', score: 13, maxScore: 13, status: 'pass', firstFailure: null });
  for (const c of json.checks) {
    const offline = c.boundary === 'git' || c.boundary === 'render';
    t.match(c, { name: String, boundary: String, status: offline ? 'pass' : 'skipped', score: Number, max: Number, message: String });
  }
  t.equal(json.checks.filter((c: { status: string }) => c.status === 'skipped').length, 3, 'cluster checks are skipped offline, not counted');
});

t.test('the same evidence always gives the same result', async (t) => {
  const again = gradeEvidence(scenario, fixture('promote-staging-image', 'argocd', 'wrong-promote-in-base'));
  t.equal(renderJson(again), renderJson(wrong));
});

t.test('a grader that could not judge makes the grade an error, never a pass or a silent zero', async (t) => {
  const e = variant(fixture('promote-staging-image', 'argocd', 'solution'), (x) => {
    x.render.environments = x.render.environments.filter((r) => r.name !== 'prod');
  });
  const r = gradeEvidence(scenario, e);
  t.equal(r.status, 'error');
  t.equal(r.checks.find((c) => c.name === 'prod-and-dev-unchanged')?.status, 'error');
});

t.test('JUnit: one testcase per check, failures carry the evidence lines', async (t) => {
  const xml = renderJunit([wrong]);
  t.match(xml, /<testsuite name="promote-staging-image \(argocd, offline\)" tests="10" failures="4" errors="0" skipped="3"/);
  t.match(xml, /<testcase classname="promote-staging-image.git" name="base-untouched"/);
  t.match(xml, 'apps/payment-api/base/deployment.yaml: got modified, expected unchanged');
});

t.test('Markdown escapes what came from a learner', async (t) => {
  const evil = { ...wrong, checks: wrong.checks.map((c, i) => (i === 2 ? { ...c, status: 'fail' as const, message: 'Commit "<script>alert(1)</script>" | x' } : c)) };
  const md = renderMarkdown(evil);
  t.notMatch(md, '<script>');
  t.match(md, '\\<script\\>');
});

t.test('a delivery note\'s free text reaches the reports quoted, escaped and bounded, pass or fail', async (t) => {
  const { scenario: rollback } = await loadScenario('rollback-bad-promotion');
  const NOTE = 'delivery-notes/rollback-bad-promotion.yaml';
  const hostile = 'x```\n## Forged heading\n\x1b[2J\x1b]8;;http://127.0.0.1:1/\x07click\u202e| cell |';
  const noted = (change: Record<string, unknown>) =>
    gradeEvidence(
      rollback,
      variant(fixture('rollback-bad-promotion', 'argocd', 'solution'), (e) => {
        const note = e.git.head.files[NOTE]!.docs![0] as Record<string, unknown>;
        Object.assign(note, { cause: hostile, evidence: [hostile, 'y'.repeat(5_000)] }, change);
      }),
    );
  const passed = noted({});
  const check = passed.checks.find((c) => c.name === 'delivery-note')!;
  t.equal(check.status, 'pass');
  const md = renderMarkdown(passed);
  const excerpt = md.slice(md.indexOf('## Excerpts'));
  t.ok(md.includes('## Excerpts\n\n### git: delivery-note\n\n```\ncause: "x\'\'\'\\n## Forged heading\\n\\u001b[2J\\u001b]8;;http://127.0.0.1:1/\\u0007click\\u202e| cell |"\n'), excerpt.slice(0, 400));
  t.notMatch(md, /\x1b|\u202e/, 'no raw control reaches the Markdown');
  t.equal(excerpt.split('\n').filter((l) => l.startsWith('```')).length, 2, 'one fenced block: the learner cannot close it');
  t.notMatch(md, /^## Forged/m, 'a newline in the note is data, not a heading');
  t.ok(md.length < 10_000, `${md.length} characters: the 5,000-character item is cut`);
  t.notMatch(renderMarkdown(solved), 'Excerpts', 'no excerpt, no section');
  // Failing, the text report shows it under the check, one escaped line per field.
  const failed = noted({ boundary: 'health' });
  const text = renderText(failed);
  t.match(text, '        cause: "x```\\n## Forged heading\\n\\u001b[2J\\u001b]8;;http://127.0.0.1:1/\\u0007click\\u202e| cell |"\n');
  t.notMatch(text, /\x1b|\u202e/);
  t.match(renderJson(failed), 'click\\u202e| cell |', 'JSON keeps the text, the bidi override as an escape');
  t.notMatch(renderJson(failed), /\u202e/);
});
