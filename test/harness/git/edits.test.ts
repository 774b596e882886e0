import t from 'tap';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdit, deleteYamlPath, setYamlPath } from '../../../harness/git/edits.js';
import { FileEdit } from '../../../harness/model/steps.js';

t.test('sets a value by field=value match, keeping comments and layout', async (t) => {
  const text = '# staging overlay\nimages:\n  - name: nginx\n    newTag: "1.27.5" # pinned\nreplicas: []\n';
  t.equal(setYamlPath(text, 0, 'images[name=nginx].newTag', '1.27.6'), '# staging overlay\nimages:\n  - name: nginx\n    newTag: "1.27.6" # pinned\nreplicas: []\n');
});

t.test('creates missing keys and edits one document of several', async (t) => {
  const text = 'kind: GitRepository\nspec:\n  ref:\n    branch: main\n---\nkind: Kustomization\nspec:\n  path: ./a\n';
  const out = setYamlPath(text, 1, 'spec.prune', true);
  t.equal(out, 'kind: GitRepository\nspec:\n  ref:\n    branch: main\n---\nkind: Kustomization\nspec:\n  path: ./a\n  prune: true\n');
});

t.test('a match that does not exist is an error naming the path', async (t) => {
  t.throws(() => setYamlPath('images: []\n', 0, 'images[name=nginx].newTag', 'x', 'k.yaml'), /k\.yaml: images\[name=nginx\]\.newTag/);
});

t.test('deleteYamlPath: a key, a list element by match or index, in one document of several, keeping comments', async (t) => {
  const app = '# staging\nspec:\n  syncPolicy:\n    automated: # heal drift\n      prune: true\n      selfHeal: true\n    syncOptions: [CreateNamespace=true]\n';
  t.equal(deleteYamlPath(app, 0, 'spec.syncPolicy.automated'), '# staging\nspec:\n  syncPolicy:\n    syncOptions: [ CreateNamespace=true ]\n');
  t.equal(deleteYamlPath(app, 0, 'spec.syncPolicy.automated.selfHeal'), '# staging\nspec:\n  syncPolicy:\n    automated:\n      # heal drift\n      prune: true\n    syncOptions: [ CreateNamespace=true ]\n', 'the comment stays (the yaml library moves it)');
  const k = 'images:\n  - name: nginx\n    newTag: "1.27.5"\n  - name: busybox\n    newTag: "1"\n';
  t.equal(deleteYamlPath(k, 0, 'images[name=nginx]'), 'images:\n  - name: busybox\n    newTag: "1"\n');
  t.equal(deleteYamlPath(k, 0, 'images[1].newTag'), 'images:\n  - name: nginx\n    newTag: "1.27.5"\n  - name: busybox\n');
  const two = 'kind: GitRepository\nspec:\n  interval: 1m\n---\nkind: Kustomization\nspec:\n  suspend: true\n  path: ./a\n';
  t.equal(deleteYamlPath(two, 1, 'spec.suspend'), 'kind: GitRepository\nspec:\n  interval: 1m\n---\nkind: Kustomization\nspec:\n  path: ./a\n');
  t.equal(deleteYamlPath('metadata:\n  labels:\n    app.kubernetes.io/name: a\n    tier: b\n', 0, 'metadata.labels["app.kubernetes.io/name"]'), 'metadata:\n  labels:\n    tier: b\n');
});

t.test('deleteYamlPath: what does not exist is an error naming the file, the path and the missing segment', async (t) => {
  const k = 'spec:\n  syncPolicy:\n    syncOptions: []\nimages:\n  - name: nginx\n';
  t.throws(() => deleteYamlPath(k, 0, 'spec.syncPolicy.automated', 'app.yaml'), {
    code: 'INVALID_SCENARIO',
    message: 'delete app.yaml: spec.syncPolicy.automated: does not exist in document 0 (no "automated" under spec.syncPolicy)',
  });
  t.throws(() => deleteYamlPath(k, 0, 'status.x', 'app.yaml'), { message: 'delete app.yaml: status.x: does not exist in document 0 (no "status" at the top)' });
  t.throws(() => deleteYamlPath(k, 0, 'images[name=busybox].newTag', 'k.yaml'), { message: 'delete k.yaml: images[name=busybox].newTag: does not exist in document 0 (no [name=busybox] under images)' });
  t.throws(() => deleteYamlPath(k, 0, 'images[3]', 'k.yaml'), { message: 'delete k.yaml: images[3]: does not exist in document 0 (no [3] under images)' });
  t.throws(() => deleteYamlPath(k, 1, 'spec', 'k.yaml'), { message: 'delete k.yaml: has no YAML document 1' });
  t.throws(() => deleteYamlPath(k, 0, 'images[', 'k.yaml'), { code: 'INVALID_SCENARIO', message: /^delete k\.yaml: images\[: "images\[": "\[" at 6 is never closed$/ });
});

t.test('applyEdit delete: with a path the key goes and the file stays; without, the file goes; errors name the file', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'gitops-lab-edits-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'apps'));
  writeFileSync(join(root, 'apps/app.yaml'), 'spec:\n  syncPolicy:\n    automated: {}\n    retry: { limit: 2 }\n');
  const edit = (e: Record<string, unknown>) => applyEdit(root, FileEdit.parse(e));
  await edit({ op: 'delete', file: 'apps/app.yaml', path: 'spec.syncPolicy.automated' });
  t.equal(readFileSync(join(root, 'apps/app.yaml'), 'utf8'), 'spec:\n  syncPolicy:\n    retry: { limit: 2 }\n');
  await t.rejects(edit({ op: 'delete', file: 'apps/app.yaml', path: 'spec.syncPolicy.automated' }), {
    code: 'INVALID_SCENARIO',
    message: 'delete apps/app.yaml: spec.syncPolicy.automated: does not exist in document 0 (no "automated" under spec.syncPolicy)',
  });
  await t.rejects(edit({ op: 'delete', file: 'apps/none.yaml', path: 'spec' }), { code: 'INVALID_SCENARIO', message: 'delete apps/none.yaml: apps/none.yaml: no such file in the repository' });
  await edit({ op: 'delete', file: 'apps/app.yaml' });
  t.notOk(existsSync(join(root, 'apps/app.yaml')));
  t.notOk(FileEdit.safeParse({ op: 'delete', file: 'a.yaml', doc: 1 }).success, 'doc without a path');
  t.same(FileEdit.safeParse({ op: 'delete', file: 'a.yaml', doc: 1 }).error?.issues.map((i) => [i.path.join('.'), i.message]), [['doc', 'doc is only for deleting a path']]);
  t.ok(FileEdit.safeParse({ op: 'delete', file: 'a.yaml', path: 'a', doc: 1 }).success);
});
