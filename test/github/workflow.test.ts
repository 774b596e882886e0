/** The bank-validation workflow parses, and its matrix, shard flags, reports and uploads agree with each other and with the CLI. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { parse } from 'yaml';
import { shard } from '../../harness/runner/validate.js';
import { run } from '../../harness/exec.js';
import { REPO_ROOT } from '../helpers/cli.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; 'timeout-minutes': number; strategy: { 'fail-fast': boolean; matrix: { shard: number[] } }; steps: Step[] }>;
}

const file = join(REPO_ROOT, '.github', 'workflows', 'validate-bank.yml');
const wf = parse(readFileSync(file, 'utf8')) as Workflow;
const job = wf.jobs['validate']!;
const shards = job.strategy.matrix.shard;
/** A step's command line as words, with `${{ matrix.shard }}` as one word: <shard>. */
const words = (step: Step): string[] => step.run!.replace(/\$\{\{\s*matrix\.shard\s*\}\}/g, '<shard>').trim().split(/\s+/);
const stepRunning = (re: RegExp): Step => {
  const s = job.steps.find((x) => x.run !== undefined && re.test(x.run));
  if (!s) throw new Error(`no step runs ${re}`);
  return s;
};

t.test('triggers, permissions and one validate job on a GitHub-hosted runner', async (t) => {
  t.equal(wf.name, 'validate-bank');
  t.ok('pull_request' in wf.on && 'push' in wf.on && 'workflow_dispatch' in wf.on);
  t.same(wf.permissions, { contents: 'read' });
  t.same(Object.keys(wf.jobs), ['validate']);
  t.match(job['runs-on'], /^ubuntu-/);
  t.ok(job['timeout-minutes'] > 0, 'bounded');
});

t.test('the matrix is shards 1..n, and every unit of the bank lands in exactly one shard', async (t) => {
  t.ok(shards.length >= 2);
  t.same(shards, Array.from({ length: shards.length }, (_, i) => i + 1));
  t.equal(job.strategy['fail-fast'], false, 'one defective shard does not cancel the others');
  const units = Array.from({ length: 37 }, (_, i) => i);
  const covered = shards.flatMap((i) => shard(units, `${i}/${shards.length}`)).sort((a, b) => a - b);
  t.same(covered, units);
});

t.test('validate runs its shard of n with JUnit and Markdown reports on the kind cluster it started', async (t) => {
  const up = stepRunning(/gitops-lab up /);
  t.match(up.run, /--provider kind/);
  t.match(up.run, /--name lab\b/);
  const validate = stepRunning(/gitops-lab validate /);
  const args = words(validate);
  const flag = (f: string): string | undefined => (args.includes(f) ? args[args.indexOf(f) + 1] : undefined);
  t.equal(flag('--shard'), `<shard>/${shards.length}`, 'the shard count matches the matrix');
  t.equal(flag('--cluster'), 'lab', 'the cluster up started');
  t.equal(flag('--junit'), 'reports/validate-<shard>.xml');
  t.equal(flag('--markdown'), 'reports/validate-<shard>.md');
  const down = stepRunning(/gitops-lab down /);
  t.equal(down.if, 'always()', 'teardown always runs');
  t.ok(job.steps.indexOf(up) < job.steps.indexOf(validate) && job.steps.indexOf(validate) < job.steps.indexOf(down));
});

t.test('the reports are uploaded, also when validation fails, one artifact per shard', async (t) => {
  const validate = stepRunning(/gitops-lab validate /);
  const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
  t.ok(upload, 'an upload-artifact step');
  t.equal(upload!.if, 'always()');
  t.match(String(upload!.with?.['name']), /\$\{\{ matrix\.shard \}\}/, 'artifact names differ per shard');
  const paths = String(upload!.with?.['path']).replace(/\$\{\{\s*matrix\.shard\s*\}\}/g, '<shard>').trim().split('\n').map((p) => p.trim());
  const args = words(validate);
  t.same(paths, [args[args.indexOf('--junit') + 1], args[args.indexOf('--markdown') + 1]], 'uploads exactly the files validate writes');
});

t.test('every action is pinned to a full version or a commit', async (t) => {
  const uses = job.steps.map((s) => s.uses).filter((u): u is string => !!u);
  t.ok(uses.length >= 3);
  for (const u of uses) t.match(u, /^[\w.-]+\/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/, u);
});

t.test('kind is installed at the version versions.yaml pins', async (t) => {
  const install = stepRunning(/kind\.sigs\.k8s\.io\/dl\//);
  t.match(install.run, /yq '\.kind\.version' cluster-config\/versions\.yaml/);
});

t.test('the flags the workflow passes exist on the CLI', async (t) => {
  const help = await run(process.execPath, [join(REPO_ROOT, 'dist/harness/cli/main.js'), 'validate', '--help'], { cwd: REPO_ROOT, timeoutMs: 60_000 });
  for (const f of ['--cluster', '--parallel', '--shard', '--junit', '--markdown']) t.match(help.stdout, f, f);
  const upHelp = await run(process.execPath, [join(REPO_ROOT, 'dist/harness/cli/main.js'), 'up', '--help'], { cwd: REPO_ROOT, timeoutMs: 60_000 });
  t.match(upHelp.stdout, '--provider');
});
