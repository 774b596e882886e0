/**
 * End-to-end: a class of three learners on a local cluster, once with real Argo CD and once with real Flux (issue
 * 12, item 3), as an instructor and the learners would run it. `class start` from a roster starts three sessions and writes their handouts; each
 * handout's credentials clone and push that learner's repository and neither clone nor push another learner's;
 * `class status --format json` shows each learner's pushes; `class grade --out` writes the bundles `report` turns
 * into the cohort report; `class down` ends the three sessions and the cluster holds what it held before the class.
 * The cluster's git server keeps its own storage (`up --git-storage own`): the harness reaches it only by its URL.
 * The cluster is brought up in t.before (no assertion at the top level) and torn down in t.teardown, also when an
 * assertion fails; a class still recorded then is ended first.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { parse, stringify } from 'yaml';
import { run } from '../../harness/exec.js';
import { createKubeClient, type KubeClient } from '../../harness/kube/client.js';
import { LocalProvider } from '../../harness/providers/local/provider.js';
import { chooseGitStorage, gitRootFor, ownStorageFor } from '../../harness/git/server-process.js';
import { clusterStateDir } from '../../harness/providers/state.js';
import { loadScenario } from '../../harness/scenario/load.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { reapWhenGone } from '../helpers/reaper.js';

const home = mkdtempSync(join(tmpdir(), 'gitops-lab-e2e-class-'));
// If this process is killed before its teardown (tap's timeout ends with SIGKILL), its clusters are downed anyway.
await reapWhenGone(home);
process.env['GITOPS_LAB_HOME'] = home;
const log = (line: string): void => {
  process.stderr.write(`# ${line}\n`);
};
const BIN = join(REPO_ROOT, 'dist/harness/cli/main.js');
const cli = (args: string[], timeoutMs = 120_000) =>
  run(process.execPath, [BIN, ...args], { cwd: home, env: { GITOPS_LAB_HOME: home, NO_COLOR: '1' }, allowFailure: true, timeoutMs });
const secs = (since: number): number => Math.round((performance.now() - since) / 1000);
const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
const learnerGit = (cwd: string, args: string[]) =>
  run('git', args, { cwd, env: { ...gitEnv, GIT_AUTHOR_NAME: 'L', GIT_AUTHOR_EMAIL: 'l@example.com', GIT_COMMITTER_NAME: 'L', GIT_COMMITTER_EMAIL: 'l@example.com' }, allowFailure: true, timeoutMs: 60_000 });

const local = new LocalProvider();
const NAME = 'e2e-class';
const SCENARIO = 'wrong-selector';
const LEARNERS = ['ann', 'ben', 'cy'] as const;

let kube: KubeClient;

/** Every object of these kinds, except inside run-id namespaces (`…-<6 hex>`); kinds the cluster does not serve are skipped. */
const SNAPSHOT_KINDS: readonly [string, string][] = [
  ['v1', 'Namespace'],
  ['argoproj.io/v1alpha1', 'Application'],
  ['argoproj.io/v1alpha1', 'AppProject'],
  ['kustomize.toolkit.fluxcd.io/v1', 'Kustomization'],
  ['source.toolkit.fluxcd.io/v1', 'GitRepository'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
  ['v1', 'ServiceAccount'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
];
const RUN_NS = /-[0-9a-f]{6}$/;
const served: [string, string][] = [];

async function snapshot(): Promise<Set<string>> {
  const out = new Set<string>();
  for (const [apiVersion, kind] of served) {
    for (const o of await kube.list(apiVersion, kind)) {
      if (o.metadata.deletionTimestamp) continue;
      const ns = o.metadata.namespace;
      if (ns && RUN_NS.test(ns)) continue;
      out.add(`${kind} ${ns ? `${ns}/` : ''}${o.metadata.name}`);
    }
  }
  return out;
}

/** Polls until the snapshot equals `want` (namespaces take a moment to finish terminating), or gives the last difference. */
async function settlesTo(want: Set<string>, timeoutMs = 120_000): Promise<{ added: string[]; removed: string[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await snapshot();
    const d = { added: [...now].filter((x) => !want.has(x)).sort(), removed: [...want].filter((x) => !now.has(x)).sort() };
    if ((d.added.length === 0 && d.removed.length === 0) || Date.now() > deadline) return d;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

let before: Set<string>;

t.before(async () => {
  const started = performance.now();
  const handle = await local.up({ name: NAME, controllers: 'all', nodes: 1, log });
  // As `up --git-storage own` does: the class's git server keeps its own storage, reached only through its URL, as a
  // server in a remote cluster is (status and grades read the harness's mirrors).
  await chooseGitStorage(clusterStateDir(NAME), 'own');
  log(`local up (argocd and flux) took ${secs(started)}s`);
  kube = createKubeClient(handle.kubeconfig);
  for (const [apiVersion, kind] of SNAPSHOT_KINDS) {
    const ok = await kube.list(apiVersion, kind).then(
      () => true,
      () => false,
    );
    if (ok) served.push([apiVersion, kind]);
    else log(`${kind} is not served on this cluster (${apiVersion}); left out of the snapshot`);
  }
  before = await snapshot();
});

const CLASSES = [
  { controller: 'argocd', id: 'monday' },
  { controller: 'flux', id: 'tuesday' },
] as const;

t.teardown(async () => {
  for (const { id } of CLASSES) {
    const folder = join(home, id);
    if (!existsSync(join(folder, 'class.json'))) continue;
    const r = await cli(['class', 'down', '--class', folder], 10 * 60_000);
    log(`teardown class down ${id}: exit ${r.exitCode}\n${r.stdout}${r.stderr.split('\n').slice(-10).join('\n')}`);
  }
  await local.down(NAME, log).catch((e: unknown) => log(`teardown local down: ${String(e)}`));
  rmSync(home, { recursive: true, force: true });
});

for (const { controller, id } of CLASSES) {
  t.test(`a class of three on ${controller}: start, handouts, status, grade, report, down`, async (t) => {
    const CLASS = join(home, id);
    const RESULTS = join(home, 'results', id);
    const { scenario } = await loadScenario(SCENARIO);
    const roster = join(home, 'roster.csv');
    writeFileSync(roster, 'learner,name,email\nann,Ann Ash,ann@example.com\nben,"Birch, Ben",\ncy,Cy,cy@example.org\n');

    // class start: three sessions, two at once.
    let started = performance.now();
    const start = await cli(['class', 'start', '--roster', roster, '--scenario', SCENARIO, '--controller', controller, '--cluster', NAME, '--out', CLASS, '--id', id, '--parallel', '2'], 20 * 60_000);
    const startSeconds = secs(started);
    log(`${controller}: class start of ${LEARNERS.length} learners (parallel 2) took ${startSeconds}s`);
    t.equal(start.exitCode, 0, start.stderr.split('\n').slice(-30).join('\n'));
    t.match(start.stdout, `3 of 3 session(s) started; the class record is ${CLASS}/class.json.`);
    const record = JSON.parse(readFileSync(join(CLASS, 'class.json'), 'utf8')) as { id: string; cluster: string; learners: { learner: string; state: string; runId: string; name?: string }[] };
    t.match(record, { id, cluster: NAME });
    t.same(record.learners.map((l) => [l.learner, l.state]), LEARNERS.map((l) => [l, 'started']));
    t.equal(record.learners[1]!.name, 'Birch, Ben');
    const runs = record.learners.map((l) => l.runId);
    t.equal(new Set(runs).size, 3, 'one run each');
    for (const runId of runs) t.ok(existsSync(join(home, 'sessions', runId, 'session.json')), `session ${runId} is recorded`);
    const served = readdirSync(ownStorageFor(clusterStateDir(NAME))).filter((d) => runs.some((r) => d.endsWith(`-${r}.git`)));
    t.equal(served.length, 3, "the class's repositories are in the git server's own storage");
    t.same(readdirSync(gitRootFor(clusterStateDir(NAME))).filter((d) => served.includes(d)).sort(), served.sort(), 'and the harness holds a mirror of each');

    // Each handout: the learner's own clone URL; it clones and pushes theirs, and neither clones nor pushes another's.
    const urls = new Map<string, string>();
    for (const l of LEARNERS) {
      const file = join(CLASS, 'handouts', `${l}.md`);
      t.equal(statSync(file).mode & 0o777, 0o600, `${l}'s handout is the instructor's to give (0600)`);
      const text = readFileSync(file, 'utf8');
      const url = /^git clone (\S+) wrong-selector$/m.exec(text)?.[1];
      t.ok(url, `${l}'s handout has a clone command`);
      urls.set(l, url!);
      t.match(text, 'INC-2307', 'the prompt');
      t.match(text, `Time limit: ${scenario.timeLimitMinutes} minutes, so aim to push by `, 'the time limit from timeLimitMinutes');
      t.match(text, `gitops-lab watch --workspace ${join(CLASS, 'workspaces', l)}`);
    }
    const clones = new Map<string, string>();
    for (const l of LEARNERS) {
      const dir = join(home, 'learners', id, l);
      const cloned = await learnerGit(home, ['clone', '-q', urls.get(l)!, dir]);
      t.equal(cloned.exitCode, 0, `${l} clones their repository with their handout: ${cloned.stderr}`);
      t.ok(existsSync(join(dir, 'apps/payment-api/overlays/staging/kustomization.yaml')), `${l}'s clone holds the lab`);
      clones.set(l, dir);
    }
    const pathOf = (u: string): string => new URL(u).pathname;
    const annOnBen = Object.assign(new URL(urls.get('ann')!), { pathname: pathOf(urls.get('ben')!) }).toString();
    const cyOnAnn = Object.assign(new URL(urls.get('cy')!), { pathname: pathOf(urls.get('ann')!) }).toString();
    const probe = await learnerGit(home, ['clone', '-q', annOnBen, join(home, `probe-${id}-1`)]);
    t.not(probe.exitCode, 0, `ann's credentials do not clone ben's repository: ${probe.stderr.trim()}`);
    t.not((await learnerGit(home, ['clone', '-q', cyOnAnn, join(home, `probe-${id}-2`)])).exitCode, 0, "cy's credentials do not clone ann's repository");
    const pushOther = await learnerGit(clones.get('ann')!, ['push', annOnBen, 'HEAD:refs/heads/main', '--force']);
    t.not(pushOther.exitCode, 0, `ann's credentials do not push to ben's repository: ${pushOther.stderr.trim()}`);

    // Ann fixes the selector in the staging overlay (as the reference solution does) and pushes from her clone; cy
    // pushes an unrelated commit; ben pushes nothing.
    const ann = clones.get('ann')!;
    const overlay = join(ann, 'apps/payment-api/overlays/staging');
    writeFileSync(join(overlay, 'service-selector.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: payment-api\nspec:\n  selector:\n    tier: api\n');
    const kustomization = parse(readFileSync(join(overlay, 'kustomization.yaml'), 'utf8')) as { patches?: { path: string }[] };
    kustomization.patches = [...(kustomization.patches ?? []), { path: 'service-selector.yaml' }];
    writeFileSync(join(overlay, 'kustomization.yaml'), stringify(kustomization));
    t.equal((await learnerGit(ann, ['add', '-A'])).exitCode, 0);
    t.equal((await learnerGit(ann, ['commit', '-qm', 'payment-api: select tier=api Pods in the staging Service'])).exitCode, 0);
    const pushed = await learnerGit(ann, ['push', '-q', 'origin', 'HEAD:main']);
    t.equal(pushed.exitCode, 0, `ann pushes to her repository: ${pushed.stderr}`);
    const annHead = (await learnerGit(ann, ['rev-parse', 'HEAD'])).stdout.trim();
    const cy = clones.get('cy')!;
    writeFileSync(join(cy, 'NOTES.md'), 'reading the incident\n');
    await learnerGit(cy, ['add', '-A']);
    await learnerGit(cy, ['commit', '-qm', 'notes']);
    t.equal((await learnerGit(cy, ['push', '-q', 'origin', 'HEAD:main'])).exitCode, 0, 'cy pushes to hers');

    // class status: pushes per learner, no grade yet; it reads files, so it is quick.
    started = performance.now();
    const status = await cli(['class', 'status', '--class', CLASS, '--format', 'json']);
    log(`${controller}: class status took ${secs(started)}s`);
    t.equal(status.exitCode, 0, status.stderr);
    const st = JSON.parse(status.stdout) as { kind: string; learners: { learner: string; pushes: number; lastPush: { sha: string } | null; grade: unknown }[] };
    t.equal(st.kind, 'gitops-lab/class-status');
    t.match(st.learners, [
      { learner: 'ann', pushes: 1, lastPush: { sha: annHead }, grade: null },
      { learner: 'ben', pushes: 0, lastPush: null, grade: null },
      { learner: 'cy', pushes: 1, grade: null },
    ]);

    // class grade: every learner, two at once, into bundles; then the cohort report.
    started = performance.now();
    const graded = await cli(['class', 'grade', '--class', CLASS, '--out', RESULTS, '--parallel', '2'], 20 * 60_000);
    log(`${controller}: class grade of ${LEARNERS.length} learners (parallel 2) took ${secs(started)}s`);
    t.equal(graded.exitCode, 1, `graded; some have failing checks: ${graded.stdout}${graded.stderr.split('\n').slice(-20).join('\n')}`);
    t.match(graded.stdout, `3 of 3 learner(s) graded into ${RESULTS}`);
    const results = LEARNERS.map((l) => JSON.parse(readFileSync(join(RESULTS, l, SCENARIO, 'result.json'), 'utf8')) as { learner: string; scope: string; score: number; maxScore: number; headSha: string; checks: { boundary: string; status: string }[] });
    for (const [i, r] of results.entries()) {
      t.equal(r.learner, LEARNERS[i], `${LEARNERS[i]}'s bundle is theirs`);
      t.equal(r.scope, 'live', 'a live grade');
      t.ok(r.checks.some((c) => c.boundary === 'live' && c.status !== 'skipped'), 'the live boundary was graded');
      t.ok(existsSync(join(RESULTS, LEARNERS[i]!, SCENARIO, 'seal.json')), 'sealed, as grade --out seals');
    }
    t.equal(results[0]!.headSha, annHead, "ann's grade is of her push");
    t.ok(results[0]!.score > 0, `ann's fix earns points (${results[0]!.score}/${results[0]!.maxScore})`);
    t.equal(results[1]!.score, 0, "ben's untouched seed scores 0");
    const report = await cli(['report', RESULTS]);
    t.equal(report.exitCode, 0, report.stderr);
    for (const l of LEARNERS) t.match(report.stdout, l, `the cohort report has ${l}`);
    const html = await cli(['report', RESULTS, '--format', 'html', '--output', join(home, `${id}.html`)]);
    t.equal(html.exitCode, 0, html.stderr);
    const after = JSON.parse((await cli(['class', 'status', '--class', CLASS, '--format', 'json'])).stdout) as { learners: { grade: { current: boolean; score: number } | null }[] };
    t.match(after.learners, results.map((r) => ({ grade: { current: true, score: r.score } })), 'status shows the grades class grade recorded');

    // class down: the three sessions end, the record goes, and the cluster holds what it held before the class.
    started = performance.now();
    const down = await cli(['class', 'down', '--class', CLASS], 10 * 60_000);
    log(`${controller}: class down took ${secs(started)}s`);
    t.equal(down.exitCode, 0, down.stderr);
    t.notOk(existsSync(join(CLASS, 'class.json')), 'the class record is gone');
    for (const runId of runs) t.notOk(existsSync(join(home, 'sessions', runId)), `session ${runId} is gone`);
    t.not((await learnerGit(home, ['ls-remote', urls.get('ann')!])).exitCode, 0, "ann's repository is gone from the git server");
    t.same(await settlesTo(before), { added: [], removed: [] }, 'the cluster holds what it held before the class');
    t.ok(existsSync(join(RESULTS, 'ann', SCENARIO, 'result.json')), 'the results stay');
    t.equal((await local.status(NAME)).state, 'running', 'the cluster still runs');
  });
}
