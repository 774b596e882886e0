/**
 * Twenty `grade --out` processes of the built executable at once, into one results folder, on twenty real
 * workspaces: twenty complete, valid bundles, twenty index entries whose digests match, no temporary files,
 * and a cohort report with every learner and no warning. The wall time is printed as a comment, not asserted
 * (timings belong in bench/).
 */
import t from 'tap';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Evidence } from '../../../harness/model/evidence.js';
import { GradeResult } from '../../../harness/model/result.js';
import { IndexEntry } from '../../../harness/model/index-entry.js';
import { run } from '../../../harness/exec.js';
import { REPO_ROOT, scratch } from '../../helpers/cli.js';

const N = 20;
const STAGING = 'apps/payment-api/overlays/staging/kustomization.yaml';
const BASE = 'apps/payment-api/base/deployment.yaml';

// Twenty node processes on a small CI machine: generous bounds, so a slow machine is not a failure.
t.setTimeout(900_000);
const RUN_TIMEOUT_MS = 600_000;

/** Runs async jobs with at most `limit` at once (the setup; the grades themselves all start together). */
async function pool<T, R>(items: readonly T[], limit: number, job: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

t.test(`${N} concurrent grade --out runs into one folder leave ${N} complete, valid results`, async (t) => {
  const cli = scratch(t);
  const out = join(cli.dir, 'results');
  const learners = Array.from({ length: N }, (_, i) => `learner-${String(i + 1).padStart(2, '0')}`);
  const bin = join(REPO_ROOT, 'dist/harness/cli/main.js');
  const env = { GITOPS_LAB_HOME: cli.home, NO_COLOR: '1' };
  const gitops = (args: readonly string[]) => run(process.execPath, [bin, ...args], { cwd: REPO_ROOT, env, allowFailure: true, timeoutMs: RUN_TIMEOUT_MS });
  const workspaces = await pool(learners, 4, async (id, i) => {
      const ws = join(cli.dir, id);
      const started = await gitops(['start', 'promote-staging-image', '--offline', '--workspace', ws]);
      if (started.exitCode !== 0) throw new Error(started.stderr);
      // Half fix it the right way, half the wrong way.
      const [file, from, to] = i % 2 === 0 ? [STAGING, '1.27.5', '1.27.6'] : [BASE, 'nginx:1.27.4', 'nginx:1.27.6'];
      writeFileSync(join(ws, file), readFileSync(join(ws, file), 'utf8').replace(from, to));
      await cli.git(ws, ['commit', '-qam', `payment-api: promote 1.27.6 to staging (${id})`]);
      await cli.git(ws, ['push', '-q', 'origin', 'main']);
      return ws;
  });

  const started = performance.now();
  const runs = await Promise.all(learners.map((id, i) => gitops(['grade', '--offline', '--workspace', workspaces[i]!, '--out', out, '--learner', id, '--format', 'json'])));
  const wall = performance.now() - started;
  t.comment(`${N} concurrent grade --out runs: ${Math.round(wall)} ms wall, slowest ${Math.round(Math.max(...runs.map((r) => r.durationMs)))} ms`);
  t.same(runs.map((r) => r.stderr), learners.map(() => ''), 'no run failed');
  t.same(runs.map((r) => r.exitCode), learners.map((_, i) => (i % 2 === 0 ? 0 : 1)));

  t.same(readdirSync(out).sort(), ['index', ...learners]);
  const entries = readdirSync(join(out, 'index')).map((n) => IndexEntry.parse(JSON.parse(readFileSync(join(out, 'index', n), 'utf8'))));
  t.equal(entries.length, N, 'one index entry per grade, none lost');
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  for (const [i, id] of learners.entries()) {
    const dir = join(out, id, 'promote-staging-image');
    t.same(readdirSync(dir).sort(), ['evidence.json', 'report.md', 'result.json', 'seal.json'], `${id}: complete, no temporary files`);
    const resultText = readFileSync(join(dir, 'result.json'), 'utf8');
    t.equal(resultText, runs[i]!.stdout, `${id}: result.json is what grade printed`);
    const result = GradeResult.parse(JSON.parse(resultText));
    const evidenceText = readFileSync(join(dir, 'evidence.json'), 'utf8');
    const evidence = Evidence.parse(JSON.parse(evidenceText));
    t.equal(result.learner, id);
    t.equal(evidence.meta.learner, id);
    t.equal(evidence.meta.runId, result.runId, `${id}: the evidence beside the result is its own`);
    const entry = entries.find((e) => e.learner === id)!;
    t.same(entry.digests, { result: sha(resultText), evidence: sha(evidenceText), report: sha(readFileSync(join(dir, 'report.md'), 'utf8')) });
    const seal = JSON.parse(readFileSync(join(dir, 'seal.json'), 'utf8'));
    t.same(entry.seal, { alg: 'HMAC-SHA256', keyId: seal.keyId, mac: seal.mac }, `${id}: the index entry records the seal`);
    t.same(seal.files, entry.digests);
  }
  // The first grades raced to make the instructor's key: one key sealed every bundle.
  t.equal(new Set(entries.map((e) => e.seal?.keyId)).size, 1, 'one bundle key, whatever the race');
  const report = await gitops(['report', out, '--format', 'csv']);
  t.equal(report.exitCode, 0);
  t.equal(report.stderr, '', 'no bundle left out');
  t.equal(report.stdout.trimEnd().split('\n').length, N + 1);
});
