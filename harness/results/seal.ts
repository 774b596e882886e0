/**
 * Sealed bundles. `grade --out` protects each bundle with an HMAC-SHA256 keyed by a secret that lives in the
 * instructor's state home (`<stateHome>/keys/bundle-hmac.key`, 32 random bytes, mode 0600, made on first use).
 * The seal (`<bundle>/seal.json`) covers the exact bytes of result.json, evidence.json and report.md, and the
 * bundle's learner, scenario and run id. `regrade` checks it with the same key: a bundle that verifies was
 * written by a grade on this key and not changed since.
 *
 * What a seal does not prove: that the evidence was true of the learner's repository (it is what the grade
 * collected; the evidence's headSha lets anyone re-check against the lab repository).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LabError } from '../errors.js';
import { stateHome } from '../runner/session.js';
import { BUNDLE_FILES } from '../model/index-entry.js';

export const SEAL_FILE = 'seal.json';
export const SEAL_SCHEMA_VERSION = 1;
export const SEAL_ALG = 'HMAC-SHA256';
const KEY_BYTES = 32;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits');

export const Seal = z.strictObject({
  schemaVersion: z.literal(SEAL_SCHEMA_VERSION),
  kind: z.literal('gitops-lab/seal'),
  alg: z.literal(SEAL_ALG),
  /** Which key sealed it: a digest prefix of the key, never the key. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/, 'expected 16 hex digits'),
  learner: z.string(),
  scenario: z.string(),
  runId: z.string(),
  /** sha256 of each file's exact bytes. */
  files: z.strictObject({ result: Hex64, evidence: Hex64, report: Hex64 }),
  mac: Hex64,
});
export type Seal = z.infer<typeof Seal>;

export type BundleFileKey = keyof typeof BUNDLE_FILES;
export type BundleBytes = Record<BundleFileKey, string | Uint8Array>;

export interface BundleKey {
  readonly id: string;
  readonly secret: Buffer;
  /** The key file it came from (for messages). */
  readonly file: string;
}

export const keyFile = (home = stateHome()): string => join(home, 'keys', 'bundle-hmac.key');

const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function keyIdOf(secret: Uint8Array): string {
  return createHash('sha256').update('gitops-lab bundle key id\0').update(secret).digest('hex').slice(0, 16);
}

async function readKey(file: string): Promise<BundleKey> {
  const [secret, st] = await Promise.all([readFile(file), stat(file)]);
  if (secret.length !== KEY_BYTES) {
    throw new LabError('INVALID_CONFIG', `${file}: a bundle key is ${KEY_BYTES} bytes, this one is ${secret.length}`, {
      suggestion: 'restore the key from a backup; a new key cannot verify bundles sealed by the old one',
    });
  }
  if ((st.mode & 0o077) !== 0) {
    throw new LabError('INVALID_CONFIG', `${file}: the bundle key is readable by others (mode ${(st.mode & 0o777).toString(8)}); anyone who reads it can forge sealed bundles`, {
      suggestion: `chmod 600 ${file}`,
    });
  }
  return { id: keyIdOf(secret), secret, file };
}

/**
 * The instructor's bundle key, made on first use. Creation is atomic and safe when many grades start at once:
 * each writes a complete candidate file and hard-links it into place; the first link wins and every process
 * then reads the same key.
 */
