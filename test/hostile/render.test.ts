/**
 * Hostile render inputs (issue 10, items 2 and 3), each with its exact outcome: real bare repositories,
 * real git, real kubectl kustomize, and a loopback HTTP listener and raw TCP listener that must see no
 * connection during any render.
 */
import t from 'tap';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../harness/exec.js';
import { renderCommit } from '../../harness/evidence/render-evidence.js';
import { renderFence } from '../../harness/render/fence.js';
import { liveScratchDirs } from '../../harness/scratch.js';
import type { RenderOutcome } from '../../harness/model/evidence.js';
import { bareRepoWith, IDENTITY, startListeners, tempDir, type Listeners } from '../harness/render/repo.js';

const NO_NETWORK = 'gitops-lab renders only what is in the commit (no network, nothing outside the repository)';

const base = {
  'base/kustomization.yaml': 'resources:\n  - cm.yaml\n',
  'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: info\n',
  'base/p.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: debug\n',
};

const env = (path: string) => ({ namespace: 'ns', path, registration: 'r' });

let listeners: Listeners;
t.before(async () => {
  listeners = await startListeners();
});
t.teardown(() => listeners.close());

/** Every test ends with the listeners untouched. */
function noConnection(t: Tap.Test, what: string): void {
  t.same(listeners.seen(), { http: 0, tcp: 0 }, `${what}: the loopback listeners saw no connection`);
}

/** kubectl kustomize on a plain `git clone` of the repository, as a learner would run it. */
async function plainCheckoutRender(dir: string, bare: string, envPath: string): Promise<string> {
  const clone = join(dir, `clone-${Math.random().toString(36).slice(2)}`);
  await run('git', ['clone', '-q', bare, clone], { cwd: dir, env: IDENTITY, cleanEnv: true, timeoutMs: 30_000 });
  return (await run('kubectl', ['kustomize', envPath], { cwd: clone, cleanEnv: true, env: { HOME: '/nonexistent', KUBECONFIG: '/nonexistent' }, timeoutMs: 30_000 })).stdout;
}

t.test('export-subst and export-ignore have no effect: the render equals a plain checkout rendered by kustomize', async (t) => {
  const dir = tempDir(t);
  const { bare, sha } = await bareRepoWith(dir, {
    ...base,
    '.gitattributes': 'env/kustomization.yaml export-subst\nbase/extra.yaml export-ignore\n',
    'base/kustomization.yaml': 'resources:\n  - cm.yaml\n  - extra.yaml\n',
    'base/extra.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n',
    'env/kustomization.yaml': 'resources:\n  - ../base\nimages:\n  - name: nginx\n    newTag: "$Format:%H$"\ncommonAnnotations:\n  tag: "$Format:%H$"\n',
  });
  const out = await renderCommit(bare, sha, { staging: env('env') });
  const r = out['staging']!;
  if (!r.ok) throw new Error(r.error);
  t.same(
    r.objects.map((o) => [(o['metadata'] as { name: string }).name, (o['metadata'] as { annotations: Record<string, string> }).annotations]),
    [['extra', { tag: '$Format:%H$' }], ['settings', { tag: '$Format:%H$' }]],
    'the literal $Format$ string and the export-ignored file, as committed',
  );
  const plain = await plainCheckoutRender(dir, bare, 'env');
  const { createHash } = await import('node:crypto');
  t.equal(r.digest, createHash('sha256').update(plain).digest('hex'), 'byte for byte what kustomize renders from a checkout');
  noConnection(t, 'export-subst');
});

