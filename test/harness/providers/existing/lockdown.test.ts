import t from 'tap';
import { lockdownGaps } from '../../../../harness/providers/existing/lockdown.js';

const project = (spec: Record<string, unknown>) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'default', namespace: 'argocd' }, spec });

t.test("Argo CD's default AppProject: open is reported with its destinations; locked is not", async (t) => {
  const open = lockdownGaps(['argocd'], project({ sourceRepos: ['*'], destinations: [{ server: '*', namespace: '*' }] }));
  t.equal(open.length, 1);
  t.match(open[0], 'default AppProject is open (destinations: * *)');
  t.same(lockdownGaps(['argocd'], project({ sourceRepos: [], destinations: [] })), [], 'locked (the local provider installs it so)');
  t.same(lockdownGaps(['argocd'], project({ sourceRepos: ['*'], destinations: [] })), [], 'no destination: nothing deploys');
  t.same(lockdownGaps(['argocd'], project({ sourceRepos: [], destinations: [{ server: '*', namespace: '*' }] })), [], 'no source: nothing deploys');
  t.same(lockdownGaps(['argocd'], undefined), [], 'no default project at all');
  t.same(lockdownGaps(['argocd'], project({ sourceRepos: 'x', destinations: 'y' })), [], 'fields of the wrong type read as empty');
  t.match(lockdownGaps(['argocd'], project({ sourceRepos: ['a'], destinations: [{ name: 'in-cluster', namespace: 'team-a' }] }))[0], 'in-cluster team-a');
});

t.test('Flux: its lockdown flags cannot be read, and the report says what that leaves open', async (t) => {
  const gaps = lockdownGaps(['flux'], undefined);
  t.equal(gaps.length, 1);
  t.match(gaps[0], /--no-cross-namespace-refs=true, --default-service-account/);
  t.same(lockdownGaps([], project({ sourceRepos: ['*'], destinations: [{ server: '*', namespace: '*' }] })), [], 'no controllers, nothing to say');
});
