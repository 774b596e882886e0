import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { GROUP_SPECS, GROUPS, loadVersions } from '../../../../harness/providers/local/components.js';
import { localConfigDir } from '../../../../harness/providers/local/paths.js';

const versions = loadVersions();
const goMod = (g: string): string => readFileSync(join(localConfigDir(), g, 'go.mod'), 'utf8');
const required = (mod: string, module: string): string | undefined => {
  const re = new RegExp(`^\\s*(?:require\\s+)?${module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} (v\\S+)`, 'm');
  return re.exec(mod)?.[1];
};

t.test('go.mod pins agree with versions.yaml', async (t) => {
  const checks: [string, string, string][] = [
    ['kube', 'k8s.io/kubernetes', 'kubernetes'],
    ['etcd', 'go.etcd.io/etcd/server/v3', 'etcd'],
    ['kwok', 'sigs.k8s.io/kwok', 'kwok'],
    ['argocd', 'github.com/argoproj/argo-cd/v3', 'argocd'],
    ['flux', 'github.com/fluxcd/source-controller', 'sourceController'],
    ['flux', 'github.com/fluxcd/kustomize-controller', 'kustomizeController'],
    ['helmctl', 'github.com/fluxcd/helm-controller', 'helmController'],
    ['rollouts', 'github.com/argoproj/argo-rollouts', 'argoRollouts'],
    ['tools', 'sigs.k8s.io/kustomize/kustomize/v5', 'kustomize'],
    ['tools', 'helm.sh/helm/v4', 'helm'],
  ];
  for (const [group, module, component] of checks) {
    t.equal(required(goMod(group), module), versions.components[component]!.version, `${group}: ${module}`);
  }
});

t.test('staging replaces use the pinned staging version', async (t) => {
  for (const [group, component] of [['kube', 'kubernetes'], ['argocd', 'argocd'], ['rollouts', 'argoRollouts']] as const) {
    const mod = goMod(group);
    const want = versions.components[component]!.stagingVersion!;
    const replaces = [...mod.matchAll(/^\s*k8s\.io\/([a-z0-9-]+) => k8s\.io\/[a-z0-9-]+ (v\S+)/gm)].filter((m) => m[1] !== 'legacy-cloud-providers');
    t.ok(replaces.length >= 30, `${group} replaces every staging module (${replaces.length})`);
    for (const m of replaces) t.equal(m[2], want, `${group}: k8s.io/${m[1]}`);
  }
});

t.test('every binary package is a tool directive of its module, and GOTOOLCHAIN can stay local', async (t) => {
  for (const g of GROUPS) {
    const mod = goMod(g);
    for (const b of GROUP_SPECS[g].binaries) t.match(mod, new RegExp(`^(tool |\\t)${b.pkg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'm'), `${g}: ${b.pkg}`);
    const goLine = /^go (\d+)\.(\d+)(?:\.(\d+))?$/m.exec(mod);
    t.ok(goLine, `${g} has a go directive`);
    t.ok(Number(goLine![1]) === 1 && Number(goLine![2]) <= 26, `${g}: ${goLine![0]} needs no toolchain download`);
  }
});

t.test('argocd gitops-engine replace matches versions.yaml', async (t) => {
  const want = (versions.components['argocd'] as { gitopsEngine?: string }).gitopsEngine;
  t.ok(want, 'versions.yaml records the gitops-engine pseudo-version');
  t.match(goMod('argocd'), `github.com/argoproj/argo-cd/gitops-engine => github.com/argoproj/argo-cd/gitops-engine ${want}`);
});

t.test("helm-controller's group builds against the helm versions.yaml records (upstream helm in place of Flux's unserved fork)", async (t) => {
  const want = (versions.components['helmController'] as { helm?: string }).helm;
  t.ok(want, 'versions.yaml records the helm helm-controller is built against');
  t.equal(required(goMod('helmctl'), 'helm.sh/helm/v4'), want);
  t.notMatch(goMod('helmctl'), /^\s*(replace\s+)?helm\.sh\/helm\/v4 =>/m, 'no replace of helm (its fork is not served by the module proxy)');
});
