/**
 * The acceptance path of an offline session, as a new user would run it: start, fix in the workspace,
 * push, grade. Real git, real kubectl kustomize, the built executable.
 */
import t from 'tap';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from '../../helpers/cli.js';

const STAGING = 'apps/payment-api/overlays/staging/kustomization.yaml';
const BASE = 'apps/payment-api/base/deployment.yaml';

async function startSession(t: Tap.Test) {
  const cli = scratch(t);
  const ws = join(cli.dir, 'W');
  const started = await cli.run(['start', 'promote-staging-image', '--offline', '--workspace', ws]);
  t.equal(started.exitCode, 0, started.stderr);
  t.match(started.stdout, 'Promote exactly that image to staging');
  const commitAndPush = async (message: string) => {
    await cli.git(ws, ['commit', '-qam', message]);
    await cli.git(ws, ['push', '-q', 'origin', 'main']);
  };
  const edit = (file: string, from: string, to: string) => {
    const p = join(ws, file);
    writeFileSync(p, readFileSync(p, 'utf8').replace(from, to));
  };
  return { cli, ws, commitAndPush, edit };
}

t.test('promoting in the staging overlay scores full marks, exit 0', async (t) => {
  const { cli, ws, commitAndPush, edit } = await startSession(t);
  edit(STAGING, '1.27.5', '1.27.6');
  await commitAndPush('payment-api: promote 1.27.6 to staging');
  const graded = await cli.run(['grade', '--offline', '--workspace', ws, '--format', 'json']);
  t.equal(graded.exitCode, 0, graded.stderr);
  const result = JSON.parse(graded.stdout);
  t.equal(result.schemaVersion, 1);
  t.equal(result.status, 'pass');
  t.equal(result.score, result.maxScore);
  t.ok(result.maxScore > 0);
  for (const c of result.checks) {
    const offline = c.boundary === 'git' || c.boundary === 'render';
    t.match(c, { name: String, boundary: String, status: offline ? 'pass' : 'skipped', score: Number, max: Number, message: String });
  }
});

t.test('promoting in the base loses points, exit 1, and the text report leads with the git boundary', async (t) => {
  const { cli, ws, commitAndPush, edit } = await startSession(t);
  edit(BASE, 'nginx:1.27.4', 'nginx:1.27.6');
  await commitAndPush('payment-api: bump to 1.27.6 for staging');
  const graded = await cli.run(['grade', '--offline', '--workspace', ws]);
  t.equal(graded.exitCode, 1);
  const lines = graded.stdout.split('\n');
  t.match(lines[1], /^FAIL \d+\/\d+ offline; \d+ points need a cluster$/, "an offline grade says how much it did not grade");
  t.match(lines[2], /^first failing boundary: git \(only-staging-overlay-changed\)/);
  t.match(graded.stdout, 'apps/payment-api/base/deployment.yaml: got modified, expected unchanged');
  t.match(graded.stdout, 'prod Deployment/payment-api spec.template.spec.containers[0].image: got "nginx:1.27.6", expected "nginx:1.27.4"');
  t.match(graded.stdout, /why: .+/);
});

t.test('a learner commit with broken YAML fails the render checks with kustomize\'s message, not a crash', async (t) => {
  const { cli, ws, commitAndPush, edit } = await startSession(t);
  edit(STAGING, 'images:', 'images: [');
  await commitAndPush('payment-api: promote staging (broken)');
  const graded = await cli.run(['grade', '--offline', '--workspace', ws, '--format', 'json']);
  t.equal(graded.exitCode, 1, graded.stderr);
  const result = JSON.parse(graded.stdout);
  const render = result.checks.find((c: { name: string }) => c.name === 'staging-renders-dev-image');
  t.equal(render.status, 'fail');
  t.match(render.actual, /render error: .*(yaml|YAML)/);
  t.equal(result.firstFailure.boundary, 'render', 'the change is in the right file with a good message: git is clean');
});

t.test('exam mode hides hints and expected values', async (t) => {
  const cli = scratch(t);
  const ws = join(cli.dir, 'W');
  t.equal((await cli.run(['start', 'promote-staging-image', '--offline', '--mode', 'exam', '--workspace', ws])).exitCode, 0);
  const graded = await cli.run(['grade', '--offline', '--workspace', ws]);
  t.equal(graded.exitCode, 1);
  t.notMatch(graded.stdout, 'hint:');
  t.notMatch(graded.stdout, 'expected');
});

t.test('grading a directory that is not a workspace is a usage error, exit 2', async (t) => {
  const cli = scratch(t);
  const graded = await cli.run(['grade', '--offline', '--workspace', cli.dir]);
  t.equal(graded.exitCode, 2);
  t.match(graded.stderr, 'is not a gitops-lab workspace');
});

t.test('start refuses a non-empty workspace and unknown scenarios, exit 2', async (t) => {
  const cli = scratch(t);
  writeFileSync(join(cli.dir, 'notes.txt'), 'mine\n');
  const busy = await cli.run(['start', 'promote-staging-image', '--offline', '--workspace', cli.dir]);
  t.equal(busy.exitCode, 2);
  t.match(busy.stderr, 'exists and is not empty');
  const unknown = await cli.run(['start', 'no-such-thing', '--offline', '--workspace', join(cli.dir, 'x')]);
  t.equal(unknown.exitCode, 2);
  t.match(unknown.stderr, 'no scenario "no-such-thing"');
});

t.test('exam mode grades the last push before the deadline', async (t) => {
  const { readPushes, lastPushBefore } = await import('../../../harness/evidence/git-evidence.js');
  const { cli, ws, commitAndPush, edit } = await startSession(t);
  edit(STAGING, '1.27.5', '1.27.6');
  await commitAndPush('payment-api: promote 1.27.6 to staging');
  const session = cli.session(ws);
  const pushes = await readPushes(session.bareDir, 'main');
  const learner = pushes.at(-1)!;
  t.equal(learner.sha, (await cli.git(ws, ['rev-parse', 'HEAD'])).stdout.trim());
  t.equal(lastPushBefore(pushes.slice(-1), new Date(Date.parse(learner.at) - 1000).toISOString(), session.seedSha), session.seedSha, 'a push after the deadline is not graded');
  t.equal(lastPushBefore(pushes.slice(-1), learner.at, session.seedSha), learner.sha, 'a push at the deadline is');
});
