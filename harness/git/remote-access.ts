/**
 * How this machine reaches a lab git server that runs in a remote cluster (git/in-cluster.ts): through a URL the
 * instructor provides (an Ingress or a LoadBalancer in front of the Service), or through a `kubectl port-forward`
 * to the Service that the harness starts, records by pid and starts again when it has died (keepPortForward, in
 * server-process.ts beside the record it keeps). Learners push to the same URL; the harness makes, seeds and
 * fetches repositories through it.
 */
import { LabError } from '../errors.js';
import { GIT_NAMESPACE, GIT_SERVICE, IN_CLUSTER_GIT_URL } from './in-cluster.js';
import { gitRootFor, recordInClusterGitServer, waitForGitServer, type GitServerRecord, type InClusterAccess } from './server-process.js';

/**
 * The URL an instructor gives for the in-cluster server: http(s), no credential, query or fragment in it, the
 * server at its root (a trailing slash is dropped). Its port is the URL's (or the scheme's).
 */
export function instructorURL(text: string): { readonly url: string; readonly port: number } {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new LabError('USAGE', `--git-url ${JSON.stringify(text)} is not a URL`, { suggestion: 'for example https://git.lab.example.edu (an Ingress or LoadBalancer in front of the gitops-lab-git Service)' });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new LabError('USAGE', `--git-url must be http or https, not ${u.protocol.replace(/:$/, '')}`);
  if (u.username || u.password) throw new LabError('USAGE', '--git-url must not hold a credential: gitops-lab makes its own and gives each learner theirs');
  if (u.search || u.hash) throw new LabError('USAGE', '--git-url must not have a query or fragment');
  const url = `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
  return { url, port: u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80 };
}

/** Records the in-cluster server as reached through the instructor's URL, once it answers there. */
export async function reachThroughURL(access: InClusterAccess, text: string, timeoutMs = 60_000): Promise<GitServerRecord> {
  const { url, port } = instructorURL(text);
  if (!(await waitForGitServer(url, timeoutMs))) {
    throw new LabError('CLUSTER_UNAVAILABLE', `the in-cluster lab git server is available but does not answer at ${url}/healthz`, {
      suggestion: `check that ${url} leads to the Service ${GIT_NAMESPACE}/${GIT_SERVICE} (port 80), e.g. kubectl -n ${GIT_NAMESPACE} get service,ingress,endpoints`,
    });
  }
  const record = { port, url, clusterUrl: IN_CLUSTER_GIT_URL, root: gitRootFor(access.stateDir), storage: 'own' as const, ...access.credentials };
  await recordInClusterGitServer(access.stateDir, record);
  return record;
}
