/**
 * What a live session's cleanup deletes besides its namespaces: everything the roots applied from the lab
 * repository's registration directories, read from a real lab repository (destination-denied, whose faults add
 * an AppProject for Argo CD and a ServiceAccount with RBAC for Flux).
 */
import { join } from 'node:path';
import t from 'tap';
import { snapshotTree } from '../../../harness/evidence/git-evidence.js';
import { createLabRepo } from '../../../harness/git/lab-repo.js';
import { createdFromGit } from '../../../harness/runner/cleanup.js';
import { environmentsFor, labVars } from '../../../harness/runner/start.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { scratch } from '../../helpers/cli.js';

t.test('destination-denied: registrations, the AppProject, the deployer ServiceAccount and its RBAC; nothing unsuffixed', async (t) => {
  const { dir } = scratch(t);
  const { scenario, dir: scenarioDir } = await loadScenario('destination-denied');
  const runId = 'c0ffee';
  const envs = environmentsFor(scenario, `-${runId}`);
  const bareDir = join(dir, 'lab.git');
  const lab = await createLabRepo({ scenario, scenarioDir, bareDir, repoURL: 'http://127.0.0.1:1/lab.git', vars: labVars('http://127.0.0.1:1/lab.git', runId, envs, `-${runId}`) });
  const tree = await snapshotTree(bareDir, lab.seedSha);
  const dirsFor = (controller: string) => Object.values(envs).map((e) => `${e.registration}/${controller}`);
  const show = (refs: { kind: string; name: string; namespace?: string }[]) => refs.map((r) => `${r.kind} ${r.namespace}/${r.name}`);

  const argo = show(createdFromGit([tree], dirsFor('argocd'), runId, 'argocd'));
  t.ok(argo.includes(`AppProject argocd/payments-${runId}`), 'the AppProject of the fault');
  t.ok(argo.some((r) => r.startsWith('Application argocd/')), 'the registrations');
  t.ok(argo.indexOf(argo.find((r) => r.startsWith('Application'))!) < argo.indexOf(`AppProject argocd/payments-${runId}`), 'registrations first');

  const flux = createdFromGit([tree, tree], dirsFor('flux'), runId, 'flux-system');
  const kinds = new Set(flux.map((r) => r.kind));
  for (const k of ['Kustomization', 'GitRepository', 'ServiceAccount']) t.ok(kinds.has(k), `${k} is a target`);
  t.equal(new Set(flux.map((r) => `${r.kind}/${r.namespace}/${r.name}`)).size, flux.length, 'the same object from two trees is one target');
  t.ok(flux.every((r) => ['Kustomization', 'GitRepository'].includes(r.kind) || r.name.endsWith(`-${runId}`)), 'everything but registrations is named after the run');
  t.notOk(flux.some((r) => r.apiVersion.startsWith('kustomize.config.k8s.io/')), 'kustomization.yaml files are not objects');
});

t.test("a learner's file naming the default AppProject or a cluster's ClusterRole is never a target", async (t) => {
  const tree = {
    sha: 'x',
    files: {
      'platform/clusters/staging/argocd/project.yaml': { docs: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'default', namespace: 'argocd' } }] },
      'platform/clusters/staging/argocd/rbac.yaml': { docs: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'admin' } }] },
      'platform/clusters/staging/argocd/app.yaml': { docs: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'my-staging-app' } }] },
      'platform/clusters/prod/argocd/app.yaml': { docs: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'prod-app-c0ffee', namespace: 'argocd' } }] },
    },
  } as unknown as Parameters<typeof createdFromGit>[0][number];
  t.same(createdFromGit([tree], ['platform/clusters/staging/argocd'], 'c0ffee', 'argocd'), [
    { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', name: 'my-staging-app', namespace: 'argocd' },
  ], "only the learner's own registration, in the root's namespace; other environments' directories are not read");
});
