import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import t from 'tap';
import { cloneWorkspace, createLabRepo } from '../../../harness/git/lab-repo.js';
import { gitOut } from '../../../harness/git/git.js';
import { PUSH_LOG, readPushLog } from '../../../harness/git/push-log.js';
import type { Session } from '../../../harness/model/session.js';
import type { Step } from '../../../harness/model/steps.js';
import { carryRestsBetweenSettles, changedByHand, ownRegistration, podsNotReady, resettable, restoreGit, restsAfterMs, snapshotSeed, stillnessAt } from '../../../harness/runner/live.js';
import type { KubeObject } from '../../../harness/kube/client.js';
import { environmentsFor, labVars } from '../../../harness/runner/start.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { scratch } from '../../helpers/cli.js';
import { ownStorageServer } from '../../helpers/own-storage.js';
import { newRunCredentials } from '../../../harness/git/access.js';
import { pushURL } from '../../../harness/git/server-process.js';
import { labStore } from '../../../harness/git/store.js';

t.test("the harness acts only on a Flux registration in the run's own namespaces; Argo CD's are read in argocd", async (t) => {
  const run = ['payments-dev-abc123', 'payments-staging-abc123'];
  t.ok(ownRegistration('flux', { namespace: 'payments-staging-abc123' }, run));
  t.notOk(ownRegistration('flux', { namespace: 'payments-staging-0badc0' }, run), "another learner's namespace");
  t.notOk(ownRegistration('flux', { namespace: 'flux-system' }, run), 'flux-system');
  t.notOk(ownRegistration('flux', { namespace: undefined }, run), 'no namespace: flux-system, where the roots live');
  t.ok(ownRegistration('argocd', { namespace: 'argocd' }, run));
  t.ok(ownRegistration('argocd', { namespace: undefined }, run));
});

t.test('restoreGit: refs, push log and workspace back as handed over; what was pushed since is gone', async (t) => {
  const { dir } = scratch(t);
  const { scenario, dir: scenarioDir } = await loadScenario('wrong-selector');
  const runId = 'fee1ed';
  const envs = environmentsFor(scenario, `-${runId}`);
  const bareDir = join(dir, 'lab.git');
  const lab = await createLabRepo({ scenario, scenarioDir, bareDir, repoURL: 'http://127.0.0.1:1/lab.git', vars: labVars('http://127.0.0.1:1/lab.git', runId, envs, `-${runId}`) });
  const workspace = join(dir, 'ws');
  await cloneWorkspace(bareDir, workspace, lab.trackedBranch);
  const seeded = await snapshotSeed({ bareDir } as Session);
  t.same(Object.keys(seeded.refs), [`refs/heads/${lab.trackedBranch}`], 'the seed has the tracked branch only');
  // A player's work: a commit on main, a new branch and a tag, all pushed; a stray file left in the workspace.
  await writeFile(join(workspace, 'NOTES.md'), 'played\n');
  await gitOut(workspace, ['add', 'NOTES.md']);
  await gitOut(workspace, ['commit', '-q', '-m', 'a phase played here']);
  await gitOut(workspace, ['push', '-q', 'origin', `HEAD:${lab.trackedBranch}`, 'HEAD:refs/heads/side']);
  await gitOut(workspace, ['tag', 'v1']);
  await gitOut(workspace, ['push', '-q', 'origin', 'v1']);
  await writeFile(join(workspace, 'stray.txt'), 'x\n');
  const pushed = await readFile(join(bareDir, PUSH_LOG), 'utf8');
  t.not(pushed, seeded.pushLog ?? '', 'the pushes were logged');

  await restoreGit({ bareDir, trackedBranch: lab.trackedBranch }, workspace, seeded);
  t.same((await snapshotSeed({ bareDir } as Session)).refs, seeded.refs, 'every ref as at hand-over: the branch and tag made since are deleted');
  t.equal(await readFile(join(bareDir, PUSH_LOG), 'utf8').catch(() => undefined), seeded.pushLog, 'the push log as at hand-over');
  t.equal(await gitOut(workspace, ['rev-parse', 'HEAD']), lab.seedSha, 'the workspace is on the seed');
  t.equal(await gitOut(workspace, ['status', '--porcelain', '--ignored']), '', 'and holds nothing else');
  t.equal(await gitOut(workspace, ['remote', 'get-url', 'origin']), bareDir, 'cloned from its own origin');
  // The next phase pushes as if it were the first.
  await writeFile(join(workspace, 'NOTES.md'), 'again\n');
  await gitOut(workspace, ['add', 'NOTES.md']);
  await gitOut(workspace, ['commit', '-q', '-m', 'the next phase']);
  await gitOut(workspace, ['push', '-q', 'origin', `HEAD:${lab.trackedBranch}`]);
  const pushes = (await readPushLog(bareDir, lab.trackedBranch))!;
  // What git evidence takes for the learner's pushes: the updates after the last one to the seed.
  const since = pushes.slice(pushes.map((p) => p.sha).lastIndexOf(lab.seedSha) + 1).map((p) => p.sha);
  t.same(since, [await gitOut(workspace, ['rev-parse', 'HEAD'])], "only this phase's push follows the seed: the earlier phase's is gone");
});

