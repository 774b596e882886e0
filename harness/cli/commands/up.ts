/** `gitops-lab up [--provider local|kind|existing] [--controller argocd|flux|all|none] [--name N]`. */
import { clusterName } from './cluster-name.js';
import type { Command } from 'commander';
import { LabError } from '../../errors.js';
import { DEFAULT_CLUSTER_NAME, defaultProvider, getProvider, PROVIDER_NAMES } from '../../providers/index.js';
import { CONTROLLER_SELECTIONS, type ClusterHandle, type ControllerSelection, type ExistingUpOptions, type KindUpOptions, type LocalUpOptions, type ProviderName, type UpOptions } from '../../providers/provider.js';
import type { SetExit } from './register.js';
import { chooseGitStorage } from '../../git/server-process.js';
import { clusterStateDir } from '../../providers/state.js';

/** The flags of `up` that belong to one provider, as given on the command line (absent: not given). */
export interface ProviderFlags {
  readonly nodes?: string;
  readonly preloadImages?: boolean;
  readonly context?: string;
  readonly kubeconfig?: string;
  readonly installControllers?: boolean;
  readonly gitStorage?: string;
  readonly gitUrl?: string;
  readonly gitStorageClass?: string;
}

/** Each provider-specific flag, its spelling and the provider it belongs to. */
const FLAG_OWNERS: readonly { readonly key: keyof ProviderFlags; readonly flag: string; readonly provider: ProviderName }[] = [
  { key: 'nodes', flag: '--nodes', provider: 'local' },
  { key: 'preloadImages', flag: '--preload-images', provider: 'kind' },
  { key: 'context', flag: '--context', provider: 'existing' },
  { key: 'kubeconfig', flag: '--kubeconfig', provider: 'existing' },
  { key: 'installControllers', flag: '--install-controllers', provider: 'existing' },
  { key: 'gitUrl', flag: '--git-url', provider: 'existing' },
  { key: 'gitStorageClass', flag: '--git-storage-class', provider: 'existing' },
];

/** Which provider `up` uses and why: given with --provider, implied by --context, or the default for this machine. */
export interface ProviderChoice {
  readonly provider: ProviderName;
  readonly how: 'flag' | 'context' | 'default';
}

/** A provider with the options of its own `up`. */
export type UpRequest =
  | { readonly provider: 'local'; readonly options: LocalUpOptions }
  | { readonly provider: 'kind'; readonly options: KindUpOptions }
  | { readonly provider: 'existing'; readonly options: ExistingUpOptions };

/** --provider if given (checked), else existing where --context is given, else `fallback` (kind where Docker answers). */
export async function chooseProvider(provider: string | undefined, flags: ProviderFlags, fallback: () => Promise<ProviderName>): Promise<ProviderChoice> {
  if (provider !== undefined) {
    if (!(PROVIDER_NAMES as readonly string[]).includes(provider)) {
      throw new LabError('USAGE', `unknown provider ${JSON.stringify(provider)}`, { suggestion: `one of: ${PROVIDER_NAMES.join(', ')}` });
    }
    return { provider: provider as ProviderName, how: 'flag' };
  }
  if (flags.context !== undefined) return { provider: 'existing', how: 'context' };
  return { provider: await fallback(), how: 'default' };
}

/**
 * The options of the chosen provider's `up`, from the common options and the flags. A flag of another provider is
 * a USAGE error that names the flag and both providers (it used to be ignored without a word).
 */
export function upRequest(choice: ProviderChoice, common: UpOptions, flags: ProviderFlags): UpRequest {
  const { provider } = choice;
  for (const f of FLAG_OWNERS) {
    if (flags[f.key] === undefined || flags[f.key] === false || f.provider === provider) continue;
    const why =
      choice.how === 'default' ? ` (the default here: ${provider === 'kind' ? 'a Docker engine answers' : 'no Docker engine answers'})` : choice.how === 'context' ? ' (implied by --context)' : '';
    throw new LabError('USAGE', `${f.flag} is for --provider ${f.provider}, not --provider ${provider}${why}`, {
      suggestion: `add --provider ${f.provider}, or leave out ${f.flag}`,
    });
  }
  if (flags.gitStorage !== undefined && flags.gitStorage !== 'shared' && flags.gitStorage !== 'own') {
    throw new LabError('USAGE', `--git-storage must be shared or own, not ${JSON.stringify(flags.gitStorage)}`);
  }
  if (provider === 'kind' && flags.gitStorage === 'shared') {
    throw new LabError('USAGE', "--git-storage shared is not for kind: kind's lab git server runs in the cluster with its own storage");
  }
  if ((flags.gitUrl !== undefined || flags.gitStorageClass !== undefined) && flags.gitStorage !== 'own') {
    throw new LabError('USAGE', `${flags.gitUrl !== undefined ? '--git-url' : '--git-storage-class'} is for the lab git server in the cluster: add --git-storage own`);
  }
  switch (provider) {
    case 'local': {
      if (flags.nodes === undefined) return { provider, options: common };
      const nodes = Number(flags.nodes);
      if (!Number.isInteger(nodes) || nodes < 1 || nodes > 50) throw new LabError('USAGE', '--nodes must be an integer from 1 to 50');
      return { provider, options: { ...common, nodes } };
    }
    case 'kind':
      return { provider, options: { ...common, ...(flags.preloadImages ? { preloadImages: true } : {}) } };
    case 'existing': {
      if (!flags.context) throw new LabError('USAGE', '--provider existing needs --context <name> (see `kubectl config get-contexts`)');
      return {
        provider,
        options: {
          ...common,
          context: flags.context,
          ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}),
          ...(flags.installControllers ? { installControllers: true } : {}),
          ...(flags.gitStorage === 'own'
            ? { gitServer: { ...(flags.gitUrl !== undefined ? { url: flags.gitUrl } : {}), ...(flags.gitStorageClass !== undefined ? { storageClass: flags.gitStorageClass } : {}) } }
            : {}),
        },
      };
    }
  }
}

