/** The history-rewriting Git steps (git.amend, git.reset): what they leave on the lab repository's branch. */
import t from 'tap';
import { join } from 'node:path';
import { cloneWorkspace, createLabRepo } from '../../../harness/git/lab-repo.js';
import { applyGitStep, TEAMMATE } from '../../../harness/git/steps.js';
import { git, gitOut } from '../../../harness/git/git.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { environmentsFor, labVars } from '../../../harness/runner/start.js';
import { Step, isGitStep, type GitStep } from '../../../harness/model/steps.js';
import { describeStep } from '../../../harness/scenario/readme.js';
import { LabError } from '../../../harness/errors.js';
import { fillRevisions, revisionsIn } from '../../../harness/git/template.js';
import { scratch } from '../../helpers/cli.js';

const BASE = 'apps/payment-api/base/deployment.yaml';

/** A base-leak lab (the seed is the leaking commit on top of the environments) and a workspace cloned from it. */
async function lab(dir: string) {
  const { scenario, dir: scenarioDir } = await loadScenario('base-leak');
  const bareDir = join(dir, 'lab.git');
  const vars = labVars(`file://${bareDir}`, 'r1', environmentsFor(scenario));
  const repo = await createLabRepo({ scenario, scenarioDir, bareDir, repoURL: `file://${bareDir}`, vars });
  const ws = join(dir, 'ws');
  await cloneWorkspace(bareDir, ws, 'main');
  const play = (raw: unknown) => {
    const step = Step.parse(raw);
    if (!isGitStep(step)) throw new Error('not a git step');
    return applyGitStep({ workdir: ws, trackedBranch: 'main', vars, clock: () => 1_767_400_000 }, step as GitStep);
  };
  const isAncestor = async (sha: string) => (await git(bareDir, ['merge-base', '--is-ancestor', sha, 'main'], { allowFailure: true })).exitCode === 0;
  return { bareDir, seed: repo.seedSha, play, isAncestor };
}

t.test('git.reset moves the branch back and force-pushes it; a later commit fast-forwards from there', async (t) => {
  const { dir } = scratch(t);
  const { bareDir, seed, play, isAncestor } = await lab(dir);
  const parent = await gitOut(bareDir, ['rev-parse', `${seed}~1`]);
  await play({ action: 'git.reset', to: 'HEAD~1' });
  t.equal(await gitOut(bareDir, ['rev-parse', 'main']), parent, 'main is the leaking commit\'s parent');
  t.equal(await isAncestor(seed), false, 'the handed-over commit is gone from main');
  t.match(await gitOut(bareDir, ['show', `main:${BASE}`]), 'image: nginx:1.27.4');
  await play({
    action: 'git.commit',
    message: 'payment-api: 1.27.5 in staging only',
    edits: [{ op: 'set', file: 'apps/payment-api/overlays/staging/kustomization.yaml', path: 'images', value: [{ name: 'nginx', newTag: '1.27.5' }] }],
  });
  t.equal(await gitOut(bareDir, ['rev-parse', 'main~1']), parent, 'the next commit sits on the reset branch');
  t.equal(await gitOut(bareDir, ['log', '-1', '--format=%s', 'main']), 'payment-api: 1.27.5 in staging only');
});

t.test('git.amend rewrites the head commit (edits and message), keeps its author, and force-pushes', async (t) => {
  const { dir } = scratch(t);
  const { bareDir, seed, play, isAncestor } = await lab(dir);
  const parent = await gitOut(bareDir, ['rev-parse', `${seed}~1`]);
  await play({
    action: 'git.amend',
    message: 'payment-api: bump staging, not the base',
    author: { name: 'Alex Learner', email: 'alex@payments.example' },
    edits: [{ op: 'set', file: BASE, path: 'spec.template.spec.containers[name=payment-api].image', value: 'nginx:1.27.4' }],
  });
  const head = await gitOut(bareDir, ['rev-parse', 'main']);
  t.not(head, seed);
  t.equal(await gitOut(bareDir, ['rev-parse', 'main~1']), parent, 'the amended commit replaces the seed, on the same parent');
  t.equal(await isAncestor(seed), false);
  t.equal(await gitOut(bareDir, ['log', '-1', '--format=%s|%an|%cn|%ct', 'main']), `payment-api: bump staging, not the base|${TEAMMATE.name}|Alex Learner|1767400000`);
  t.match(await gitOut(bareDir, ['show', `main:${BASE}`]), 'image: nginx:1.27.4');
});

