import t from 'tap';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { collectRenderEvidence } from '../../../harness/evidence/render-evidence.js';
import { RENDER_SANDBOX_VERSION, renderFenceNote } from '../../../harness/render/kustomize.js';
import { bareRepoWith, tempDir } from '../render/repo.js';

t.test('renders are cached by commit, keyed by tool, sandbox version and fence; the evidence names the fence', async (t) => {
  const dir = tempDir(t);
  const { bare, sha } = await bareRepoWith(dir, {
    'env/kustomization.yaml': 'resources:\n  - cm.yaml\n',
    'env/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
  });
  const cache = join(dir, 'state');
  const envs = { staging: { namespace: 'ns', path: 'env', registration: 'r' } };
  const first = await collectRenderEvidence(bare, sha, sha, envs, cache);
  t.equal(first.fence, await renderFenceNote());
  t.match(first.fence, /^network: (netns|none: .+); memory: /);
  t.match(first.environments[0], { name: 'staging', seed: { ok: true, objects: [{ metadata: { name: 'a' } }] } });
  t.same(readdirSync(join(cache, 'renders')), [`${sha}.json`]);
  const cached = JSON.parse(readFileSync(join(cache, 'renders', `${sha}.json`), 'utf8')) as { key: string };
  t.equal(cached.key, `${first.tool}; sandbox ${RENDER_SANDBOX_VERSION}; ${first.fence}`);
  // A cache written under another key (an older sandbox, a forged file) is not used.
  const { writeFileSync } = await import('node:fs');
  const forged = { key: `${first.tool}; sandbox 1`, outcomes: { staging: { ok: true, digest: 'x', objects: [{ forged: true }] } } };
  writeFileSync(join(cache, 'renders', `${sha}.json`), JSON.stringify(forged));
  const again = await collectRenderEvidence(bare, sha, sha, envs, cache);
  t.same(again, first);
});
