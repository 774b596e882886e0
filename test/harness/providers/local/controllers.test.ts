import t from 'tap';
import { controllersFor } from '../../../../harness/providers/provider.js';
import type { BinaryPaths } from '../../../../harness/providers/local/build.js';
import { controllerPortNames, controllerSpecs, type ControllerPorts } from '../../../../harness/providers/local/controllers.js';
import { argocdExtraYaml, planObjects } from '../../../../harness/providers/local/install.js';

const binaries = new Proxy({}, { get: (_t, k) => `/cache/bin/${String(k)}` }) as BinaryPaths;

t.test('controller selections', async (t) => {
  t.same(controllersFor('argocd'), ['argocd', 'rollouts']);
  t.same(controllersFor('flux'), ['flux', 'rollouts']);
  t.same(controllersFor('all'), ['argocd', 'flux', 'rollouts']);
  t.same(controllersFor('none'), []);
});

t.test('process specs: explicit ports, loopback addresses, no default ports', async (t) => {
  const names = controllerPortNames(['argocd', 'flux', 'rollouts']);
  const ports = Object.fromEntries(names.map((n, i) => [n, 41000 + i])) as ControllerPorts;
  const specs = controllerSpecs(['argocd', 'flux', 'rollouts'], {
    binaries,
    kubeconfigs: {
      'argocd-repo-server': '/s/identities/argocd-repo-server.kubeconfig',
      'argocd-application-controller': '/s/identities/argocd-application-controller.kubeconfig',
      'argocd-applicationset-controller': '/s/identities/argocd-applicationset-controller.kubeconfig',
      'source-controller': '/s/identities/source-controller.kubeconfig',
      'kustomize-controller': '/s/identities/kustomize-controller.kubeconfig',
      'helm-controller': '/s/identities/helm-controller.kubeconfig',
      'rollouts-controller': '/s/identities/argo-rollouts.kubeconfig',
    },
    stateDir: '/s',
    ports,
    toolsPath: '/s/bin',
    argocdResyncSeconds: 10,
    redisServer: '/usr/bin/redis-server',
  });
  t.same(specs.map((s) => s.name), ['redis-server', 'argocd-repo-server', 'argocd-application-controller', 'argocd-applicationset-controller', 'source-controller', 'kustomize-controller', 'helm-controller', 'rollouts-controller']);
  const allPorts = specs.flatMap((s) => Object.values(s.ports));
  t.equal(new Set(allPorts).size, allPorts.length, 'ports are distinct');
  for (const s of specs) {
    const line = s.args.join(' ');
    t.notMatch(line, /(^|[ :])(8080|8081|8082|8084|9090|9440|6379)( |$)/, `${s.name} uses no default port`);
    t.notMatch(line, /0\.0\.0\.0/, `${s.name} binds nothing to 0.0.0.0 explicitly`);
    for (const m of line.matchAll(/(?:--[a-z-]*addr(?:ess)?|--bind) (\S+)/g)) {
      if (m[1] !== '' && m[1] !== '0') t.match(m[1]!, /^127\.0\.0\.1(:\d+)?$/, `${s.name}: ${m[0]}`);
    }
  }
  // Every controller (redis aside, which dials nothing) sends any HTTP(S) request that is not to loopback to a
  // proxy on 127.0.0.1 where nothing listens: learner-written URLs (a chart's dependency, a web metric) never leave.
  for (const s of specs.filter((x) => x.name !== 'redis-server')) {
    for (const v of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) t.equal(s.env[v], 'http://127.0.0.1:9', `${s.name}: ${v}`);
    for (const v of ['NO_PROXY', 'no_proxy']) t.equal(s.env[v], '127.0.0.0/8,localhost', `${s.name}: ${v}`);
  }
  // Each controller runs as its own identity, never with the admin kubeconfig the learner's kubectl uses.
  t.same(
    Object.fromEntries(specs.map((s) => [s.name, s.env['KUBECONFIG'] ?? null])),
    {
      'redis-server': null,
      'argocd-repo-server': '/s/identities/argocd-repo-server.kubeconfig',
      'argocd-application-controller': '/s/identities/argocd-application-controller.kubeconfig',
      'argocd-applicationset-controller': '/s/identities/argocd-applicationset-controller.kubeconfig',
      'source-controller': '/s/identities/source-controller.kubeconfig',
      'kustomize-controller': '/s/identities/kustomize-controller.kubeconfig',
      'helm-controller': '/s/identities/helm-controller.kubeconfig',
      'rollouts-controller': '/s/identities/argo-rollouts.kubeconfig',
    },
  );
  const flag = (name: string) => { const a = specs.find((s) => s.name === name)!.args; return a[a.indexOf('--kubeconfig') + 1]; };
  t.equal(flag('argocd-application-controller'), '/s/identities/argocd-application-controller.kubeconfig');
  t.equal(flag('rollouts-controller'), '/s/identities/argo-rollouts.kubeconfig');
  const ctrl = specs.find((s) => s.name === 'argocd-application-controller')!;
  t.equal(ctrl.env['ARGOCD_FAKE_IN_CLUSTER'], 'true');
  t.match(ctrl.args.join(' '), /--app-resync 10 --app-resync-jitter 0/);
  t.match(ctrl.args.join(' '), new RegExp(`--repo-server 127.0.0.1:${ports.repoServer}`));
  const kc = specs.find((s) => s.name === 'kustomize-controller')!.args;
  t.ok(kc.includes('--no-cross-namespace-refs=true'), "Flux's tenancy lockdown");
  t.ok(kc.includes('--feature-gates=CancelHealthCheckOnNewRevision=true'), 'a new revision ends a health check still waiting on the previous one');
  const sc = specs.find((s) => s.name === 'source-controller')!.args;
  t.same([sc[sc.indexOf('--concurrent') + 1], kc[kc.indexOf('--concurrent') + 1]], ['8', '8'], "a class's pushes are fetched and applied 8 at a time (upstream: 2 and 4)");
  // helm-controller: kustomize-controller's lockdown (same-namespace sources, the run's reconciler by default),
  // its listeners on loopback at the ports allocated for it.
  const hc = specs.find((s) => s.name === 'helm-controller')!;
  t.equal(hc.file, '/cache/bin/helm-controller');
  for (const f of ['--no-cross-namespace-refs=true', '--default-service-account=gitops-lab-reconciler', '--enable-leader-election=false', '--watch-all-namespaces=true']) {
    t.ok(hc.args.includes(f), `helm-controller ${f}`);
    if (f !== '--watch-all-namespaces=true' && f !== '--enable-leader-election=false') t.ok(kc.includes(f), `kustomize-controller ${f} too`);
  }
  t.equal(hc.args[hc.args.indexOf('--metrics-addr') + 1], `127.0.0.1:${ports.helmMetrics}`);
  t.equal(hc.args[hc.args.indexOf('--health-addr') + 1], `127.0.0.1:${ports.helmHealth}`);
  t.same(hc.ports, { metrics: ports.helmMetrics, health: ports.helmHealth });
  t.same(hc.ready, { http: `http://127.0.0.1:${ports.helmHealth}/readyz` });
  t.equal(hc.env['RUNTIME_NAMESPACE'], 'flux-system');
  const appset = specs.find((s) => s.name === 'argocd-applicationset-controller')!;
  t.equal(appset.file, '/cache/bin/argocd', 'the same pinned multi-call binary');
  t.equal(appset.env['ARGOCD_BINARY_NAME'], 'argocd-applicationset-controller');
  t.equal(appset.env['ARGOCD_FAKE_IN_CLUSTER'], 'true');
  const arg = (name: string) => appset.args[appset.args.indexOf(name) + 1];
  t.equal(arg('--kubeconfig'), '/s/identities/argocd-applicationset-controller.kubeconfig');
  t.equal(arg('--namespace'), 'argocd', 'ApplicationSets in argocd only');
  t.notOk(appset.args.includes('--applicationset-namespaces'), 'no ApplicationSets in other namespaces');
  // Its listeners on loopback, at the ports allocated for them; Git through our repo-server only.
  t.equal(arg('--metrics-addr'), `127.0.0.1:${ports.appsetMetrics}`);
  t.equal(arg('--probe-addr'), '0', 'no probe server (it would register no check)');
  t.equal(arg('--webhook-addr'), `127.0.0.1:${ports.appsetWebhook}`);
  t.same(appset.ports, { metrics: ports.appsetMetrics, webhook: ports.appsetWebhook });
  t.equal(arg('--argocd-repo-server'), `127.0.0.1:${ports.repoServer}`);
  t.ok(appset.args.includes('--enable-scm-providers=false'), 'no SCM provider APIs');
  t.ok(appset.args.includes('--enable-leader-election=false'));
  t.equal(appset.env['ARGOCD_APPLICATIONSET_CONTROLLER_REQUEUE_AFTER'], '10s', 'a Git generator looks again at the lab resync');
  t.same(appset.ready, { http: `http://127.0.0.1:${ports.appsetMetrics}/metrics` });
  const repo = specs.find((s) => s.name === 'argocd-repo-server')!;
  t.match(repo.env['PATH']!, /^\/s\/bin:/, 'repo-server finds our kustomize and helm first');
});

