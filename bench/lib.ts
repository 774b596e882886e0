/** What the benches share: flags, order statistics, the report they print, a git that commits as the bench. */
import { run } from '../harness/exec.js';

/** The value after `--name` on the command line, else `dflt`. */
export function flag(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : dflt;
}

const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);
export const median = (xs: readonly number[]): number => sorted(xs)[Math.floor(xs.length / 2)]!;
/** Nearest-rank p95 (with few samples, the largest). */
export const p95 = (xs: readonly number[]): number => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

/** Lines shown as they come (stderr) and kept for the summary printed at the end (stdout). */
export function reporter(): { readonly report: (line: string) => void; readonly lines: readonly string[] } {
  const lines: string[] = [];
  return {
    lines,
    report: (line) => {
      lines.push(line);
      process.stderr.write(`${line}\n`);
    },
  };
}

const gitEnv = { GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'b@x' };
/** git in `cwd`, committing as the bench. */
export const git = (cwd: string, args: string[], timeoutMs = 30_000) => run('git', args, { cwd, env: gitEnv, timeoutMs });
