/** `gitops-lab down [--name N]`: stop every process we started for the cluster and delete it. */
import type { Command } from 'commander';
import { getProvider, providerOfCluster } from '../../providers/index.js';
import { clusterName, clusterNameOptions } from './cluster-name.js';
import { recordedClusters } from '../../providers/state.js';
import type { SetExit } from './register.js';

export function register(program: Command, setExit: SetExit): void {
  clusterNameOptions(program
    .command('down')
    .description('Tear a cluster down: no process and no listening port of ours remains.'))
    .option('--provider <name>', 'local | kind | existing (default: the provider that recorded the cluster)')
    .option('--all', 'every cluster this provider knows about')
    .action(async (opts: { provider?: string; name?: string; cluster?: string; all?: boolean }) => {
      const names = opts.all ? (opts.provider ? await getProvider(opts.provider).list() : recordedClusters().map((c) => c.name)) : [clusterName(opts)];
      const providerFor = (name: string) => getProvider(opts.provider ?? providerOfCluster(name));
      for (const name of names) {
        const provider = providerFor(name);
        const before = await provider.status(name);
        await provider.down(name, (line) => process.stderr.write(line + '\n'));
        process.stdout.write(before.state === 'absent' ? `cluster ${name}: nothing to do\n` : `cluster ${name} is down\n`);
      }
      setExit(0);
    });
}
