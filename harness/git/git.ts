/** Real git, through the exec module. */
import { run, type RunResult } from '../exec.js';

/** A fixed identity and no user config, so history is reproducible and a machine's settings do not leak in. */
export const GIT_ENV: Readonly<Record<string, string>> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'gitops-lab',
  GIT_AUTHOR_EMAIL: 'lab@gitops-lab.dev',
  GIT_COMMITTER_NAME: 'gitops-lab',
  GIT_COMMITTER_EMAIL: 'lab@gitops-lab.dev',
};

export interface GitOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly input?: string;
  readonly allowFailure?: boolean;
  readonly timeoutMs?: number;
  readonly binary?: boolean;
}

export function git(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<RunResult> {
  return run('git', args, {
    cwd,
    env: { ...GIT_ENV, ...options.env },
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
    ...(options.allowFailure !== undefined ? { allowFailure: options.allowFailure } : {}),
    ...(options.binary !== undefined ? { binary: options.binary } : {}),
  });
}

export async function gitOut(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  return (await git(cwd, args, options)).stdout.trim();
}