t.test("the grader's global git config is scrubbed: a filter.*.smudge defined there never runs", async (t) => {
  const dir = tempDir(t);
  const { bare, sha } = await bareRepoWith(dir, { ...base, '.gitattributes': '* filter=evil\n', 'env/kustomization.yaml': 'resources:\n  - ../base\n' });
  const home = join(dir, 'grader-home');
  const marker = join(dir, 'MARKER');
  mkdirSync(join(home, '.config', 'git'), { recursive: true });
  const config = `[filter "evil"]\n\tsmudge = touch ${marker}; cat\n\tclean = cat\n`;
  writeFileSync(join(home, '.gitconfig'), config);
  writeFileSync(join(home, '.config', 'git', 'config'), config);
  // Control: the same config does run for an ordinary git command in this environment.
  await run('git', ['clone', '-q', bare, join(dir, 'control')], { cwd: dir, env: { ...IDENTITY, GIT_CONFIG_GLOBAL: join(home, '.gitconfig') }, timeoutMs: 30_000 });
  t.ok(existsSync(marker), 'control: a clone with this global config runs the filter');
  rmSync(marker);
  const saved = { HOME: process.env['HOME'], XDG_CONFIG_HOME: process.env['XDG_CONFIG_HOME'], GIT_CONFIG_GLOBAL: process.env['GIT_CONFIG_GLOBAL'] };
  process.env['HOME'] = home;
  process.env['XDG_CONFIG_HOME'] = join(home, '.config');
  process.env['GIT_CONFIG_GLOBAL'] = join(home, '.gitconfig');
  try {
    const out = await renderCommit(bare, sha, { staging: env('env') });
    t.match(out['staging'], { ok: true, objects: [{ metadata: { name: 'settings' }, data: { level: 'info' } }] });
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  t.notOk(existsSync(marker), 'the filter did not run during the render');
  noConnection(t, 'filter');
});

t.test("the grader's KUBECONFIG and proxies are not passed to kubectl", async (t) => {
  const dir = tempDir(t);
  const { bare, sha } = await bareRepoWith(dir, { ...base, 'env/kustomization.yaml': 'resources:\n  - ../base\n' });
  const kubeconfig = (server: string) =>
    `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://${server}\ncontexts:\n- name: c\n  context:\n    cluster: c\ncurrent-context: c\n`;
  // Control, against a listener of its own: this kubectl does talk to the server of an inherited KUBECONFIG.
  const control = await startListeners();
  t.teardown(() => control.close());
  writeFileSync(join(dir, 'control-kubeconfig'), kubeconfig(control.tcp));
  const clone = join(dir, 'control');
  await run('git', ['clone', '-q', bare, clone], { cwd: dir, env: IDENTITY, cleanEnv: true, timeoutMs: 30_000 });
  await run('kubectl', ['kustomize', 'env'], { cwd: clone, env: { KUBECONFIG: join(dir, 'control-kubeconfig') }, timeoutMs: 30_000, allowFailure: true });
  t.ok(control.seen().tcp > 0, 'control: kubectl kustomize with an inherited KUBECONFIG connects to its server');
  writeFileSync(join(dir, 'kubeconfig'), kubeconfig(listeners.tcp));
  const names = ['KUBECONFIG', 'HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy', 'ALL_PROXY'];
  const saved = Object.fromEntries(names.map((k) => [k, process.env[k]]));
  Object.assign(process.env, Object.fromEntries(names.map((k) => [k, k === 'KUBECONFIG' ? join(dir, 'kubeconfig') : `http://${listeners.http}`])));
  let out: Record<string, RenderOutcome>;
  try {
    out = await renderCommit(bare, sha, { staging: env('env') });
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  t.match(out['staging'], { ok: true, objects: [{ metadata: { name: 'settings' } }] });
  noConnection(t, 'KUBECONFIG');
});

/** Remote forms of every field kustomize loads, with the listeners' addresses. */
function remoteForms(): string[] {
  const H = listeners.http;
  const T = listeners.tcp;
  return [
    `http://${H}/p.yaml`,
    `https://${H}/p.yaml`,
    `git::http://${H}/x//p.yaml`,
    `git::http://${H}/org/repo.git//base?ref=main`,
    `git::file://${tmpdir()}/other-session/lab.git//base`,
    `file://${tmpdir()}/other-session/lab.git`,
    `ssh://git@${T}/org/repo//base`,
    `git::ssh://git@${T}/org/repo//base`,
    `git@127.0.0.1:org/repo//base`,
    `127.0.0.1:org/repo//base`,
    `github.com/org/repo//base?ref=v1`,
    `gh:org/repo//base`,
    `base?ref=main`,
  ];
}

/** kustomization texts: one per field, the remote value at index 0 of the field, with the label to expect. */
function fieldCases(v: string): { field: string; text: string; extra?: Record<string, string> }[] {
  const q = JSON.stringify(v);
  // A files entry splits at '=' (key=path), so a value holding '=' is another case (below).
  const files = (c: { field: string; text: string }[]) => (v.includes('=') ? [] : c);
  return [
    { field: 'resources[1]', text: `resources:\n  - ../../base\n  - ${q}\n` },
    { field: 'bases[0]', text: `bases:\n  - ${q}\n` },
    { field: 'components[0]', text: `resources:\n  - ../../base\ncomponents:\n  - ${q}\n` },
    { field: 'patches[0].path', text: `resources:\n  - ../../base\npatches:\n  - path: ${q}\n` },
    { field: 'patchesStrategicMerge[0]', text: `resources:\n  - ../../base\npatchesStrategicMerge:\n  - ${q}\n` },
    { field: 'patchesJson6902[0].path', text: `resources:\n  - ../../base\npatchesJson6902:\n  - target: {version: v1, kind: ConfigMap, name: settings}\n    path: ${q}\n` },
    ...files([
      { field: 'configMapGenerator[0].files[0]', text: `configMapGenerator:\n  - name: c\n    files:\n      - ${q}\n` },
      { field: 'configMapGenerator[0].files[0]', text: `configMapGenerator:\n  - name: c\n    files:\n      - ${JSON.stringify(`key=${v}`)}\n` },
      { field: 'secretGenerator[0].files[0]', text: `secretGenerator:\n  - name: s\n    files:\n      - ${q}\n` },
    ]),
    { field: 'configMapGenerator[0].envs[0]', text: `configMapGenerator:\n  - name: c\n    envs:\n      - ${q}\n` },
    { field: 'configMapGenerator[0].env', text: `configMapGenerator:\n  - name: c\n    env: ${q}\n` },
    { field: 'openapi.path', text: `resources:\n  - ../../base\nopenapi:\n  path: ${q}\n` },
    { field: 'crds[0]', text: `resources:\n  - ../../base\ncrds:\n  - ${q}\n` },
    { field: 'configurations[0]', text: `resources:\n  - ../../base\nconfigurations:\n  - ${q}\n` },
    { field: 'replacements[0].path', text: `resources:\n  - ../../base\nreplacements:\n  - path: ${q}\n` },
    { field: 'generators[0]', text: `generators:\n  - ${q}\n` },
    { field: 'transformers[0]', text: `resources:\n  - ../../base\ntransformers:\n  - ${q}\n` },
    { field: 'validators[0]', text: `resources:\n  - ../../base\nvalidators:\n  - ${q}\n` },
    {
      field: 'transformers[0]: cases/$/patch.yaml[0].path',
      text: 'resources:\n  - ../../base\ntransformers:\n  - patch.yaml\n',
      extra: { 'patch.yaml': `apiVersion: builtin\nkind: PatchTransformer\nmetadata:\n  name: p\npath: ${q}\n` },
    },
    {
      field: 'transformers[0][0].paths[0]',
      text: `resources:\n  - ../../base\ntransformers:\n  - |\n    apiVersion: builtin\n    kind: PatchStrategicMergeTransformer\n    metadata:\n      name: p\n    paths:\n      - ${q}\n`,
    },
  ];
}

t.test('every remote form in every field kustomize loads is refused, naming file and field; nothing is fetched', async (t) => {
  const dir = tempDir(t);
  const files: Record<string, string> = { ...base };
  const expected: Record<string, { field: string; value: string }> = {};
  let n = 0;
  for (const v of remoteForms()) {
    for (const c of fieldCases(v)) {
      const id = `c${n++}`;
      files[`cases/${id}/kustomization.yaml`] = c.text;
      for (const [f, text] of Object.entries(c.extra ?? {})) files[`cases/${id}/${f}`] = text;
      expected[id] = { field: c.field.replace('$', id), value: v };
    }
  }
  const { bare, sha } = await bareRepoWith(dir, files);
  const envs = Object.fromEntries(Object.keys(expected).map((id) => [id, env(`cases/${id}`)]));
  const out = await renderCommit(bare, sha, envs);
  t.equal(Object.keys(out).length, n);
  t.ok(n > 200, `${n} cases`);
  for (const [id, { field, value }] of Object.entries(expected)) {
    const r = out[id]!;
    const file = `cases/${id}/kustomization.yaml`;
    const prefix = `${file}: ${field}`;
    t.equal(r.ok, false, `${id} ${field} ${value}`);
    if (r.ok) continue;
    t.equal(r.reason, 'refused', `${id}: reason`);
    t.ok(r.error.startsWith(`${prefix}: ${JSON.stringify(value)} refused: `), `${id}: ${r.error} starts with ${prefix}: ${JSON.stringify(value)} refused:`);
    t.ok(r.error.endsWith(NO_NETWORK), `${id}: says why`);
  }
  noConnection(t, 'remote forms');
});

t.test('one refusal, word for word', async (t) => {
  const dir = tempDir(t);
  const v = `git::http://${listeners.http}/x//p.yaml`;
  const { bare, sha } = await bareRepoWith(dir, { ...base, 'apps/x/overlays/staging/kustomization.yaml': `resources:\n  - ../../../../base\npatches:\n  - path: ${v}\n` });
  const out = await renderCommit(bare, sha, { staging: env('apps/x/overlays/staging') });
  t.same(out['staging'], {
    ok: false,
    reason: 'refused',
    error: `apps/x/overlays/staging/kustomization.yaml: patches[0].path: "${v}" refused: a URL; ${NO_NETWORK}`,
  });
  noConnection(t, 'word for word');
});

t.test('Helm and exec plugins are refused', async (t) => {
  const dir = tempDir(t);
  const { bare, sha } = await bareRepoWith(dir, {
    ...base,
    'helm/kustomization.yaml': `helmCharts:\n  - name: x\n    repo: http://${listeners.http}/charts\n`,
    'globals/kustomization.yaml': 'helmGlobals:\n  chartHome: charts\n',
    'exec/kustomization.yaml': 'generators:\n  - gen.yaml\n',
    'exec/gen.yaml': 'apiVersion: someteam.example.com/v1\nkind: ChartInflator\nmetadata:\n  name: x\n',
  });
  const out = await renderCommit(bare, sha, { helm: env('helm'), globals: env('globals'), exec: env('exec') });
  t.same(out['helm'], { ok: false, reason: 'refused', error: 'helm/kustomization.yaml: helmCharts: Helm chart inflation refused: it runs helm and fetches charts over the network' });
  t.same(out['globals'], { ok: false, reason: 'refused', error: 'globals/kustomization.yaml: helmGlobals: Helm chart inflation refused: it runs helm and fetches charts over the network' });
  t.same(out['exec'], {
    ok: false,
    reason: 'refused',
    error: 'exec/kustomization.yaml: generators[0]: exec/gen.yaml[0]: exec or KRM function plugin "someteam.example.com/v1/ChartInflator" refused: gitops-lab runs only builtin plugin configurations, no code from a repository',
  });
  noConnection(t, 'helm');
});

t.test('../ escapes and committed symlinks are refused or not followed; nothing from outside reaches the outcome', async (t) => {
  const dir = tempDir(t);
  const outside = join(dir, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'kustomization.yaml'), 'resources:\n  - secret.yaml\n');
  writeFileSync(join(outside, 'secret.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: OUTSIDE-SECRET\n');
  const up = '../'.repeat(12);
  const { bare, sha } = await bareRepoWith(dir, {
    ...base,
    'dotdot/kustomization.yaml': `resources:\n  - ${up}${outside.slice(1)}\n`,
    'abs/kustomization.yaml': `resources:\n  - ${outside}\n`,
    'linkdir/kustomization.yaml': 'resources:\n  - shared\n',
    'linkdir/shared': { symlink: outside },
    'linkfile/kustomization.yaml': 'resources:\n  - cm.yaml\n',
    'linkfile/cm.yaml': { symlink: join(outside, 'secret.yaml') },
    'linkpatch/kustomization.yaml': 'resources:\n  - ../base\npatches:\n  - path: nested/p.yaml\n',
    'linkpatch/nested': { symlink: outside },
    'linkkust/kustomization.yaml': { symlink: join(outside, 'kustomization.yaml') },
    'unused/kustomization.yaml': 'resources:\n  - ../base\n',
    'unused/stray': { symlink: outside },
  });
  const out = await renderCommit(bare, sha, {
    dotdot: env('dotdot'),
    abs: env('abs'),
    linkdir: env('linkdir'),
    linkfile: env('linkfile'),
    linkpatch: env('linkpatch'),
    linkkust: env('linkkust'),
    unused: env('unused'),
  });
  t.same(out['dotdot'], { ok: false, reason: 'refused', error: `dotdot/kustomization.yaml: resources[0]: "${up}${outside.slice(1)}" refused: resolves outside the repository; ${NO_NETWORK}` });
  t.same(out['abs'], { ok: false, reason: 'refused', error: `abs/kustomization.yaml: resources[0]: "${outside}" refused: an absolute path; ${NO_NETWORK}` });
  t.same(out['linkdir'], { ok: false, reason: 'refused', error: 'linkdir/kustomization.yaml: resources[0]: "shared" refused: linkdir/shared is a symlink in the repository (symlink not followed)' });
  t.same(out['linkfile'], { ok: false, reason: 'refused', error: 'linkfile/kustomization.yaml: resources[0]: "cm.yaml" refused: linkfile/cm.yaml is a symlink in the repository (symlink not followed)' });
  t.same(out['linkpatch'], { ok: false, reason: 'refused', error: 'linkpatch/kustomization.yaml: patches[0].path: "nested/p.yaml" refused: linkpatch/nested is a symlink in the repository (symlink not followed)' });
  t.same(out['linkkust'], { ok: false, reason: 'refused', error: 'linkkust/kustomization.yaml: the kustomization is a symlink in the repository (symlink not followed)' });
  t.match(out['unused'], { ok: true, objects: [{ metadata: { name: 'settings' } }] }, 'a symlink nothing names does not matter');
  t.notMatch(JSON.stringify(out), 'OUTSIDE-SECRET');
  noConnection(t, 'escapes');
});

t.test('a render that runs out of time is render evidence, reason timeout, naming the environment', async (t) => {
  const dir = tempDir(t);
  const { bare, sha } = await bareRepoWith(dir, { ...base, 'env/kustomization.yaml': 'resources:\n  - ../base\n' });
  const out = await renderCommit(bare, sha, { staging: env('env') }, { timeoutMs: 1 });
  const fence = await renderFence();
  t.same(out['staging'], {
    ok: false,
    reason: 'timeout',
    error: `env: kubectl kustomize did not finish within 1 ms (network: ${fence.network}; memory: ${fence.memory}, GOMEMLIMIT=512MiB)`,
  });
  noConnection(t, 'timeout');
});

t.test('the fence: kustomize in the empty network namespace cannot reach the loopback listener even unchecked', async (t) => {
  const fence = await renderFence();
  t.equal(fence.network, 'netns', 'this machine allows an empty network namespace');
  const dir = tempDir(t);
  mkdirSync(join(dir, 'env'));
  writeFileSync(join(dir, 'env', 'kustomization.yaml'), `resources:\n  - http://${listeners.http}/p.yaml\n`);
  const r = await run(fence.prefix[0]!, [...fence.prefix.slice(1), 'kubectl', 'kustomize', 'env'], { cwd: dir, cleanEnv: true, env: { HOME: '/nonexistent' }, allowFailure: true, timeoutMs: 60_000 });
  t.not(r.exitCode, 0);
  noConnection(t, 'fenced kustomize');
  // Control, against a listener of its own: unfenced, the same kustomization does fetch the URL.
  const control = await startListeners();
  t.teardown(() => control.close());
  writeFileSync(join(dir, 'env', 'kustomization.yaml'), `resources:\n  - http://${control.http}/p.yaml\n`);
  await run('kubectl', ['kustomize', 'env'], { cwd: dir, cleanEnv: true, env: { HOME: '/nonexistent' }, allowFailure: true, timeoutMs: 60_000 });
  t.ok(control.seen().http > 0, 'control: unfenced kustomize fetches the URL');
});

t.test('no scratch directory of a render is left behind', async (t) => {
  t.same(liveScratchDirs(), []);
});
