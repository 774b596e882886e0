/** Real git, through the exec module. */
import { run, type RunResult } from '../exec.js';

/** A HOME that does not exist: no ~/.gitconfig, no ~/.config/git, no credential store. */
export const NO_HOME = '/nonexistent/gitops-lab-home';

/**
 * No housekeeping after a commit, fetch or push (`git maintenance run --auto`, `git gc --auto`, receive-pack's
 * autogc): a lab repository lives minutes and holds a few dozen objects, and validate's phases spawned one such
 * process for every few commands. Given as GIT_CONFIG_COUNT pairs, which apply like `-c` to every git process.
 */
export const NO_AUTO_MAINTENANCE: Readonly<Record<string, string>> = {
  GIT_CONFIG_COUNT: '3',
  GIT_CONFIG_KEY_0: 'maintenance.auto',
  GIT_CONFIG_VALUE_0: 'false',
  GIT_CONFIG_KEY_1: 'gc.auto',
  GIT_CONFIG_VALUE_1: '0',
  GIT_CONFIG_KEY_2: 'receive.autogc',
  GIT_CONFIG_VALUE_2: 'false',
};

/**
 * The whole environment of every git process (run with a clean, non-inherited environment: PATH and LANG=C
 * besides these): a fixed identity, no system, global or XDG config, no system attributes, no replace refs,
 * no prompts; nothing from the parent (GIT_DIR, GIT_WORK_TREE, GIT_CONFIG_*, proxies, credentials) leaks in.
 */
export const GIT_ENV: Readonly<Record<string, string>> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_ATTR_NOSYSTEM: '1',
  GIT_NO_REPLACE_OBJECTS: '1',
  HOME: NO_HOME,
  XDG_CONFIG_HOME: NO_HOME,
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'gitops-lab',
  GIT_AUTHOR_EMAIL: 'lab@gitops-lab.dev',
  GIT_COMMITTER_NAME: 'gitops-lab',
  GIT_COMMITTER_EMAIL: 'lab@gitops-lab.dev',
  ...NO_AUTO_MAINTENANCE,
};

export interface GitOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly input?: string;
  readonly allowFailure?: boolean;
  readonly timeoutMs?: number;
  readonly binary?: boolean;
  readonly maxBuffer?: number;
}

export function git(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<RunResult> {
  return run('git', args, {
    cwd,
    env: { ...GIT_ENV, ...options.env },
    cleanEnv: true,
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
    ...(options.allowFailure !== undefined ? { allowFailure: options.allowFailure } : {}),
    ...(options.binary !== undefined ? { binary: options.binary } : {}),
    ...(options.maxBuffer !== undefined ? { maxBuffer: options.maxBuffer } : {}),
  });
}

export async function gitOut(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  return (await git(cwd, args, options)).stdout.trim();
}
