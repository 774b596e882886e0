/**
 * SIGINT and SIGTERM during real work: the built CLI, a real scenario, GITOPS_LAB_HOME and TMPDIR in a scratch
 * folder. The signal is sent once the command has made its first temporary directory; the process must exit
 * 130 (SIGINT) or 143 (SIGTERM) and leave no gitops-lab-* directory behind.
 */
import t from 'tap';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../harness/exec.js';
import { REPO_ROOT } from '../helpers/cli.js';

t.setTimeout(900_000);

const BIN = join(REPO_ROOT, 'dist/harness/cli/main.js');
const STAGING = 'apps/payment-api/overlays/staging/kustomization.yaml';

interface Lab {
  readonly root: string;
  readonly home: string;
  readonly tmp: string;
  readonly env: NodeJS.ProcessEnv;
}

function lab(t: Tap.Test): Lab {
  const root = mkdtempSync(join(tmpdir(), 'gitops-lab-signals-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const home = join(root, 'home');
  const tmp = join(root, 'tmp');
  mkdirSync(tmp);
  return { root, home, tmp, env: { ...process.env, GITOPS_LAB_HOME: home, TMPDIR: tmp, NO_COLOR: '1' } };
}

const scratchDirs = (l: Lab): string[] => readdirSync(l.tmp).filter((n) => n.startsWith('gitops-lab-'));

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  /** The scratch directories seen when the signal was sent. */
  readonly seen: readonly string[];
}

/** Runs the CLI and sends `signal` as soon as `ready()` says so (polled every 5 ms). */
function interrupt(t: Tap.Test, l: Lab, args: readonly string[], signal: NodeJS.Signals, ready: (stderr: string, stdout: string) => boolean): Promise<Exit> {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { cwd: l.root, env: l.env, stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
  let seen: string[] = [];
  const poll = setInterval(() => {
    if (!ready(stderr, stdout)) return;
    seen = scratchDirs(l);
    clearInterval(poll);
    child.kill(signal);
  }, 5);
  return new Promise((resolve) => {
    child.on('close', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, stderr, seen });
    });
  });
}

async function startedSession(t: Tap.Test, l: Lab): Promise<string> {
  const ws = join(l.root, 'ws');
  const started = await run(process.execPath, [BIN, 'start', 'promote-staging-image', '--offline', '--workspace', ws], { cwd: process.cwd(), env: { GITOPS_LAB_HOME: l.home, TMPDIR: l.tmp }, allowFailure: true, timeoutMs: 120_000 });
  t.equal(started.exitCode, 0, started.stderr);
  t.same(scratchDirs(l), [], 'a start that finishes leaves no scratch directory');
  const file = join(ws, STAGING);
  writeFileSync(file, readFileSync(file, 'utf8').replace('1.27.5', '1.27.6'));
  const git = (args: string[]) => run('git', args, { cwd: ws, timeoutMs: 30_000, env: { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.com' } });
  await git(['commit', '-qam', 'payment-api: promote 1.27.6 to staging']);
  await git(['push', '-q', 'origin', 'main']);
  return ws;
}

t.test('SIGINT during an offline start: exit 130, no temporary directory left', async (t) => {
  const l = lab(t);
  const exit = await interrupt(t, l, ['start', 'promote-staging-image', '--offline', '--workspace', join(l.root, 'ws')], 'SIGINT', () => scratchDirs(l).length > 0);
  t.not(exit.seen.length, 0, 'the signal came while a scratch directory existed');
  t.equal(exit.signal, null, 'the CLI exited itself, after cleaning up');
  t.equal(exit.code, 130, exit.stderr);
  t.match(exit.stderr, 'gitops-lab: SIGINT: cleaning up');
  t.same(scratchDirs(l), [], 'no gitops-lab-* directory in TMPDIR');
});

t.test('SIGINT and SIGTERM during grade --offline: exit 130 and 143, no temporary directory left', async (t) => {
  const l = lab(t);
  const ws = await startedSession(t, l);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    const before = new Set(scratchDirs(l));
    const exit = await interrupt(t, l, ['grade', '--offline', '--workspace', ws], signal, () => scratchDirs(l).some((d) => !before.has(d)));
    t.not(exit.seen.length, 0, `${signal}: the signal came while a scratch directory existed`);
    t.equal(exit.code, code, `${signal}: ${exit.stderr}`);
    t.match(exit.stderr, `gitops-lab: ${signal}: cleaning up`);
    t.notMatch(exit.stderr, /^error: /m, `${signal}: no error from the cleanup's own doing`);
    t.same(scratchDirs(l), [], `${signal}: no gitops-lab-* directory in TMPDIR`);
  }
  const graded = await run(process.execPath, [BIN, 'grade', '--offline', '--workspace', ws], { cwd: process.cwd(), env: { GITOPS_LAB_HOME: l.home, TMPDIR: l.tmp }, allowFailure: true, timeoutMs: 120_000 });
  t.equal(graded.exitCode, 0, 'the session still grades after the interrupts');
});

t.test('SIGINT stops watch between grades: exit 130, no temporary directory left', async (t) => {
  const l = lab(t);
  const ws = await startedSession(t, l);
  const exit = await interrupt(t, l, ['watch', '--workspace', ws], 'SIGINT', (_, stdout) => stdout.includes('for your next push'));
  t.equal(exit.code, 130, exit.stderr);
  t.match(exit.stderr, 'grading ');
  t.same(scratchDirs(l), []);
});
