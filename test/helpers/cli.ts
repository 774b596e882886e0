/** Runs the built gitops-lab executable as a user would (npm test builds it first). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type RunResult } from '../../harness/exec.js';

export const REPO_ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(REPO_ROOT, 'dist/harness/cli/main.js');

export interface Cli {
  readonly home: string;
  readonly dir: string;
  run(args: readonly string[], cwd?: string): Promise<RunResult>;
  git(cwd: string, args: readonly string[]): Promise<RunResult>;
  /** The session record (in the state home) of a workspace this CLI started. */
  session(workspace: string): Record<string, any>;
}

/** A scratch directory and state home, removed when the test ends. */
export function scratch(t: { teardown(fn: () => void): void }): Cli {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-test-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const home = join(dir, 'home');
  const env = { GITOPS_LAB_HOME: home, NO_COLOR: '1' };
  return {
    home,
    dir,
    run: (args, cwd = REPO_ROOT) => run(process.execPath, [BIN, ...args], { cwd, env, allowFailure: true, timeoutMs: 120_000 }),
    git: (cwd, args) =>
      run('git', args, {
        cwd,
        timeoutMs: 30_000,
        env: { GIT_AUTHOR_NAME: 'Alex Learner', GIT_AUTHOR_EMAIL: 'alex@example.com', GIT_COMMITTER_NAME: 'Alex Learner', GIT_COMMITTER_EMAIL: 'alex@example.com' },
      }),
    session: (workspace) => sessionRecord(home, workspace),
  };
}

/** The record a workspace's marker names, read from the state home `home`. */
export function sessionRecord(home: string, workspace: string): Record<string, any> {
  const marker = JSON.parse(readFileSync(join(workspace, '.git', 'gitops-lab', 'session.json'), 'utf8')) as { runId: string };
  return JSON.parse(readFileSync(join(home, 'sessions', marker.runId, 'session.json'), 'utf8')) as Record<string, any>;
}
