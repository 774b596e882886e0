/**
 * `up`'s options per provider: which provider is chosen, the options its own `up` gets, and a USAGE error (exit 2)
 * naming the flag and both providers when a flag belongs to another provider. The last tests run the built
 * executable; they stop at the flags, before any cluster or Docker is touched.
 */
import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../../../harness/errors.js';
import { chooseProvider, type ProviderChoice, type ProviderFlags, upRequest } from '../../../harness/cli/commands/up.js';
import { scratch } from '../../helpers/cli.js';

const common = { name: 'lab', controllers: 'all' } as const;
const chosen = (provider: ProviderChoice['provider'], how: ProviderChoice['how'] = 'flag'): ProviderChoice => ({ provider, how });
const never = async (): Promise<never> => {
  throw new Error('the default provider is not asked for');
};

function usage(t: Tap.Test, fn: () => unknown, message: RegExp, hint?: RegExp): void {
  try {
    fn();
    t.fail(`no error; expected ${String(message)}`);
  } catch (error) {
    t.type(error, LabError);
    t.equal((error as LabError).code, 'USAGE');
    t.match((error as LabError).message, message);
    if (hint) t.match((error as LabError).suggestion ?? '', hint);
  }
}

t.test('each provider gets its own options, and only the flags that were given', async (t) => {
  t.same(upRequest(chosen('local'), common, {}), { provider: 'local', options: common });
  t.same(upRequest(chosen('local'), common, { nodes: '3' }), { provider: 'local', options: { ...common, nodes: 3 } });
  t.same(upRequest(chosen('kind'), common, {}), { provider: 'kind', options: common });
  t.same(upRequest(chosen('kind'), common, { preloadImages: true }), { provider: 'kind', options: { ...common, preloadImages: true } });
  t.same(upRequest(chosen('existing'), common, { context: 'prod' }), { provider: 'existing', options: { ...common, context: 'prod' } });
  t.same(upRequest(chosen('existing'), common, { context: 'prod', kubeconfig: '/k/config', installControllers: true }), {
    provider: 'existing',
    options: { ...common, context: 'prod', kubeconfig: '/k/config', installControllers: true },
  });
});

t.test('a flag of another provider is a USAGE error naming the flag and both providers', async (t) => {
  const cases: [ProviderChoice['provider'], ProviderFlags, string, string][] = [
    ['local', { context: 'prod' }, '--context', 'existing'],
    ['local', { kubeconfig: '/k/config' }, '--kubeconfig', 'existing'],
    ['local', { installControllers: true }, '--install-controllers', 'existing'],
    ['local', { preloadImages: true }, '--preload-images', 'kind'],
    ['kind', { nodes: '3' }, '--nodes', 'local'],
    ['kind', { context: 'prod' }, '--context', 'existing'],
    ['existing', { context: 'prod', nodes: '3' }, '--nodes', 'local'],
    ['existing', { context: 'prod', preloadImages: true }, '--preload-images', 'kind'],
    ['local', { gitStorage: 'own', gitUrl: 'https://git.example.edu' }, '--git-url', 'existing'],
    ['kind', { gitStorage: 'own', gitStorageClass: 'fast' }, '--git-storage-class', 'existing'],
  ];
  for (const [provider, flags, flag, owner] of cases) {
    usage(t, () => upRequest(chosen(provider), common, flags), new RegExp(`^${flag} is for --provider ${owner}, not --provider ${provider}$`), new RegExp(`add --provider ${owner}, or leave out ${flag}`));
  }
});

t.test('the error says why the provider was chosen when no --provider was given', async (t) => {
  usage(t, () => upRequest(chosen('kind', 'default'), common, { nodes: '3' }), /^--nodes is for --provider local, not --provider kind \(the default here: a Docker engine answers\)$/);
  usage(t, () => upRequest(chosen('local', 'default'), common, { preloadImages: true }), /^--preload-images is for --provider kind, not --provider local \(the default here: no Docker engine answers\)$/);
  usage(t, () => upRequest(chosen('existing', 'context'), common, { context: 'prod', nodes: '2' }), /^--nodes is for --provider local, not --provider existing \(implied by --context\)$/);
});

