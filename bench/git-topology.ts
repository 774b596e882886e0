/**
 * What the git server's own storage costs a grade, against the shared directory measured in the same run on the
 * same local cluster: the server keeps its own storage and the harness fetches its mirror before each read
 * (harness/git/store.ts), as with a git server in a remote cluster, or it serves the directory the harness reads.
 * Per controller and topology: a converged grade (median of --rounds) and push-to-graded (refresh, settle, grade;
 * median of --pushes), then the ratio own / shared.
 *
 *   node --import=tsx bench/git-topology.ts [--rounds 5] [--pushes 5]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flag, git, median, reporter } from './lib.js';
import { chooseGitStorage, stopGitServer } from '../harness/git/server-process.js';
import { LocalProvider } from '../harness/providers/local/provider.js';
import { clusterStateDir } from '../harness/providers/state.js';
import { cleanupLive, collectLiveEvidence, startLive } from '../harness/runner/live.js';
import { gradeEvidence } from '../harness/runner/grade.js';
import { loadSession } from '../harness/runner/session.js';
import { loadScenario } from '../harness/scenario/load.js';

const ROUNDS = Number(flag('--rounds', '5'));
const PUSHES = Number(flag('--pushes', '5'));
const home = mkdtempSync(join(tmpdir(), 'gitops-lab-bench-topology-'));
process.env['GITOPS_LAB_HOME'] = home;
const provider = new LocalProvider();
const NAME = 'bench-topology';
const quiet = (): void => undefined;
const { report, lines } = reporter();
type Storage = 'shared' | 'own';
const results = new Map<string, { grade: number; push: number }>();

try {
  await provider.up({ name: NAME, controllers: 'all', nodes: 2, log: quiet });
  const stateDir = clusterStateDir(NAME);
  const { scenario, dir } = await loadScenario('promote-staging-image');
  for (const storage of ['shared', 'own'] as const satisfies readonly Storage[]) {
    // A new git server for each topology (the first session starts it).
    await stopGitServer(stateDir);
    await chooseGitStorage(stateDir, storage);
    for (const controller of ['argocd', 'flux'] as const) {
      const ws = join(home, `ws-${storage}-${controller}`);
      await startLive({ scenario, scenarioDir: dir, workspace: ws, controller, cluster: NAME, log: quiet });
      const session = await loadSession(ws);
      const grades: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        gradeEvidence(scenario, await collectLiveEvidence({ session, cluster: NAME }));
        grades.push((performance.now() - t0) / 1000);
      }
      const pushes: number[] = [];
      const file = join(ws, 'apps/payment-api/overlays/staging/kustomization.yaml');
      for (let i = 0; i < PUSHES; i++) {
        writeFileSync(file, readFileSync(file, 'utf8').replace(/count: \d+/, `count: ${3 + (i % 3)}`));
        await git(ws, ['commit', '-qam', `payment-api: staging replicas ${3 + (i % 3)}`]);
        await git(ws, ['push', '-q', 'origin', 'main']);
        const t0 = performance.now();
        gradeEvidence(scenario, await collectLiveEvidence({ session, cluster: NAME }));
        pushes.push((performance.now() - t0) / 1000);
      }
      results.set(`${storage}/${controller}`, { grade: median(grades), push: median(pushes) });
      report(`${controller}, ${storage} storage: converged grade ${median(grades).toFixed(2)}s, push-to-graded ${median(pushes).toFixed(2)}s (medians of ${ROUNDS} and ${PUSHES})`);
      await cleanupLive(session);
    }
  }
  for (const controller of ['argocd', 'flux'] as const) {
    const shared = results.get(`shared/${controller}`)!;
    const own = results.get(`own/${controller}`)!;
    report(`${controller}: own storage / shared, converged grade ${(own.grade / shared.grade).toFixed(2)}, push-to-graded ${(own.push / shared.push).toFixed(2)}`);
  }
} finally {
  await provider.down(NAME).catch(() => undefined);
  rmSync(home, { recursive: true, force: true });
}
process.stdout.write(`${lines.join('\n')}\n`);
