/**
 * A step the scenario wrote that cannot be played names the scenario file, the list, the step's index and action,
 * the edit and the file it targeted: played offline with real git on the bank's own scenario (and through lint).
 */
import t from 'tap';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../../../harness/errors.js';
import type { Scenario } from '../../../harness/model/scenario.js';
import type { Step } from '../../../harness/model/steps.js';
import { playScenario } from '../../../harness/runner/play.js';
import { inScenarioStep, locateStepError, scenarioFileOf } from '../../../harness/runner/step-error.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { REPO_ROOT, scratch } from '../../helpers/cli.js';

const FILE = 'scenarios/promote-staging-image/scenario.yaml';
const STAGING = 'apps/payment-api/overlays/staging/kustomization.yaml';
const commit = (...edits: unknown[]): Step => ({ action: 'git.commit', message: 'payment-api: promote 1.27.6 to staging', edits }) as Step;
const missing = { op: 'replace', file: STAGING, find: 'newTag: "9.9.9"', with: 'newTag: "1.27.6"' };
const fine = { op: 'replace', file: STAGING, find: 'newTag', with: 'newTag' };

/** Plays promote-staging-image offline with `change` made to it; the error it throws. */
async function played(change: (s: Scenario) => void): Promise<LabError> {
  const { scenario, dir } = await loadScenario('promote-staging-image');
  const s = structuredClone(scenario);
  change(s);
  let thrown: unknown;
  await playScenario(s, dir, 'flux', async () => undefined).catch((e: unknown) => (thrown = e));
  if (!(thrown instanceof LabError)) throw new Error(`expected a LabError, got ${String(thrown)}`);
  return thrown;
}

t.test('the scenario file as the loader shows it', async (t) => {
  t.equal(scenarioFileOf(join(REPO_ROOT, 'scenarios/promote-staging-image'), REPO_ROOT), FILE);
  t.equal(scenarioFileOf('/x/y', '/x'), 'y/scenario.yaml', 'relative to the root');
});

t.test('a replace whose text is missing names the scenario, the list, the step, the edit and the file', async (t) => {
  const wrong = await played((s) => void (s.wrongSolutions[1]!.steps = [commit(fine), commit(fine, missing)]));
  t.equal(wrong.code, 'INVALID_SCENARIO');
  t.equal(wrong.message, `${FILE}: wrongSolutions[1].steps[1] (git.commit, edits[1] replace): replace in ${STAGING}: text "newTag: "9.9.9"" not found`);
  t.match(wrong.suggestion, /earlier steps/);
  t.ok(wrong.cause instanceof LabError, 'the edit error is the cause');
  const solution = await played((s) => void (s.solution.steps = [commit(missing)]));
  t.equal(solution.message, `${FILE}: solution.steps[0] (git.commit, edits[0] replace): replace in ${STAGING}: text "newTag: "9.9.9"" not found`);
  const alternative = await played((s) => void (s.alternativeSolutions[1]!.steps = [commit(missing)]));
  t.match(alternative.message, `${FILE}: alternativeSolutions[1].steps[0] (git.commit, edits[0] replace): replace in ${STAGING}`);
});

t.test('the faults, played as the lab repository is made, name their step too', async (t) => {
  const e = await played((s) => void (s.faults = [commit(fine), commit(missing)]));
  t.equal(e.message, `${FILE}: faults[1] (git.commit, edits[0] replace): replace in ${STAGING}: text "newTag: "9.9.9"" not found`);
});

