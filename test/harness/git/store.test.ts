import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import t from 'tap';
import { ACCESS_FILE, newRunCredentials, withCredential } from '../../../harness/git/access.js';
import { gitOut, git } from '../../../harness/git/git.js';
import { branchHeads, cloneWorkspace, createLabRepo } from '../../../harness/git/lab-repo.js';
import { PUSH_LOG, readPushLog } from '../../../harness/git/push-log.js';
import { pushURL } from '../../../harness/git/server-process.js';
import { labStore, repoOf, sessionStore } from '../../../harness/git/store.js';
import { environmentsFor, labVars } from '../../../harness/runner/start.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { scratch } from '../../helpers/cli.js';
import { ownStorageServer } from '../../helpers/own-storage.js';

const RUN = 'c0ffee';

async function seeded(t: Tap.Test) {
  const { dir } = scratch(t);
  const server = await ownStorageServer(t, dir);
  const store = labStore(server.record);
  const { scenario, dir: scenarioDir } = await loadScenario('wrong-selector');
  const repo = `wrong-selector-${RUN}`;
  const credentials = newRunCredentials(RUN);
  await store.create(repo, scenario.trackedBranch, credentials);
  const repoURL = withCredential(`${server.record.url}/${repo}.git`, credentials.reader);
  const origin = store.origin(repo)!;
  const lab = await createLabRepo({ scenario, scenarioDir, bareDir: store.bareDir(repo), repoURL, origin, vars: labVars(repoURL, RUN, environmentsFor(scenario, `-${RUN}`), `-${RUN}`) });
  const workspace = join(dir, 'ws');
  await cloneWorkspace(pushURL(server.record, repo, credentials.learner), workspace, lab.trackedBranch);
  return { dir, server, store, repo, lab, credentials, workspace, served: join(server.storage, `${repo}.git`) };
}

async function commitAndPush(workspace: string, file: string, branch: string): Promise<string> {
  await writeFile(join(workspace, file), `${file}\n`);
  await gitOut(workspace, ['add', file]);
  await gitOut(workspace, ['commit', '-q', '-m', `add ${file}`]);
  await git(workspace, ['push', '-q', 'origin', `HEAD:${branch}`]);
  return gitOut(workspace, ['rev-parse', 'HEAD']);
}

t.test('own storage: the server makes the repository with its grants and hooks; the harness seeds it through the URL and reads a mirror', async (t) => {
  const { store, repo, lab, served, server } = await seeded(t);
  t.ok(store.ownStorage);
  t.not(store.bareDir(repo), served, 'the harness reads a directory of its own');
  t.ok(store.bareDir(repo).startsWith(server.record.root), 'its mirror, under the record root');
  t.ok(existsSync(join(served, ACCESS_FILE)), 'the server wrote the grants');
  t.match(await gitOut(served, ['config', 'core.hooksPath']), /hooks$/, 'and installed the hooks');
  t.same(await branchHeads(served), lab.seedBranches, "the seed's branches are on the server");
  t.same(await branchHeads(store.bareDir(repo)), lab.seedBranches, 'and in the mirror');
  t.notOk(existsSync(join(store.bareDir(repo), ACCESS_FILE)), 'the mirror holds no grants');
  t.equal(repoOf(store.bareDir(repo)), repo);
});

t.test("own storage: a learner's push reaches the mirror (refs and the server's push log) only at a sync", async (t) => {
  const { store, repo, lab, workspace } = await seeded(t);
  const sha = await commitAndPush(workspace, 'fix.txt', lab.trackedBranch);
  t.equal((await branchHeads(store.bareDir(repo)))[lab.trackedBranch], lab.seedSha, 'before the sync the mirror has the seed');
  await store.sync(repo);
  t.equal((await branchHeads(store.bareDir(repo)))[lab.trackedBranch], sha, 'after it, the push');
  const pushes = (await readPushLog(store.bareDir(repo), lab.trackedBranch))!;
  t.equal(pushes.at(-1)?.sha, sha, "the push log is the server's, with the push in it");
  const mtime = readFileSync(join(store.bareDir(repo), PUSH_LOG), 'utf8');
  await store.sync(repo);
  t.equal(readFileSync(join(store.bareDir(repo), PUSH_LOG), 'utf8'), mtime);
  // A branch deleted on the server goes from the mirror too.
  await git(workspace, ['push', '-q', 'origin', 'HEAD:refs/heads/side']);
  await store.sync(repo);
  t.ok((await branchHeads(store.bareDir(repo)))['side']);
  await git(workspace, ['push', '-q', 'origin', ':refs/heads/side']);
  await store.sync(repo);
  t.notOk((await branchHeads(store.bareDir(repo)))['side'], 'pruned');
});

t.test('own storage: a deadline closes the repository on the server; the push log can be replaced; remove leaves nothing', async (t) => {
  const { store, repo, lab, workspace, served } = await seeded(t);
  await store.closeAt(repo, new Date(Date.now() - 1000).toISOString());
  await writeFile(join(workspace, 'late.txt'), 'late\n');
  await gitOut(workspace, ['add', 'late.txt']);
  await gitOut(workspace, ['commit', '-q', '-m', 'late']);
  const late = await git(workspace, ['push', 'origin', `HEAD:${lab.trackedBranch}`], { allowFailure: true });
  t.not(late.exitCode, 0, 'a push after the deadline is refused by the server');
  t.match(late.stderr, /the exam ended/);
  await store.writePushLog(repo, '');
  t.equal(readFileSync(join(served, PUSH_LOG), 'utf8'), '');
  await store.writePushLog(repo, undefined);
  t.notOk(existsSync(join(served, PUSH_LOG)));
  await t.rejects(store.writePushLog(repo, 'not a push line\n'), /refused PUT .* 400 line 1 is not a push log line/);
  await store.remove(repo);
  t.notOk(existsSync(served), 'gone from the server');
  t.notOk(existsSync(store.bareDir(repo)), 'and the mirror');
  await store.remove(repo); // twice: nothing left to remove is not an error
});

t.test('sessionStore: a live session on a cluster whose server keeps its own storage gets that store; an offline one the shared kind', async (t) => {
  const { store, repo, server } = await seeded(t);
  const live = sessionStore({ bareDir: store.bareDir(repo), live: { gitStateDir: server.stateDir } });
  t.ok(live.ownStorage);
  t.notOk(sessionStore({ bareDir: store.bareDir(repo) }).ownStorage, 'offline');
  t.notOk(sessionStore({ bareDir: '/elsewhere/x.git', live: { gitStateDir: server.stateDir } }).ownStorage, 'a repository outside the record root is not that server\'s');
  t.same(readdirSync(server.record.root), [`${repo}.git`]);
});
