/** The environment of every git process the harness runs: housekeeping off, whatever a repository's config says. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { git } from '../../../harness/git/git.js';

t.test('git runs with gc, maintenance and receive-pack autogc off, over the repository config', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-git-env-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  await git(dir, ['init', '-q', '-b', 'main', '.']);
  for (const [k, v] of [['gc.auto', '1'], ['maintenance.auto', 'true'], ['receive.autogc', 'true']] as const) await git(dir, ['config', k, v]);
  const got = async (k: string): Promise<string> => (await git(dir, ['config', '--get', k])).stdout.trim();
  t.equal(await got('gc.auto'), '0');
  t.equal(await got('maintenance.auto'), 'false');
  t.equal(await got('receive.autogc'), 'false');
  t.equal((await git(dir, ['config', '--local', '--get', 'gc.auto'])).stdout.trim(), '1', "the repository's own setting is left as it was");
});