export async function bundleKey(options: { readonly create?: boolean; readonly home?: string } = {}): Promise<BundleKey> {
  const file = keyFile(options.home);
  try {
    return await readKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (options.create === false) {
      throw new LabError('NOT_FOUND', `no bundle key at ${file}: nothing was sealed with this state home`, {
        suggestion: 'regrade on the machine (and GITOPS_LAB_HOME) that graded the bundle, or pass --trust',
      });
    }
  }
  const dir = join(file, '..');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const candidate = join(dir, `.bundle-hmac.key.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(candidate, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx', flush: true });
    await chmod(candidate, 0o600);
    await link(candidate, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(candidate, { force: true });
  }
  return readKey(file);
}

/** The text the MAC is computed over: fixed field order, every field JSON-quoted, so nothing is ambiguous. */
function macInput(s: Pick<Seal, 'keyId' | 'learner' | 'scenario' | 'runId' | 'files'>): string {
  return JSON.stringify(['gitops-lab/seal', SEAL_SCHEMA_VERSION, SEAL_ALG, s.keyId, s.learner, s.scenario, s.runId, s.files.result, s.files.evidence, s.files.report]);
}

const macOf = (key: BundleKey, s: Pick<Seal, 'keyId' | 'learner' | 'scenario' | 'runId' | 'files'>): string =>
  createHmac('sha256', key.secret).update(macInput(s)).digest('hex');

export interface SealIdentity {
  readonly learner: string;
  readonly scenario: string;
  readonly runId: string;
}

/** Seals a bundle's exact bytes. */
export function sealBundle(key: BundleKey, identity: SealIdentity, files: BundleBytes): Seal {
  const body = {
    keyId: key.id,
    learner: identity.learner,
    scenario: identity.scenario,
    runId: identity.runId,
    files: { result: sha256(files.result), evidence: sha256(files.evidence), report: sha256(files.report) },
  };
  return { schemaVersion: SEAL_SCHEMA_VERSION, kind: 'gitops-lab/seal', alg: SEAL_ALG, ...body, mac: macOf(key, body) };
}

export function sealText(seal: Seal): string {
  return JSON.stringify(seal, null, 2) + '\n';
}

const macEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
};

export type Verdict =
  | { readonly ok: true; readonly seal: Seal }
  /** `file` is the bundle file (or seal.json) that does not verify. */
  | { readonly ok: false; readonly file: string; readonly reason: string };

/** Checks a parsed seal against the bundle's bytes with this key. Pure. */
export function verifySeal(key: BundleKey, seal: Seal, files: BundleBytes): Verdict {
  if (seal.keyId !== key.id) {
    return { ok: false, file: SEAL_FILE, reason: `sealed by key ${seal.keyId}, not by this instructor's key ${key.id} (${key.file})` };
  }
  const actual = { result: sha256(files.result), evidence: sha256(files.evidence), report: sha256(files.report) };
  if (macEqual(macOf(key, { ...seal, files: actual }), seal.mac)) return { ok: true, seal };
  // Not verified. Say which file: if the seal's own record verifies, the files that differ from it changed.
  if (macEqual(macOf(key, seal), seal.mac)) {
    const changed = (Object.keys(BUNDLE_FILES) as BundleFileKey[]).filter((k) => actual[k] !== seal.files[k]);
    const first = changed[0];
    if (first !== undefined) {
      return { ok: false, file: BUNDLE_FILES[first], reason: `${changed.map((k) => BUNDLE_FILES[k]).join(', ')} changed since the bundle was sealed` };
    }
  }
  return { ok: false, file: SEAL_FILE, reason: 'the seal does not verify with this key (seal.json was edited or forged)' };
}

/** Reads `<dir>/seal.json` and the bundle's files, and verifies them. Missing or unreadable files are verdicts, not crashes. */
export async function verifyBundleDir(dir: string, key: BundleKey): Promise<Verdict> {
  const sealPath = join(dir, SEAL_FILE);
  let sealRaw: string;
  try {
    sealRaw = await readFile(sealPath, 'utf8');
  } catch {
    return { ok: false, file: SEAL_FILE, reason: `no ${SEAL_FILE} beside the evidence: the bundle is not sealed` };
  }
  let json: unknown;
  try {
    json = JSON.parse(sealRaw);
  } catch {
    return { ok: false, file: SEAL_FILE, reason: `${SEAL_FILE} is not valid JSON` };
  }
  const parsed = Seal.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, file: SEAL_FILE, reason: `${SEAL_FILE}: ${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  const bytes: Partial<Record<BundleFileKey, Buffer>> = {};
  for (const k of Object.keys(BUNDLE_FILES) as BundleFileKey[]) {
    try {
      bytes[k] = await readFile(join(dir, BUNDLE_FILES[k]));
    } catch {
      return { ok: false, file: BUNDLE_FILES[k], reason: `${BUNDLE_FILES[k]} is missing from the sealed bundle` };
    }
  }
  return verifySeal(key, parsed.data, bytes as BundleBytes);
}
