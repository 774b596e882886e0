/**
 * End-to-end: the existing provider pointed at a cluster started by the local provider (Argo CD, Flux, Argo
 * Rollouts), as a user would point it at a remote one (the local provider's kubeconfig has one context).
 * Acceptance of issue 5: `up --provider existing --context C`, then `validate` passes with nothing left outside
 * its run-id namespaces; four learners' sessions started at once get disjoint run-id namespaces and
 * registrations, and everything they create outside those namespaces is traceable to their run; `down` removes
 * exactly that, and the cluster's own objects and the local cluster stay.
 * The cluster is set up in t.before (no assertion at the top level, so the root test cannot end before its
 * subtests exist); everything started here is torn down in t.teardown, also when an assertion fails.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../harness/exec.js';
import { LabError } from '../../harness/errors.js';
import { createKubeClient, type KubeClient, type KubeObject } from '../../harness/kube/client.js';
import { contextNames } from '../../harness/providers/existing/kubeconfig.js';
import { ExistingProvider } from '../../harness/providers/existing/provider.js';
import { LocalProvider } from '../../harness/providers/local/provider.js';
import { waitFor } from '../../harness/supervisor.js';
import { REPO_ROOT, sessionRecord } from '../helpers/cli.js';
import { reapWhenGone } from '../helpers/reaper.js';

const home = mkdtempSync(join(tmpdir(), 'gitops-lab-e2e-existing-'));
// If this process is killed before its teardown (tap's timeout ends with SIGKILL), its clusters are downed anyway.
await reapWhenGone(home);
process.env['GITOPS_LAB_HOME'] = home;
const log = (line: string): void => {
  process.stderr.write(`# ${line}\n`);
};
const BIN = join(REPO_ROOT, 'dist/harness/cli/main.js');
const cli = (args: string[], timeoutMs = 120_000) =>
  run(process.execPath, [BIN, ...args], { cwd: home, env: { GITOPS_LAB_HOME: home, NO_COLOR: '1' }, allowFailure: true, timeoutMs });
const secs = (since: number): string => `${((performance.now() - since) / 1000).toFixed(0)}s`;

const local = new LocalProvider();
const existing = new ExistingProvider();
const BASE = 'ex-base';
const REMOTE = 'ex-remote';
const SCENARIO = 'wrong-selector';
const FM = 'gitops-lab-e2e';
const RUN = 'gitops-lab.dev/run';
/** Recorder processes of the sessions started here (stopped in teardown if `down` left any). */
const recorderPids: number[] = [];

let kube: KubeClient;
let kubeconfig: string;
let context: string;

