/** Provider lookup, and the default: kind where a Docker engine answers, local otherwise. */
import { LabError } from '../errors.js';
import { checkDocker } from './docker.js';
import { ExistingProvider } from './existing/provider.js';
import { KindProvider } from './kind/provider.js';
import { LocalProvider } from './local/provider.js';
import type { ClusterProvider, ProviderName } from './provider.js';
import { recordedProvider } from './state.js';

export const DEFAULT_CLUSTER_NAME = 'lab';
export const PROVIDER_NAMES: readonly ProviderName[] = ['local', 'kind', 'existing'];

const PROVIDERS: { readonly [N in ProviderName]: () => ClusterProvider<N> } = {
  local: () => new LocalProvider(),
  kind: () => new KindProvider(),
  existing: () => new ExistingProvider(),
};

const isProviderName = (name: string): name is ProviderName => (PROVIDER_NAMES as readonly string[]).includes(name);

/** The provider named `name`; with a known name, typed so that `up` takes that provider's own options. */
export function getProvider<N extends ProviderName>(name: N): ClusterProvider<N>;
export function getProvider(name: string): ClusterProvider;
export function getProvider(name: string): ClusterProvider {
  if (!isProviderName(name)) throw new LabError('USAGE', `unknown provider ${JSON.stringify(name)}`, { suggestion: `one of: ${PROVIDER_NAMES.join(', ')}` });
  return PROVIDERS[name]();
}

/** The provider `up` uses without --provider: kind where `docker info` answers, local otherwise. */
export async function defaultProvider(env?: Readonly<Record<string, string | undefined>>): Promise<'kind' | 'local'> {
  return (await checkDocker(env)).ok ? 'kind' : 'local';
}

/** The provider of a recorded cluster (what status and down use without --provider); local when none is recorded. */
export function providerOfCluster(name: string): ProviderName {
  return recordedProvider(name) ?? 'local';
}
