/**
 * Grading benchmarks on the local provider, each a ratio against a baseline measured in the same run:
 *   1. grade time on a converged scenario vs a verify script that runs the same checks as separate kubectl
 *      (and git, kustomize) calls, the way lab platforms usually check;
 *   2. push-to-graded latency (median of N pushes): refresh + settle + grade vs waiting for the controller's
 *      own polling before grading;
 * (The bank's validation, shared cluster vs one cluster per run, is bench/bank.ts.)
 *
 *   TS_NODE_TRANSPILE_ONLY=1 node --import @isaacs/ts-node-temp-fork-for-pr-2009/import bench/grade.ts [--pushes 5]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../harness/exec.js';
import { flag, git, median, p95, reporter } from './lib.js';
import { createKubeClient } from '../harness/kube/client.js';
import { LocalProvider } from '../harness/providers/local/provider.js';
import { collectLiveEvidence, startLive } from '../harness/runner/live.js';
import { gradeEvidence } from '../harness/runner/grade.js';
import { loadScenario } from '../harness/scenario/load.js';
import type { Session } from '../harness/model/session.js';
import { readApplication } from '../harness/model/argocd-status.js';
import { readKustomization } from '../harness/model/flux-status.js';
import { loadSession } from '../harness/runner/session.js';

const PUSHES = Number(flag('--pushes', '5'));
/** The built CLI (npx tsc -p tsconfig.json), run as a learner runs `gitops-lab grade`. */
const CLI = fileURLToPath(new URL('../dist/harness/cli/main.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'gitops-lab-bench-grade-'));
process.env['GITOPS_LAB_HOME'] = home;
const provider = new LocalProvider();
const NAME = 'bench-grade';
const quiet = (): void => undefined;
const { report, lines } = reporter();

async function seed(controller: 'argocd' | 'flux', ws: string): Promise<Session> {
  const { scenario, dir } = await loadScenario('promote-staging-image');
  await startLive({ scenario, scenarioDir: dir, workspace: ws, controller, cluster: NAME, log: quiet });
  return loadSession(ws);
}

/** The usual lab-platform way: one kubectl (or git/kustomize) process per check. */
async function verifyScript(session: Session, kubeconfig: string, ws: string): Promise<void> {
  const ns = session.environments['staging']!.namespace;
  const k = (args: string[]) => run('kubectl', ['--kubeconfig', kubeconfig, ...args], { cwd: ws, timeoutMs: 30_000, allowFailure: true });
  await git(ws, ['fetch', '-q', 'origin']);
  await git(ws, ['diff', '--name-only', `${session.seedSha}`, 'origin/main']);
  await git(ws, ['log', '--format=%s', `${session.seedSha}..origin/main`]);
  for (const env of ['dev', 'staging', 'prod']) await run('kubectl', ['kustomize', `apps/payment-api/overlays/${env}`], { cwd: ws, timeoutMs: 30_000 });
  // Flux registrations live in the environment's own namespace (the run's tenant namespace).
  const app = session.controller === 'argocd' ? ['-n', 'argocd', 'get', 'applications.argoproj.io', `payment-api-staging-${session.runId}`] : ['-n', ns, 'get', 'kustomizations.kustomize.toolkit.fluxcd.io', `payment-api-staging-${session.runId}`];
  await k([...app, '-o', 'jsonpath={.status}']);
  await k(['-n', ns, 'get', 'deployment', 'payment-api', '-o', 'jsonpath={.status.readyReplicas}']);
  await k(['-n', ns, 'get', 'deployment', 'payment-api', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
  await k(['-n', ns, 'get', 'pods', '-o', 'jsonpath={.items[*].spec.containers[0].image}']);
  await k(['-n', ns, 'get', 'endpointslices', '-l', 'kubernetes.io/service-name=payment-api', '-o', 'jsonpath={.items[*].endpoints[*].conditions.ready}']);
}

try {
  await provider.up({ name: NAME, controllers: 'all', nodes: 2, log: quiet });
  const kubeconfig = provider.kubeconfigPath(NAME)!;
  const { scenario } = await loadScenario('promote-staging-image');
  for (const controller of ['argocd', 'flux'] as const) {
    const ws = join(home, `ws-${controller}`);
    const session = await seed(controller, ws);
    // 1. grade vs verify script, on the converged scenario (5 rounds each, medians).
    const ours: number[] = [];
    const command: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < 5; i++) {
      let t0 = performance.now();
      gradeEvidence(scenario, await collectLiveEvidence({ session, cluster: NAME }));
      ours.push((performance.now() - t0) / 1000);
      // The same grade as a learner runs it: a new process, which loads the harness first.
      t0 = performance.now();
      await run(process.execPath, [CLI, 'grade', '--workspace', ws, '--format', 'json'], { cwd: ws, timeoutMs: 120_000, allowFailure: true });
      command.push((performance.now() - t0) / 1000);
      t0 = performance.now();
      await verifyScript(session, kubeconfig, ws);
      theirs.push((performance.now() - t0) / 1000);
    }
    report(`${controller}: grade ${median(ours).toFixed(2)}s vs kubectl verify script ${median(theirs).toFixed(2)}s (ratio ${(median(ours) / median(theirs)).toFixed(2)}); the grade command (a new process) ${median(command).toFixed(2)}s`);

    // 2. push-to-graded: our refresh + settle + grade vs the controller's own polling, then grade.
    const refreshed: number[] = [];
    const polled: number[] = [];
    const file = join(ws, 'apps/payment-api/overlays/staging/kustomization.yaml');
    const kube = createKubeClient(kubeconfig);
    for (let i = 0; i < PUSHES; i++) {
      for (const mode of ['refresh', 'poll'] as const) {
        const replicas = 3 + ((i * 2 + (mode === 'poll' ? 1 : 0)) % 3);
        writeFileSync(file, readFileSync(file, 'utf8').replace(/count: \d+/, `count: ${replicas}`));
        await git(ws, ['commit', '-qam', `payment-api: staging replicas ${replicas}`]);
        await git(ws, ['push', '-q', 'origin', 'main']);
        const sha = (await git(ws, ['rev-parse', 'HEAD'])).stdout.trim();
        const t0 = performance.now();
        if (mode === 'poll') {
          // Wait for the controller to notice on its own, then grade.
          for (;;) {
            const ref = controller === 'argocd'
              ? { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', namespace: 'argocd', name: `payment-api-staging-${session.runId}` }
              : { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', namespace: session.environments['staging']!.namespace, name: `payment-api-staging-${session.runId}` };
            const o = await kube.get(ref);
            const revision = controller === 'argocd' ? readApplication(o).status.sync.revision : readKustomization(o).status.lastAppliedRevision;
            if ((revision ?? '').endsWith(sha)) break;
            if (performance.now() - t0 > 300_000) break;
            await new Promise((r) => setTimeout(r, 250));
          }
        }
        gradeEvidence(scenario, await collectLiveEvidence({ session, cluster: NAME }));
        (mode === 'refresh' ? refreshed : polled).push((performance.now() - t0) / 1000);
      }
    }
    report(
      `${controller}: push-to-graded p50 ${median(refreshed).toFixed(1)}s (p95 ${p95(refreshed).toFixed(1)}s) with refresh vs p50 ${median(polled).toFixed(1)}s waiting for polling (ratio ${(median(refreshed) / median(polled)).toFixed(2)}, ${(median(polled) / median(refreshed)).toFixed(1)}x faster, n=${PUSHES})`,
    );
  }
} finally {
  await provider.down(NAME).catch(() => undefined);
  rmSync(home, { recursive: true, force: true });
}
process.stdout.write(lines.join('\n') + '\n');
