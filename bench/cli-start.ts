/**
 * CLI start benchmark: how long commands that never reach a cluster take from process start to exit, against a
 * baseline measured in the same run: the same command with @kubernetes/client-node (and junit-report-builder)
 * loaded eagerly at start (`node --import`), which is how every command started before they loaded on first use.
 * Tests run the CLI hundreds of times, and a learner runs `grade --offline` after every push.
 *
 *   TS_NODE_TRANSPILE_ONLY=1 node --import @isaacs/ts-node-temp-fork-for-pr-2009/import bench/cli-start.ts [--runs 7]
 *
 * Needs `npm run build` first (it runs dist/harness/cli/main.js as a user would).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../harness/exec.js';
import { median } from './lib.js';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('--runs', 7);
const ROOT = new URL('../', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/harness/cli/main.js');
const home = mkdtempSync(join(tmpdir(), 'gitops-lab-bench-cli-'));
const env = { GITOPS_LAB_HOME: home, NO_COLOR: '1' };
const EAGER = ['--import', '@kubernetes/client-node', '--import', 'junit-report-builder'];

async function timed(nodeArgs: readonly string[], args: readonly string[]): Promise<number> {
  const started = performance.now();
  const r = await run(process.execPath, [...nodeArgs, BIN, ...args], { cwd: ROOT, env, allowFailure: true, timeoutMs: 120_000 });
  if (r.exitCode !== 0 && r.exitCode !== 1) throw new Error(`gitops-lab ${args.join(' ')} exited ${r.exitCode}: ${r.stderr.slice(-500)}`);
  return (performance.now() - started) / 1000;
}

try {
  const ws = join(home, 'ws');
  await run(process.execPath, [BIN, 'start', 'promote-staging-image', '--offline', '--workspace', ws], { cwd: ROOT, env, timeoutMs: 120_000 });
  const commands: readonly (readonly string[])[] = [['list'], ['show', 'wrong-selector'], ['grade', '--offline', '--workspace', ws], ['grade', '--offline', '--workspace', ws, '--format', 'junit']];
  for (const args of commands) {
    const lazy: number[] = [];
    const eager: number[] = [];
    // Interleaved, so a machine that gets busier mid-run slows both sides alike.
    for (let i = 0; i < RUNS; i++) {
      eager.push(await timed(EAGER, args));
      lazy.push(await timed([], args));
    }
    const [b, c] = [median(eager), median(lazy)];
    process.stdout.write(`gitops-lab ${args.join(' ').replace(ws, '<ws>').padEnd(58)} ${c.toFixed(2)} s (baseline, client loaded at start: ${b.toFixed(2)} s) ratio ${(b / c).toFixed(2)}x, median of ${RUNS}\n`);
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
