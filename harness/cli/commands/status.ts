/** `gitops-lab status [--name N] [--json]`: cluster state, processes, ports, kubeconfig. */
import type { Command } from 'commander';
import { getProvider, providerOfCluster } from '../../providers/index.js';
import { clusterName, clusterNameOptions } from './cluster-name.js';
import { recordedClusters } from '../../providers/state.js';
import type { ClusterStatus } from '../../providers/provider.js';
import type { SetExit } from './register.js';

export function formatStatus(s: ClusterStatus): string {
  const lines = [`cluster ${s.name} (${s.provider}): ${s.state}${s.message ? ` - ${s.message}` : ''}`];
  if (s.kubeconfig) lines.push(`  kubeconfig: ${s.kubeconfig}`);
  if (s.apiServer) lines.push(`  apiserver:  ${s.apiServer}`);
  if (s.auditLog) lines.push(`  audit log:  ${s.auditLog}`);
  if (s.controllers.length > 0) lines.push(`  controllers: ${s.controllers.join(', ')}`);
  for (const p of s.processes) {
    const ports = Object.entries(p.ports).map(([k, v]) => `${k}=${v}`).join(' ');
    lines.push(`  ${p.alive ? 'up  ' : 'DOWN'} ${p.name.padEnd(30)} ${p.pid === undefined ? '' : `pid ${p.pid}`.padEnd(10)} ${ports}`);
  }
  return lines.join('\n');
}

export function register(program: Command, setExit: SetExit): void {
  clusterNameOptions(program
    .command('status')
    .description('Show a cluster (or, with --all, every cluster) and its processes. Exit 0 running, 3 degraded or absent.'))
    .option('--provider <name>', 'local | kind | existing (default: the provider that recorded the cluster)')
    .option('--all', 'every cluster this provider knows about')
    .option('--json', 'JSON output')
    .action(async (opts: { provider?: string; name?: string; cluster?: string; all?: boolean; json?: boolean }) => {
      const names = opts.all ? (opts.provider ? await getProvider(opts.provider).list() : recordedClusters().map((c) => c.name)) : [clusterName(opts)];
      const providerFor = (name: string) => getProvider(opts.provider ?? providerOfCluster(name));
      const statuses: ClusterStatus[] = [];
      for (const n of names) statuses.push(await providerFor(n).status(n));
      if (opts.json) process.stdout.write(JSON.stringify(opts.all ? statuses : statuses[0], null, 2) + '\n');
      else if (statuses.length === 0) process.stdout.write('no clusters\n');
      else process.stdout.write(statuses.map(formatStatus).join('\n') + '\n');
      setExit(statuses.length > 0 && statuses.every((s) => s.state === 'running') ? 0 : opts.all && statuses.length === 0 ? 0 : 3);
    });
}
