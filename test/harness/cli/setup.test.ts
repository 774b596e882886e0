/** `setup local`: which groups it builds (--only, --controller, every group) and its refusals. */
import t from 'tap';
import { setupGroups } from '../../../harness/cli/commands/setup.js';
import { GROUPS } from '../../../harness/providers/local/components.js';

t.test('every group by default; --only lists them; --controller builds what up needs for that selection', async (t) => {
  t.same(setupGroups({}), GROUPS);
  t.same(setupGroups({ only: 'kube, etcd' }), ['kube', 'etcd']);
  t.same(setupGroups({ controller: 'flux' }), ['kube', 'etcd', 'kwok', 'flux', 'helmctl', 'rollouts']);
  t.same(setupGroups({ controller: 'argocd' }), ['kube', 'etcd', 'kwok', 'argocd', 'tools', 'rollouts']);
  t.same(setupGroups({ controller: 'none' }), ['kube', 'etcd', 'kwok']);
  t.same([...setupGroups({ controller: 'all' })].sort(), [...GROUPS].sort());
});

t.test('refusals name the flag and what it accepts', async (t) => {
  const usage = (f: () => unknown, re: RegExp) => t.throws(f, { code: 'USAGE', message: re });
  usage(() => setupGroups({ controller: 'jenkins' }), /--controller jenkins: expected one of argocd, flux, all, none/);
  usage(() => setupGroups({ only: 'kube,helm-thing' }), /unknown group helm-thing/);
  usage(() => setupGroups({ only: 'kube', controller: 'flux' }), /--only and --controller/);
});
