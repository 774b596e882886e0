/**
 * Hostile learner, the workspace and push times (issue 10, items 1 and 6): everything in the workspace
 * (including .git/) is the learner's, so the session's facts come from the record in the state home, and a
 * push is timed by the clock that received it, never by dates the pusher sets. Real git, the built CLI.
 */
import t from 'tap';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch, type Cli } from '../helpers/cli.js';

const STAGING = 'apps/payment-api/overlays/staging/kustomization.yaml';
const MARKER = '.git/gitops-lab/session.json';

async function start(t: Tap.Test, mode: 'practice' | 'exam' = 'practice') {
  const cli = scratch(t);
  const ws = join(cli.dir, 'W');
  const started = await cli.run(['start', 'promote-staging-image', '--offline', '--mode', mode, '--workspace', ws]);
  t.equal(started.exitCode, 0, started.stderr);
  return { cli, ws };
}

async function promote(cli: Cli, ws: string, env: Record<string, string> = {}) {
  const p = join(ws, STAGING);
  writeFileSync(p, readFileSync(p, 'utf8').replace('1.27.5', '1.27.6'));
  await cli.git(ws, ['commit', '-qam', 'payment-api: promote 1.27.6 to staging']);
  // The pusher's environment reaches receive-pack on a local push: dates set here must not move the push.
  const { run } = await import('../../harness/exec.js');
  const r = await run('git', ['push', '-q', 'origin', 'main'], { cwd: ws, timeoutMs: 30_000, env });
  t.equal(r.exitCode, 0);
}

const gradeJson = async (cli: Cli, ws: string) => {
  const r = await cli.run(['grade', '--offline', '--workspace', ws, '--format', 'json']);
  return { ...r, result: r.exitCode <= 1 ? (JSON.parse(r.stdout) as { status: string; score: number; maxScore: number; headSha: string }) : undefined };
};

t.test('the workspace holds only the run id; the record is in the state home', async (t) => {
  const { cli, ws } = await start(t);
  const marker = JSON.parse(readFileSync(join(ws, MARKER), 'utf8'));
  t.same(Object.keys(marker).sort(), ['runId', 'schemaVersion']);
  const record = cli.session(ws);
  t.equal(record.runId, marker.runId);
  t.equal(record.scenario, 'promote-staging-image');
  t.ok(record.bareDir.startsWith(cli.home), 'the lab repository is in the state home');
});

t.test('a forged marker is refused with exit 2 naming the field, and never grades', async (t) => {
  const { cli, ws } = await start(t, 'exam');
  const record = cli.session(ws);
  // A learner-written scenario folder inside .git that would pass with no commit.
  mkdirSync(join(ws, '.git', 'fake', 'promote-staging-image'), { recursive: true });
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['scenario moved into .git', { scenario: '../../W/.git/fake/promote-staging-image' }, /session\.json: scenario: the workspace says/],
    ['render cache moved', { stateDir: join(ws, '.git', 'fake') }, /stateDir: the workspace says/],
    ['lab repository moved', { bareDir: join(ws, '.git', 'evil.git') }, /bareDir: the workspace says/],
    ['exam turned into practice', { mode: 'practice' }, /mode: the workspace says "practice", its session record says "exam"/],
    ['deadline moved', { deadline: '2099-01-01T00:00:00.000Z' }, /deadline: the workspace says/],
    ['learner changed', { learner: 'someone-else' }, /learner: the workspace says/],
  ];
  for (const [name, fields, message] of cases) {
    writeFileSync(join(ws, MARKER), JSON.stringify({ ...record, ...fields }));
    const r = await gradeJson(cli, ws);
    t.equal(r.exitCode, 2, `${name}: exit 2`);
    t.match(r.stderr, message, name);
    t.equal(r.stdout, '', `${name}: no grade printed`);
  }
  for (const [name, marker, message] of [
    ['run id that walks a path', { schemaVersion: 1, runId: '../../../tmp/x' }, /runId: must be a gitops-lab run id/],
    ['run id of no session', { schemaVersion: 1, runId: 'abcdef0123' }, /runId: "abcdef0123" names no session/],
    ['not JSON', '{', /not JSON/],
  ] as const) {
    writeFileSync(join(ws, MARKER), typeof marker === 'string' ? marker : JSON.stringify(marker));
    const r = await gradeJson(cli, ws);
    t.equal(r.exitCode, 2, `${name}: exit 2`);
    t.match(r.stderr, message, name);
  }
  // A FIFO or a symlink in the marker's place is refused at once (a FIFO would block a plain read forever).
  const { execFileSync } = await import('node:child_process');
  const { rmSync, symlinkSync } = await import('node:fs');
  rmSync(join(ws, MARKER));
  execFileSync('mkfifo', [join(ws, MARKER)]);
  const fifo = await gradeJson(cli, ws);
  t.equal(fifo.exitCode, 2, 'a FIFO marker: exit 2');
  t.match(fifo.stderr, /session\.json: not a regular file/);
  rmSync(join(ws, MARKER));
  writeFileSync(join(cli.dir, 'elsewhere.json'), JSON.stringify({ schemaVersion: 1, runId: record.runId }));
  symlinkSync(join(cli.dir, 'elsewhere.json'), join(ws, MARKER));
  const linked = await gradeJson(cli, ws);
  t.equal(linked.exitCode, 2, 'a symlinked marker: exit 2');
  rmSync(join(ws, MARKER));
  // An older workspace's full copy that agrees with its record still grades.
  writeFileSync(join(ws, MARKER), JSON.stringify(record));
  const ok = await gradeJson(cli, ws);
  t.equal(ok.exitCode, 1, ok.stderr);
  t.equal(ok.result?.headSha, record.seedSha, 'the seed is graded: nothing was pushed');
});