t.test('resettable: a reset replays cluster faults only after every Git fault, reads changes from an audit log, and no exam', async (t) => {
  const { scenario } = await loadScenario('drift-revert');
  const live = { provider: 'local' as const, cluster: 'lab', kubeconfig: '/k', auditLog: '/a.log', environments: ['staging'], handoverAt: '', gitStateDir: '/g' };
  const session = { live, deadline: undefined } as unknown as Session;
  const commit = { action: 'git.commit', message: 'm', edits: [] } as unknown as Step;
  const patch = { action: 'live.scale', environment: 'staging', kind: 'Deployment', name: 'x', replicas: 1 } as unknown as Step;
  t.ok(resettable({ ...scenario, faults: [commit, commit] }, session), 'Git faults only');
  t.ok(resettable({ ...scenario, faults: [commit, patch, patch] }, session), 'cluster faults after the Git ones');
  t.ok(resettable({ ...scenario, faults: [patch] }, session), 'cluster faults only');
  t.notOk(resettable({ ...scenario, faults: [patch, commit] }, session), 'a cluster fault before a Git one');
  t.notOk(resettable({ ...scenario, faults: [commit] }, { ...session, live: { ...live, auditLog: undefined } } as unknown as Session), 'no audit log');
  t.notOk(resettable({ ...scenario, faults: [commit] }, { ...session, live: { ...live, recorder: { pid: 1, file: '/r' } } } as unknown as Session), 'a watch recorder');
  t.notOk(resettable({ ...scenario, faults: [commit] }, { ...session, deadline: '2026-12-03T12:00:00Z' } as unknown as Session), 'an exam');
  t.notOk(resettable({ ...scenario, faults: [commit] }, { ...session, live: undefined } as unknown as Session), 'offline');
});

t.test('restsAfterMs: workloads still moving rest after 6 s, after 12 s once an Argo Rollout is among them (its queue backs off up to 10 s)', async (t) => {
  t.equal(restsAfterMs([]), 6_000);
  t.equal(restsAfterMs([{ kind: 'Deployment' }]), 6_000);
  t.equal(restsAfterMs([{ kind: 'Deployment' }, { kind: 'Rollout' }]), 12_000);
  t.ok(restsAfterMs([{ kind: 'Rollout' }]) > 10_000, 'longer than the Rollout queue backoff ceiling');
});

// validate plays one phase after another in one process: an environment's last look at its rollouts (what moved,
// since when it stood still) carries over to its next settle, but only at the same head with no cluster step since.
t.test('stillnessAt: the last look carries over within validate, at the same head, until a cluster step', async (t) => {
  t.teardown(() => carryRestsBetweenSettles(false));
  const a = stillnessAt('r1', 'staging', 'h1');
  t.not(stillnessAt('r1', 'staging', 'h1'), a, 'off (a learner grade): every settle looks afresh');
  carryRestsBetweenSettles(true);
  const first = stillnessAt('r1', 'staging', 'h1');
  first.signature = '[["Rollout","payment-api",2,{"phase":"Degraded"}]]';
  first.since = 1000;
  t.equal(stillnessAt('r1', 'staging', 'h1'), first, 'same run, environment and head: the same look');
  t.not(stillnessAt('r1', 'prod', 'h1'), first, 'another environment looks for itself');
  t.not(stillnessAt('r2', 'staging', 'h1'), first, 'another run looks for itself');
  const moved = stillnessAt('r1', 'staging', 'h2');
  t.not(moved, first, 'a new head: afresh');
  t.not(stillnessAt('r1', 'staging', 'h1'), first, 'back at the earlier head (a reset): afresh, not the look from before');
  const again = stillnessAt('r1', 'staging', 'h1');
  changedByHand('r1');
  t.not(stillnessAt('r1', 'staging', 'h1'), again, 'a cluster step played in the run: afresh');
  const other = stillnessAt('r2', 'staging', 'h1');
  changedByHand('r1');
  t.equal(stillnessAt('r2', 'staging', 'h1'), other, "another run's step changes nothing here");
  carryRestsBetweenSettles(false);
  t.not(stillnessAt('r2', 'staging', 'h1'), other, 'switched off: afresh again');
});

