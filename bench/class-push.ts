/**
 * Push-to-graded with many sessions on one local cluster (a class), against a baseline measured in the same run:
 *   baseline = one session pushing alone (the other sessions idle), p50 of its push-to-graded;
 *   class    = every session pushes at the same moment, each then grades (refresh + settle + grade, as `watch`
 *              does); p50 and p95 over all sessions and rounds.
 * Also the time to start the sessions (bounded parallel, as `class start` does) and the controllers' memory
 * (RSS from /proc) before and after.
 *
 *   TS_NODE_TRANSPILE_ONLY=1 node --import @isaacs/ts-node-temp-fork-for-pr-2009/import bench/class-push.ts \
 *     [--sessions 10] [--rounds 3] [--controller argocd|flux] [--parallel 2]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flag, git, median, p95, reporter } from './lib.js';
import { LocalProvider } from '../harness/providers/local/provider.js';
import { collectLiveEvidence, startLive } from '../harness/runner/live.js';
import { gradeEvidence } from '../harness/runner/grade.js';
import { loadScenario } from '../harness/scenario/load.js';
import { loadSession } from '../harness/runner/session.js';
import { mapBounded } from '../harness/pool.js';
import type { Session } from '../harness/model/session.js';

const SESSIONS = Number(flag('--sessions', '10'));
const ROUNDS = Number(flag('--rounds', '3'));
const PARALLEL = Number(flag('--parallel', '2'));
const CONTROLLER = flag('--controller', 'argocd') as 'argocd' | 'flux';
const home = mkdtempSync(join(tmpdir(), 'gitops-lab-bench-class-'));
process.env['GITOPS_LAB_HOME'] = home;
const provider = new LocalProvider();
const NAME = 'bench-class';
const quiet = (): void => undefined;
const { report, lines } = reporter();

/** Resident memory of the cluster's controller processes, MiB, from /proc (processes this run started). */
function controllerMemory(): Record<string, number> {
  const st = JSON.parse(readFileSync(join(home, 'clusters', NAME, 'state.json'), 'utf8')) as { processes: { name: string; pid: number }[] };
  const out: Record<string, number> = {};
  for (const p of st.processes) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'))?.[1];
      if (rss) out[p.name] = Math.round(Number(rss) / 1024);
    } catch {
      // the process is gone: nothing to report
    }
  }
  return out;
}

/** Pushes made per workspace: each push sets another replica count than the one before it. */
const pushes = new Map<string, number>();

/** Commits and pushes a staging replica change in the session's workspace. */
async function push(ws: string): Promise<void> {
  const n = (pushes.get(ws) ?? 0) + 1;
  pushes.set(ws, n);
  const replicas = 3 + (n % 3);
  const file = join(ws, 'apps/payment-api/overlays/staging/kustomization.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/count: \d+/, `count: ${replicas}`));
  await git(ws, ['commit', '-qam', `payment-api: staging replicas ${replicas}`], 60_000);
  await git(ws, ['push', '-q', 'origin', 'main'], 60_000);
}

async function pushToGraded(session: Session, ws: string): Promise<number> {
  const { scenario } = await loadScenario(session.scenario);
  await push(ws);
  const t0 = performance.now();
  gradeEvidence(scenario, await collectLiveEvidence({ session, cluster: NAME }));
  return (performance.now() - t0) / 1000;
}

try {
  await provider.up({ name: NAME, controllers: CONTROLLER, nodes: 2, log: quiet });
  const { scenario, dir } = await loadScenario('promote-staging-image');
  const memBefore = controllerMemory();
  let t0 = performance.now();
  const workspaces = Array.from({ length: SESSIONS }, (_, i) => join(home, `ws-${i}`));
  const started = await mapBounded(workspaces, PARALLEL, async (ws) => {
    await startLive({ scenario, scenarioDir: dir, workspace: ws, controller: CONTROLLER, cluster: NAME, log: quiet });
    return loadSession(ws);
  });
  const sessions = started.map((s, i) => {
    if (!s.ok) throw new Error(`session ${i} did not start: ${String(s.error)}`);
    return s.value;
  });
  report(`${CONTROLLER}: ${SESSIONS} sessions started in ${((performance.now() - t0) / 1000).toFixed(0)}s (parallel ${PARALLEL})`);

  // Baseline: one session pushes alone, ROUNDS times.
  const alone: number[] = [];
  for (let r = 0; r < ROUNDS; r++) alone.push(await pushToGraded(sessions[0]!, workspaces[0]!));
  // The class: every session pushes at once, each round.
  const together: number[] = [];
  t0 = performance.now();
  for (let r = 0; r < ROUNDS; r++) {
    const times = await Promise.all(sessions.map((s, i) => pushToGraded(s, workspaces[i]!)));
    together.push(...times);
  }
  const memAfter = controllerMemory();
  report(
    `${CONTROLLER}: push-to-graded alone p50 ${median(alone).toFixed(1)}s; ${SESSIONS} sessions pushing at once p50 ${median(together).toFixed(1)}s, p95 ${p95(together).toFixed(1)}s ` +
      `(p95 / alone p50 = ${(p95(together) / median(alone)).toFixed(1)}, n=${together.length})`,
  );
  report(`${CONTROLLER}: controller memory (MiB) before -> after: ${Object.keys(memAfter).map((k) => `${k} ${memBefore[k] ?? '?'} -> ${memAfter[k]}`).join(', ')}`);
} finally {
  await provider.down(NAME).catch(() => undefined);
  rmSync(home, { recursive: true, force: true });
}
process.stdout.write(lines.join('\n') + '\n');
