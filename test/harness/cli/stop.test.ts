/**
 * `stop --workspace W` ends one session: its lab repository and record go, the workspace's files stay, and a second
 * session is untouched. (A live session's cluster side is in test/e2e/existing.test.ts.) Real git, the built CLI.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { clusterName } from '../../../harness/cli/commands/cluster-name.js';
import { LabError } from '../../../harness/errors.js';
import { scratch } from '../../helpers/cli.js';

t.test('stop ends one offline session and leaves the other', async (t) => {
  const cli = scratch(t);
  const [a, b] = [join(cli.dir, 'A'), join(cli.dir, 'B')];
  for (const ws of [a, b]) t.equal((await cli.run(['start', 'promote-staging-image', '--offline', '--workspace', ws])).exitCode, 0);
  const [sa, sb] = [cli.session(a), cli.session(b)];
  t.ok(existsSync(sa['bareDir']) && existsSync(sb['bareDir']));
  const stopped = await cli.run(['stop', '--workspace', a]);
  t.equal(stopped.exitCode, 0, stopped.stderr);
  t.match(stopped.stdout, `session ${sa['runId']} (promote-staging-image, argocd) ended; removed:`);
  t.notOk(existsSync(sa['bareDir']), "A's lab repository is gone");
  t.notOk(existsSync(join(cli.home, 'sessions', sa['runId'])), "A's record is gone");
  t.ok(existsSync(join(a, 'apps/payment-api/overlays/staging/kustomization.yaml')), "A's files stay");
  t.ok(existsSync(sb['bareDir']), "B's lab repository stays");
  t.same(readdirSync(join(cli.home, 'sessions')), [sb['runId']], "only B's record is left");
  const graded = await cli.run(['grade', '--offline', '--workspace', a]);
  t.equal(graded.exitCode, 2, 'A is no longer a session');
  t.match(graded.stderr, 'is not a gitops-lab workspace');
  t.equal((await cli.run(['grade', '--offline', '--workspace', b])).exitCode, 1, 'B still grades (untouched: not full marks)');
  const again = await cli.run(['stop', '--workspace', a]);
  t.equal(again.exitCode, 2, 'stopping it again: not a session');
});

t.test('--cluster is --name for up, status and down; two different names are a usage error', async (t) => {
  t.equal(clusterName({}), 'lab');
  t.equal(clusterName({ name: 'x' }), 'x');
  t.equal(clusterName({ cluster: 'y' }), 'y');
  t.equal(clusterName({ name: 'z', cluster: 'z' }), 'z');
  t.throws(() => clusterName({ name: 'x', cluster: 'y' }), new LabError('USAGE', '--name x and --cluster y name two clusters; give one'));
  const cli = scratch(t);
  const r = await cli.run(['status', '--cluster', 'nothing-here', '--json']);
  t.equal(r.exitCode, 3);
  t.match(JSON.parse(r.stdout), { name: 'nothing-here', state: 'absent' });
  const both = await cli.run(['down', '--name', 'a', '--cluster', 'b']);
  t.equal(both.exitCode, 2);
  t.match(both.stderr, '--name a and --cluster b name two clusters');
});
