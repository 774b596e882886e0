/** `gitops-lab up [--provider local|kind|existing] [--controller argocd|flux|all|none] [--name N]`. */
import type { Command } from 'commander';
import { LabError } from '../../errors.js';
import { DEFAULT_CLUSTER_NAME, defaultProvider, getProvider } from '../../providers/index.js';
import { ExistingProvider, type ExistingUpOptions } from '../../providers/existing/provider.js';
import type { ControllerSelection } from '../../providers/provider.js';
import type { SetExit } from './register.js';

const SELECTIONS: readonly ControllerSelection[] = ['argocd', 'flux', 'all', 'none'];

export function register(program: Command, setExit: SetExit): void {
  program
    .command('up')
    .description('Bring up a cluster with GitOps controllers (kind with Docker; local: kwok control plane + controllers as processes; existing: a kubeconfig context).')
    .option('--provider <name>', 'local | kind | existing (default: kind where `docker info` answers, else local)')
    .option('--controller <which>', 'argocd | flux | all | none (Argo Rollouts comes with every choice but none)', 'all')
    .option('--name <name>', 'cluster name', DEFAULT_CLUSTER_NAME)
    .option('--nodes <n>', 'simulated nodes', '2')
    .option('--context <context>', 'existing: the kubeconfig context to use')
    .option('--kubeconfig <file>', 'existing: the kubeconfig holding --context (default: $KUBECONFIG, then ~/.kube/config)')
    .option('--install-controllers', 'existing: install the controllers whose CRDs are missing, from the pinned upstream manifests (down removes them again)')
    .option('--preload-images', 'kind: pull the controller images once and load them into the node (offline classrooms)')
    .option('--json', 'print the cluster handle as JSON')
    .action(async (opts: { provider?: string; controller: string; name: string; nodes: string; context?: string; kubeconfig?: string; preloadImages?: boolean; installControllers?: boolean; json?: boolean }) => {
      if (!SELECTIONS.includes(opts.controller as ControllerSelection)) {
        throw new LabError('USAGE', `--controller must be one of ${SELECTIONS.join(', ')}`);
      }
      const nodes = Number(opts.nodes);
      if (!Number.isInteger(nodes) || nodes < 1 || nodes > 50) throw new LabError('USAGE', '--nodes must be an integer from 1 to 50');
      const provider = getProvider(opts.provider ?? (opts.context ? 'existing' : await defaultProvider()));
      if (opts.installControllers && !(provider instanceof ExistingProvider)) {
        throw new LabError('USAGE', `--install-controllers is for --provider existing (${provider.name} installs its controllers itself)`);
      }
      process.stderr.write(`up ${opts.name} (provider ${provider.name}, controllers ${opts.controller})\n`);
      // ExistingUpOptions: the common options and the existing provider's own (other providers ignore it).
      const options: ExistingUpOptions = {
        name: opts.name,
        controllers: opts.controller as ControllerSelection,
        nodes,
        ...(opts.context ? { context: opts.context } : {}),
        ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}),
        ...(opts.preloadImages ? { preloadImages: true } : {}),
        ...(opts.installControllers ? { installControllers: true } : {}),
        log: (line) => process.stderr.write(line + '\n'),
      };
      const handle = await provider.up(options);
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
