import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { goBuildArgs, groupKey, groupPins } from '../../../../harness/providers/local/build.js';
import { GROUP_COMPONENTS, GROUP_SPECS, GROUPS, ldflagsFor, loadVersions } from '../../../../harness/providers/local/components.js';
import { repoRoot } from '../../../../harness/providers/local/paths.js';

const inputs = { pins: '{"a":1}', goMod: 'module x\n', goSum: 'sum\n' };

t.test('cache key is stable and sensitive to every input', async (t) => {
  const k = groupKey('kube', inputs);
  t.match(k, /^[0-9a-f]{16}$/);
  t.equal(groupKey('kube', { ...inputs }), k, 'same inputs, same key');
  t.not(groupKey('etcd', inputs), k, 'group is part of the key');
  t.not(groupKey('kube', { ...inputs, pins: '{"a":2}' }), k, 'the pins are part of the key');
  t.not(groupKey('kube', { ...inputs, goMod: 'module y\n' }), k, 'go.mod is part of the key');
  t.not(groupKey('kube', { ...inputs, goSum: 'other\n' }), k, 'go.sum is part of the key');
  // Field boundaries matter: moving bytes between fields changes the key.
  t.not(groupKey('kube', { pins: '{"a":1}module x\n', goMod: '', goSum: 'sum\n' }), k);
});