t.test('other edits and steps the scenario got wrong', async (t) => {
  const set = await played((s) => void (s.solution.steps = [commit({ op: 'set', file: 'apps/payment-api/overlays/qa/kustomization.yaml', path: 'images[0].newTag', value: '1', doc: 0 })]));
  t.equal(set.message, `${FILE}: solution.steps[0] (git.commit, edits[0] set): apps/payment-api/overlays/qa/kustomization.yaml: no such file in the repository`);
  const gone = await played((s) => void (s.solution.steps = [commit({ op: 'replace', file: 'nope.yaml', find: 'a', with: 'b' })]));
  t.equal(gone.message, `${FILE}: solution.steps[0] (git.commit, edits[0] replace): nope.yaml: no such file in the repository`);
  const reset = await played((s) => void (s.solution.steps = [commit(fine), { action: 'git.reset', to: 'HEAD~99' }]));
  t.match(reset.message, new RegExp(`^${FILE}: solution\\.steps\\[1\\] \\(git\\.reset\\): git\\.reset: "HEAD~99" names no commit of main`));
  const branch = await played((s) => void (s.solution.steps = [{ ...commit(fine), branch: 'release' } as Step]));
  t.equal(branch.message, `${FILE}: solution.steps[0] (git.commit): git.commit: branch "release" does not exist in the lab repository`);
  const del = await played((s) => void (s.solution.steps = [commit({ op: 'delete', file: 'nope.yaml' })]));
  t.match(del.message, `${FILE}: solution.steps[0] (git.commit, edits[0] delete): delete nope.yaml: `);
  const ren = await played((s) => void (s.solution.steps = [commit({ op: 'rename', from: 'nope.yaml', to: 'yes.yaml' })]));
  t.match(ren.message, `${FILE}: solution.steps[0] (git.commit, edits[0] rename): rename nope.yaml -> yes.yaml: `);
});

t.test('where the message fits several edits, the best fits are named; where none, the list or only the file', async (t) => {
  const message = `replace in ${STAGING}: text "newTag: "9.9.9"" not found`;
  const other = { op: 'replace', file: STAGING, find: 'images', with: 'x' };
  t.equal(locateStepError(message, [commit(other, missing), commit(missing)]), '[0] (git.commit, edits[1] replace) or [1] (git.commit, edits[0] replace)', 'the edits with that text, not the other');
  // Templated text ({{lab.*}}) is not the text searched for: the edit of that file is the best there is.
  t.equal(locateStepError(message, [commit(fine), commit(other)]), '[0] (git.commit, edits[0] replace) or [1] (git.commit, edits[0] replace)');
  t.equal(locateStepError(message, [commit({ op: 'write', file: STAGING, content: '' })]), undefined, 'a write never fails for its text');
  t.equal(locateStepError(message, [{ action: 'git.amend', edits: [missing] } as unknown as Step]), '[0] (git.amend, edits[0] replace)');
  t.equal(locateStepError(`${STAGING}: has no YAML document 2`, [commit({ op: 'set', file: STAGING, path: 'x', value: 1, doc: 2 })]), '[0] (git.commit, edits[0] set)');
  const live: Step[] = [
    { action: 'live.scale', environment: 'staging', kind: 'Deployment', name: 'payment-api', replicas: 5, fieldManager: 'kubectl-scale' },
    { action: 'live.patch', environment: 'staging', kind: 'Widget', name: 'w', patchType: 'merge', patch: {}, fieldManager: 'kubectl-edit' },
    { action: 'live.patch', environment: 'staging', kind: 'Service', name: 'payment-api', patchType: 'json', patch: [], fieldManager: 'kubectl-edit' },
    { action: 'live.apply-render', environment: 'prod', fieldManager: 'kubectl-client-side-apply' },
    { action: 'live.delete', environment: 'staging', kind: 'Gadget', name: 'g' },
  ];
  t.equal(locateStepError('live step: kind Widget is not one gitops-lab knows the API group of', live), '[1] (live.patch)');
  t.equal(locateStepError('live step: kind Gadget is not one gitops-lab knows the API group of', live), '[4] (live.delete)');
  t.equal(locateStepError('live step: kind Deployment is not one gitops-lab knows the API group of', live), '[0] (live.scale)');
  t.equal(locateStepError('live.patch: json patches are not supported; use merge or strategic', live), '[2] (live.patch)');
  t.equal(locateStepError('live.apply-render: prod does not render: boom', live), '[3] (live.apply-render)');
  t.equal(locateStepError('live.apply-render: staging does not render: boom', live), undefined);
  const applies = [
    ...live,
    { action: 'live.apply', environment: 'staging', manifest: { apiVersion: 'v2', kind: 'ConfigMap', metadata: { name: 'extra' } } },
    { action: 'live.apply', environment: 'qa', manifest: { kind: 'Namespace', metadata: { name: 'other' } } },
  ] as unknown as Step[];
  t.equal(locateStepError('live.apply: ConfigMap/extra has apiVersion v2; gitops-lab applies ConfigMap as v1', applies), '[5] (live.apply)');
  t.equal(locateStepError("live.apply: Namespace is cluster-scoped; live.apply creates objects only in the environment's namespace", applies), '[6] (live.apply)');
  t.equal(locateStepError('live.apply: no environment qa', applies), '[6] (live.apply)');
  t.equal(locateStepError('live.apply: no environment dev', applies), undefined, 'an environment no apply step names');
  t.equal(locateStepError('live step: kind Namespace is not one gitops-lab knows the API group of', applies), '[6] (live.apply)');
  t.equal(locateStepError('live.apply: ConfigMap/other has apiVersion v2; gitops-lab applies ConfigMap as v1', applies), undefined, 'another object of that kind');
  t.equal(locateStepError('git.reset: "HEAD~1" names no commit of main', [{ action: 'git.reset', to: 'HEAD~2' }]), undefined, 'another revision');
  t.equal(locateStepError('git.commit: branch "a" does not exist in the lab repository', [commit(fine)]), undefined, 'a commit to the tracked branch');

  const defect = new LabError('INVALID_SCENARIO', 'environment qa has no registration in Git for flux', { details: ['d'], suggestion: 's' });
  const inSteps = inScenarioStep(defect, FILE, 'solution.steps', [commit(fine)]) as LabError;
  t.equal(inSteps.message, `${FILE}: solution.steps: environment qa has no registration in Git for flux`, 'played only the steps: the list is named');
  t.same([inSteps.details, inSteps.suggestion], [['d'], 's'], 'details and suggestion kept');
  t.equal((inScenarioStep(defect, FILE, 'faults', [commit(fine)], false) as LabError).message, `${FILE}: environment qa has no registration in Git for flux`, 'not only the steps: the file only');
  t.equal((inScenarioStep(defect, FILE, 'faults', [], false) as LabError).suggestion, 's');
  t.equal((inScenarioStep(new LabError('INVALID_SCENARIO', 'x'), FILE, 'faults', [], false) as LabError).suggestion, undefined, 'no step found: no hint about steps');
  t.equal(inScenarioStep(inSteps, FILE, 'faults', [commit(fine)]), inSteps, 'already named: as it is');
  const timeout = new LabError('TIMEOUT', `replace in ${STAGING}: text "newTag: "9.9.9"" not found`);
  t.equal(inScenarioStep(timeout, FILE, 'solution.steps', [commit(missing)]), timeout, 'not a scenario defect: as it is');
  const plain = new Error('boom');
  t.equal(inScenarioStep(plain, FILE, 'solution.steps', [commit(missing)]), plain);
});

