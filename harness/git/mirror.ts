/**
 * The harness's mirror of a lab repository that lives on a git server with its own storage (harness/git/remote.ts):
 * a bare repository holding every ref of the server's, fetched over the same smart HTTP the learner pushes
 * through. Everything that reads a lab repository (history, trees, renders, the push log) reads the mirror, so
 * a grade reads what the server holds at the fetch, and nothing the server's disk would have offered besides.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { redactURL } from './access.js';
import { git } from './git.js';

/**
 * An empty bare repository to fetch into, whose `origin` is `url` (with the harness's credential in it: kept in
 * the mirror's config, beside the server's record, never on a command line or in an error).
 */
export async function initMirror(mirrorDir: string, url: string): Promise<void> {
  await mkdir(mirrorDir, { recursive: true });
  await git(mirrorDir, ['init', '-q', '--bare']);
  // No fetch refspec: fetchMirror names its own, and a configured one would add remote-tracking refs to the mirror.
  await addOrigin(mirrorDir, url, false);
}

/**
 * Gives the repository whose git directory is `gitDir` the remote `origin` at `url` (with `git remote add`'s
 * remote-tracking refspec when `tracking`), written into its config file.
 */
export async function addOrigin(gitDir: string, url: string, tracking = true): Promise<void> {
  const quoted = `"${url.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  const fetch = tracking ? '\tfetch = +refs/heads/*:refs/remotes/origin/*\n' : '';
  await appendFile(join(gitDir, 'config'), `[remote "origin"]\n\turl = ${quoted}\n${fetch}`);
}

/**
 * Makes the mirror's refs those of `url` (every ref; refs gone there are pruned here). Two fetches into one
 * mirror at once (a class's status beside a grade) may collide on a ref lock: the loser tries again.
 */
export async function fetchMirror(mirrorDir: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const r = await git(mirrorDir, ['fetch', '--quiet', '--prune', '--no-tags', '--no-write-fetch-head', 'origin', '+refs/*:refs/*'], { allowFailure: true, timeoutMs: 60_000 });
    if (r.exitCode === 0) return;
    if (attempt >= 3 || !/lock|unable to update local ref/i.test(r.stderr)) {
      throw new Error(`fetching the lab repository into ${mirrorDir} failed: ${redactURL(r.stderr.trim().split('\n').slice(-3).join(' / '))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}

/** Points a working clone's `origin` at `url` (its remote-tracking refs fetched again from there). */
export async function replaceOrigin(workdir: string, url: string): Promise<void> {
  await git(workdir, ['remote', 'remove', 'origin']);
  await addOrigin(join(workdir, '.git'), url);
  await git(workdir, ['fetch', '--quiet', 'origin']);
}
