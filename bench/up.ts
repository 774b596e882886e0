/**
 * `up` benchmark for the local provider, ratios against a baseline measured in the same run:
 *   baseline = up with no controllers (kwok control plane + simulated nodes only)
 *   argocd / flux / all = up until every controller process answers its readiness endpoint
 * Also Argo CD push-to-synced latency: with a forced refresh (annotation) vs waiting for polling.
 *
 *   TS_NODE_TRANSPILE_ONLY=1 node --import @isaacs/ts-node-temp-fork-for-pr-2009/import bench/up.ts [--skip-latency]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../harness/exec.js';
import { startGitHttpServer } from '../harness/git/http-server.js';
import { createKubeClient } from '../harness/kube/client.js';
import { readApplication } from '../harness/model/argocd-status.js';
import { LocalProvider } from '../harness/providers/local/provider.js';
import type { ControllerSelection } from '../harness/providers/provider.js';
import { waitFor } from '../harness/supervisor.js';

const home = mkdtempSync(join(tmpdir(), 'gitops-lab-bench-home-'));
process.env['GITOPS_LAB_HOME'] = home;
const provider = new LocalProvider();
const results: { label: string; seconds: number; phases?: Record<string, number> }[] = [];

async function timeUp(selection: ControllerSelection, name: string, keep = false): Promise<string> {
  const t0 = performance.now();
  const h = await provider.up({ name, controllers: selection, nodes: 2 });
  const seconds = (performance.now() - t0) / 1000;
  const st = JSON.parse(readFileSync(join(home, 'clusters', name, 'state.json'), 'utf8')) as { timings: Record<string, number> };
  results.push({ label: `up ${selection}`, seconds, phases: st.timings });
  if (!keep) await provider.down(name);
  process.stderr.write(`up ${selection}: ${seconds.toFixed(1)}s\n`);
  return h.kubeconfig;
}

const skipLatency = process.argv.includes('--skip-latency');
try {
  await timeUp('none', 'bench-base');
  await timeUp('flux', 'bench-flux');
  await timeUp('argocd', 'bench-argocd');
  const kubeconfig = await timeUp('all', 'bench-all', true);
  const latency: { mode: string; seconds: number }[] = [];
  if (!skipLatency) {
    const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x' };
    const work = mkdtempSync(join(tmpdir(), 'gitops-lab-bench-git-'));
    const server = await startGitHttpServer({ root: join(work, 'srv') });
    try {
      await run('git', ['init', '-q', '--bare', '-b', 'main', join(work, 'srv', 'app.git')], { cwd: work, env: gitEnv });
      const clone = join(work, 'clone');
      cpSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'e2e', 'fixtures', 'payment-api'), clone, { recursive: true });
      await run('git', ['init', '-q', '-b', 'main'], { cwd: clone, env: gitEnv });
      await run('git', ['add', '.'], { cwd: clone, env: gitEnv });
      await run('git', ['commit', '-q', '-m', 'init'], { cwd: clone, env: gitEnv });
      await run('git', ['push', '-q', server.repoUrl('app'), 'main'], { cwd: clone, env: gitEnv });
      const kube = createKubeClient(kubeconfig);
      const ref = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', namespace: 'argocd', name: 'bench' };
      await kube.apply(
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          metadata: { name: 'bench', namespace: 'argocd' },
          spec: {
            project: 'default',
            source: { repoURL: server.repoUrl('app'), targetRevision: 'main', path: 'overlays/staging' },
            destination: { server: 'https://kubernetes.default.svc', namespace: 'payment-staging' },
            syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
          },
        },
        { fieldManager: 'gitops-lab-bench' },
      );
      const synced = async (rev: string): Promise<true | { pending: string }> => {
        const { sync, operationState: op, conditions } = readApplication(await kube.get(ref)).status;
        return sync.status === 'Synced' && sync.revision === rev
          ? true
          : { pending: `${sync.status} ${sync.revision} op=${op.phase}: ${op.message} ${JSON.stringify(conditions)}` };
      };
      const head = async (): Promise<string> => (await run('git', ['rev-parse', 'HEAD'], { cwd: clone, env: gitEnv })).stdout.trim();
      await waitFor(async () => synced(await head()), { what: 'initial sync', timeoutMs: 180_000 });
      const k = join(clone, 'overlays', 'staging', 'kustomization.yaml');
      for (let i = 0; i < 6; i++) {
        const refresh = i % 2 === 0;
        writeFileSync(k, readFileSync(k, 'utf8').replace(/count: \d+/, `count: ${2 + ((i + 1) % 3)}`));
        await run('git', ['commit', '-q', '-am', `change ${i}`], { cwd: clone, env: gitEnv });
        await run('git', ['push', '-q', server.repoUrl('app'), 'main'], { cwd: clone, env: gitEnv });
        const rev = await head();
        const t0 = performance.now();
        if (refresh) await kube.patch(ref, { metadata: { annotations: { 'argocd.argoproj.io/refresh': 'normal' } } }, { fieldManager: 'gitops-lab-bench' });
        await waitFor(() => synced(rev), { what: `sync of change ${i}`, timeoutMs: 300_000, intervalMs: 200 });
        latency.push({ mode: refresh ? 'refresh annotation' : 'polling (timeout.reconciliation 10s)', seconds: (performance.now() - t0) / 1000 });
      }
    } finally {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    }
  }
  await provider.down('bench-all');

  const base = results[0]!.seconds;
  console.log('baseline = up with no controllers (control plane + 2 simulated nodes), measured in this run');
  for (const r of results) {
    console.log(`${r.label.padEnd(12)} ${r.seconds.toFixed(1).padStart(6)}s  ${(r.seconds / base).toFixed(2)}x  ${Object.entries(r.phases ?? {}).map(([k, v]) => `${k}=${(v / 1000).toFixed(1)}s`).join(' ')}`);
  }
  if (latency.length > 0) {
    const avg = (m: string): number => {
      const xs = latency.filter((l) => l.mode.startsWith(m)).map((l) => l.seconds);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    const poll = avg('polling');
    const refresh = avg('refresh');
    console.log('Argo CD push-to-synced (baseline = polling, measured in this run)');
    console.log(`  polling   ${poll.toFixed(1)}s  1.00x`);
    console.log(`  refresh   ${refresh.toFixed(1)}s  ${(refresh / poll).toFixed(2)}x`);
  }
} finally {
  for (const n of ['bench-base', 'bench-flux', 'bench-argocd', 'bench-all']) await provider.down(n).catch(() => undefined);
  rmSync(home, { recursive: true, force: true });
}
