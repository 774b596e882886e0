/**
 * Every hint in the bank names only what the session it is shown in has (issue 13, item 7), for every scenario
 * directory, so a scenario added later is held to it too:
 * - a hint an offline session can show needs no cluster. Which hints those are is not assumed: a check is shown
 *   offline unless grading it on offline evidence skips it (the text report prints hints of failing checks only);
 * - no hint sends the learner to the argocd or flux CLI (no session installs them);
 * - `kubectl argo rollouts`: only in a scenario that runs Argo Rollouts, on a check graded on a cluster, and next
 *   to the plain `kubectl get rollout` form, since only the local provider puts the plugin on the learner's PATH
 *   (kind and existing sessions say the plugin is the learner's to install);
 * - and lint's hint rules (harness/scenario/load.ts) hold for the whole bank, not only for the files linted.
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { gradeCheck, gradeEvidence } from '../../harness/runner/grade.js';
import { renderText } from '../../harness/report/text.js';
import { lintRules, listScenarioIds, loadScenario } from '../../harness/scenario/load.js';
import type { Evidence } from '../../harness/model/evidence.js';
import type { Scenario } from '../../harness/model/scenario.js';

const evidence = (scenario: string, controller: string, phase: string): Evidence =>
  JSON.parse(readFileSync(new URL(`../fixtures/offline/${scenario}/${controller}/${phase}.json`, import.meta.url), 'utf8')) as Evidence;
/** Evidence recorded by a real offline session (the hand-over of promote-staging-image). */
const offline = evidence('promote-staging-image', 'argocd', 'faults');

const PLUGIN = /kubectl[ -]argo[ -]rollouts/;
/** A kubectl command that reads or writes the cluster (kubectl kustomize renders locally). */
const CLUSTER_COMMAND = /kubectl\s+(?!kustomize\b)[a-z][a-z-]*/;
const CLI_NOT_PROVIDED = /`(argocd|flux)\s/;

/** What is wrong with one hint, given whether an offline session can show it and whether the scenario runs Rollouts. */
function hintProblems(hint: string, shownOffline: boolean, rollouts: boolean): string[] {
  const out: string[] = [];
  const command = CLUSTER_COMMAND.exec(hint)?.[0];
  if (shownOffline && command) out.push(`"${command}" needs a cluster, and an offline session shows this hint`);
  const cli = CLI_NOT_PROVIDED.exec(hint)?.[1];
  if (cli) out.push(`names the ${cli} CLI, which no session provides`);
  if (PLUGIN.test(hint)) {
    if (!rollouts) out.push('names kubectl argo rollouts in a scenario that runs no Argo Rollouts');
    if (!/kubectl get rollouts?\b/.test(hint)) out.push('names kubectl argo rollouts without `kubectl get rollout`, which kind and existing sessions must fall back on');
  }
  return out;
}

const shownOffline = (check: Scenario['checks'][number]): boolean => {
  try {
    return gradeCheck(check, offline).status !== 'skipped';
  } catch {
    return true; // graded (its parameters did not fit this evidence): an offline session would show its hint
  }
};

t.test('the rule, on planted hints', async (t) => {
  t.same(hintProblems('Render it with `kubectl kustomize apps/x/overlays/staging`.', true, false), []);
  t.same(hintProblems('`kubectl get pods -n <staging namespace>`', false, false), [], 'a cluster command on a check graded on a cluster');
  t.same(hintProblems('`kubectl get pods -n <staging namespace>`', true, false), ['"kubectl get" needs a cluster, and an offline session shows this hint']);
  t.same(hintProblems('`kubectl describe pod` in staging', true, true), ['"kubectl describe" needs a cluster, and an offline session shows this hint']);
  t.same(hintProblems('`flux get kustomizations`', false, false), ['names the flux CLI, which no session provides']);
  t.same(hintProblems('`argocd app get x`', false, false), ['names the argocd CLI, which no session provides']);
  const both = '`kubectl argo rollouts get rollout payment-api -n <ns>` (or `kubectl get rollout payment-api -n <ns> -o yaml`)';
  t.same(hintProblems(both, false, true), []);
  t.same(hintProblems(both, false, false), ['names kubectl argo rollouts in a scenario that runs no Argo Rollouts']);
  t.same(hintProblems('`kubectl argo rollouts get rollout payment-api`', false, true), ['names kubectl argo rollouts without `kubectl get rollout`, which kind and existing sessions must fall back on']);
  t.match(hintProblems(both, true, true), ['"kubectl argo" needs a cluster, and an offline session shows this hint']);
});

t.test('an offline session shows the hints of failing checks only; a check that needs a cluster is skipped, its hint unshown', async (t) => {
  const { scenario } = await loadScenario('canary-failed-analysis');
  const result = gradeEvidence(scenario, evidence('canary-failed-analysis', 'argocd', 'faults'));
  const shown = renderText(result).split('\n').filter((l) => l.trimStart().startsWith('hint: ')).map((l) => l.trim().slice('hint: '.length));
  t.ok(shown.length > 0, 'the hand-over shows hints');
  const byHint = new Map(result.checks.map((c) => [c.hint, c]));
  for (const h of shown) t.ok(['fail', 'error'].includes(byHint.get(h)?.status ?? ''), `shown for a failing check: ${h}`);
  const skipped = result.checks.filter((c) => c.status === 'skipped' && c.hint);
  t.ok(skipped.length > 0, 'the cluster checks are skipped offline');
  for (const c of skipped) t.notOk(shown.includes(c.hint!), `not shown: ${c.name}`);
  t.same(scenario.checks.filter(shownOffline).map((c) => c.name), result.checks.filter((c) => c.status !== 'skipped').map((c) => c.name), 'shownOffline agrees with the grade');
});

const ids = await listScenarioIds();
t.ok(ids.length >= 13, 'the whole bank');
for (const id of ids) {
  t.test(`${id}: every hint names only what its sessions have`, async (t) => {
    const { scenario } = await loadScenario(id);
    for (const c of scenario.checks) {
      if (!c.hint) continue;
      t.same(hintProblems(c.hint, shownOffline(c), scenario.rollouts === true), [], `${c.name}: ${c.hint}`);
    }
    t.same(lintRules(scenario).filter((m) => /^checks\[\d+\]\.hint:/.test(m)), [], "lint's hint rules");
  });
}
