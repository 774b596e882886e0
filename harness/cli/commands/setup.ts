/** `gitops-lab setup local`: build every local-provider binary into the cache (idempotent; seconds when warm). */
import type { Command } from 'commander';
import { LabError } from '../../errors.js';
import { buildAll, describeBuildPlan, planBuild, type BuildEvent, pruneBinDirs } from '../../providers/local/build.js';
import { buildGroups } from '../../providers/local/plan.js';
import { CONTROLLER_SELECTIONS, controllersFor, type ControllerSelection } from '../../providers/provider.js';
import { GROUPS, type GroupName } from '../../providers/local/components.js';
import { cacheRoot } from '../../providers/local/paths.js';
import type { SetExit } from './register.js';

export function formatBuildEvent(e: BuildEvent): string | undefined {
  const what = e.binary ? `${e.group}/${e.binary}` : e.group;
  switch (e.status) {
    case 'cached':
      return `  ${what.padEnd(32)} cached  ${e.seconds.toFixed(1)}s`;
    case 'building':
      return `  ${what.padEnd(32)} building...`;
    case 'built':
      return `  ${what.padEnd(32)} built   ${e.seconds.toFixed(1)}s`;
    case 'failed':
      return `  ${what.padEnd(32)} FAILED  ${e.seconds.toFixed(1)}s`;
  }
}

/** The groups to build: --only's list, the groups --controller's `up` needs, or every group. */
export function setupGroups(opts: { only?: string; controller?: string }): GroupName[] {
  if (opts.only !== undefined && opts.controller !== undefined) throw new LabError('USAGE', '--only and --controller choose the groups two ways; give one');
  if (opts.controller !== undefined) {
    const selection = opts.controller as ControllerSelection;
    if (!CONTROLLER_SELECTIONS.includes(selection)) throw new LabError('USAGE', `--controller ${opts.controller}: expected one of ${CONTROLLER_SELECTIONS.join(', ')}`);
    return buildGroups(controllersFor(selection));
  }
  const groups = opts.only ? (opts.only.split(',').map((s) => s.trim()) as GroupName[]) : [...GROUPS];
  for (const g of groups) if (!GROUPS.includes(g)) throw new LabError('USAGE', `unknown group ${g}`, { suggestion: `one of ${GROUPS.join(', ')}` });
  return groups;
}

export function register(program: Command, setExit: SetExit): void {
  program
    .command('setup')
    .description('Prepare a provider. `setup local` builds the no-Docker control plane and controllers from pinned Go modules.')
    .argument('<provider>', 'provider to prepare (local)')
    .option('--only <groups>', `comma-separated groups to build (${GROUPS.join(',')})`)
    .option('--controller <controller>', 'build only what `up --controller <controller>` needs (argocd, flux, all, none)')
    .option('--force', 'rebuild even when the cache has a build for the current pins')
    .option('--prune', 'afterwards, remove binaries built for other pins (not the Go caches)')
    .action(async (provider: string, opts: { only?: string; controller?: string; force?: boolean; prune?: boolean }) => {
      if (provider !== 'local') throw new LabError('USAGE', `setup supports only the local provider (got ${provider})`);
      const groups = setupGroups(opts);
      process.stderr.write(`building local provider into ${cacheRoot()}\n`);
      if (!opts.force) for (const line of describeBuildPlan(planBuild(groups))) process.stderr.write(`${line}\n`);
      const result = await buildAll({
        groups,
        force: opts.force ?? false,
        onEvent: (e) => {
          const line = formatBuildEvent(e);
          if (line && !(e.status === 'built' && !e.binary)) process.stderr.write(line + '\n');
        },
      });
      const built = result.groups.filter((g) => g.status === 'built').length;
      if (opts.prune) {
        const removed = pruneBinDirs();
        process.stderr.write(removed.length > 0 ? `pruned ${removed.join(', ')}\n` : 'nothing to prune\n');
      }
      process.stdout.write(`setup local: ${result.groups.length} groups ready (${built} built, ${result.groups.length - built} cached) in ${result.seconds.toFixed(1)}s\n`);
      setExit(0);
    });
}
