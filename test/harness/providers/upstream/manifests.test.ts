import t from 'tap';
import { parse } from 'yaml';
import { imagesIn, parseManifest, withFluxLockdown, withPullPolicy } from '../../../../harness/providers/upstream/install.js';
import { installManifests, REQUIRED_CRDS } from '../../../../harness/providers/upstream/manifests.js';
import { loadUpstreamPins } from '../../../../harness/providers/upstream/pins.js';
import { loadVersions } from '../../../../harness/providers/local/components.js';

const pins = loadUpstreamPins();

t.test('install URLs come from versions.yaml: Argo CD core-install, Flux and Rollouts release assets', async (t) => {
  const v = loadVersions();
  t.equal(pins.argocd, v.components['argocd']!.version, 'Argo CD shares the local provider pin');
  t.equal(pins.rollouts, v.components['argoRollouts']!.version, 'Rollouts shares the local provider pin');
  t.same(
    installManifests(pins, ['argocd', 'flux', 'rollouts']).map((m) => [m.controller, m.url, m.namespace]),
    [
      ['argocd', 'https://raw.githubusercontent.com/argoproj/argo-cd/v3.5.1/manifests/core-install.yaml', 'argocd'],
      ['flux', 'https://github.com/fluxcd/flux2/releases/download/v2.9.4/install.yaml', 'flux-system'],
      ['rollouts', 'https://github.com/argoproj/argo-rollouts/releases/download/v1.9.1/install.yaml', 'argo-rollouts'],
    ],
  );
});

t.test('every install is server-side with forced conflicts (Argo CD >= 3.3 needs it)', async (t) => {
  for (const m of installManifests(pins, ['argocd', 'flux', 'rollouts'])) {
    t.equal(m.serverSide, true, m.controller);
    t.equal(m.forceConflicts, true, m.controller);
  }
});

t.test('Rollouts is never the git manifest or :latest', async (t) => {
  const [m] = installManifests(pins, ['rollouts']);
  t.match(m!.url, /\/releases\/download\/v\d+\.\d+\.\d+\/install\.yaml$/);
  t.notMatch(m!.url, /latest|\/manifests\//);
});

t.test('only the selected controllers are installed', async (t) => {
  t.same(installManifests(pins, ['flux', 'rollouts']).map((m) => m.controller), ['flux', 'rollouts']);
  t.same(installManifests(pins, []), []);
});

t.test('required CRDs per controller', async (t) => {
  t.ok(REQUIRED_CRDS.argocd.includes('applications.argoproj.io'));
  t.same(REQUIRED_CRDS.flux, ['gitrepositories.source.toolkit.fluxcd.io', 'kustomizations.kustomize.toolkit.fluxcd.io']);
  t.ok(REQUIRED_CRDS.rollouts.includes('rollouts.argoproj.io'));
});

const manifest = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: applications.argoproj.io }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: argocd-application-controller }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: argocd-cm }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: argocd-application-controller }
spec:
  template:
    spec:
      initContainers: [{ name: copyutil, image: quay.io/argoproj/argocd:v3.5.1, imagePullPolicy: Always }]
      containers: [{ name: c, image: quay.io/argoproj/argocd:v3.5.1, imagePullPolicy: Always }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: argocd-redis, namespace: argocd }
spec:
  template:
    spec:
      containers: [{ name: redis, image: public.ecr.aws/docker/library/redis:8.2.3-alpine }]
`;

t.test('parseManifest puts namespaced objects into the install namespace (kubectl apply -n)', async (t) => {
  const objs = parseManifest(manifest, 'argocd');
  t.same(objs.map((o) => [o.kind, o.metadata.namespace ?? null]), [
    ['CustomResourceDefinition', null],
    ['ClusterRole', null],
    ['ConfigMap', 'argocd'],
    ['StatefulSet', 'argocd'],
    ['Deployment', 'argocd'],
  ]);
});

t.test('images to preload, and IfNotPresent once they are preloaded', async (t) => {
  const objs = parseManifest(manifest, 'argocd');
  t.same(imagesIn(objs), ['public.ecr.aws/docker/library/redis:8.2.3-alpine', 'quay.io/argoproj/argocd:v3.5.1']);
  const pinned = withPullPolicy(objs, 'IfNotPresent');
  const policies = pinned.flatMap((o) => {
    const ps = (o['spec'] as { template?: { spec?: { containers?: { imagePullPolicy?: string }[]; initContainers?: { imagePullPolicy?: string }[] } } } | undefined)?.template?.spec;
    return [...(ps?.initContainers ?? []), ...(ps?.containers ?? [])].map((c) => c.imagePullPolicy);
  });
  t.same(policies, ['IfNotPresent', 'IfNotPresent', 'IfNotPresent']);
  t.equal((parse(manifest.split('---')[3]!) as { spec: { template: { spec: { containers: { imagePullPolicy: string }[] } } } }).spec.template.spec.containers[0]!.imagePullPolicy, 'Always', 'the input is not changed');
  t.equal(((objs[3]!['spec'] as { template: { spec: { containers: { imagePullPolicy: string }[] } } }).template.spec.containers[0]!.imagePullPolicy), 'Always', 'parsed objects are not mutated');
});

// Flux's install as upstream ships it (the manager container's args as in kustomize-controller's
// config/manager/deployment.yaml); the kind provider installs it with the local provider's lockdown.
t.test("withFluxLockdown: kustomize-controller and helm-controller refuse cross-namespace refs and apply as the run's reconciler", async (t) => {
  const deployment = (name: string, args: string[]) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
      - name: manager
        image: ghcr.io/fluxcd/${name}:v1
        args: [${args.map((a) => JSON.stringify(a)).join(', ')}]
`;
  const text = [
    deployment('kustomize-controller', ['--watch-all-namespaces', '--log-level=info', '--no-cross-namespace-refs=false']),
    deployment('helm-controller', ['--watch-all-namespaces', '--default-service-account', 'default']),
    deployment('source-controller', ['--watch-all-namespaces']),
  ].join('---\n');
  const objs = parseManifest(text, 'flux-system');
  const locked = withFluxLockdown(objs);
  const args = (o: KubeObjectLike) => o.spec.template.spec.containers[0]!.args;
  type KubeObjectLike = { spec: { template: { spec: { containers: { args: string[] }[] } } } };
  const lockdown = ['--no-cross-namespace-refs=true', '--default-service-account=gitops-lab-reconciler'];
  t.same(args(locked[0] as unknown as KubeObjectLike), ['--watch-all-namespaces', '--log-level=info', ...lockdown], "kustomize-controller: upstream's own value replaced");
  t.same(args(locked[1] as unknown as KubeObjectLike), ['--watch-all-namespaces', ...lockdown], 'helm-controller: the flag and its value given as its own argument replaced (a stray word would end Go flag parsing)');
  t.equal(locked[2], objs[2], 'source-controller as it was');
  t.same(args(objs[0] as unknown as KubeObjectLike), ['--watch-all-namespaces', '--log-level=info', '--no-cross-namespace-refs=false'], 'the parsed objects are not changed');
});