t.test('a controller without an identity is not started with some other kubeconfig', async (t) => {
  const ports = Object.fromEntries(controllerPortNames(['flux']).map((n, i) => [n, 42000 + i])) as ControllerPorts;
  t.throws(() => controllerSpecs(['flux'], { binaries, kubeconfigs: { 'source-controller': '/s/a' }, stateDir: '/s', ports, toolsPath: '/s/bin', argocdResyncSeconds: 10, redisServer: '' }), /no kubeconfig \(identity\) for kustomize-controller/);
});

t.test('argocd lab config and install commands', async (t) => {
  const extra = argocdExtraYaml(10);
  t.match(extra, /timeout\.reconciliation: 10s/);
  t.match(extra, /timeout\.reconciliation\.jitter: 0s/);
  t.match(extra, /kind: AppProject/);
  const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-plan-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'crd.yaml'), 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: things.example.io\n');
  writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\n---\n');
  const objs = planObjects({ controller: 'argocd', namespace: 'argocd', crds: [join(dir, 'crd.yaml')], config: [join(dir, 'cm.yaml')], extra });
  t.same(objs.namespace, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'argocd' } });
  t.same(objs.crds.map((c) => c.metadata.name), ['things.example.io']);
  t.same(objs.config.map((c) => `${c.kind}/${c.metadata.namespace}/${c.metadata.name}`), ['ConfigMap/argocd/argocd-cm', 'ConfigMap/argocd/argocd-cm', 'ConfigMap/argocd/argocd-cmd-params-cm', 'AppProject/argocd/default']);
});

t.test('a cluster brought up before helm-controller ran (no ports for it) runs Flux without it', async (t) => {
  const ports = Object.fromEntries(controllerPortNames(['flux']).filter((n) => !n.startsWith('helm')).map((n, i) => [n, 42000 + i])) as ControllerPorts;
  const specs = controllerSpecs(['flux'], { binaries, kubeconfigs: { 'source-controller': '/s/a', 'kustomize-controller': '/s/b' }, stateDir: '/s', ports, toolsPath: '/s/bin', argocdResyncSeconds: 10, redisServer: '' });
  t.same(specs.map((s) => s.name), ['source-controller', 'kustomize-controller']);
  t.same(controllerPortNames(['flux']).filter((n) => n.startsWith('helm')), ['helmMetrics', 'helmHealth'], 'a new cluster gets its ports');
});