/** Every object of these kinds, wherever it is, except inside run-id namespaces (`…-<6 hex>`). */
const SNAPSHOT_KINDS: readonly [string, string][] = [
  ['v1', 'Namespace'],
  ['apiextensions.k8s.io/v1', 'CustomResourceDefinition'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
  ['v1', 'ServiceAccount'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'Service'],
  ['apps/v1', 'Deployment'],
  ['argoproj.io/v1alpha1', 'Application'],
  ['argoproj.io/v1alpha1', 'AppProject'],
  ['argoproj.io/v1alpha1', 'Rollout'],
  ['argoproj.io/v1alpha1', 'AnalysisTemplate'],
  ['kustomize.toolkit.fluxcd.io/v1', 'Kustomization'],
  ['source.toolkit.fluxcd.io/v1', 'GitRepository'],
];
const RUN_NS = /-[0-9a-f]{6}$/;

interface Entry {
  readonly id: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly runLabel: string | undefined;
}

async function snapshot(): Promise<Map<string, Entry>> {
  const out = new Map<string, Entry>();
  for (const [apiVersion, kind] of SNAPSHOT_KINDS) {
    for (const o of await kube.list(apiVersion, kind)) {
      if (o.metadata.deletionTimestamp) continue;
      const ns = o.metadata.namespace;
      if (ns && RUN_NS.test(ns)) continue;
      const id = `${kind} ${ns ? `${ns}/` : ''}${o.metadata.name}`;
      out.set(id, { id, name: o.metadata.name!, namespace: ns, runLabel: o.metadata.labels?.[RUN] });
    }
  }
  return out;
}

const diff = (a: Map<string, Entry>, b: Map<string, Entry>) => ({
  added: [...b.values()].filter((e) => !a.has(e.id)),
  removed: [...a.keys()].filter((k) => !b.has(k)),
});

/** Polls until the snapshot equals `want` (namespaces take a moment to finish terminating), or gives the last diff. */
async function settlesTo(want: Map<string, Entry>, timeoutMs = 90_000): Promise<{ added: string[]; removed: string[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = diff(want, await snapshot());
    if ((d.added.length === 0 && d.removed.length === 0) || Date.now() > deadline) return { added: d.added.map((e) => e.id), removed: d.removed };
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const app = (name: string, labels: Record<string, string>, ns: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: 'argocd', labels },
  spec: { project: 'default', source: { repoURL: 'http://127.0.0.1:9/none.git', targetRevision: 'main', path: '.' }, destination: { server: 'https://kubernetes.default.svc', namespace: ns } },
});

let before: Map<string, Entry>;

t.before(async () => {
  const started = performance.now();
  const handle = await local.up({ name: BASE, controllers: 'all', nodes: 1, log });
  log(`local up (controllers all) took ${secs(started)}`);
  kubeconfig = handle.kubeconfig;
  kube = createKubeClient(kubeconfig);
  const contexts = contextNames(readFileSync(kubeconfig, 'utf8'));
  if (contexts.length !== 1) throw new Error(`the local kubeconfig has ${contexts.length} contexts`);
  context = contexts[0]!;
  // The cluster's own objects, which gitops-lab must never touch: one of them even carries a run label of a run
  // that is not ours, and one a name that ends like a run id.
  await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-keep', labels: { team: 'keep' } } }, { fieldManager: FM });
  await kube.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'team-keep' }, data: { a: '1' } }, { fieldManager: FM });
  await kube.apply(app('team-app', { team: 'keep' }, 'team-keep'), { fieldManager: FM });
  await kube.apply(app('someone-else-root-0badc0', { [RUN]: '0badc0' }, 'team-keep'), { fieldManager: FM });
  await kube.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other-lab-0badc0', labels: { [RUN]: '0badc0' } } }, { fieldManager: FM });
  before = await snapshot();
});

t.teardown(async () => {
  // The apiserver's and etcd's last words are the first thing to read when something failed.
  const logs = join(home, 'clusters', BASE, 'kwok', 'clusters', BASE, 'logs');
  for (const f of ['kube-apiserver.log', 'etcd.log']) {
    if (existsSync(join(logs, f))) log(`${f} tail:\n${readFileSync(join(logs, f), 'utf8').split('\n').slice(-15).join('\n')}`);
  }
  await existing.down(REMOTE, log).catch((e: unknown) => log(`teardown existing down: ${String(e)}`));
  for (const pid of recorderPids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // gone already
    }
  }
  await local.down(BASE, log).catch((e: unknown) => log(`teardown local down: ${String(e)}`));
  rmSync(home, { recursive: true, force: true });
});

t.test('up refuses a context the kubeconfig does not have, and --install-controllers with another provider', async (t) => {
  // (Missing CRDs cannot be shown here: this cluster has every controller. test/harness/providers/existing/ covers it.)
  const error = await existing.up({ name: REMOTE, controllers: 'all', context: 'no-such-context', kubeconfig }).then(
    () => undefined,
    (e: unknown) => e,
  );
  t.ok(error instanceof LabError, 'a LabError');
  t.equal((error as LabError).code, 'USAGE');
  t.ok((error as LabError).suggestion?.includes(context), 'names the contexts there are');
  t.notOk(existsSync(join(home, 'clusters', REMOTE)), 'nothing recorded');
  const r = await cli(['up', '--provider', 'local', '--install-controllers', '--name', 'x']);
  t.equal(r.exitCode, 2, '--install-controllers is for existing only');
  t.match(r.stderr, /--install-controllers is for --provider existing/);
});