t.test('git.amend without a message keeps the commit\'s message', async (t) => {
  const { dir } = scratch(t);
  const { bareDir, seed, play } = await lab(dir);
  await play({ action: 'git.amend', edits: [{ op: 'write', file: 'NOTES.md', content: 'amended\n' }] });
  t.equal(await gitOut(bareDir, ['log', '-1', '--format=%s', 'main']), 'bump payment-api to 1.27.5 for staging');
  t.not(await gitOut(bareDir, ['rev-parse', 'main']), seed);
  t.equal(await gitOut(bareDir, ['show', 'main:NOTES.md']), 'amended');
});

t.test('git.reset to a revision that names no commit is a scenario error, and the branch stays', async (t) => {
  const { dir } = scratch(t);
  const { bareDir, seed, play } = await lab(dir);
  const err = await play({ action: 'git.reset', to: 'HEAD~99' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  t.ok(err instanceof LabError);
  t.equal((err as LabError).code, 'INVALID_SCENARIO');
  t.match((err as LabError).message, 'git.reset: "HEAD~99" names no commit of main');
  t.equal(await gitOut(bareDir, ['rev-parse', 'main']), seed);
});

t.test('{{git.<revision>}} in a git.commit is the id of the commit it names when the step is played', async (t) => {
  const { dir } = scratch(t);
  const { bareDir, seed, play } = await lab(dir);
  await play({ action: 'git.commit', message: 'fix', edits: [{ op: 'write', file: 'fix.yaml', content: 'a: 1\n' }] });
  const fix = await gitOut(bareDir, ['rev-parse', 'main']);
  const content = 'fixCommit: "{{ git.HEAD }}"\nrollbackRevision: "{{git.HEAD~2}}"\nparent: "{{git.HEAD^}}"\nkept: "{{git.main}} {{git.HEAD~1:x}}"\nrun: {{lab.run}}\n';
  await play({ action: 'git.commit', message: 'note on {{git.HEAD}}', edits: [{ op: 'write', file: 'delivery-notes/x.yaml', content }, { op: 'write', file: 'b.yaml', content: '{{git.HEAD~1}}' }] });
  const note = await gitOut(bareDir, ['show', 'main:delivery-notes/x.yaml']);
  const grand = await gitOut(bareDir, ['rev-parse', `${seed}~1`]);
  t.equal(note, `fixCommit: "${fix}"\nrollbackRevision: "${grand}"\nparent: "${seed}"\nkept: "{{git.main}} {{git.HEAD~1:x}}"\nrun: r1`, 'HEAD-relative revisions only; lab values as before');
  t.equal(await gitOut(bareDir, ['show', 'main:b.yaml']), seed, 'every edit');
  t.equal(await gitOut(bareDir, ['log', '-1', '--format=%s', 'main']), `note on ${fix}`, 'and the message');
  const err = await play({ action: 'git.commit', message: 'm', edits: [{ op: 'write', file: 'c.yaml', content: '{{git.HEAD~99}}' }] }).then(
    () => undefined,
    (e: unknown) => e,
  );
  t.ok(err instanceof LabError);
  t.equal((err as LabError).code, 'INVALID_SCENARIO');
  t.equal((err as LabError).message, 'git.commit: {{git.HEAD~99}} names no commit of main');
  t.equal(await gitOut(bareDir, ['rev-parse', 'main^']), fix, 'nothing was committed');
});

t.test('revisionsIn and fillRevisions: every string of a step, each revision once', async (t) => {
  const step = { message: '{{git.HEAD}} and {{git.HEAD}}', edits: [{ content: '{{git.HEAD~2}}{{ git.HEAD^2 }}', n: 3 }, null] };
  t.same(revisionsIn(step), ['HEAD', 'HEAD~2', 'HEAD^2']);
  t.same(revisionsIn({ a: '{{git.head}} {{git.HEAD~1234}} {{git.HEAD..x}} {{git.origin/main}}' }), [], 'HEAD only, at most three digits a step');
  t.same(fillRevisions(step, new Map([['HEAD', 'a1'], ['HEAD~2', 'b2']])), { message: 'a1 and a1', edits: [{ content: 'b2{{ git.HEAD^2 }}', n: 3 }, null] });
});

t.test('the steps are validated and described', async (t) => {
  t.equal(Step.safeParse({ action: 'git.reset' }).success, false, 'git.reset needs a revision');
  t.equal(Step.safeParse({ action: 'git.amend', edits: [], extra: 1 }).success, false, 'no unknown fields');
  t.equal(describeStep(Step.parse({ action: 'git.reset', to: 'HEAD~1' })), 'reset the branch to HEAD~1; force-push');
  t.equal(
    describeStep(Step.parse({ action: 'git.amend', message: 'm', edits: [{ op: 'delete', file: 'a.yaml' }] })),
    'amend the head commit as "m": delete a.yaml; force-push',
  );
  t.equal(describeStep(Step.parse({ action: 'git.amend' })), 'amend the head commit; force-push');
});
