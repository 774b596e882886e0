/**
 * The lab git server's own API, for a server with its own storage (a Pod with a volume on a remote cluster, or a
 * process whose directory the harness never reads): what the harness did on disk beside its repositories, it asks
 * the server to do. Only the server's own credential opens it; a learner's or a controller's never does.
 *
 *   PUT    /-/repos/<name>.git            {branch, grants}  make the repository (hooks, reflog) and set its grants
 *   DELETE /-/repos/<name>.git                              remove it
 *   PUT    /-/repos/<name>.git/deadline   {deadline}        close it to pushes after the deadline
 *   GET    /-/repos/<name>.git/pushes                       its push log (text; the server's clock)
 *   PUT    /-/repos/<name>.git/pushes     text              replace the push log (a reset to hand-over)
 *   DELETE /-/repos/<name>.git/pushes                       remove the push log
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic.js';
import { AccessSchema, writeGrants } from './access.js';
import { closeAt, initLabBare, PUSH_LOG } from './push-log.js';

export const ADMIN_PREFIX = '/-/repos/';

export interface AdminRequest {
  readonly method: string;
  /** The decoded path, starting with ADMIN_PREFIX. */
  readonly path: string;
  readonly body: Buffer;
}

export interface AdminResponse {
  readonly status: number;
  readonly body: string;
}

const CreateSchema = z.object({ branch: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/), grants: AccessSchema.shape.grants }).strict();
const DeadlineSchema = z.object({ deadline: z.string().datetime({ offset: true }) }).strict();
/** A push log is lines of `<epoch ms> <old> <new> <ref>` (push-log.ts); anything else is refused. */
const PUSH_LINE = /^\d{10,16} [0-9a-f]{40,64} [0-9a-f]{40,64} refs\/\S+$/;
const MAX_BODY = 4 * 1024 * 1024;

function parseJson<T>(schema: z.ZodType<T>, body: Buffer): T | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return `the body is not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
}

/** Serves one admin request on the repositories under `root` (the caller has checked the server's credential). */
export async function handleAdmin(root: string, req: AdminRequest): Promise<AdminResponse> {
  const m = /^\/-\/repos\/([A-Za-z0-9][A-Za-z0-9._-]*\.git)(\/(?:deadline|pushes))?$/.exec(req.path);
  if (!m) return { status: 404, body: 'no such admin path\n' };
  if (req.body.length > MAX_BODY) return { status: 413, body: 'body too large\n' };
  const name = m[1]!;
  const sub = m[2];
  const dir = join(root, name);
  const there = existsSync(join(dir, 'HEAD'));
  if (sub === undefined && req.method === 'PUT') {
    const input = parseJson(CreateSchema, req.body);
    if (typeof input === 'string') return { status: 400, body: `${input}\n` };
    // The grants first: the repository is never there without them (no moment when a per-run credential is unchecked).
    if (!there) {
      await initLabBare(dir, input.branch);
    }
    await writeGrants(dir, input.grants);
    return { status: there ? 200 : 201, body: `${name}\n` };
  }
  if (!there) return { status: 404, body: `no repository ${name}\n` };
  if (sub === undefined && req.method === 'DELETE') {
    await rm(dir, { recursive: true, force: true });
    return { status: 204, body: '' };
  }
  if (sub === '/deadline' && req.method === 'PUT') {
    const input = parseJson(DeadlineSchema, req.body);
    if (typeof input === 'string') return { status: 400, body: `${input}\n` };
    await closeAt(dir, input.deadline);
    return { status: 204, body: '' };
  }
  if (sub === '/pushes') {
    const log = join(dir, PUSH_LOG);
    if (req.method === 'GET') return { status: 200, body: await readFile(log, 'utf8').catch(() => '') };
    if (req.method === 'DELETE') {
      await rm(log, { force: true });
      return { status: 204, body: '' };
    }
    if (req.method === 'PUT') {
      const text = req.body.toString('utf8');
      const bad = text.split('\n').findIndex((line) => line !== '' && !PUSH_LINE.test(line));
      if (bad >= 0) return { status: 400, body: `line ${bad + 1} is not a push log line\n` };
      await writeFileAtomic(log, text);
      return { status: 204, body: '' };
    }
  }
  return { status: 405, body: `${req.method} is not allowed on ${req.path}\n` };
}
