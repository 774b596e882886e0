/**
 * Without a Docker engine, `up --provider kind` says Docker is needed and exits 3; without kind, it says how to
 * install kind. Docker is simulated by a tiny `docker` script on PATH (a fake standing in for the engine, which
 * is not what these tests test): one that fails like a client without an engine, one that answers.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { run } from '../../../../harness/exec.js';
import { defaultProvider } from '../../../../harness/providers/index.js';
import { REPO_ROOT } from '../../../helpers/cli.js';

const BIN = join(REPO_ROOT, 'dist/harness/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-nodocker-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

function fakeDocker(name: string, script: string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'docker'), `#!/bin/sh\n${script}\n`);
  chmodSync(join(d, 'docker'), 0o755);
  return d;
}
const noEngine = fakeDocker('no-engine', 'echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1');
const engine = fakeDocker('engine', '[ "$1" = info ] && echo 27.5.1 && exit 0; exit 1');
const empty = join(dir, 'empty');
mkdirSync(empty);

const cli = (path: string, args: string[]) =>
  run(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: path, GITOPS_LAB_HOME: join(dir, 'home'), NO_COLOR: '1' }, allowFailure: true, timeoutMs: 60_000 });

t.test('a docker client without an engine: Docker is needed, exit 3, nothing recorded', async (t) => {
  const r = await cli(noEngine, ['up', '--provider', 'kind', '--name', 'k1']);
  t.equal(r.exitCode, 3);
  t.match(r.stderr, /--provider kind needs a running Docker engine/);
  t.match(r.stderr, /Cannot connect to the Docker daemon/);
  t.match(r.stderr, /hint: start the Docker engine.*--provider local/);
  t.notOk(existsSync(join(dir, 'home', 'clusters', 'k1')), 'no state directory');
});

t.test('no docker at all: says what to install, exit 3', async (t) => {
  const r = await cli(empty, ['up', '--provider', 'kind', '--name', 'k2']);
  t.equal(r.exitCode, 3);
  t.match(r.stderr, /--provider kind needs a running Docker engine: the docker command was not found/);
  t.match(r.stderr, /install Docker Engine \(https:\/\/docs\.docker\.com\/engine\/install\/\)/);
});

t.test('Docker answers but kind is missing: says how to install the pinned kind, exit 3, nothing left', async (t) => {
  const r = await cli(engine, ['up', '--provider', 'kind', '--name', 'k3']);
  t.equal(r.exitCode, 3);
  t.match(r.stderr, /needs the kind command, and it was not found on PATH/);
  t.match(r.stderr, /go install sigs\.k8s\.io\/kind@v0\.32\.0/);
  t.notOk(existsSync(join(dir, 'home', 'clusters', 'k3')), 'no state directory');
});

t.test('defaultProvider: kind where docker info answers, local otherwise', async (t) => {
  t.equal(await defaultProvider({ PATH: engine }), 'kind');
  t.equal(await defaultProvider({ PATH: noEngine }), 'local');
  t.equal(await defaultProvider({ PATH: empty }), 'local');
});

t.test('status and down of an unknown cluster do not need Docker', async (t) => {
  const s = await cli(empty, ['status', '--name', 'nothing-here']);
  t.equal(s.exitCode, 3);
  t.match(s.stdout, /cluster nothing-here \(local\): absent/);
  const d = await cli(empty, ['down', '--provider', 'kind', '--name', 'nothing-here']);
  t.equal(d.exitCode, 0);
  t.match(d.stdout, /nothing to do/);
});
