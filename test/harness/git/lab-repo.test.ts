import t from 'tap';
import { join } from 'node:path';
import { cloneWorkspace, createLabRepo } from '../../../harness/git/lab-repo.js';
import { gitOut } from '../../../harness/git/git.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { environmentsFor, labVars } from '../../../harness/runner/start.js';
import { scratch } from '../../helpers/cli.js';

t.test('a lab repository has a believable history, the faults on top, and a pushable workspace', async (t) => {
  const { dir, git } = scratch(t);
  const { scenario, dir: scenarioDir } = await loadScenario('stale-branch');
  const bareDir = join(dir, 'lab.git');
  const envs = environmentsFor(scenario);
  const lab = await createLabRepo({ scenario, scenarioDir, bareDir, repoURL: `file://${bareDir}`, vars: labVars(`file://${bareDir}`, 'r1', envs) });

  const subjects = (await gitOut(bareDir, ['log', '--format=%s', '--reverse', 'main'])).split('\n');
  t.same(subjects.slice(0, 4), [
    'Add payment-api base manifests',
    'payment-api: add dev environment',
    'payment-api: add staging environment',
    'payment-api: add prod environment',
  ]);
  t.ok(subjects.length > 4, 'the faults are commits after the environments');
  t.equal(lab.seedSha, await gitOut(bareDir, ['rev-parse', 'main']));
  t.ok(lab.seedBranches['release/staging'], 'a branch move from the faults is in the seed');
  const registration = await gitOut(bareDir, ['show', 'main:platform/clusters/staging/argocd/payment-api.yaml']);
  t.match(registration, `repoURL: file://${bareDir}`, 'template values are filled in');
  t.notMatch(registration, '{{', 'no template marker is left');

  const ws = join(dir, 'ws');
  await cloneWorkspace(bareDir, ws, 'main');
  t.equal(await gitOut(ws, ['remote', 'get-url', 'origin']), bareDir);
  await git(ws, ['commit', '--allow-empty', '-m', 'learner commit']);
  await git(ws, ['push', '-q', 'origin', 'main']);
  t.equal(await gitOut(bareDir, ['log', '-1', '--format=%s', 'main']), 'learner commit');
});

t.test('the same scenario always produces the same commits', async (t) => {
  const { dir } = scratch(t);
  const { scenario, dir: scenarioDir } = await loadScenario('promote-staging-image');
  const shas = [];
  for (const n of [1, 2]) {
    const bareDir = join(dir, `lab${n}.git`);
    const vars = labVars('file:///lab.git', 'r', environmentsFor(scenario));
    shas.push((await createLabRepo({ scenario, scenarioDir, bareDir, repoURL: 'file:///lab.git', vars })).seedSha);
  }
  t.equal(shas[0], shas[1]);
});
