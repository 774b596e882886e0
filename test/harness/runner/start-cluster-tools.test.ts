/**
 * The lines of a live session's prompt that give the learner the cluster from a shell (start.ts): KUBECONFIG,
 * the Argo Rollouts kubectl plugin on PATH where the local provider linked it, the run's namespaces, and, on
 * kind and existing clusters, that the plugin is the learner's to install. The printed export line is run in a
 * real shell.
 */
import t from 'tap';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { clusterToolLines, environmentsFor, learnerTools, promptText } from '../../../harness/runner/start.js';
import { newSession } from '../../../harness/runner/session.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import type { Session } from '../../../harness/model/session.js';
import type { Scenario } from '../../../harness/model/scenario.js';

const { scenario: canary } = await loadScenario('canary-failed-analysis');
const { scenario: selector } = await loadScenario('wrong-selector');
const pinned = 'v1.9.1';

function session(scenario: Scenario, live?: { provider: 'local' | 'kind' | 'existing'; cluster: string; kubeconfig: string }): Session {
  const s = newSession({
    runId: 'a1b2c3',
    scenario,
    controller: 'argocd',
    provider: live ? live.provider : 'offline',
    mode: 'practice',
    lab: { bareDir: '/s/lab.git', repoURL: 'file:///s/lab.git', trackedBranch: 'main', seedSha: 'f'.repeat(40), seedBranches: { main: 'f'.repeat(40) } },
    environments: environmentsFor(scenario, live ? '-a1b2c3' : ''),
    stateDir: '/s',
    now: new Date('2026-12-03T10:00:00Z'),
  });
  return live ? { ...s, live: { ...live, environments: ['staging'], handoverAt: '2026-12-03T10:01:00Z', gitStateDir: '/g' } } : s;
}

t.test('offline: no cluster lines, and the prompt reads no cluster state', async (t) => {
  const s = session(canary);
  t.same(clusterToolLines(canary, s, { rolloutsVersion: pinned, pluginDir: '/never' }), []);
  t.notMatch(promptText(canary, s, '/ws'), /KUBECONFIG|rollouts plugin/);
});

t.test('local, plugin linked: KUBECONFIG and the tools dir first on PATH, in one line a shell runs; the namespaces', async (t) => {
  const s = session(canary, { provider: 'local', cluster: 'lab', kubeconfig: '/h/clusters/lab/kubeconfig' });
  const lines = clusterToolLines(canary, s, { rolloutsVersion: pinned, pluginDir: '/h/clusters/lab/tools' });
  t.same(lines, [
    'The cluster, for kubectl and `kubectl argo rollouts` (the Argo Rollouts kubectl plugin v1.9.1): export KUBECONFIG=/h/clusters/lab/kubeconfig PATH=/h/clusters/lab/tools:"$PATH"',
    `Namespaces: staging ${canary.environments['staging']!.namespace}-a1b2c3`,
  ]);
  const text = promptText(canary, s, '/ws', { rolloutsVersion: pinned, pluginDir: '/h/clusters/lab/tools' });
  t.match(text, `Your workspace: /ws\n${lines.join('\n')}\nCommit your fix`);
});

t.test('local, no plugin linked (a cluster brought up before setup built it): says so, with the kubectl fallback', async (t) => {
  const s = session(canary, { provider: 'local', cluster: 'old', kubeconfig: '/h/old/kubeconfig' });
  const lines = clusterToolLines(canary, s, { rolloutsVersion: pinned });
  t.equal(lines[0], 'The cluster, for kubectl: export KUBECONFIG=/h/old/kubeconfig');
  t.match(lines[2], /^`kubectl argo rollouts` is not set up for cluster old: .*`kubectl get rollout <name> -n <namespace> -o yaml`/);
  t.equal(clusterToolLines(selector, { ...s, scenario: selector.id }, { rolloutsVersion: pinned }).length, 2, 'a scenario without Rollouts does not mention the plugin');
});

t.test('kind and existing: the plugin is the learner\'s to install, nothing is downloaded', async (t) => {
  for (const provider of ['kind', 'existing'] as const) {
    const s = session(canary, { provider, cluster: 'c', kubeconfig: "/h/it's/kubeconfig" });
    const lines = clusterToolLines(canary, s, learnerTools(s));
    t.equal(lines[0], `The cluster, for kubectl: export KUBECONFIG='/h/it'\\''s/kubeconfig'`, `${provider}: quoted for the shell`);
    t.equal(lines[2], `The Argo Rollouts kubectl plugin ${pinned} is not provided on ${provider} clusters: install kubectl-argo-rollouts yourself to use \`kubectl argo rollouts\`; \`kubectl get rollout <name> -n <namespace> -o yaml\` needs nothing more.`);
    t.notMatch(lines.join('\n'), /https?:/, 'no download link');
  }
});

t.test('learnerTools: the local cluster\'s tools dir only when its plugin link resolves; the export line works in sh', async (t) => {
  const home = mkdtempSync(join(tmpdir(), 'gitops-lab-tools-'));
  const saved = process.env['GITOPS_LAB_HOME'];
  process.env['GITOPS_LAB_HOME'] = home;
  t.teardown(() => {
    if (saved === undefined) delete process.env['GITOPS_LAB_HOME'];
    else process.env['GITOPS_LAB_HOME'] = saved;
    rmSync(home, { recursive: true, force: true });
  });
  const tools = join(home, 'clusters', 'lab', 'tools');
  const s = session(canary, { provider: 'local', cluster: 'lab', kubeconfig: join(home, 'clusters', 'lab', 'kubeconfig') });
  t.same(learnerTools(s), { rolloutsVersion: pinned }, 'no tools dir yet');
  mkdirSync(tools, { recursive: true });
  const binary = join(home, 'built-plugin');
  symlinkSync(binary, join(tools, 'kubectl-argo-rollouts'));
  t.same(learnerTools(s), { rolloutsVersion: pinned }, 'a dangling link (its build pruned) is no plugin');
  writeFileSync(binary, '#!/bin/sh\necho "plugin $KUBECONFIG $*"\n');
  chmodSync(binary, 0o755);
  t.same(learnerTools(s), { rolloutsVersion: pinned, pluginDir: tools });
  t.same(learnerTools({ ...s, live: { ...s.live!, provider: 'existing' } }), { rolloutsVersion: pinned }, 'existing: never a local tools dir');
  const line = clusterToolLines(canary, s, learnerTools(s))[0]!;
  const exportLine = line.slice(line.indexOf('export '));
  const out = execFileSync('sh', ['-c', `${exportLine}\nkubectl-argo-rollouts version`], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
  t.equal(out, `plugin ${join(home, 'clusters', 'lab', 'kubeconfig')} version\n`);
});