t.test('--git-storage: own puts the git server in an existing cluster, with its URL and class; checked before anything is made', async (t) => {
  t.same(upRequest(chosen('existing'), common, { context: 'prod', gitStorage: 'own' }), { provider: 'existing', options: { ...common, context: 'prod', gitServer: {} } }, 'a kept port-forward');
  t.same(upRequest(chosen('existing'), common, { context: 'prod', gitStorage: 'own', gitUrl: 'https://git.example.edu', gitStorageClass: 'fast' }), {
    provider: 'existing',
    options: { ...common, context: 'prod', gitServer: { url: 'https://git.example.edu', storageClass: 'fast' } },
  });
  t.same(upRequest(chosen('existing'), common, { context: 'prod', gitStorage: 'shared' }), { provider: 'existing', options: { ...common, context: 'prod' } }, 'shared: beside the cluster, as without the flag');
  t.same(upRequest(chosen('local'), common, { gitStorage: 'own' }), { provider: 'local', options: common }, "local: the CLI records the choice for the server it starts with the first session");
  t.same(upRequest(chosen('kind'), common, { gitStorage: 'own' }), { provider: 'kind', options: common }, "kind's is always so");
  usage(t, () => upRequest(chosen('kind'), common, { gitStorage: 'shared' }), /^--git-storage shared is not for kind: kind's lab git server runs in the cluster with its own storage$/);
  usage(t, () => upRequest(chosen('existing'), common, { context: 'prod', gitStorage: 'elsewhere' }), /^--git-storage must be shared or own, not "elsewhere"$/);
  usage(t, () => upRequest(chosen('existing'), common, { context: 'prod', gitUrl: 'https://git.example.edu' }), /^--git-url is for the lab git server in the cluster: add --git-storage own$/);
  usage(t, () => upRequest(chosen('existing'), common, { context: 'prod', gitStorage: 'shared', gitStorageClass: 'fast' }), /^--git-storage-class is for the lab git server in the cluster: add --git-storage own$/);
});

t.test('--nodes is checked on local; existing needs --context', async (t) => {
  for (const n of ['0', '51', '2.5', 'two']) usage(t, () => upRequest(chosen('local'), common, { nodes: n }), /^--nodes must be an integer from 1 to 50$/);
  usage(t, () => upRequest(chosen('existing'), common, {}), /^--provider existing needs --context <name>/);
  usage(t, () => upRequest(chosen('existing'), common, { kubeconfig: '/k/config' }), /^--provider existing needs --context <name>/);
});

t.test('choosing the provider: --provider, else existing with --context, else the default', async (t) => {
  t.same(await chooseProvider('local', { context: 'prod' }, never), chosen('local'));
  t.same(await chooseProvider(undefined, { context: 'prod' }, never), chosen('existing', 'context'));
  t.same(await chooseProvider(undefined, {}, async () => 'kind'), chosen('kind', 'default'));
  t.same(await chooseProvider(undefined, { nodes: '3' }, async () => 'local'), chosen('local', 'default'));
  await t.rejects(chooseProvider('docker', {}, never), { code: 'USAGE', message: 'unknown provider "docker"' });
});

t.test('the executable: --context with --provider local exits 2 before anything is made', async (t) => {
  const cli = scratch(t);
  const r = await cli.run(['up', '--provider', 'local', '--context', 'prod', '--name', 'x']);
  t.equal(r.exitCode, 2);
  t.match(r.stderr, /^error: --context is for --provider existing, not --provider local\nhint: add --provider existing, or leave out --context\n$/);
  t.notOk(existsSync(join(cli.home, 'clusters', 'x')), 'no state directory');
  const i = await cli.run(['up', '--provider', 'kind', '--install-controllers', '--name', 'x']);
  t.equal(i.exitCode, 2);
  t.match(i.stderr, /--install-controllers is for --provider existing, not --provider kind/);
});

t.test('the executable: --nodes left at its default belongs to no provider', async (t) => {
  const cli = scratch(t);
  // Existing with a context that no kubeconfig has: past the flags (no USAGE error about --nodes), it fails on the context.
  const r = await cli.run(['up', '--context', 'no-such-context', '--kubeconfig', join(cli.dir, 'missing-kubeconfig'), '--name', 'x']);
  t.notMatch(r.stderr, /--nodes/);
  t.match(r.stderr, /up x \(provider existing, controllers all\)/);
  t.not(r.exitCode, 0);
});
