/**
 * Who may read and push each lab repository: credentials per run, checked by the lab git server on every request.
 *
 * A live session's repository gets two credentials of its own: the learner's (push and read: the workspace's
 * `origin`) and the controllers' (read only: inside the repository URL the registrations name). Neither opens
 * another repository. The grants live in `gitops-lab-access.json` inside the bare repository: a push writes only
 * objects and refs, so no learner can write it, and `git http-backend` never serves it. Only a hash of each
 * password is kept there (the passwords are random, so a plain SHA-256 is enough).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeJsonAtomic } from '../atomic.js';

export const ACCESS_FILE = 'gitops-lab-access.json';

export type Access = 'read' | 'push';

export interface Credential {
  readonly username: string;
  readonly password: string;
}

/** A run's two credentials for its own lab repository. */
export interface RunCredentials {
  /** The learner's: push and read. */
  readonly learner: Credential;
  /** The controllers': read only. */
  readonly reader: Credential;
}

const GrantSchema = z.object({ username: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), access: z.enum(['read', 'push']) }).strict();
export const AccessSchema = z.object({ schemaVersion: z.literal(1), grants: z.array(GrantSchema) }).strict();
export type Grant = z.infer<typeof GrantSchema>;

const hash = (password: string): string => createHash('sha256').update(password, 'utf8').digest('hex');

/** New random credentials for one run (the usernames name the run, so the server's log says whose request it was). */
export function newRunCredentials(runId: string): RunCredentials {
  const password = () => randomBytes(12).toString('base64url');
  return { learner: { username: `learner-${runId}`, password: password() }, reader: { username: `reader-${runId}`, password: password() } };
}

/** A run's grants: the learner's credential pushes and reads, the controllers' reads (passwords kept as hashes only). */
export function grantsFor(creds: RunCredentials): Grant[] {
  return [
    { username: creds.learner.username, sha256: hash(creds.learner.password), access: 'push' },
    { username: creds.reader.username, sha256: hash(creds.reader.password), access: 'read' },
  ];
}

/** Writes a repository's grants (replacing any earlier ones). */
export async function writeGrants(bareDir: string, grants: readonly Grant[]): Promise<void> {
  await writeJsonAtomic(join(bareDir, ACCESS_FILE), { schemaVersion: 1, grants }, { mode: 0o600 });
}

/** Writes the grants of a run's repository (replacing any earlier ones). */
export async function writeRepoAccess(bareDir: string, creds: RunCredentials): Promise<void> {
  await writeGrants(bareDir, grantsFor(creds));
}

/**
 * The grants of a repository: undefined when it has none (a repository the harness made without them), an Error
 * when the file is there but unreadable or malformed (the server then lets no per-run credential in: fail closed).
 */
export function readRepoAccess(bareDir: string): readonly Grant[] | undefined | Error {
  let text: string;
  try {
    text = readFileSync(join(bareDir, ACCESS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return error instanceof Error ? error : new Error(String(error));
  }
  try {
    const parsed = AccessSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return new Error(`${join(bareDir, ACCESS_FILE)}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    return parsed.data.grants;
  } catch (error) {
    return new Error(`${join(bareDir, ACCESS_FILE)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Does `credential` hold a grant of at least `need` among `grants`? (Constant-time on the password hash.) */
export function granted(grants: readonly Grant[], credential: Credential, need: Access): boolean {
  const presented = Buffer.from(hash(credential.password), 'hex');
  let ok = false;
  for (const g of grants) {
    if (g.username !== credential.username) continue;
    const match = timingSafeEqual(presented, Buffer.from(g.sha256, 'hex'));
    if (match && (g.access === 'push' || need === 'read')) ok = true;
  }
  return ok;
}

/** `url` with a credential in it (`http://user:pass@host/...`): what `git` and the controllers read with. */
export function withCredential(url: string, credential: Credential): string {
  const u = new URL(url);
  u.username = encodeURIComponent(credential.username);
  u.password = encodeURIComponent(credential.password);
  return u.toString();
}

/**
 * `url` (or any text: every URL in it) with any password replaced by `***`, for evidence, reports and error
 * messages (the username stays: whose it was).
 */
export function redactURL(url: string): string {
  return url.replace(/([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*):[^@/\s]*@/gi, '$1:***@');
}

/** `url` without its credential, for log lines. */
export function withoutCredential(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}