t.test("restoreGit on a git server with its own storage: the server's refs and push log back as handed over, through its URL", async (t) => {
  const { dir } = scratch(t);
  const server = await ownStorageServer(t, dir);
  const store = labStore(server.record);
  const { scenario, dir: scenarioDir } = await loadScenario('wrong-selector');
  const runId = 'fee1ed';
  const repo = `wrong-selector-${runId}`;
  const credentials = newRunCredentials(runId);
  await store.create(repo, scenario.trackedBranch, credentials);
  const bareDir = store.bareDir(repo);
  const served = join(server.storage, `${repo}.git`);
  const lab = await createLabRepo({ scenario, scenarioDir, bareDir, repoURL: 'http://127.0.0.1:1/lab.git', origin: store.origin(repo)!, vars: labVars('http://127.0.0.1:1/lab.git', runId, environmentsFor(scenario, `-${runId}`), `-${runId}`) });
  const workspace = join(dir, 'ws');
  await cloneWorkspace(pushURL(server.record, repo, credentials.learner), workspace, lab.trackedBranch);
  const session = { bareDir, trackedBranch: lab.trackedBranch, live: { gitStateDir: server.stateDir } } as Session;
  await store.sync(repo);
  const seeded = await snapshotSeed(session);
  t.same(Object.keys(seeded.refs), [`refs/heads/${lab.trackedBranch}`]);
  await writeFile(join(workspace, 'NOTES.md'), 'played\n');
  await gitOut(workspace, ['add', 'NOTES.md']);
  await gitOut(workspace, ['commit', '-q', '-m', 'a phase played here']);
  await gitOut(workspace, ['tag', 'v1']);
  await gitOut(workspace, ['push', '-q', 'origin', `HEAD:${lab.trackedBranch}`, 'HEAD:refs/heads/side', 'v1']);
  t.not(await readFile(join(served, PUSH_LOG), 'utf8'), seeded.pushLog, 'the pushes were logged on the server');

  await restoreGit(session, workspace, seeded);
  t.same((await snapshotSeed({ bareDir: served } as Session)).refs, seeded.refs, "the server's refs as at hand-over: the branch and tag made since are deleted");
  t.equal(await readFile(join(served, PUSH_LOG), 'utf8'), seeded.pushLog, "the server's push log as at hand-over (the restoring push not in it)");
  t.same(await snapshotSeed(session), seeded, 'and the mirror, fetched again, the same');
  t.equal(await gitOut(workspace, ['rev-parse', 'HEAD']), lab.seedSha, 'the workspace is on the seed');
  t.match(await gitOut(workspace, ['remote', 'get-url', 'origin']), /^http:\/\/learner-fee1ed:[^@]+@127\.0\.0\.1:\d+\//, "cloned from the learner's URL");
});

t.test('podsNotReady: the ReplicaSet of a Rollout pod-template hash with fewer ready Pods than it wants', async (t) => {
  const rs = (hash: string, replicas: number | undefined, ready: number | undefined) =>
    ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `payment-api-${hash}`, labels: { 'rollouts-pod-template-hash': hash } }, spec: { ...(replicas !== undefined ? { replicas } : {}) }, status: { ...(ready !== undefined ? { readyReplicas: ready } : {}) } }) as KubeObject;
  const sets = [rs('97db4f58', 2, 1), rs('5c8d7f9b', 2, 2), rs('0000aaaa', 2, undefined), rs('1111bbbb', undefined, undefined)];
  t.equal(podsNotReady(sets, '97db4f58'), true, 'the preview ReplicaSet with 1 of 2 ready: still moving');
  t.equal(podsNotReady(sets, '5c8d7f9b'), false, '2 of 2');
  t.equal(podsNotReady(sets, '0000aaaa'), true, 'no ready count yet: none ready');
  t.equal(podsNotReady(sets, '1111bbbb'), false, 'scaled to nothing: nothing to wait for');
  t.equal(podsNotReady(sets, 'ffffffff'), false, 'no ReplicaSet of that hash');
  t.equal(podsNotReady(sets, undefined), false, 'a Rollout without a current hash');
});