t.test('a push dated two hours ahead by the pusher is timed when it arrived, and graded in an exam', async (t) => {
  const { cli, ws } = await start(t, 'exam');
  const before = Date.now();
  const ahead = `@${Math.floor(before / 1000) + 7200} +0000`;
  await promote(cli, ws, { GIT_COMMITTER_DATE: ahead, GIT_AUTHOR_DATE: ahead });
  const after = Date.now();
  const { readPushes } = await import('../../harness/evidence/git-evidence.js');
  const record = cli.session(ws);
  const pushes = await readPushes(record.bareDir, 'main');
  const last = pushes.at(-1)!;
  t.ok(Date.parse(last.at) >= before - 1000 && Date.parse(last.at) <= after + 1000, `pushed at ${last.at}, between ${new Date(before).toISOString()} and ${new Date(after).toISOString()}`);
  const r = await gradeJson(cli, ws);
  t.equal(r.exitCode, 0, r.stderr);
  t.equal(r.result?.status, 'pass');
  t.not(r.result?.headSha, record.seedSha);
});

t.test('a push after the deadline dated back by the pusher is not graded', async (t) => {
  const { cli, ws } = await start(t, 'exam');
  const record = cli.session(ws);
  // The deadline passes (the instructor's record says when; the learner cannot write it).
  const file = join(cli.home, 'sessions', record.runId, 'session.json');
  const deadline = new Date(Date.now() - 1000).toISOString();
  writeFileSync(file, JSON.stringify({ ...record, deadline }));
  const back = `@${Math.floor(Date.parse(record.startedAt) / 1000)} +0000`;
  await promote(cli, ws, { GIT_COMMITTER_DATE: back, GIT_AUTHOR_DATE: back });
  const r = await gradeJson(cli, ws);
  t.equal(r.exitCode, 1, r.stderr);
  t.equal(r.result?.headSha, record.seedSha, 'the seed is graded, not the late push');
});

t.test("a pusher's global core.hooksPath cannot switch off the push log", async (t) => {
  const { cli, ws } = await start(t, 'exam');
  const hooks = join(cli.dir, 'nohooks');
  mkdirSync(hooks);
  writeFileSync(join(cli.dir, 'gitconfig'), `[core]\n\thooksPath = ${hooks}\n`);
  await promote(cli, ws, { GIT_CONFIG_GLOBAL: join(cli.dir, 'gitconfig') });
  const r = await gradeJson(cli, ws);
  t.equal(r.exitCode, 0, r.stderr);
  t.equal(r.result?.status, 'pass', 'the push was logged, so the exam grades it');
});
