import t from 'tap';
import { lockdownGaps } from '../../../../harness/providers/existing/lockdown.js';

/** Every run policy present: only the default project's state is reported. */
const POLICIES = ['gitops-lab-run-appprojects', 'gitops-lab-run-applications', 'gitops-lab-run-applicationsets', 'gitops-lab-run-generated-applications'];

const project = (spec: Record<string, unknown>) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'default', namespace: 'argocd' }, spec });

t.test("Argo CD's default AppProject: open is reported with its destinations; locked is not", async (t) => {
  const open = lockdownGaps(['argocd'], project({ sourceRepos: ['*'], destinations: [{ server: '*', namespace: '*' }] }), POLICIES);
  t.equal(open.length, 1);
  t.match(open[0], 'default AppProject is open (destinations: * *)');
  t.same(lockdownGaps(['argocd'], project({ sourceRepos: [], destinations: [] }), POLICIES), [], 'locked (the local provider installs it so)');
  t.same(lockdownGaps(['argocd'], project({ sourceRepos: ['*'], destinations: [] }), POLICIES), [], 'no destination: nothing deploys');
  t.same(lockdownGaps(['argocd'], project({ sourceRepos: [], destinations: [{ server: '*', namespace: '*' }] }), POLICIES), [], 'no source: nothing deploys');
  t.same(lockdownGaps(['argocd'], undefined, POLICIES), [], 'no default project at all');
  t.same(lockdownGaps(['argocd'], project({ sourceRepos: 'x', destinations: 'y' }), POLICIES), [], 'fields of the wrong type read as empty');
  t.match(lockdownGaps(['argocd'], project({ sourceRepos: ['a'], destinations: [{ name: 'in-cluster', namespace: 'team-a' }] }), POLICIES)[0], 'in-cluster team-a');
});

t.test('Flux: its lockdown flags cannot be read, and the report says what that leaves open', async (t) => {
  const gaps = lockdownGaps(['flux'], undefined);
  t.equal(gaps.length, 1);
  t.match(gaps[0], /--no-cross-namespace-refs=true, --default-service-account/);
  t.same(lockdownGaps([], project({ sourceRepos: ['*'], destinations: [{ server: '*', namespace: '*' }] })), [], 'no controllers, nothing to say');
});

t.test("Argo CD: a cluster without gitops-lab's run policies is told what that leaves open", async (t) => {
  const locked = project({ sourceRepos: [], destinations: [] });
  const none = lockdownGaps(['argocd'], locked, []);
  t.equal(none.length, 2);
  t.match(none[0], /no ValidatingAdmissionPolicy gitops-lab-run-appprojects, gitops-lab-run-applications .*AppProject wider than the run's.*taking it over/);
  t.match(none[1], /no ValidatingAdmissionPolicy gitops-lab-run-applicationsets, gitops-lab-run-generated-applications .*Git generator reads any repository.*another learner's.*another project/);
  t.match(lockdownGaps(['argocd'], locked, ['gitops-lab-run-appprojects', 'someone-elses', ...POLICIES.slice(2)])[0], /no ValidatingAdmissionPolicy gitops-lab-run-applications \(/, 'the one missing is named');
  const older = lockdownGaps(['argocd'], locked, [...POLICIES.slice(0, 2), 'gitops-lab-run-generated-applications']);
  t.equal(older.length, 1, 'a cluster set up before the ApplicationSet policies: only they are reported');
  t.match(older[0], /no ValidatingAdmissionPolicy gitops-lab-run-applicationsets \(/);
  t.same(lockdownGaps(['argocd'], locked, POLICIES), []);
  t.same(lockdownGaps(['flux'], undefined, []).filter((g) => g.includes('ValidatingAdmissionPolicy')), [], 'Flux is held by RBAC, not by these');
});
