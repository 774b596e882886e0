/**
 * The lab git server process: `gitops-lab git-serve` beside a cluster and dist/git-serve.mjs in a cluster's Pod run
 * this. The server's own credential comes from GITOPS_LAB_GIT_USER / GITOPS_LAB_GIT_PASSWORD (a Pod's Secret); each
 * request is logged on stdout.
 */
import { startGitHttpServer, type GitHttpServer } from './http-server.js';

export async function serveLabGit(options: { readonly root: string; readonly port: number; readonly host: string }): Promise<GitHttpServer> {
  const user = process.env['GITOPS_LAB_GIT_USER'];
  const password = process.env['GITOPS_LAB_GIT_PASSWORD'];
  const server = await startGitHttpServer({
    ...options,
    ...(user && password ? { credentials: { username: user, password } } : {}),
    onRequest: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
  });
  process.stdout.write(`serving ${options.root} at ${server.url}\n`);
  return server;
}
