import t from 'tap';
import { checkRenderSafety, remoteForm } from '../../../harness/render/safety.js';
import { renderEnvironment } from '../../../harness/render/kustomize.js';
import { tempDir, writeTree } from './repo.js';

const base = {
  'base/kustomization.yaml': 'resources:\n  - cm.yaml\n',
  'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: info\n',
};

t.test('every local path field that stays inside the checkout passes, and kustomize renders it', async (t) => {
  const dir = tempDir(t);
  writeTree(dir, {
    ...base,
    'env/kustomization.yaml': [
      'resources:\n  - ../base',
      'patches:\n  - path: p.yaml',
      'patchesStrategicMerge:\n  - |\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: settings\n    data:\n      inline: "yes"',
      'configMapGenerator:\n  - name: gen\n    files:\n      - key=files/a.txt\n      - files/a.txt\n    envs:\n      - files/e.env',
      'transformers:\n  - |\n    apiVersion: builtin\n    kind: LabelTransformer\n    metadata:\n      name: l\n    labels:\n      team: pay\n    fieldSpecs:\n      - path: metadata/labels\n        create: true',
    ].join('\n') + '\n',
    'env/p.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: debug\n',
    'env/files/a.txt': 'hello\n',
    'env/files/e.env': 'K=v\n',
  });
  t.equal(await checkRenderSafety(dir, 'env'), undefined);
  const r = await renderEnvironment(dir, 'env');
  if (!r.ok) throw new Error(r.error);
  t.same(
    r.objects.map((o) => [(o['metadata'] as { name: string }).name.replace(/-[a-z0-9]{10}$/, ''), o['data'], (o['metadata'] as { labels: unknown }).labels]),
    [
      ['gen', { K: 'v', 'a.txt': 'hello\n', key: 'hello\n' }, { team: 'pay' }],
      ['settings', { inline: 'yes', level: 'debug' }, { team: 'pay' }],
    ],
  );
});

t.test('remote forms are recognised; local paths are not', async (t) => {
  for (const v of ['https://x/y', 'git::x', 'gh:o/r', 'git@h:o/r', 'h:o/r', 'a?ref=v', 'a//b', 'github.com/o/r', 'GitHub.com/o/r', 'dev.azure.com/o/_git/r', 'file:///tmp/x']) {
    t.not(remoteForm(v), undefined, v);
  }
  for (const v of ['../base', 'a/b.yaml', 'v1.2/x', '.hidden', 'gitlab']) t.equal(remoteForm(v), undefined, v);
});

t.test('shape and parsing problems are refusals naming the file', async (t) => {
  const dir = tempDir(t);
  writeTree(dir, {
    ...base,
    'merge/kustomization.yaml': 'commonAnnotations: &a\n  path: https://x/p.yaml\npatches:\n  - <<: *a\n',
    'unknown/kustomization.yaml': 'resources: []\nremoteThing: x\n',
    'laughs/kustomization.yaml': 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n',
    'nonlist/kustomization.yaml': 'resources: ../base\n',
    'missing/kustomization.yaml': 'resources:\n  - ../base\npatches:\n  - path: nope.yaml\n',
    'equals/kustomization.yaml': 'configMapGenerator:\n  - name: c\n    files:\n      - a=b=c\n',
  });
  t.same(await checkRenderSafety(dir, 'merge'), { reason: 'refused', error: 'merge/kustomization.yaml: patches[0]: YAML merge keys (<<) refused' });
  t.same(await checkRenderSafety(dir, 'unknown'), { reason: 'refused', error: 'unknown/kustomization.yaml: remoteThing: unknown field refused (gitops-lab checks every field kustomize loads)' });
  t.match(await checkRenderSafety(dir, 'laughs'), { reason: 'too-large', error: /^laughs\/kustomization\.yaml: YAML: (more than 64 aliases|Excessive alias count)/ });
  t.same(await checkRenderSafety(dir, 'nonlist'), { reason: 'refused', error: 'nonlist/kustomization.yaml: resources: expected a list' });
  t.same(await checkRenderSafety(dir, 'missing'), { reason: 'refused', error: 'missing/kustomization.yaml: patches[0].path: "nope.yaml" refused: no such file or directory in the commit' });
  t.same(await checkRenderSafety(dir, 'equals'), {
    reason: 'refused',
    error: 'equals/kustomization.yaml: configMapGenerator[0].files[0]: "a=b=c" refused: key names or file paths cannot contain \'=\'',
  });
});

t.test("kustomize's output beyond RENDER_LIMITS is render evidence, too-large", async (t) => {
  const dir = tempDir(t);
  const big = 'x'.repeat(900 * 1024);
  const files: Record<string, string> = { 'env/big.txt': big };
  const gens = Array.from({ length: 10 }, (_, i) => `  - name: c${i}\n    files:\n      - big.txt`).join('\n');
  files['env/kustomization.yaml'] = `configMapGenerator:\n${gens}\n`;
  writeTree(dir, files);
  t.same(await renderEnvironment(dir, 'env'), { ok: false, reason: 'too-large', error: `env: kubectl kustomize wrote more than ${8 * 1024 * 1024} bytes` });
});
