/**
 * End-to-end: the whole scenario bank validated on the local provider with the real Argo CD, Flux and Argo
 * Rollouts controllers, as CI does it; a broken solution makes validate fail; a controller that stops in the
 * middle of a grade gives `error` and exit 3. Everything started here is torn down, also on failure.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../harness/exec.js';
import { LocalProvider } from '../../harness/providers/local/provider.js';
import { watchChanges, type WatchedChange } from '../../harness/kube/watch-changes.js';
import { classifyClaimedManager } from '../../harness/evidence/audit.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { reapWhenGone } from '../helpers/reaper.js';

const home = mkdtempSync(join(tmpdir(), 'gitops-lab-e2e-bank-'));
// If this process is killed before its teardown (tap's timeout ends with SIGKILL), its clusters are downed anyway.
await reapWhenGone(home);
const NAME = 'e2e-bank';
const env = { GITOPS_LAB_HOME: home, NO_COLOR: '1' };
const BIN = join(REPO_ROOT, 'dist/harness/cli/main.js');
const cli = (args: readonly string[], extraEnv: Record<string, string> = {}) =>
  run(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: { ...env, ...extraEnv }, allowFailure: true, timeoutMs: 60 * 60_000 });
const log = (line: string): void => void process.stderr.write(`# ${line}\n`);

process.env['GITOPS_LAB_HOME'] = home;
const provider = new LocalProvider();
t.teardown(async () => {
  await provider.down(NAME, log).catch((e: unknown) => log(`teardown: ${String(e)}`));
  rmSync(home, { recursive: true, force: true });
});
await provider.up({ name: NAME, controllers: 'all', nodes: 2, log });

t.test('validate passes for every scenario and controller of the bank', async (t) => {
  const junit = join(home, 'validate.xml');
  const started = performance.now();
  // With seeds reused (not the default: on the local provider it measured no faster, bench/bank.ts), so that the
  // reset, its verification and the fallback run on the whole bank; validate's default, a seed per phase, runs below.
  // --parallel auto: the load gate decides how many phases run beside the other end-to-end suites (test:e2e runs two files at once).
  const r = await cli(['validate', '--cluster', NAME, '--parallel', 'auto', '--retries-on-failure', '1', '--reuse-seeds', '--format', 'json', '--junit', junit]);
  log(`bank validated in ${((performance.now() - started) / 1000).toFixed(0)}s`);
  const report = JSON.parse(r.stdout) as { status: string; runs: { scenario: string; controller: string; status: string; failingChecks: string[]; phases: { phase: string; seed: string; seconds: number }[] }[] };
  for (const run of report.runs) t.equal(run.status, 'pass', `${run.scenario} (${run.controller}) ${run.failingChecks.join('; ')}`);
  t.equal(r.exitCode, 0, r.stderr.split('\n').slice(-20).join('\n'));
  t.ok(report.runs.length >= 12, `${report.runs.length} runs`);
  // Seeds reused: phases after a verified reset; where a reset was not the seeded state, the log says why.
  const phases = report.runs.flatMap((x) => x.phases.map((p) => ({ ...p, unit: `${x.scenario}/${x.controller}` })));
  const resets = phases.filter((p) => p.seed === 'reset');
  log(`${resets.length} of ${phases.length} phases ran on a reset seed (${resets.reduce((a, p) => a + p.seconds, 0)} s); fresh: ${phases.filter((p) => p.seed !== 'reset').reduce((a, p) => a + p.seconds, 0)} s`);
  for (const l of r.stderr.split('\n').filter((x) => /the reset is not the seeded broken state/.test(x))) log(l.slice(0, 400));
  t.ok(resets.length > 0, "some phases reused their unit's seed");
  // Every seeded session, reused or not, is gone: no run record, no lab repository.
  const records = join(home, 'sessions');
  t.same(existsSync(records) ? readdirSync(records).filter((d) => !d.startsWith('.')) : [], [], 'no session record left');
  t.match(readFileSync(junit, 'utf8'), /<testsuites/);
});

t.test('validate fails (exit 1) when a scenario solution is broken', async (t) => {
  const bank = mkdtempSync(join(tmpdir(), 'gitops-lab-broken-bank-'));
  t.teardown(() => rmSync(bank, { recursive: true, force: true }));
  cpSync(join(REPO_ROOT, 'scenarios'), bank, { recursive: true });
  const file = join(bank, 'promote-staging-image', 'scenario.yaml');
  // The "solution" now promotes in the shared base: it must not score full marks.
  writeFileSync(file, readFileSync(file, 'utf8').replace('file: apps/payment-api/overlays/staging/kustomization.yaml\n          path: images[name=nginx].newTag', 'file: apps/payment-api/base/deployment.yaml\n          path: spec.template.spec.containers[name=payment-api].image').replace('value: "1.27.6"', 'value: nginx:1.27.6'));
  const r = await cli(['validate', 'promote-staging-image', '--controller', 'flux', '--cluster', NAME, '--format', 'json'], { GITOPS_LAB_SCENARIOS: bank });
  t.equal(r.exitCode, 1, r.stderr.split('\n').slice(-10).join('\n'));
  const report = JSON.parse(r.stdout) as { runs: { status: string; failingChecks: string[] }[] };
  t.equal(report.runs[0]?.status, 'fail');
  t.match(report.runs[0]?.failingChecks.join('\n'), /solution: only-staging-overlay-changed fails after the reference solution/);
});

t.test('the watch recorder (for clusters without a readable audit log) attributes a kubectl change to its field manager', async (t) => {
  const kubeconfig = provider.kubeconfigPath(NAME)!;
  const kubectl = (args: string[]) => run('kubectl', ['--kubeconfig', kubeconfig, ...args], { cwd: home, timeoutMs: 30_000 });
  await kubectl(['create', 'namespace', 'watch-probe']);
  await kubectl(['-n', 'watch-probe', 'create', 'deployment', 'web', '--image=nginx:1.27.5', '--field-manager=gitops-lab-seeder']);
  const seen: WatchedChange[] = [];
  const ctl = new AbortController();
  const watching = watchChanges(kubeconfig, ['watch-probe'], (c) => seen.push(c), ctl.signal);
  t.teardown(() => ctl.abort());
  await new Promise((r) => setTimeout(r, 1500));
  await kubectl(['-n', 'watch-probe', 'set', 'image', 'deployment/web', 'nginx=nginx:1.27.6']);
  const deadline = Date.now() + 30_000;
  while (!seen.some((c) => c.fieldManager === 'kubectl-set') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  ctl.abort();
  await watching;
  const set = seen.find((c) => c.kind === 'Deployment' && c.fieldManager === 'kubectl-set');
  t.ok(set, `kubectl-set recorded (saw ${seen.map((c) => `${c.kind}:${c.fieldManager}`).join(', ')})`);
  t.equal(classifyClaimedManager(set?.fieldManager ?? ''), 'person');
  t.ok(seen.some((c) => c.kind === 'ReplicaSet' && classifyClaimedManager(c.fieldManager) === 'controller'), 'the ReplicaSets are the controller-manager\'s');
  // The harness's own writes precede hand-over and are cut by time; after it, its manager name is a person's.
  t.equal(classifyClaimedManager('gitops-lab-seeder'), 'person');
});

t.test('a start that fails half-way (a fault step the cluster refuses) leaves nothing: namespaces, lab repository, record, workspace', async (t) => {
  const bank = mkdtempSync(join(tmpdir(), 'gitops-lab-broken-bank-'));
  t.teardown(() => rmSync(bank, { recursive: true, force: true }));
  cpSync(join(REPO_ROOT, 'scenarios'), bank, { recursive: true });
  const file = join(bank, 'drift-revert', 'scenario.yaml');
  // The drift fault patches a Deployment that is not there: the run's roots, registration and namespace exist by then.
  const broken = readFileSync(file, 'utf8').replace(/(- action: live\.patch\n\s+environment: staging\n\s+kind: Deployment\n\s+name: )payment-api/, '$1no-such-deployment');
  t.not(broken, readFileSync(file, 'utf8'), 'the fault was broken');
  writeFileSync(file, broken);
  const kubeconfig = provider.kubeconfigPath(NAME)!;
  const kubectl = (args: string[]) => run('kubectl', ['--kubeconfig', kubeconfig, ...args], { cwd: home, timeoutMs: 30_000 });
  const namespaces = async () => new Map((await kubectl(['get', 'namespaces', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.status.phase}{"\\n"}{end}'])).stdout.trim().split('\n').map((l) => l.split(' ') as [string, string]));
  const listed = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
  const before = await namespaces();
  const repos = listed(join(home, 'clusters', NAME, 'git'));
  const records = listed(join(home, 'sessions'));
  const ws = join(home, 'ws-failed-start');
  const r = await cli(['start', 'drift-revert', '--cluster', NAME, '--controller', 'argocd', '--workspace', ws], { GITOPS_LAB_SCENARIOS: bank });
  t.not(r.exitCode, 0, 'the start fails');
  t.match(r.stderr, /no-such-deployment/, 'and says which object the step could not find');
  const left = [...(await namespaces())].filter(([name, phase]) => !before.has(name) && phase !== 'Terminating');
  t.same(left, [], 'every namespace the run made is gone or going');
  t.ok([...(await namespaces()).keys()].some((n) => !before.has(n)), 'the run had made its namespace (the test reached the cluster)');
  t.same(listed(join(home, 'clusters', NAME, 'git')), repos, 'no lab repository left on the git server');
  t.same(listed(join(home, 'sessions')), records, 'no session record left');
  t.equal(existsSync(ws), false, 'no workspace left');
  const apps = await kubectl(['get', 'applications,appprojects', '-A', '-o', 'name']);
  t.notMatch(apps.stdout, /drift-revert|payment-api-staging-/, 'no Application or AppProject of the run');
});

t.test('a controller stopped in the middle of a grade gives error and exit 3, never a pass', async (t) => {
  const ws = join(home, 'ws-stop');
  const started = await cli(['start', 'promote-staging-image', '--cluster', NAME, '--controller', 'argocd', '--workspace', ws]);
  t.equal(started.exitCode, 0, started.stderr);
  const state = JSON.parse(readFileSync(join(home, 'clusters', NAME, 'state.json'), 'utf8')) as { processes: { name: string; pid: number }[] };
  const controller = state.processes.find((p) => p.name === 'argocd-application-controller')!;
  // A learner's push that the stopped controller will never reconcile.
  const k = join(ws, 'apps/payment-api/overlays/staging/kustomization.yaml');
  writeFileSync(k, readFileSync(k, 'utf8').replace('1.27.5', '1.27.6'));
  const git = (args: string[]) => run('git', args, { cwd: ws, env: { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x' }, timeoutMs: 30_000 });
  await git(['commit', '-qam', 'payment-api: promote 1.27.6 to staging']);
  await git(['push', '-q', 'origin', 'main']);
  // Stop it the way a crash would: the grade must notice, not wait for a sync that never comes and blame the learner.
  process.kill(controller.pid, 'SIGKILL');
  const graded = await cli(['grade', '--workspace', ws, '--format', 'json']);
  t.equal(graded.exitCode, 3, graded.stderr.split('\n').slice(-5).join('\n'));
  t.notMatch(graded.stdout, /"status": "pass"[\s\S]*"score": 17/);
  t.match(graded.stderr, /stopped answering|does not answer|not running/);
});