t.test("a group's key follows its own pins of versions.yaml, not comments, the kind section or other groups' pins", async (t) => {
  const yaml = readFileSync(join(repoRoot(), 'cluster-config', 'versions.yaml'), 'utf8');
  const pins = groupPins('kube', yaml);
  t.equal(groupPins('kube', `# a new comment\n${yaml}`), pins, 'a comment changes nothing');
  const kind = yaml.replace(/^ {2}flux: v\d+\.\d+\.\d+$/m, '  flux: v9.9.9');
  t.not(kind, yaml, '(the kind flux pin was found)');
  for (const g of GROUPS) t.equal(groupPins(g, kind), groupPins(g, yaml), `a kind-section pin changes no ${g} binary`);
  const bumped = yaml.replace(/^( {4}version: )v1\.36\.3$/m, '$1v1.36.4');
  t.not(bumped, yaml, '(the kubernetes pin was found)');
  t.not(groupPins('kube', bumped), pins, "the group's own component pin does");
  for (const g of GROUPS.filter((g) => g !== 'kube')) t.equal(groupPins(g, bumped), groupPins(g, yaml), `the kubernetes pin changes no ${g} key`);
  // A new pin in one group (as a new controller's would be) leaves every other group's key as it was.
  const added = yaml.replace(/^components:\n/m, 'components:\n  brandNew:\n    version: v0.0.1\n    module: example.com/new\n');
  t.not(added, yaml, '(components: was found)');
  for (const g of GROUPS) t.equal(groupPins(g, added), groupPins(g, yaml), `an unrelated new pin changes no ${g} key`);
  const go = yaml.replace(/^( {2}minimum: )"1\.26"$/m, '$1"1.27"');
  t.not(go, yaml, '(the go minimum was found)');
  for (const g of GROUPS) t.not(groupPins(g, go), groupPins(g, yaml), `the go: section is part of the ${g} key`);
  t.match(groupPins('flux', yaml), /"sourceController":\{"module":"github\.com\/fluxcd\/source-controller","version":"v\d/, "flux's pins name its components");
});

t.test('every component of versions.yaml belongs to exactly one group, and every group names only pinned components', async (t) => {
  const versions = loadVersions();
  const owners = new Map<string, string[]>();
  for (const g of GROUPS) for (const c of GROUP_COMPONENTS[g]) owners.set(c, [...(owners.get(c) ?? []), g]);
  for (const c of Object.keys(versions.components)) t.same(owners.get(c)?.length, 1, `components.${c} is in one group's key (${(owners.get(c) ?? []).join(', ') || 'none'})`);
  for (const [c, gs] of owners) t.ok(versions.components[c], `${gs.join(', ')}: components.${c} is pinned in versions.yaml`);
  t.same(Object.keys(GROUP_COMPONENTS).sort(), [...GROUPS].sort(), 'a mapping for every group');
});

t.test('go build command line', async (t) => {
  const args = goBuildArgs('/c/bin/kube-x/kube-apiserver', 'k8s.io/kubernetes/cmd/kube-apiserver', ['-s', '-w', '-X', 'a.b=c']);
  t.same(args, ['build', '-trimpath', '-p', '2', '-ldflags', '-s -w -X a.b=c', '-o', '/c/bin/kube-x/kube-apiserver', 'k8s.io/kubernetes/cmd/kube-apiserver']);
});

t.test('kube binaries are version-stamped from versions.yaml', async (t) => {
  const versions = loadVersions();
  const v = versions.components['kubernetes']!.version;
  for (const b of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubectl'] as const) {
    const flags = ldflagsFor(b, versions).join(' ');
    t.match(flags, `k8s.io/component-base/version.gitVersion=${v}`, b);
    t.match(flags, `k8s.io/client-go/pkg/version.gitVersion=${v}`, b);
    t.match(flags, /gitMajor=1 /, b);
    t.match(flags, /gitTreeState=clean/, b);
  }
  t.match(ldflagsFor('argocd', versions).join(' '), /argo-cd\/v3\/common\.version=3\.5\./);
  // The learner's plugin and the controller come from one module at one version, and say so.
  const rollouts = `github.com/argoproj/argo-rollouts/utils/version.version=${versions.components['argoRollouts']!.version.replace(/^v/, '')}`;
  t.match(ldflagsFor('kubectl-argo-rollouts', versions).join(' '), rollouts);
  t.same(ldflagsFor('kubectl-argo-rollouts', versions), ldflagsFor('rollouts-controller', versions));
  t.same(GROUP_SPECS.rollouts.binaries.map((b) => b.pkg), [
    'github.com/argoproj/argo-rollouts/cmd/rollouts-controller',
    'github.com/argoproj/argo-rollouts/cmd/kubectl-argo-rollouts',
  ]);
});

t.test('every group has binaries with distinct names', async (t) => {
  const names = GROUPS.flatMap((g) => GROUP_SPECS[g].binaries.map((b) => b.binary));
  t.equal(new Set(names).size, names.length);
  t.equal(GROUPS.length, 8);
  t.same(GROUP_SPECS.helmctl.binaries, [{ binary: 'helm-controller', pkg: 'github.com/fluxcd/helm-controller' }], "helm-controller: from its own module's root package");
});

t.test('stale bin dirs: everything but the current keys', async (t) => {
  const { mkdtempSync, mkdirSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { groupBinDir, pruneBinDirs, staleBinDirs } = await import('../../../../harness/providers/local/build.js');
  const root = mkdtempSync(join(tmpdir(), 'gitops-lab-cache-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const env = { ...process.env, GITOPS_LAB_CACHE: root };
  const current = groupBinDir('kube', env);
  mkdirSync(current, { recursive: true });
  mkdirSync(join(root, 'bin', 'kube-0000000000000000'), { recursive: true });
  mkdirSync(join(root, 'bin', 'bootstrap-kube'), { recursive: true });
  t.same(staleBinDirs(env).sort(), ['bootstrap-kube', 'kube-0000000000000000']);
  t.same(pruneBinDirs(env).sort(), ['bootstrap-kube', 'kube-0000000000000000']);
  t.same(staleBinDirs(env), []);
});

t.test('build plan: cached groups, groups to build, and how long their last build here took', async (t) => {
  const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { describeBuildPlan, groupBinDir, planBuild } = await import('../../../../harness/providers/local/build.js');
  const root = mkdtempSync(join(tmpdir(), 'gitops-lab-cache-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const env = { ...process.env, GITOPS_LAB_CACHE: root };
  const stamp = (dir: string, group: string, seconds: number, builtAt: string, binaries: readonly string[]): void => {
    mkdirSync(dir, { recursive: true });
    for (const b of binaries) writeFileSync(join(dir, b), '');
    writeFileSync(join(dir, '.stamp.json'), JSON.stringify({ group, key: dir.slice(-16), builtAt, go: 'go1.26', binaries: {}, seconds }));
  };
  // etcd: built for the current pins (cached). kube: two builds for older pins, the newer one counts.
  stamp(groupBinDir('etcd', env), 'etcd', 150, '2026-12-02T10:03:38Z', GROUP_SPECS.etcd.binaries.map((b) => b.binary));
  stamp(join(root, 'bin', 'kube-0000000000000000'), 'kube', 900, '2026-11-01T00:00:00Z', []);
  stamp(join(root, 'bin', 'kube-1111111111111111'), 'kube', 1125, '2026-12-01T00:00:00Z', []);
  // A stamp that names another group in a kube- directory is not kube's.
  stamp(join(root, 'bin', 'kube-2222222222222222'), 'etcd', 5, '2026-12-03T00:00:00Z', []);
  const plan = planBuild(['kube', 'etcd', 'flux'], env);
  t.same(plan, [
    { group: 'kube', cached: false, lastSeconds: 1125, lastBuiltAt: '2026-12-01T00:00:00Z' },
    { group: 'etcd', cached: true, lastSeconds: 150, lastBuiltAt: '2026-12-02T10:03:38Z' },
    { group: 'flux', cached: false },
  ]);
  const lines = describeBuildPlan(plan);
  t.match(lines[0], /^2 of 3 groups to build \(at least 19 min; 1 never built here/);
  t.same(lines.slice(1), ['  kube       to build (last build 1125s on 2026-12-01)', '  etcd       cached', '  flux       to build (no build on record)']);
  t.match(describeBuildPlan(plan.slice(0, 2))[0], /^1 of 2 groups to build \(about 19 min in all, as last time\):$/);
  t.match(describeBuildPlan([{ group: 'tools', cached: false, lastSeconds: 42, lastBuiltAt: '2026-12-01T00:00:00Z' }])[0], /about 42 s in all/);
  t.match(describeBuildPlan([{ group: 'tools', cached: false }])[0], /never built here: a cold build of all eight groups took 24 min/);
  t.same(describeBuildPlan([plan[1]!]), ['nothing to build: the group is cached for the current pins']);
  t.same(describeBuildPlan([plan[1]!, plan[1]!]), ['nothing to build: all 2 groups are cached for the current pins']);
});