t.test('up --provider existing with the local cluster context; status says running', async (t) => {
  const started = performance.now();
  const r = await cli(['up', '--provider', 'existing', '--context', context, '--kubeconfig', kubeconfig, '--controller', 'all', '--name', REMOTE]);
  log(`up --provider existing took ${secs(started)}`);
  t.equal(r.exitCode, 0, r.stderr);
  const state = JSON.parse(readFileSync(join(home, 'clusters', REMOTE, 'state.json'), 'utf8')) as { provider: string; context: string; sourceKubeconfig: string; kubeconfig: string; controllers: string[]; installed?: unknown };
  t.equal(state.provider, 'existing');
  t.equal(state.context, context);
  t.equal(state.sourceKubeconfig, kubeconfig);
  t.same(state.controllers, ['argocd', 'flux', 'rollouts']);
  t.notOk(state.installed, 'nothing installed: the controllers were there');
  t.equal(createKubeClient(state.kubeconfig).server, kube.server, 'the recorded kubeconfig reaches the same apiserver');
  const st = await cli(['status', '--name', REMOTE]);
  t.equal(st.exitCode, 0, st.stdout);
  t.match(st.stdout, new RegExp(`cluster ${REMOTE} \\(existing\\): running`));
  t.same(diff(before, await snapshot()), { added: [], removed: [] }, 'up created nothing on the cluster');
});

t.test(`validate ${SCENARIO} on the existing cluster, both controllers at once: passes, and leaves nothing behind`, async (t) => {
  const started = performance.now();
  // One retry, as the bank's e2e allows (controllers under load). The sessions record changes by watch: each
  // watch resumes from the last version seen, so a person's patch the controller reverts while a watch is being
  // reopened is still the person's (that was lost before, and this run failed every time with both controllers in
  // parallel). A retry is reported.
  const r = await cli(['validate', SCENARIO, '--cluster', REMOTE, '--parallel', '2', '--retries-on-failure', '1', '--format', 'json'], 30 * 60_000);
  log(`validate ${SCENARIO} (argocd and flux in parallel) took ${secs(started)}`);
  const lines = r.stderr.split('\n');
  t.ok(lines.some((l) => /recording changes by watch/.test(l)), 'the sessions recorded changes with the watch recorder (no audit log on existing)');
  const report = JSON.parse(r.stdout || '{}') as { status?: string; runs?: { scenario: string; controller: string; status: string; attempts?: number; failingChecks: string[] }[] };
  for (const x of report.runs ?? []) if ((x.attempts ?? 1) > 1) t.comment(`RETRIED: ${x.scenario} (${x.controller}) ${x.status === 'pass' ? 'passed' : 'still failed'} on attempt ${x.attempts}: ${lines.filter((l) => l.includes(`[${x.scenario}/${x.controller}]`) && /retry|FAIL|fail/.test(l)).join(' | ')}`);
  t.same((report.runs ?? []).map((x) => x.controller).sort(), ['argocd', 'flux']);
  for (const x of report.runs ?? []) t.equal(x.status, 'pass', `${x.scenario} (${x.controller}) ${x.failingChecks.join('; ')}`);
  if (r.exitCode !== 0) log(`validate stderr tail:\n${lines.slice(-30).join('\n')}`);
  t.equal(r.exitCode, 0, 'validate exits 0');
  // Every session validate ran (faults, solution, each wrong solution, per controller) is in the ledger, once.
  const sessions = lines.filter((l) => /lab repository http:\/\/127\.0\.0\.1:\d+\/wrong-selector-[0-9a-f]{6}\.git/.test(l)).length;
  const runs = existing.runs(REMOTE);
  t.ok(sessions >= 2, `${sessions} sessions`);
  t.equal(runs.length, sessions, 'every session of validate recorded its run before it created anything');
  t.equal(new Set(runs.map((x) => x.runId)).size, runs.length, 'each run once');
  t.same(await settlesTo(before), { added: [], removed: [] }, 'after validate the cluster holds what it held before');
});

