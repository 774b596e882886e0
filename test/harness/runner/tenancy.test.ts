/**
 * What a run's roots may apply (Argo CD's root AppProject): the kinds of the registration folders at hand-over, read
 * from real lab repositories with the scenario's Git faults applied in a throwaway copy.
 */
import { join } from 'node:path';
import t from 'tap';
import { branchHeads, createLabRepo } from '../../../harness/git/lab-repo.js';
import { handedOverKinds, kindsUnder } from '../../../harness/runner/tenancy.js';
import { environmentsFor, labVars, runProject } from '../../../harness/runner/start.js';
import { runProjectName } from '../../../harness/controllers/argocd.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { scratch } from '../../helpers/cli.js';

const show = (kinds: readonly { group: string; kind: string }[]) => kinds.map((k) => `${k.group}/${k.kind}`);

async function seeded(t: Tap.Test, id: string) {
  const { dir } = scratch(t);
  const { scenario, dir: scenarioDir } = await loadScenario(id);
  const runId = 'c0ffee';
  const envs = environmentsFor(scenario, `-${runId}`);
  const bareDir = join(dir, 'lab.git');
  const vars = labVars('http://127.0.0.1:1/lab.git', runId, envs, `-${runId}`);
  // As a live seed makes it: the repository without its faults (they come after the first sync).
  const lab = await createLabRepo({ scenario, scenarioDir, bareDir, repoURL: vars.repoURL, vars, applyFaults: false });
  return { scenario, envs, bareDir, vars, lab };
}

t.test('destination-denied on Argo CD: the AppProject its faults add is a kind the root may apply', async (t) => {
  const { scenario, envs, bareDir, vars, lab } = await seeded(t, 'destination-denied');
  const before = await branchHeads(bareDir);
  const dirs = Object.values(envs).map((e) => `${e.registration}/argocd`);
  const kinds = await handedOverKinds(bareDir, lab.trackedBranch, scenario.faults, vars, dirs);
  t.same(show(kinds), ['argoproj.io/Application', 'argoproj.io/AppProject']);
  t.same(await branchHeads(bareDir), before, 'the lab repository itself is untouched');
  const flux = await handedOverKinds(bareDir, lab.trackedBranch, scenario.faults, vars, Object.values(envs).map((e) => `${e.registration}/flux`));
  t.ok(show(flux).includes('/ServiceAccount'), `flux's folders hold the deployer ServiceAccount: ${show(flux).join(', ')}`);
  t.ok(show(flux).includes('rbac.authorization.k8s.io/Role'), 'and its RBAC (a Role in staging: no cluster-wide kind since Flux tenancy)');
});

t.test('wrong-selector on Argo CD: Applications only', async (t) => {
  const { scenario, envs, bareDir, vars, lab } = await seeded(t, 'wrong-selector');
  const kinds = await handedOverKinds(bareDir, lab.trackedBranch, scenario.faults, vars, Object.values(envs).map((e) => `${e.registration}/argocd`));
  t.same(show(kinds), ['argoproj.io/Application']);
});

t.test('kindsUnder: core kinds have the empty group; kustomize files, broken and kindless documents are left out', async (t) => {
  const tree = {
    sha: 'x',
    files: {
      'p/a.yaml': { docs: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'd' } }] },
      'p/kustomization.yaml': { docs: [{ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' }] },
      'p/b.yaml': { docs: [{ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization' }, { kind: 'NoVersion' }, 'text', null] },
      'q/c.yaml': { docs: [{ apiVersion: 'v1', kind: 'Secret' }] },
    },
  };
  t.same(show(kindsUnder(tree as never, ['p'])), ['/ConfigMap', 'kustomize.toolkit.fluxcd.io/Kustomization']);
  t.same(show(kindsUnder(tree as never, ['p', 'q/'])), ['/ConfigMap', '/Secret', 'kustomize.toolkit.fluxcd.io/Kustomization']);
});

t.test('{{lab.project}} is the AppProject the Argo CD adapter makes for the run; offline it is default', async (t) => {
  t.equal(runProject('-c0ffee'), runProjectName('c0ffee'));
  t.equal(runProject(''), 'default');
});