t.test('lint names the scenario file and the step of a replace whose text is missing (exit 2)', async (t) => {
  const cli = scratch(t);
  const bank = join(cli.dir, 'bank');
  cpSync(join(REPO_ROOT, 'scenarios/_shared'), join(bank, '_shared'), { recursive: true });
  cpSync(join(REPO_ROOT, 'scenarios/promote-staging-image'), join(bank, 'promote-staging-image'), { recursive: true });
  const file = join(bank, 'promote-staging-image', 'scenario.yaml');
  const text = readFileSync(file, 'utf8');
  t.match(text, 'path: images[name=nginx].newTag', 'the solution sets the staging tag');
  // The solution's first edit, rewritten as a replace of text the overlay does not have.
  const broken = text.replace(/- op: set\n(\s+)file: apps\/payment-api\/overlays\/staging\/kustomization.yaml\n\s+path: images\[name=nginx\]\.newTag\n\s+value: "1\.27\.6"/, (_m, ind: string) => `- op: replace\n${ind}file: ${STAGING}\n${ind}find: "newTag: 9.9.9"\n${ind}with: "newTag: 1.27.6"`);
  t.not(broken, text, 'the scenario was changed');
  writeFileSync(file, broken);
  const r = await cli.run(['lint', 'promote-staging-image', '--bank', bank]);
  t.equal(r.exitCode, 2, r.stderr);
  t.match(r.stderr, `promote-staging-image/scenario.yaml: solution.steps[0] (git.commit, edits[0] replace): replace in ${STAGING}: text "newTag: 9.9.9" not found`);
});
