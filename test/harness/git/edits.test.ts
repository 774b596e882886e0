import t from 'tap';
import { setYamlPath } from '../../../harness/git/edits.js';

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
