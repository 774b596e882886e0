/** Sealed bundles: the key in the state home, the seal grade --out writes, and what verification says. */
import t from 'tap';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBundle } from '../../../harness/results/bundle.js';
import { IndexEntry } from '../../../harness/model/index-entry.js';
import { withLearner } from '../../../harness/results/learner.js';
import { bundleKey, keyFile, keyIdOf, Seal, verifyBundleDir } from '../../../harness/results/seal.js';
import { gradeEvidence } from '../../../harness/runner/grade.js';
import { loadScenario } from '../../../harness/scenario/load.js';
import { fixture } from '../../helpers/fixtures.js';

const { scenario } = await loadScenario('promote-staging-image');

function tmp(t: Tap.Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-lab-seal-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function graded(learner: string, phase: string) {
  const evidence = withLearner(fixture('promote-staging-image', 'argocd', phase), learner);
  return { result: gradeEvidence(scenario, evidence), evidence, learner };
}

t.test('the key: 32 random bytes, mode 0600 in a 0700 folder, made once even when many grades start together', async (t) => {
  const home = tmp(t);
  await t.rejects(bundleKey({ home, create: false }), { code: 'NOT_FOUND', message: /no bundle key at .*keys\/bundle-hmac\.key/ });
  const keys = await Promise.all(Array.from({ length: 16 }, () => bundleKey({ home })));
  t.equal(new Set(keys.map((k) => k.id)).size, 1, 'every racer reads the same key');
  const file = keyFile(home);
  const bytes = readFileSync(file);
  t.equal(bytes.length, 32);
  t.equal(statSync(file).mode & 0o777, 0o600);
  t.equal(statSync(join(home, 'keys')).mode & 0o777, 0o700);
  t.same(readdirSync(join(home, 'keys')), ['bundle-hmac.key'], 'no candidate files left behind');
  t.equal(keys[0]!.id, keyIdOf(bytes));
  t.match(keys[0]!.id, /^[0-9a-f]{16}$/);
  t.not(bytes.toString('hex').includes(keys[0]!.id), true, 'the key id is a digest, not a piece of the key');
  t.same((await bundleKey({ home })).secret, bytes, 'a later grade reuses the key');
});

t.test('a key that others can read, or of the wrong size, is refused naming the file', async (t) => {
  const home = tmp(t);
  await bundleKey({ home });
  chmodSync(keyFile(home), 0o644);
  await t.rejects(bundleKey({ home }), { code: 'INVALID_CONFIG', message: /bundle-hmac\.key: the bundle key is readable by others \(mode 644\)/ });
  writeFileSync(keyFile(home), 'short', { mode: 0o600 });
  chmodSync(keyFile(home), 0o600);
  await t.rejects(bundleKey({ home }), { code: 'INVALID_CONFIG', message: /bundle-hmac\.key: a bundle key is 32 bytes, this one is 5/ });
});

t.test('grade --out seals the bundle: seal.json over the exact bytes, the MAC in the index entry', async (t) => {
  const home = tmp(t);
  const out = tmp(t);
  const key = await bundleKey({ home });
  const written = await writeBundle(out, graded('alice', 'wrong-promote-in-base'), { key });
  t.same(readdirSync(written.dir).sort(), ['evidence.json', 'report.md', 'result.json', 'seal.json']);
  const seal = Seal.parse(JSON.parse(readFileSync(join(written.dir, 'seal.json'), 'utf8')));
  t.match(seal, { schemaVersion: 1, kind: 'gitops-lab/seal', alg: 'HMAC-SHA256', keyId: key.id, learner: 'alice', scenario: 'promote-staging-image', runId: written.entry.runId });
  t.same(seal.files, written.entry.digests, 'the seal and the index agree on the files');
  const entry = IndexEntry.parse(JSON.parse(readFileSync(written.entryFile, 'utf8')));
  t.same(entry.seal, { alg: 'HMAC-SHA256', keyId: key.id, mac: seal.mac });
  t.notMatch(readFileSync(join(written.dir, 'seal.json'), 'utf8'), key.secret.toString('hex'), 'the key is not in the seal');
  t.same(await verifyBundleDir(written.dir, key), { ok: true, seal });
});

t.test('verification names the file that does not verify', async (t) => {
  const home = tmp(t);
  const key = await bundleKey({ home });
  const other = await bundleKey({ home: tmp(t) });
  const fresh = async (): Promise<string> => (await writeBundle(tmp(t), graded('bo', 'faults'), { key })).dir;

  for (const name of ['evidence.json', 'result.json', 'report.md']) {
    const dir = await fresh();
    const file = join(dir, name);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01; // one bit of one byte
    writeFileSync(file, bytes);
    t.same(await verifyBundleDir(dir, key), { ok: false, file: name, reason: `${name} changed since the bundle was sealed` }, name);
  }

  const dir = await fresh();
  t.match(await verifyBundleDir(dir, other), { ok: false, file: 'seal.json', reason: `sealed by key ${key.id}, not by this instructor's key ${other.id}` });

  // A forger who edits the evidence and writes its new digest into seal.json cannot make the MAC.
  const evidenceFile = join(dir, 'evidence.json');
  const before = readFileSync(evidenceFile, 'utf8');
  const forged = before.replace(/"headSha": "[0-9a-f]{40}"/, `"headSha": "${'a'.repeat(40)}"`);
  t.not(forged, before, 'the forgery changed the evidence');
  writeFileSync(evidenceFile, forged);
  const seal = JSON.parse(readFileSync(join(dir, 'seal.json'), 'utf8'));
  const { createHash } = await import('node:crypto');
  seal.files.evidence = createHash('sha256').update(readFileSync(evidenceFile)).digest('hex');
  writeFileSync(join(dir, 'seal.json'), JSON.stringify(seal));
  t.same(await verifyBundleDir(dir, key), { ok: false, file: 'seal.json', reason: 'the seal does not verify with this key (seal.json was edited or forged)' });

  // Changing who or which run the seal is for breaks the MAC too.
  const dir2 = await fresh();
  const seal2 = JSON.parse(readFileSync(join(dir2, 'seal.json'), 'utf8'));
  writeFileSync(join(dir2, 'seal.json'), JSON.stringify({ ...seal2, learner: 'mallory' }));
  t.match(await verifyBundleDir(dir2, key), { ok: false, file: 'seal.json', reason: /does not verify/ });

  const dir3 = await fresh();
  rmSync(join(dir3, 'seal.json'));
  t.same(await verifyBundleDir(dir3, key), { ok: false, file: 'seal.json', reason: 'no seal.json beside the evidence: the bundle is not sealed' });
  rmSync(join(dir2, 'report.md'));
  writeFileSync(join(dir2, 'seal.json'), JSON.stringify(seal2));
  t.same(await verifyBundleDir(dir2, key), { ok: false, file: 'report.md', reason: 'report.md is missing from the sealed bundle' });
  writeFileSync(join(dir2, 'seal.json'), '{"schemaVersion": 1, "mac": "x"}');
  t.match(await verifyBundleDir(dir2, key), { ok: false, file: 'seal.json', reason: /^seal\.json: / });
});
