/**
 * The whole bank passes its offline gates: schema, renders, and the git/render self-test (after the faults
 * the failing checks fail, the solution scores full marks, each wrong solution loses its offline points).
 */
import t from 'tap';
import { lintFile } from '../../harness/runner/lint.js';
import { bankDir, listScenarioIds } from '../../harness/scenario/load.js';
import { join } from 'node:path';

const REQUIRED = ['appset-missing-staging', 'base-leak', 'bluegreen-preview-renamed', 'bluegreen-preview-selector', 'bootstrap-staging', 'flux-bad-path', 'helm-values-promotion', 'promote-staging-image', 'rollback-bad-promotion', 'stale-branch', 'wrong-selector'];

t.test('the bank holds the scenarios the course needs', async (t) => {
  const ids = await listScenarioIds();
  for (const id of REQUIRED) t.ok(ids.includes(id), id);
});

for (const id of REQUIRED) {
  t.test(`${id} passes lint and its offline self-test`, async (t) => {
    const r = await lintFile(join(bankDir(), id, 'scenario.yaml'), { selfTest: true });
    t.same(r.errors, [], 'schema, rules and renders');
    t.same(r.defects, [], 'self-test');
  });
}