/** Calls the chosen provider's `up` with its own options. */
export function bringUp(request: UpRequest): Promise<ClusterHandle> {
  switch (request.provider) {
    case 'local':
      return getProvider('local').up(request.options);
    case 'kind':
      return getProvider('kind').up(request.options);
    case 'existing':
      return getProvider('existing').up(request.options);
  }
}

interface UpCliOptions extends ProviderFlags {
  readonly provider?: string;
  readonly controller: string;
  readonly name?: string;
  readonly cluster?: string;
  readonly nodes: string;
  readonly json?: boolean;
}

export function register(program: Command, setExit: SetExit): void {
  program
    .command('up')
    .description('Bring up a cluster with GitOps controllers (kind with Docker; local: kwok control plane + controllers as processes; existing: a kubeconfig context).')
    .option('--provider <name>', 'local | kind | existing (default: kind where `docker info` answers, else local)')
    .option('--controller <which>', 'argocd | flux | all | none (Argo Rollouts comes with every choice but none)', 'all')
    .option('--name <name>', `cluster name (default: ${DEFAULT_CLUSTER_NAME})`)
    .option('--cluster <name>', 'the same as --name (start and validate call it --cluster)')
    .option('--nodes <n>', 'local: simulated nodes', '2')
    .option('--context <context>', 'existing: the kubeconfig context to use')
    .option('--kubeconfig <file>', 'existing: the kubeconfig holding --context (default: $KUBECONFIG, then ~/.kube/config)')
    .option('--install-controllers', 'existing: install the controllers whose CRDs are missing, from the pinned upstream manifests (down removes them again)')
    .option('--preload-images', 'kind: pull the controller images once and load them into the node (offline classrooms)')
    .option('--git-storage <where>', "shared: the lab git server serves the directory the harness reads (local's and existing's default); own: it keeps its own storage and is reached only through its URL, grades read mirrors the harness fetches (existing: the server runs in the cluster; kind's is always so)")
    .option('--git-url <url>', 'existing, with --git-storage own: the URL of the in-cluster git server (an Ingress or LoadBalancer you provide); without it gitops-lab keeps a port-forward')
    .option('--git-storage-class <name>', "existing, with --git-storage own: the StorageClass of the git server's volume (default: the cluster's default)")
    .option('--json', 'print the cluster handle as JSON')
    .action(async (opts: UpCliOptions, command: Command) => {
      if (!CONTROLLER_SELECTIONS.includes(opts.controller as ControllerSelection)) {
        throw new LabError('USAGE', `--controller must be one of ${CONTROLLER_SELECTIONS.join(', ')}`);
      }
      // --nodes has a default (shown in --help); only a --nodes given on the command line belongs to a provider.
      const flags: ProviderFlags = {
        ...(command.getOptionValueSource('nodes') === 'default' ? {} : { nodes: opts.nodes }),
        ...(opts.preloadImages !== undefined ? { preloadImages: opts.preloadImages } : {}),
        ...(opts.context !== undefined ? { context: opts.context } : {}),
        ...(opts.kubeconfig !== undefined ? { kubeconfig: opts.kubeconfig } : {}),
        ...(opts.installControllers !== undefined ? { installControllers: opts.installControllers } : {}),
        ...(opts.gitStorage !== undefined ? { gitStorage: opts.gitStorage } : {}),
        ...(opts.gitUrl !== undefined ? { gitUrl: opts.gitUrl } : {}),
        ...(opts.gitStorageClass !== undefined ? { gitStorageClass: opts.gitStorageClass } : {}),
      };
      const choice = await chooseProvider(opts.provider, flags, () => defaultProvider());
      const name = clusterName(opts);
      const request = upRequest(choice, { name, controllers: opts.controller as ControllerSelection, log: (line) => process.stderr.write(line + '\n') }, flags);
      process.stderr.write(`up ${name} (provider ${request.provider}, controllers ${opts.controller})\n`);
      const handle = await bringUp(request);
      // On the local provider the server runs beside the cluster, started with the first session: chosen here.
      if (request.provider === 'local' && opts.gitStorage !== undefined) await chooseGitStorage(clusterStateDir(handle.name), opts.gitStorage as 'shared' | 'own');
      if (opts.json) process.stdout.write(JSON.stringify(handle, null, 2) + '\n');
      else {
        process.stdout.write(`cluster ${handle.name} is up in ${(handle.elapsedMs / 1000).toFixed(1)}s\n`);
        process.stdout.write(`  controllers: ${handle.controllers.join(', ') || 'none'}\n`);
        process.stdout.write(`  kubeconfig:  ${handle.kubeconfig}\n`);
        if (handle.auditLog) process.stdout.write(`  audit log:   ${handle.auditLog}\n`);
        process.stdout.write(`  try: kubectl --kubeconfig ${handle.kubeconfig} get crd\n`);
      }
      setExit(0);
    });
}
