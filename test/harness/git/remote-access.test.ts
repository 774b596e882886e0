/**
 * Reaching a lab git server in a remote cluster from this machine: the instructor's URL (checked before anything is
 * made, recorded once the server answers there) or a port-forward the harness keeps (its command line; a forward
 * that cannot reach the server is ended and said so; a recorded forward that has died is started again).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { LabError } from '../../../harness/errors.js';
import { IN_CLUSTER_GIT_URL } from '../../../harness/git/in-cluster.js';
import { startGitHttpServer } from '../../../harness/git/http-server.js';
import { instructorURL, reachThroughURL } from '../../../harness/git/remote-access.js';
import { ensureGitServer, keepPortForward, portForwardArgs, readGitServer } from '../../../harness/git/server-process.js';
import { freePort } from '../../../harness/ports.js';
import { scratch } from '../../helpers/cli.js';

const credentials = { username: 'gitops-lab', password: 'pw' };

t.test("the instructor's URL: http(s) at the server's root, no credential, query or fragment", async (t) => {
  t.same(instructorURL('https://git.lab.example.edu'), { url: 'https://git.lab.example.edu', port: 443 });
  t.same(instructorURL('http://git.lab.example.edu/'), { url: 'http://git.lab.example.edu', port: 80 });
  t.same(instructorURL('https://lab.example.edu:8443/git//'), { url: 'https://lab.example.edu:8443/git', port: 8443 });
  const refused: [string, RegExp][] = [
    ['git.lab.example.edu', /is not a URL/],
    ['ssh://git.lab.example.edu', /must be http or https, not ssh/],
    ['https://me:secret@git.lab.example.edu', /must not hold a credential/],
    ['https://git.lab.example.edu/?x=1', /query or fragment/],
    ['https://git.lab.example.edu/#x', /query or fragment/],
  ];
  for (const [text, message] of refused) {
    const error = (() => {
      try {
        instructorURL(text);
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    t.ok(error instanceof LabError && error.code === 'USAGE', `${text}: a USAGE error`);
    t.match((error as Error).message, message);
  }
});

t.test('reachThroughURL records the in-cluster server once it answers at the URL, and says where to look when it does not', async (t) => {
  const { dir } = scratch(t);
  const server = await startGitHttpServer({ root: join(dir, 'volume'), credentials });
  t.teardown(() => server.close());
  const stateDir = join(dir, 'state');
  const rec = await reachThroughURL({ stateDir, kubeconfig: '/k', credentials }, `${server.url}/`);
  t.same(rec, { port: server.port, url: server.url, clusterUrl: IN_CLUSTER_GIT_URL, root: join(stateDir, 'git'), storage: 'own', ...credentials });
  t.same(readGitServer(stateDir), rec, 'recorded');
  t.ok(existsSync(join(stateDir, 'git')), 'the mirrors directory is made');
  const nowhere = `http://127.0.0.1:${await freePort()}`;
  const error = await reachThroughURL({ stateDir: join(dir, 'other'), kubeconfig: '/k', credentials }, nowhere, 500).catch((e: unknown) => e);
  t.ok(error instanceof LabError && error.code === 'CLUSTER_UNAVAILABLE');
  t.match((error as LabError).message, `does not answer at ${nowhere}/healthz`);
  t.notOk(existsSync(join(dir, 'other', 'git-server.json')), 'nothing recorded');
});

t.test('the port-forward: to the Service on 127.0.0.1 only; one that cannot reach the server is ended and reported', async (t) => {
  t.same(portForwardArgs('/s/kubeconfig', 41234), ['--kubeconfig', '/s/kubeconfig', '--namespace', 'gitops-lab-git', 'port-forward', 'service/git', '41234:80', '--address', '127.0.0.1']);
  const { dir } = scratch(t);
  const stateDir = join(dir, 'state');
  mkdirSync(stateDir, { recursive: true });
  // A kubeconfig whose API server is a closed port here: the real kubectl starts and cannot forward anything.
  const kubeconfig = join(dir, 'kubeconfig');
  const closed = await freePort();
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "https://127.0.0.1:${closed}", insecure-skip-tls-verify: true}\ncontexts:\n- name: c\n  context: {cluster: c, user: u}\ncurrent-context: c\nusers:\n- name: u\n  user: {token: x}\n`,
  );
  const error = await keepPortForward({ stateDir, kubeconfig, credentials }, await freePort(), 5_000).catch((e: unknown) => e);
  t.ok(error instanceof LabError && error.code === 'CLUSTER_UNAVAILABLE', 'an infrastructure error');
  t.match((error as LabError).message, /the port-forward to the in-cluster lab git server did not answer on http:\/\/127\.0\.0\.1:\d+/);
  t.notOk(existsSync(join(stateDir, 'git-server.json')), 'nothing recorded');
  t.match(readFileSync(join(stateDir, 'git-port-forward.log'), 'utf8'), /127\.0\.0\.1:\d+|refused|error/i, "kubectl's own words are in its log");

  // A recorded forward whose kubectl has died is started again on its port (here it fails the same way: proof it was tried).
  const port = await freePort();
  writeFileSync(
    join(stateDir, 'git-server.json'),
    JSON.stringify({ pid: 2 ** 22 + 1, port, url: `http://127.0.0.1:${port}`, clusterUrl: IN_CLUSTER_GIT_URL, root: join(stateDir, 'git'), storage: 'own', forward: { kubeconfig }, ...credentials }),
  );
  const again = await ensureGitServer(stateDir, await freePort()).catch((e: unknown) => e);
  t.match((again as Error).message, `the port-forward to the in-cluster lab git server did not answer on http://127.0.0.1:${port}`);
});