t.test('learners: disjoint run-id namespaces and registrations; everything outside them is traceable to its run; down removes exactly that', async (t) => {
  // alice and bob: the same scenario on Argo CD. carol and dave: a scenario whose Git adds an AppProject (Argo
  // CD), a ServiceAccount in flux-system and cluster RBAC (Flux), all named after the run, outside its namespaces.
  const learners = [
    { learner: 'alice', scenario: SCENARIO, controller: 'argocd' },
    { learner: 'bob', scenario: SCENARIO, controller: 'argocd' },
    { learner: 'carol', scenario: 'destination-denied', controller: 'argocd' },
    { learner: 'dave', scenario: 'destination-denied', controller: 'flux' },
  ];
  const ws = learners.map((l) => ({ ...l, dir: mkdtempSync(join(tmpdir(), `gitops-lab-e2e-ws-${l.learner}-`)) }));
  t.teardown(() => ws.forEach((w) => rmSync(w.dir, { recursive: true, force: true })));
  const started = performance.now();
  // Four processes at once: the ledger must keep every run.
  const results = await Promise.all(
    ws.map((w) => cli(['start', w.scenario, '--workspace', w.dir, '--cluster', REMOTE, '--controller', w.controller, '--learner', w.learner], 10 * 60_000)),
  );
  log(`${ws.length} sessions started in parallel in ${secs(started)}`);
  const sessions = ws.map((w) => sessionRecord(home, w.dir) as {
    runId: string;
    learner?: string;
    environments: Record<string, { namespace: string }>;
    live?: { recorder?: { pid: number } };
  });
  for (const s of sessions) if (s.live?.recorder) recorderPids.push(s.live.recorder.pid);
  results.forEach((r, i) => t.equal(r.exitCode, 0, `${ws[i]!.learner}: ${r.stderr.split('\n').slice(-15).join('\n')}`));
  const [a, b, c, d4] = sessions as [(typeof sessions)[0], (typeof sessions)[0], (typeof sessions)[0], (typeof sessions)[0]];
  t.same(sessions.map((x) => x.learner), ws.map((w) => w.learner), 'each session is its learner\'s');
  t.equal(new Set(sessions.map((x) => x.runId)).size, sessions.length, 'distinct run ids');
  const nsOf = sessions.map((x) => Object.values(x.environments).map((e) => e.namespace));
  t.ok(sessions.every((x, i) => nsOf[i]!.every((n) => n.endsWith(`-${x.runId}`))), 'every namespace carries its run id');
  const allNs = nsOf.flat();
  t.equal(new Set(allNs).size, allNs.length, 'no namespace is shared between sessions');
  t.same(existing.runs(REMOTE).slice(-4).map((x) => x.runId).sort(), sessions.map((x) => x.runId).sort(), 'every parallel run is in the ledger');

  // Each session's git credentials open only its own lab repository (issue 12): alice's push URL, pointed at bob's
  // repository, can neither push nor clone; nobody reads bob's anonymously; alice's own repository takes her push.
  const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' };
  const originOf = async (dir: string): Promise<string> => (await run('git', ['remote', 'get-url', 'origin'], { cwd: dir, env: gitEnv })).stdout.trim();
  const [aliceURL, bobURL] = [await originOf(ws[0]!.dir), await originOf(ws[1]!.dir)];
  const bobRepo = new URL(bobURL).pathname;
  const aliceOnBob = Object.assign(new URL(aliceURL), { pathname: bobRepo }).toString();
  const anonBob = Object.assign(new URL(bobURL), { username: '', password: '' }).toString();
  const tryGit = (args: string[]) => run('git', args, { cwd: ws[0]!.dir, env: gitEnv, allowFailure: true, timeoutMs: 30_000 });
  const pushed = await tryGit(['push', aliceOnBob, 'HEAD:refs/heads/main', '--force']);
  t.not(pushed.exitCode, 0, `alice's credentials do not push to bob's repository: ${pushed.stderr.trim()}`);
  t.not((await tryGit(['ls-remote', aliceOnBob])).exitCode, 0, "alice's credentials do not read bob's repository");
  t.not((await tryGit(['clone', '-q', anonBob, join(home, 'anon-probe')])).exitCode, 0, "bob's repository is not readable anonymously");
  t.equal((await tryGit(['push', '-q', 'origin', 'HEAD:refs/heads/alice-probe'])).exitCode, 0, "alice's credentials push to her own repository");

  const during = await snapshot();
  const d = diff(before, during);
  t.same(d.removed, [], 'nothing of the cluster was removed');
  const ofRun = (e: Entry, runId: string): boolean => e.runLabel === runId || e.name.endsWith(`-${runId}`);
  const untraced = d.added.filter((e) => !sessions.some((x) => ofRun(e, x.runId)));
  t.same(untraced.map((e) => e.id), [], 'every new object outside the run-id namespaces is labelled with, or named after, one of the runs');
  const addedBy = (s: { runId: string }): string[] => d.added.filter((e) => ofRun(e, s.runId)).map((e) => e.id);
  sessions.forEach((x, i) => log(`${ws[i]!.learner}'s run ${x.runId} (${ws[i]!.scenario}, ${ws[i]!.controller}) created outside its namespaces: ${addedBy(x).join(', ')}`));
  const addedA = addedBy(a);
  const addedB = addedBy(b);
  t.ok(addedBy(c).some((x) => x === `AppProject argocd/payments-${c.runId}`), "carol's AppProject exists");
  // Dave's deployer ServiceAccount and its RBAC live in his staging namespace now (Flux tenancy): outside his
  // namespaces there is only what the harness made for his run, the root's ServiceAccount and his run's roles.
  t.ok(addedBy(d4).some((x) => x === `ServiceAccount flux-system/lab-root-${d4.runId}`), "dave's root ServiceAccount exists");
  t.ok(addedBy(d4).some((x) => x === `ClusterRole lab-${d4.runId}-tenant`), "dave's run role exists");
  t.notOk(addedBy(d4).some((x) => x.startsWith('ClusterRoleBinding ') && x !== `ClusterRoleBinding lab-${d4.runId}-namespaces`), 'no cluster-wide binding beyond his namespaces one');
  t.ok(addedA.some((x) => x.startsWith('Application argocd/')), "alice's registrations exist");
  t.same(addedA.map((x) => x.replace(a.runId, 'RUN')).sort(), addedB.map((x) => x.replace(b.runId, 'RUN')).sort(), 'the two runs created the same shape, each under its own id');
  for (const s of sessions) {
    const live = Object.values(s.environments).map((e) => e.namespace).filter((n) => during.has(`Namespace ${n}`));
    t.ok(live.length > 0, `run ${s.runId} has live namespaces (${live.join(', ')})`);
    const apps = await kube.list('argoproj.io/v1alpha1', 'Application', { namespace: 'argocd' });
    for (const ap of apps.filter((x) => x.metadata.name!.endsWith(`-${s.runId}`))) {
      const dest = (ap['spec'] as { destination?: { namespace?: string } }).destination?.namespace ?? '';
      t.ok(dest === 'argocd' || dest.endsWith(`-${s.runId}`), `${ap.metadata.name} deploys into its own run's namespaces (${dest})`);
    }
  }

  // Tenancy by the controller (issue 12). Alice commits into her staging registration folder a ConfigMap for
  // kube-system and a ClusterRoleBinding: her root's AppProject refuses both (Argo CD's message, at the sync
  // boundary of her grade). Then two Applications: one into bob's namespace, one into kube-system through the
  // default project: her run's AppProject and the locked default project refuse them. Nothing is created.
  const reg = join(ws[0]!.dir, 'platform/clusters/staging/argocd');
  const aliceRepoURL = /repoURL: (\S+)/.exec(readFileSync(join(reg, 'payment-api.yaml'), 'utf8'))![1]!;
  const bobStaging = b.environments['staging']!.namespace;
  const app = (name: string, project: string, namespace: string) =>
    `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ${name}-${a.runId}\n  namespace: argocd\nspec:\n  project: ${project}\n  source:\n    repoURL: ${aliceRepoURL}\n    targetRevision: main\n    path: apps/payment-api/overlays/staging\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: ${namespace}\n  syncPolicy:\n    automated: {}\n`;
  writeFileSync(join(reg, 'escape.yaml'), [
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: escape-${a.runId}\n  namespace: kube-system\ndata:\n  owned: "yes"\n`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: escape-${a.runId}\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - kind: ServiceAccount\n    name: default\n    namespace: ${a.environments['staging']!.namespace}\n`,
  ].join('---\n'));
  const aliceGit = (args: string[]) => run('git', args, { cwd: ws[0]!.dir, env: { ...gitEnv, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x' }, timeoutMs: 30_000 });
  await aliceGit(['add', '-A']);
  await aliceGit(['commit', '-qm', 'platform: staging extras']);
  await aliceGit(['push', '-q', 'origin', 'HEAD:main']);
  const escapeGraded = await cli(['grade', '--workspace', ws[0]!.dir, '--format', 'json'], 5 * 60_000);
  const escapeResult = JSON.parse(escapeGraded.stdout) as { checks: { name: string; boundary: string; status: string; message: string }[] };
  const syncFailures = escapeResult.checks.filter((c) => c.boundary === 'sync' && c.status === 'fail');
  log(`alice's sync checks after the escape push: ${JSON.stringify(syncFailures)}`);
  // (Her first failure is at the git boundary: files outside the paths the scenario allows. The sync boundary says
  // what the controller did with them.)
  t.ok(syncFailures.some((c) => /not permitted in project lab-root-/.test(c.message)), "the sync boundary quotes Argo CD's refusal");
  t.notOk(await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'kube-system', name: `escape-${a.runId}` }), 'no ConfigMap in kube-system');
  t.notOk(await kube.get({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: `escape-${a.runId}` }), 'no ClusterRoleBinding');

  // An Application in the default project, and one named after bob's registration (which alice's root would take
  // over): the cluster's run policy refuses both before Argo CD can create them (controllers/argocd.ts).
  unlinkSync(join(reg, 'escape.yaml'));
  const bobRegistration = `payment-api-staging-${b.runId}`;
  writeFileSync(join(reg, 'escape-apps.yaml'), [app('escape-default', 'default', 'kube-system'), app('payment-api-staging', `lab-${a.runId}`, bobStaging).replace(`payment-api-staging-${a.runId}`, bobRegistration)].join('---\n'));
  await aliceGit(['add', '-A']);
  await aliceGit(['commit', '-qm', 'platform: two more Applications']);
  await aliceGit(['push', '-q', 'origin', 'HEAD:main']);
  const bobBefore = await kube.get({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', namespace: 'argocd', name: bobRegistration });
  const policyGraded = JSON.parse((await cli(['grade', '--workspace', ws[0]!.dir, '--format', 'json'], 5 * 60_000)).stdout) as { checks: { boundary: string; status: string; message: string; actual: string }[] };
  const policySync = policyGraded.checks.filter((c) => c.boundary === 'sync' && c.status === 'fail');
  log(`alice's sync checks after the policy push: ${JSON.stringify(policySync)}`);
  t.ok(policySync.some((c) => /gitops-lab-run-applications/.test(`${c.message} ${c.actual}`)), "the sync boundary quotes the run policy's refusal");
  t.notOk(await kube.get({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', namespace: 'argocd', name: `escape-default-${a.runId}` }), 'no Application in the default project');
  const bobAfterTry = await kube.get({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', namespace: 'argocd', name: bobRegistration });
  t.same(bobAfterTry?.['spec'], bobBefore?.['spec'], "bob's registration is not taken over (its spec as it was)");
  t.equal(bobAfterTry?.metadata.annotations?.['argocd.argoproj.io/tracking-id'], bobBefore?.metadata.annotations?.['argocd.argoproj.io/tracking-id'], "bob's registration is still his root's");

  unlinkSync(join(reg, 'escape-apps.yaml'));
  writeFileSync(join(reg, 'escape-apps.yaml'), app('escape-neighbour', `lab-${a.runId}`, bobStaging));
  await aliceGit(['add', '-A']);
  await aliceGit(['commit', '-qm', 'platform: one more Application']);
  await aliceGit(['push', '-q', 'origin', 'HEAD:main']);
  await cli(['grade', '--workspace', ws[0]!.dir, '--format', 'json'], 5 * 60_000);
  for (const name of ['escape-neighbour']) {
    const ref = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', namespace: 'argocd', name: `${name}-${a.runId}` };
    const refusal = await waitFor(
      async () => {
        const conditions = ((await kube.get(ref))?.['status'] as { conditions?: { type?: string; message?: string }[] } | undefined)?.conditions ?? [];
        return conditions.find((c) => c.type === 'InvalidSpecError')?.message ?? { pending: JSON.stringify(conditions) };
      },
      { what: `${name} to be refused`, timeoutMs: 120_000, intervalMs: 500 },
    );
    t.pass(`${name}: Argo CD refuses it: ${refusal}`);
  }
  const bobDeployments = await kube.list('apps/v1', 'Deployment', { namespace: bobStaging });
  t.notOk(bobDeployments.some((d) => JSON.stringify(d.metadata.annotations ?? {}).includes(`escape-neighbour-${a.runId}`)), "nothing of alice's in bob's namespace");
  t.notOk(await kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'kube-system', name: 'payment-api' }), 'nothing in kube-system');

  // The same on Flux (issue 12): dave commits into his staging registration folder a ConfigMap for kube-system and
  // a ClusterRoleBinding (his root applies as his run's root ServiceAccount, bound in his namespaces only), then
  // Kustomizations into kube-system and bob's namespace (they apply as his namespace's reconciler), one naming the
  // controller's own ServiceAccount and one whose source is another namespace's. Nothing is created; the grade
  // quotes the API server's refusal at the sync boundary.
  const dreg = join(ws[3]!.dir, 'platform/clusters/staging/flux');
  const dStaging = d4.environments['staging']!.namespace;
  const daveSource = `payment-api-staging-${d4.runId}`;
  const ks = (name: string, extra: string) =>
    `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ${name}\n  namespace: ${dStaging}\nspec:\n  interval: 1m\n  path: ./apps/payment-api/overlays/staging\n  prune: true\n${extra}`;
  const ownSource = `  sourceRef:\n    kind: GitRepository\n    name: ${daveSource}\n`;
  writeFileSync(join(dreg, 'escape.yaml'), [
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: escape-${d4.runId}\n  namespace: kube-system\ndata:\n  owned: "yes"\n`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: escape-${d4.runId}\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - kind: ServiceAccount\n    name: default\n    namespace: ${dStaging}\n`,
  ].join('---\n'));
  const daveGit = (args: string[]) => run('git', args, { cwd: ws[3]!.dir, env: { ...gitEnv, GIT_AUTHOR_NAME: 'D', GIT_AUTHOR_EMAIL: 'd@x', GIT_COMMITTER_NAME: 'D', GIT_COMMITTER_EMAIL: 'd@x' }, timeoutMs: 30_000 });
  await daveGit(['add', '-A']);
  await daveGit(['commit', '-qm', 'platform: staging extras']);
  await daveGit(['push', '-q', 'origin', 'HEAD:main']);
  const daveGraded = JSON.parse((await cli(['grade', '--workspace', ws[3]!.dir, '--format', 'json'], 5 * 60_000)).stdout) as { checks: { name: string; boundary: string; status: string; message: string; actual: string }[] };
  const daveSync = daveGraded.checks.filter((c) => c.boundary === 'sync' && c.status === 'fail');
  log(`dave's sync checks after the escape push: ${JSON.stringify(daveSync)}`);
  t.ok(daveSync.some((c) => /root Kustomization Ready/.test(c.actual) && new RegExp(`forbidden: User "system:serviceaccount:flux-system:lab-root-${d4.runId}" cannot`).test(c.message)), "the sync boundary quotes the API server's refusal of dave's root");
  t.notOk(await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'kube-system', name: `escape-${d4.runId}` }), 'no ConfigMap in kube-system');
  t.notOk(await kube.get({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: `escape-${d4.runId}` }), 'no ClusterRoleBinding');

  unlinkSync(join(dreg, 'escape.yaml'));
  writeFileSync(join(dreg, 'escape-ks.yaml'), [
    ks('escape-system', `${ownSource}  targetNamespace: kube-system\n`),
    ks('escape-neighbour', `${ownSource}  targetNamespace: ${bobStaging}\n`),
    ks('escape-controller', `${ownSource}  targetNamespace: kube-system\n  serviceAccountName: kustomize-controller\n`),
    ks('escape-source', `  sourceRef:\n    kind: GitRepository\n    name: lab-root-staging-${d4.runId}\n    namespace: flux-system\n  targetNamespace: kube-system\n`),
  ].join('---\n'));
  await daveGit(['add', '-A']);
  await daveGit(['commit', '-qm', 'platform: four more Kustomizations']);
  await daveGit(['push', '-q', 'origin', 'HEAD:main']);
  await cli(['grade', '--workspace', ws[3]!.dir, '--format', 'json'], 5 * 60_000);
  for (const name of ['escape-system', 'escape-neighbour', 'escape-controller', 'escape-source']) {
    const ref = { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', namespace: dStaging, name };
    const refusal = await waitFor(
      async () => {
        const ready = ((await kube.get(ref))?.['status'] as { conditions?: { type?: string; status?: string; message?: string }[] } | undefined)?.conditions?.find((c) => c.type === 'Ready');
        return ready?.status === 'False' ? (ready.message ?? '') : { pending: JSON.stringify(ready ?? null) };
      },
      { what: `${name} to be refused`, timeoutMs: 120_000, intervalMs: 500 },
    );
    t.pass(`${name}: Flux refuses it: ${String(refusal).slice(0, 300)}`);
  }
  t.notOk(await kube.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'kube-system', name: 'payment-api' }), 'nothing in kube-system');
  const bobAfter = await kube.list('apps/v1', 'Deployment', { namespace: bobStaging });
  t.notOk(bobAfter.some((x) => JSON.stringify(x.metadata.labels ?? {}).includes(dStaging) || Object.keys(x.metadata.labels ?? {}).some((k) => k.startsWith('kustomize.toolkit.fluxcd.io'))), "nothing of dave's in bob's namespace");

  // Carol's registration folder holds the scenario's AppProject: she widens it to every destination, source and
  // cluster-scoped kind. The run policy refuses it; her project stays as it was.
  const carolProjectFile = join(ws[2]!.dir, 'platform/clusters/staging/argocd/project.yaml');
  const projectRef = { apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', namespace: 'argocd', name: `payments-${c.runId}` };
  const carolBefore = await kube.get(projectRef);
  writeFileSync(
    carolProjectFile,
    `apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: payments-${c.runId}\n  namespace: argocd\nspec:\n  sourceRepos: ['*']\n  destinations:\n    - server: '*'\n      namespace: '*'\n  clusterResourceWhitelist:\n    - group: '*'\n      kind: '*'\n`,
  );
  const carolGit = (args: string[]) => run('git', args, { cwd: ws[2]!.dir, env: { ...gitEnv, GIT_AUTHOR_NAME: 'C', GIT_AUTHOR_EMAIL: 'c@x', GIT_COMMITTER_NAME: 'C', GIT_COMMITTER_EMAIL: 'c@x' }, timeoutMs: 30_000 });
  await carolGit(['commit', '-qam', 'payment-api: staging may deploy anywhere']);
  await carolGit(['push', '-q', 'origin', 'HEAD:main']);
  const carolGraded = JSON.parse((await cli(['grade', '--workspace', ws[2]!.dir, '--format', 'json'], 5 * 60_000)).stdout) as { checks: { boundary: string; status: string; message: string; actual: string }[] };
  const carolSync = carolGraded.checks.filter((c) => c.boundary === 'sync' && c.status === 'fail');
  log(`carol's sync checks after widening her project: ${JSON.stringify(carolSync)}`);
  t.ok(carolSync.some((x) => /gitops-lab-run-appprojects/.test(`${x.message} ${x.actual}`)), "the sync boundary quotes the run policy's refusal of the wider project");
  t.same((await kube.get(projectRef))?.['spec'], carolBefore?.['spec'], "carol's AppProject is as it was");

  // `stop` ends carol's session alone: her run leaves the cluster (AppProjects, namespaces) and the git server;
  // alice's stays.
  const stopped = await cli(['stop', '--workspace', ws[2]!.dir], 5 * 60_000);
  t.equal(stopped.exitCode, 0, stopped.stderr);
  const project = (name: string) => kube.get({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', namespace: 'argocd', name });
  for (const name of [`payments-${c.runId}`, `lab-${c.runId}`, `lab-root-${c.runId}`]) t.notOk(await project(name), `carol's AppProject ${name} is gone`);
  for (const ns of Object.values(c.environments).map((e) => e.namespace)) {
    const left = await kube.get({ apiVersion: 'v1', kind: 'Namespace', name: ns });
    t.ok(!left || left.metadata.deletionTimestamp, `carol's namespace ${ns} is gone or going`);
  }
  t.ok(await project(`lab-${a.runId}`), "alice's AppProject stays");
  t.not((await run('git', ['ls-remote', await originOf(ws[2]!.dir)], { cwd: home, env: gitEnv, allowFailure: true, timeoutMs: 30_000 })).exitCode, 0, "carol's lab repository is gone from the git server");

  const downStarted = performance.now();
  const r = await cli(['down', '--name', REMOTE], 5 * 60_000);
  log(`down --name ${REMOTE} took ${secs(downStarted)}:\n${r.stderr.trim()}`);
  t.equal(r.exitCode, 0, r.stderr);
  t.notMatch(r.stderr, /0badc0|team-keep|team-app|kube-system|Namespace (argocd|flux-system|default)\b/, 'down names nothing of the cluster or of another run');
  t.same(await settlesTo(before), { added: [], removed: [] }, 'after down the cluster holds exactly what it held before the sessions');
  t.ok(await kube.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'team-keep', name: 'settings' }), "the cluster's own ConfigMap is there");
  t.notOk(existsSync(join(home, 'clusters', REMOTE)), 'the state directory is gone');
  t.equal((await existing.status(REMOTE)).state, 'absent');
  const alive = recorderPids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
  t.same(alive, [], 'no session recorder outlives down');
  t.equal((await local.status(BASE)).state, 'running', 'the local cluster still runs');
});
