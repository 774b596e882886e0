/**
 * The Helm render boundary with the real, pinned helm (the one `setup local` builds into the cache, found through
 * the local provider's binary paths). A machine that has not built it fails here, saying so: these tests never
 * pass without running helm.
 */
import t from 'tap';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { binaryPaths } from '../../../harness/providers/local/build.js';
import { forgetHelm, helmTemplateArgs, locateHelm } from '../../../harness/render/helm.js';
import { collectRenderEvidence, renderCommit } from '../../../harness/evidence/render-evidence.js';
import { renderEnvironment } from '../../../harness/render/kustomize.js';
import type { SkipReason } from '../../../harness/render/materialise.js';
import { scratch } from '../../helpers/cli.js';
import { bareRepoWith, startListeners, tempDir } from './repo.js';

const HELM = binaryPaths().helm;
if (!existsSync(HELM)) {
  t.fail(`the pinned helm is not built on this machine (${HELM} is missing): run \`node dist/harness/cli/main.js setup local\` (tools group) before these tests`);
  t.end();
} else {
  process.env['GITOPS_LAB_HELM'] = HELM;
  forgetHelm();
}

function tree(root: string, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), text);
  }
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Values.name }}
  namespace: {{ .Release.Namespace }}
  labels:
    release: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicas }}
  selector:
    matchLabels: { app: {{ .Values.name }} }
  template:
    metadata:
      labels: { app: {{ .Values.name }} }
    spec:
      containers:
        - name: {{ .Values.name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`;

const chart = {
  'charts/payment-api/Chart.yaml': 'apiVersion: v2\nname: payment-api\nversion: 0.1.0\n',
  'charts/payment-api/values.yaml': 'name: payment-api\nreplicas: 1\nimage:\n  repository: nginx\n  tag: "1.27.5"\n',
  'charts/payment-api/values-staging.yaml': 'replicas: 2\nimage:\n  tag: "1.27.6"\n',
  'charts/payment-api/values-hotfix.yaml': 'image:\n  tag: "1.27.7"\n',
  'charts/payment-api/templates/deployment.yaml': DEPLOYMENT,
};

const staging = { releaseName: 'payment-api', namespace: 'payments-staging', valueFiles: ['values-staging.yaml'] };

function image(objects: readonly Record<string, unknown>[]): unknown {
  const d = objects.find((o) => o['kind'] === 'Deployment') as { spec: { template: { spec: { containers: { image: string }[] } } } } | undefined;
  return d?.spec.template.spec.containers[0]?.image;
}

t.test('the located helm is the pinned one, and a machine without it is told how to build it', async (t) => {
  const tool = await locateHelm();
  t.equal(tool.path, HELM);
  t.equal(tool.version, 'v4.2.1');
  forgetHelm();
  await t.rejects(locateHelm({ ...process.env, GITOPS_LAB_HELM: '/nonexistent/helm' }), { code: 'TOOL_MISSING', message: /pinned helm v4\.2\.1 is not built.*setup local/ });
  forgetHelm();
});

t.test('renders a chart of the repository with the release name, namespace and values files, values layered in order', async (t) => {
  const { dir } = scratch(t);
  tree(dir, chart);
  const r = await renderEnvironment(dir, 'charts/payment-api', { helm: staging });
  if (!r.ok) throw new Error(r.error);
  t.equal(r.objects.length, 1);
  const d = r.objects[0] as { metadata: { namespace: string; labels: Record<string, string> }; spec: { replicas: number } };
  t.equal(d.metadata.namespace, 'payments-staging');
  t.equal(d.metadata.labels['release'], 'payment-api');
  t.equal(d.spec.replicas, 2, 'values-staging.yaml over values.yaml');
  t.equal(image(r.objects), 'nginx:1.27.6');
  t.match(r.digest, /^[0-9a-f]{64}$/);
  const again = await renderEnvironment(dir, 'charts/payment-api', { helm: staging });
  t.equal(again.ok && again.digest, r.digest, 'the same tree renders to the same bytes');
  const base = await renderEnvironment(dir, 'charts/payment-api', { helm: { ...staging, valueFiles: [] } });
  t.equal(base.ok && image(base.objects), 'nginx:1.27.5', "no values files: the chart's values.yaml");
  const later = await renderEnvironment(dir, 'charts/payment-api', { helm: { ...staging, valueFiles: ['values-staging.yaml', 'values-hotfix.yaml'] } });
  t.equal(later.ok && image(later.objects), 'nginx:1.27.7', 'the last values file wins');
});

t.test("a template error is render evidence with helm's own message naming the template", async (t) => {
  const { dir } = scratch(t);
  tree(dir, { ...chart, 'charts/payment-api/templates/broken.yaml': 'kind: ConfigMap\nmetadata:\n  name: {{ .Values.name | nosuchfunction }}\n' });
  const r = await renderEnvironment(dir, 'charts/payment-api', { helm: staging });
  t.equal(r.ok, false);
  if (!r.ok) {
    t.equal(r.reason, 'helm');
    t.match(r.error, /^charts\/payment-api: helm template: .*templates\/broken\.yaml.*nosuchfunction/s);
    t.notMatch(r.error, dir, 'the scratch directory is not part of the evidence');
  }
});

t.test('a directory without Chart.yaml, and a missing chart directory, are missing', async (t) => {
  const { dir } = scratch(t);
  tree(dir, { 'charts/empty/values.yaml': 'a: 1\n' });
  t.same(await renderEnvironment(dir, 'charts/empty', { helm: staging }), { ok: false, reason: 'missing', error: 'charts/empty/Chart.yaml: no such file: charts/empty is not a Helm chart' });
  t.same(await renderEnvironment(dir, 'charts/nope', { helm: staging }), { ok: false, reason: 'missing', error: 'charts/nope: no such directory in the repository' });
});

t.test('chart dependencies with a repository are refused before helm runs, naming the file and field', async (t) => {
  for (const [repo, what] of [
    ['https://charts.example.com/stable', 'a URL'],
    ['oci://registry.example.com/charts', 'an OCI registry'],
    ['@stable', 'a repository alias'],
    ['alias:stable', 'a repository alias'],
  ] as const) {
    const { dir } = scratch(t);
    tree(dir, { ...chart, 'charts/payment-api/Chart.yaml': `apiVersion: v2\nname: payment-api\nversion: 0.1.0\ndependencies:\n  - name: redis\n    version: 1.0.0\n    repository: ${JSON.stringify(repo)}\n` });
    const r = await renderEnvironment(dir, 'charts/payment-api', { helm: staging });
    t.equal(r.ok, false, repo);
    if (!r.ok) {
      t.equal(r.reason, 'refused');
      t.match(r.error, `charts/payment-api/Chart.yaml: dependencies[0].repository: ${JSON.stringify(repo)} refused: ${what}`);
    }
  }
  const { dir } = scratch(t);
  tree(dir, { ...chart, 'charts/payment-api/charts/cache/Chart.yaml': 'apiVersion: v1\nname: cache\nversion: 0.1.0\n', 'charts/payment-api/charts/cache/requirements.yaml': 'dependencies:\n  - name: redis\n    repository: https://charts.example.com\n' });
  const sub = await renderEnvironment(dir, 'charts/payment-api', { helm: staging });
  t.match(sub, { ok: false, reason: 'refused', error: /^charts\/payment-api\/charts\/cache\/requirements\.yaml: dependencies\[0\]\.repository: "https:\/\/charts\.example\.com" refused/ }, "a subchart's requirements.yaml too");
  const { dir: d2 } = scratch(t);
  tree(d2, { ...chart, 'charts/payment-api/Chart.yaml': 'apiVersion: v2\nname: payment-api\nversion: 0.1.0\ndependencies:\n  - name: x\n    version: 1.0.0\n    repository: file://../../../outside\n' });
  t.match(await renderEnvironment(d2, 'charts/payment-api', { helm: staging }), { ok: false, reason: 'refused', error: /dependencies\[0\]\.repository: "\.\.\/\.\.\/\.\.\/outside" refused: resolves outside the repository/ });
});

t.test('values files outside the repository, absolute, remote or missing are refused naming the field', async (t) => {
  const { dir } = scratch(t);
  tree(dir, chart);
  const cases: [string, RegExp][] = [
    ['../../../etc/passwd', /^charts\/payment-api: helm\.valueFiles\[0\]: "\.\.\/\.\.\/\.\.\/etc\/passwd" refused: resolves outside the repository/],
    ['/etc/passwd', /helm\.valueFiles\[0\]: "\/etc\/passwd" refused: an absolute path/],
    ['https://example.com/values.yaml', /helm\.valueFiles\[0\]: "https:\/\/example\.com\/values\.yaml" refused: a URL/],
  ];
  for (const [v, error] of cases) t.match(await renderEnvironment(dir, 'charts/payment-api', { helm: { ...staging, valueFiles: [v] } }), { ok: false, reason: 'refused', error }, v);
  t.same(await renderEnvironment(dir, 'charts/payment-api', { helm: { ...staging, valueFiles: ['values-staging.yaml', 'values-prod.yaml'] } }), {
    ok: false,
    reason: 'missing',
    error: 'charts/payment-api: helm.valueFiles[1]: "values-prod.yaml": no such file in the repository (charts/payment-api/values-prod.yaml)',
  });
  t.ok((await renderEnvironment(dir, 'charts/payment-api', { helm: { ...staging, valueFiles: ['../payment-api/values-staging.yaml'] } })).ok, 'a path that stays in the repository is fine');
});

t.test('symlinks in the chart are refused: on disk, and those materialisation recorded and did not write', async (t) => {
  const { dir } = scratch(t);
  tree(dir, chart);
  symlinkSync('/etc/passwd', join(dir, 'charts/payment-api/templates/passwd.yaml'));
  t.match(await renderEnvironment(dir, 'charts/payment-api', { helm: staging }), { ok: false, reason: 'refused', error: 'charts/payment-api/templates/passwd.yaml: a symlink in the chart charts/payment-api refused' });
  const { dir: d2 } = scratch(t);
  tree(d2, chart);
  const skipped = new Map<string, SkipReason>([['charts/payment-api/files/secret', 'symlink']]);
  t.match(await renderEnvironment(d2, 'charts/payment-api', { helm: staging, skipped }), { ok: false, reason: 'refused', error: 'charts/payment-api/files/secret: a symlink in the chart charts/payment-api refused (symlink not followed' });
  const { dir: d3 } = scratch(t);
  tree(d3, chart);
  mkdirSync(join(d3, 'config'));
  symlinkSync('/etc', join(d3, 'config/linked'));
  t.match(await renderEnvironment(d3, 'charts/payment-api', { helm: { ...staging, valueFiles: ['../../config/linked/passwd'] } }), {
    ok: false,
    reason: 'refused',
    error: /^charts\/payment-api: helm\.valueFiles\[0\]: "\.\.\/\.\.\/config\/linked\/passwd" refused: config\/linked is a symlink/,
  }, 'a values file reached through a symlinked directory outside the chart');
});

t.test('helm runs offline: no DNS from templates, no cluster lookup, no --validate or dependency update', async (t) => {
  const { dir } = scratch(t);
  tree(dir, {
    ...chart,
    'charts/payment-api/templates/probe.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\ndata:\n  host: {{ getHostByName "localhost" | quote }}\n  lookup: {{ lookup "v1" "Namespace" "" "kube-system" | toJson | quote }}\n  kube: {{ .Capabilities.KubeVersion.Version | quote }}\n',
  });
  const r = await renderEnvironment(dir, 'charts/payment-api', { helm: staging });
  if (!r.ok) throw new Error(r.error);
  const probe = r.objects.find((o) => o['kind'] === 'ConfigMap') as { data: Record<string, string> };
  t.equal(probe.data['host'], '', 'getHostByName resolves nothing (no --enable-dns)');
  t.equal(probe.data['lookup'], '{}', 'lookup reaches no cluster');
  const args = helmTemplateArgs('charts/payment-api', ['charts/payment-api/values-staging.yaml'], staging);
  t.same(args, ['template', 'payment-api', './charts/payment-api', '--namespace', 'payments-staging', '--include-crds', '--values', './charts/payment-api/values-staging.yaml']);
  for (const flag of ['--validate', '--dependency-update', '--post-renderer', '--enable-dns']) t.notOk(args.includes(flag), flag);
});

t.test('through a real commit: a symlink in the chart is refused, and a dependency or values file on a loopback server is never fetched', async (t) => {
  const net = await startListeners();
  t.teardown(() => net.close());
  const dir = tempDir(t);
  const { bare, sha } = await bareRepoWith(dir, {
    ...chart,
    'charts/payment-api/templates/passwd.yaml': { symlink: '/etc/passwd' },
    'charts/remote/Chart.yaml': `apiVersion: v2\nname: remote\nversion: 0.1.0\ndependencies:\n  - name: x\n    version: 0.1.0\n    repository: http://${net.http}/charts\n`,
    'charts/remote/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n',
    'charts/ok/Chart.yaml': 'apiVersion: v2\nname: ok\nversion: 0.1.0\n',
    'charts/ok/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n',
  });
  const h = (path: string, valueFiles: string[] = []) => ({ path, namespace: 'payments-staging', helm: { releaseName: 'payment-api', valueFiles } });
  const out = await renderCommit(bare, sha, {
    symlinked: h('charts/payment-api', ['values-staging.yaml']),
    dependency: h('charts/remote'),
    values: h('charts/ok', [`http://${net.http}/values.yaml`]),
    ok: h('charts/ok'),
  });
  t.match(out['symlinked'], { ok: false, reason: 'refused', error: /^charts\/payment-api\/templates\/passwd\.yaml: a symlink in the chart charts\/payment-api refused \(symlink not followed/ });
  t.match(out['dependency'], { ok: false, reason: 'refused', error: /^charts\/remote\/Chart\.yaml: dependencies\[0\]\.repository: "http:\/\/127\.0\.0\.1:\d+\/charts" refused: a URL/ });
  t.match(out['values'], { ok: false, reason: 'refused', error: /^charts\/ok: helm\.valueFiles\[0\]: "http:\/\/127\.0\.0\.1:\d+\/values\.yaml" refused: a URL/ });
  t.match(out['ok'], { ok: true }, 'a chart of the commit renders');
  t.same(net.seen(), { http: 0, tcp: 0 }, 'no connection to the loopback listeners');
});

t.test("render evidence names the helm that rendered a Helm environment (and a kustomize-only grade does not run it)", async (t) => {
  const dir = tempDir(t);
  const { bare, sha } = await bareRepoWith(dir, { ...chart, 'base/kustomization.yaml': 'resources: []\n' });
  const helmEnv = { namespace: 'payments-staging', path: 'charts/payment-api', registration: 'platform/clusters/staging', helm: { releaseName: 'payment-api', valueFiles: ['values-staging.yaml'] } };
  const withHelm = await collectRenderEvidence(bare, sha, sha, { staging: helmEnv });
  t.match(withHelm.tool, /^kubectl .*; helm v4\.2\.1$/);
  t.equal(withHelm.environments[0]!.head.ok && image(withHelm.environments[0]!.head.objects), 'nginx:1.27.6');
  const plain = await collectRenderEvidence(bare, sha, sha, { base: { namespace: 'x', path: 'base', registration: 'platform/clusters/x' } });
  t.notMatch(plain.tool, /helm/);
});
