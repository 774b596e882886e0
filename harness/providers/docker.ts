/**
 * Is a Docker engine there? `docker info` answers only when the client can reach a running engine; a client
 * without an engine (or no client at all) means kind cannot run here.
 */
import { tmpdir } from 'node:os';
import { run } from '../exec.js';
import { LabError } from '../errors.js';
import { dockerInfoArgs } from './kind/commands.js';

type Env = Readonly<Record<string, string | undefined>>;

export type DockerCheck =
  | { readonly ok: true; readonly serverVersion: string }
  | { readonly ok: false; readonly reason: 'missing' | 'no-engine'; readonly detail: string };

export async function checkDocker(env?: Env): Promise<DockerCheck> {
  try {
    const r = await run('docker', dockerInfoArgs(), { cwd: tmpdir(), timeoutMs: 20_000, allowFailure: true, ...(env ? { env } : {}) });
    if (r.exitCode === 0 && r.stdout.trim().length > 0) return { ok: true, serverVersion: r.stdout.trim() };
    const detail = (r.stderr || r.stdout).trim().split('\n').filter((l) => l.trim().length > 0).slice(-2).join(' ');
    return { ok: false, reason: 'no-engine', detail: detail || `docker info exited with ${r.exitCode}` };
  } catch (error) {
    if (error instanceof LabError && error.code === 'TOOL_MISSING') return { ok: false, reason: 'missing', detail: 'docker is not on PATH' };
    if (error instanceof LabError) return { ok: false, reason: 'no-engine', detail: error.message };
    throw error;
  }
}

/** The error `up --provider kind` gives without Docker: what is missing, what to install, what else works. */
export function dockerNeededError(check: Extract<DockerCheck, { ok: false }>): LabError {
  const what = check.reason === 'missing' ? 'the docker command was not found' : `\`docker info\` did not reach a Docker engine (${check.detail})`;
  return new LabError(check.reason === 'missing' ? 'TOOL_MISSING' : 'CLUSTER_UNAVAILABLE', `--provider kind needs a running Docker engine: ${what}`, {
    suggestion:
      check.reason === 'missing'
        ? 'install Docker Engine (https://docs.docker.com/engine/install/) and start it, or use --provider local (no Docker needed)'
        : 'start the Docker engine (e.g. `sudo systemctl start docker`, or Docker Desktop) and check `docker info`, or use --provider local (no Docker needed)',
  });
}
