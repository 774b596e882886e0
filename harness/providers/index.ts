/** Provider lookup. Only `local` is implemented so far; kind and existing come later. */
import { LabError } from '../errors.js';
import { LocalProvider } from './local/provider.js';
import type { ClusterProvider, ProviderName } from './provider.js';

export const DEFAULT_CLUSTER_NAME = 'lab';
export const PROVIDER_NAMES: readonly ProviderName[] = ['local', 'kind', 'existing'];

export function getProvider(name: string): ClusterProvider {
  switch (name) {
    case 'local':
      return new LocalProvider();
    case 'kind':
    case 'existing':
      throw new LabError('USAGE', `provider ${name} is not implemented yet`, { suggestion: 'use --provider local' });
    default:
      throw new LabError('USAGE', `unknown provider ${JSON.stringify(name)}`, { suggestion: `one of: ${PROVIDER_NAMES.join(', ')}` });
  }
}
