import t from 'tap';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEnvironment } from '../../../harness/render/kustomize.js';
import { scratch } from '../../helpers/cli.js';

function tree(root: string, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), text);
  }
}

const base = {
  'base/kustomization.yaml': 'resources:\n  - cm.yaml\n',
  'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: info\n',
};

t.test('renders an overlay with real kubectl kustomize, with a digest of the bytes', async (t) => {
  const { dir } = scratch(t);
  tree(dir, { ...base, 'env/kustomization.yaml': 'namespace: payments-staging\nresources:\n  - ../base\n' });
  const r = await renderEnvironment(dir, 'env');
  if (!r.ok) throw new Error(r.error);
  t.equal(r.objects.length, 1);
  t.equal((r.objects[0]!['metadata'] as Record<string, unknown>)['namespace'], 'payments-staging');
  t.match(r.digest, /^[0-9a-f]{64}$/);
  const again = await renderEnvironment(dir, 'env');
  t.equal(again.ok && again.digest, r.digest, 'the same tree renders to the same bytes');
});

t.test("broken YAML is render evidence with kustomize's own message, not a crash", async (t) => {
  const { dir } = scratch(t);
  tree(dir, { ...base, 'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n' });
  const r = await renderEnvironment(dir, 'base');
  t.equal(r.ok, false);
  if (!r.ok) {
    t.equal(r.reason, 'kustomize');
    t.match(r.error, /yaml|YAML|flow sequence|did not find/);
  }
});

t.test('a missing directory is reported as missing', async (t) => {
  const { dir } = scratch(t);
  const r = await renderEnvironment(dir, 'overlays/stagign');
  t.same(r, { ok: false, reason: 'missing', error: 'overlays/stagign: no such directory in the repository' });
});

t.test('remote bases are refused before kustomize runs, naming file and field', async (t) => {
  const { dir } = scratch(t);
  tree(dir, { ...base, 'env/kustomization.yaml': 'resources:\n  - ../base\n  - https://github.com/example/manifests//base?ref=v1\n' });
  const r = await renderEnvironment(dir, 'env');
  t.equal(r.ok, false);
  if (!r.ok) {
    t.equal(r.reason, 'refused');
    t.match(r.error, 'env/kustomization.yaml: resources[1]: "https://github.com/example/manifests//base?ref=v1" refused: a URL');
  }
});

t.test('a remote base reached through a local base is refused too', async (t) => {
  const { dir } = scratch(t);
  tree(dir, {
    'base/kustomization.yaml': 'resources:\n  - github.com/example/manifests/base?ref=main\n',
    'env/kustomization.yaml': 'resources:\n  - ../base\n',
  });
  const r = await renderEnvironment(dir, 'env');
  t.match(r, { ok: false, reason: 'refused', error: /base\/kustomization\.yaml: resources\[0\]/ });
});

t.test('exec and KRM function plugins and helm charts are refused', async (t) => {
  const { dir } = scratch(t);
  tree(dir, {
    ...base,
    'plug/kustomization.yaml': 'resources:\n  - ../base\ngenerators:\n  - gen.yaml\n',
    'plug/gen.yaml': 'apiVersion: example.com/v1\nkind: Gen\nmetadata:\n  name: g\n  annotations:\n    config.kubernetes.io/function: |\n      exec:\n        path: ./run.sh\n',
    'helm/kustomization.yaml': 'helmCharts:\n  - name: redis\n    repo: https://charts.example.com\n',
  });
  t.match(await renderEnvironment(dir, 'plug'), { ok: false, reason: 'refused', error: /generators\[0\]: plug\/gen.yaml\[0\]: exec, container or KRM function plugin refused/ });
  t.match(await renderEnvironment(dir, 'helm'), { ok: false, reason: 'refused', error: /helmCharts: Helm chart inflation refused/ });
});
