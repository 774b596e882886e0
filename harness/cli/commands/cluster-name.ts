/**
 * One name for a cluster across the CLI: `start` and `validate` say `--cluster`, `up`, `status` and `down` say
 * `--name`; each of the latter takes `--cluster` too, so a user never has to remember which.
 */
import type { Command } from 'commander';
import { LabError } from '../../errors.js';
import { DEFAULT_CLUSTER_NAME } from '../../providers/index.js';

/** Adds `--name` and its alias `--cluster` (no default on either: the resolver applies it). */
export function clusterNameOptions(command: Command): Command {
  return command
    .option('--name <name>', `cluster name (default: ${DEFAULT_CLUSTER_NAME})`)
    .option('--cluster <name>', 'the same as --name (start and validate call it --cluster)');
}

/** The cluster a command names; both flags with different names is a usage error. */
export function clusterName(opts: { readonly name?: string; readonly cluster?: string }): string {
  if (opts.name !== undefined && opts.cluster !== undefined && opts.name !== opts.cluster) {
    throw new LabError('USAGE', `--name ${opts.name} and --cluster ${opts.cluster} name two clusters; give one`);
  }
  return opts.name ?? opts.cluster ?? DEFAULT_CLUSTER_NAME;
}
