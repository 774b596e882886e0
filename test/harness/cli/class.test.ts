/**
 * The class commands through the built executable. Without a cluster: bad rosters, flags and a missing cluster
 * start nothing (exit 2 or 3, the file, line and field named); then a class whose sessions are offline (started
 * in this process by the class runner with an offline starter, as test/harness/runner/class.test.ts does) goes
 * through `class status` (text and JSON), `class grade --out`, `report` and `class down` as an instructor runs them.
 * The live class is test/e2e/class.test.ts.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { startClass, type LearnerStarter } from '../../../harness/runner/class.js';
import { parseRoster } from '../../../harness/runner/roster.js';
import { startOffline } from '../../../harness/runner/start.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { scratch } from '../../helpers/cli.js';

t.test('a roster with problems, bad flags or no cluster start nothing', async (t) => {
  const cli = scratch(t);
  const roster = join(cli.dir, 'roster.csv');
  writeFileSync(roster, 'learner,name,email\nalice,Alice,alice@example.com\n../bob,Bob,\nalice,Again,\ncarol,"\u001b]0;owned\u0007",\n');
  const r = await cli.run(['class', 'start', '--roster', roster, '--scenario', 'wrong-selector', '--cluster', 'lab', '--out', join(cli.dir, 'c')]);
  t.equal(r.exitCode, 2, 'invalid configuration');
  t.match(r.stderr, `error: ${roster}: 3 problems in the roster`);
  t.match(r.stderr, `${roster}:3: learner: "../bob" must be 1 to 40 lowercase letters`);
  t.match(r.stderr, `${roster}:4: learner: "alice" is already on line 2`);
  t.match(r.stderr, `${roster}:5: name: `);
  t.match(r.stderr, 'hint: fix the roster and run class start again; nothing was started');
  t.notOk(existsSync(join(cli.dir, 'c')), 'no class folder');
  t.notOk(existsSync(join(cli.home, 'sessions')), 'no session');

  writeFileSync(roster, 'learner\nalice\nbob\n');
  const base = ['class', 'start', '--roster', roster, '--scenario', 'wrong-selector', '--out', join(cli.dir, 'c')];
  const noCluster = await cli.run([...base, '--cluster', 'no-such-cluster']);
  t.equal(noCluster.exitCode, 3, 'infrastructure: the cluster is not there');
  t.match(noCluster.stderr, 'no cluster named "no-such-cluster"');
  t.notOk(existsSync(join(cli.dir, 'c')), 'still no class folder');
  const missing = await cli.run(['class', 'start', '--roster', join(cli.dir, 'none.csv'), '--scenario', 'wrong-selector', '--cluster', 'lab']);
  t.equal(missing.exitCode, 2);
  t.match(missing.stderr, 'none.csv: no such roster file');
  t.equal((await cli.run([...base, '--cluster', 'lab', '--parallel', '0'])).exitCode, 2, '--parallel 0');
  t.match((await cli.run([...base, '--cluster', 'lab', '--parallel', '2x'])).stderr, '--parallel 2x: expected an integer from 1 to 64');
  const badId = await cli.run([...base, '--cluster', 'lab', '--id', 'Class/1']);
  t.equal(badId.exitCode, 2);
  t.match(badId.stderr, '--id "Class/1": a class id must be');
  t.equal((await cli.run([...base, '--cluster', 'lab', '--controller', 'jenkins'])).exitCode, 2, 'an unknown controller');
  const noOffset = await cli.run([...base, '--cluster', 'lab', '--mode', 'exam', '--deadline', '2099-01-01T12:00']);
  t.equal(noOffset.exitCode, 2, 'a deadline without its offset');
  t.match(noOffset.stderr, '--deadline "2099-01-01T12:00": expected an ISO 8601 time with its offset');
  const practice = await cli.run([...base, '--cluster', 'lab', '--deadline', '2099-01-01T12:00Z']);
  t.equal(practice.exitCode, 2, 'a deadline in practice mode');
  t.match(practice.stderr, '--deadline is for --mode exam');
  t.notOk(existsSync(join(cli.dir, 'c')), 'no class folder after a bad --deadline');
  t.equal((await cli.run(['class', 'start', '--roster', roster, '--scenario', 'wrong-selector'])).exitCode, 2, '--cluster is required');
  const unknownScenario = await cli.run([...base, '--cluster', 'lab', '--scenario', 'no-such-scenario']);
  t.equal(unknownScenario.exitCode, 2);
  t.notOk(existsSync(join(cli.dir, 'c')));
  for (const sub of ['status', 'grade', 'down']) {
    const none = await cli.run(['class', sub, '--class', join(cli.dir, 'c'), ...(sub === 'grade' ? ['--out', join(cli.dir, 'r')] : [])]);
    t.equal(none.exitCode, 2, `class ${sub} without a class`);
    t.match(none.stderr, `${join(cli.dir, 'c')} holds no class (no class.json)`);
  }
});

t.test('status, grade into bundles, report and down of a class, as an instructor runs them', async (t) => {
  const cli = scratch(t);
  process.env['GITOPS_LAB_HOME'] = cli.home;
  const { scenario, dir: scenarioDir } = await loadScenario('wrong-selector');
  const start: LearnerStarter = async (o) => (await startOffline({ scenarioId: o.scenario.id, workspace: o.workspace, controller: o.controller, mode: o.mode, learner: o.learner })).session;
  const dir = join(cli.dir, 'class');
  await startClass({
    roster: parseRoster('learner,name\nalice,Alice\nbob,Bob\n', 'roster.csv'),
    rosterFile: 'roster.csv',
    scenario,
    scenarioDir,
    controller: 'argocd',
    mode: 'practice',
    cluster: 'lab',
    dir,
    id: 'cli-class',
    parallel: 2,
    log: () => undefined,
    start,
    checkCluster: async () => undefined,
  });
  // Alice pushes once.
  const alice = join(dir, 'workspaces', 'alice');
  writeFileSync(join(alice, 'NOTES.md'), 'x\n');
  await cli.git(alice, ['add', 'NOTES.md']);
  await cli.git(alice, ['commit', '-qm', 'notes']);
  await cli.git(alice, ['push', '-q', 'origin', 'HEAD:main']);

  const json = await cli.run(['class', 'status', '--format', 'json'], cli.dir);
  t.equal(json.exitCode, 0, json.stderr);
  const status = JSON.parse(json.stdout) as { kind: string; class: string; learners: { learner: string; pushes: number; grade: unknown }[] };
  t.match(status, { kind: 'gitops-lab/class-status', class: 'cli-class', learners: [{ learner: 'alice', pushes: 1, grade: null }, { learner: 'bob', pushes: 0, grade: null }] });
  const text = await cli.run(['class', 'status', '--class', dir]);
  t.equal(text.exitCode, 0);
  t.match(text.stdout, /^class cli-class: wrong-selector on argocd \(practice mode\), cluster lab, 2 learner\(s\)\n\nlearner +state +run/);

  const results = join(cli.dir, 'results');
  const graded = await cli.run(['class', 'grade', '--class', dir, '--out', results]);
  t.equal(graded.exitCode, 1, 'graded, with failing checks (nobody fixed anything): as grade exits');
  t.match(graded.stdout, '2 of 2 learner(s) graded into');
  t.match(graded.stderr, /class grade took \d+s/);
  t.same(readdirSync(results).sort(), ['alice', 'bob', 'index']);
  const report = await cli.run(['report', results]);
  t.equal(report.exitCode, 0, report.stderr);
  t.match(report.stdout, 'alice');
  t.match(report.stdout, 'bob');
  const after = JSON.parse((await cli.run(['class', 'status', '--class', dir, '--format', 'json'])).stdout) as { learners: { grade: { current: boolean; score: number } | null }[] };
  t.match(after.learners, [{ grade: { current: true } }, { grade: { current: true } }], 'status shows the recorded grades, current');

  const down = await cli.run(['class', 'down', '--class', dir]);
  t.equal(down.exitCode, 0, down.stderr);
  t.match(down.stdout, 'alice    ended\nbob      ended\n');
  t.notOk(existsSync(join(dir, 'class.json')));
  t.same(readdirSync(join(cli.home, 'sessions')), [], 'every session of the class ended');
  t.equal((await cli.run(['class', 'status', '--class', dir])).exitCode, 2, 'no class any more');
});
