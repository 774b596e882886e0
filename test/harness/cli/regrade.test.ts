/**
 * regrade through the built executable: a sealed bundle verifies and grades identically; one changed in any
 * byte, sealed under another key, or unsealed is refused with exit 2 naming the file (graded, unverified, with
 * --trust); a scenario id from the evidence is never a path.
 */
import t from 'tap';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../../harness/exec.js';
import { bundleKey } from '../../../harness/results/seal.js';
import { REPO_ROOT, scratch, type Cli } from '../../helpers/cli.js';

t.setTimeout(900_000);

const STAGING = 'apps/payment-api/overlays/staging/kustomization.yaml';
const BIN = join(REPO_ROOT, 'dist/harness/cli/main.js');

/** One learner who promoted the wrong tag (1.27.7): graded into a sealed bundle. */
async function gradedBundle(cli: Cli): Promise<{ dir: string; grade: { exitCode: number; stdout: string } }> {
  const ws = join(cli.dir, 'ws');
  const started = await cli.run(['start', 'promote-staging-image', '--offline', '--workspace', ws, '--learner', 'ana']);
  if (started.exitCode !== 0) throw new Error(started.stderr);
  const file = join(ws, STAGING);
  writeFileSync(file, readFileSync(file, 'utf8').replace('1.27.5', '1.27.7'));
  await cli.git(ws, ['commit', '-qam', 'payment-api: promote 1.27.7 to staging']);
  await cli.git(ws, ['push', '-q', 'origin', 'main']);
  const out = join(cli.dir, 'results');
  const grade = await cli.run(['grade', '--offline', '--workspace', ws, '--out', out, '--format', 'json']);
  return { dir: join(out, 'ana', 'promote-staging-image'), grade };
}

/** A copy of the bundle to tamper with. */
function copyBundle(cli: Cli, dir: string, name: string): string {
  const copy = join(cli.dir, 'copies', name);
  cpSync(dir, copy, { recursive: true });
  return copy;
}

t.test('regrade verifies the seal, refuses a tampered bundle, and never follows meta.scenario as a path', async (t) => {
  const cli = scratch(t);
  const { dir, grade } = await gradedBundle(cli);
  t.equal(grade.exitCode, 1, 'the wrong tag fails');
  const stored = readFileSync(join(dir, 'result.json'), 'utf8');
  t.equal(JSON.parse(stored).status, 'fail');
  const keyId = JSON.parse(readFileSync(join(dir, 'seal.json'), 'utf8')).keyId as string;
  t.match(keyId, /^[0-9a-f]{16}$/);

  await t.test('an untouched bundle verifies and grades identically', async (t) => {
    const r = await cli.run(['regrade', join(dir, 'evidence.json'), '--format', 'json']);
    t.equal(r.exitCode, 1);
    t.equal(r.stdout, stored, 'byte for byte the stored result.json');
    t.match(r.stderr, `sealed by key ${keyId}: verified\n`);
    t.match(r.stderr, 'the current graders agree with result.json');
  });

  // The forgery: the failing render data flipped to passing (1.27.7 -> 1.27.6, one byte per occurrence).
  const forged = copyBundle(cli, dir, 'forged');
  const evidenceFile = join(forged, 'evidence.json');
  const original = readFileSync(evidenceFile, 'utf8');
  const flipped = original.replaceAll('1.27.7', '1.27.6');
  t.not(flipped, original);
  t.equal(flipped.length, original.length, 'only bytes changed, none added');
  writeFileSync(evidenceFile, flipped);

  await t.test('one changed byte in evidence.json: refused with exit 2 naming evidence.json', async (t) => {
    const r = await cli.run(['regrade', evidenceFile, '--format', 'json']);
    t.equal(r.exitCode, 2);
    t.equal(r.stdout, '', 'no grade is printed');
    t.match(r.stderr, `error: ${evidenceFile}: does not verify: evidence.json changed since the bundle was sealed`);
    t.match(r.stderr, 'hint: ');
  });

  await t.test('--trust grades the forged evidence and says it is unverified', async (t) => {
    const r = await cli.run(['regrade', evidenceFile, '--format', 'json', '--trust']);
    t.equal(r.exitCode, 0, 'the forgery would have passed');
    t.equal(JSON.parse(r.stdout).status, 'pass');
    t.match(r.stderr, `${evidenceFile}: UNVERIFIED (--trust): evidence.json: evidence.json changed since the bundle was sealed`);
    const then = JSON.parse(stored);
    const now = JSON.parse(r.stdout);
    const check = now.checks.find((c: { name: string }) => c.name === 'staging-renders-dev-image');
    t.match(r.stderr, `the current graders differ from result.json (unverified): fail ${then.score}/${then.maxScore} then, pass ${now.maxScore}/${now.maxScore} now\n`);
    t.match(r.stderr, `\n  staging-renders-dev-image: fail 0 then, pass ${check.max} now\n`, 'the check the forgery flipped');
    t.notMatch(r.stderr, 'verified\n');
  });

  await t.test('a changed byte in result.json or report.md is refused naming that file', async (t) => {
    for (const name of ['result.json', 'report.md']) {
      const copy = copyBundle(cli, dir, `edit-${name}`);
      const file = join(copy, name);
      const bytes = readFileSync(file);
      bytes[10] = bytes[10] === 0x41 ? 0x42 : 0x41;
      writeFileSync(file, bytes);
      const r = await cli.run(['regrade', join(copy, 'evidence.json')]);
      t.equal(r.exitCode, 2, name);
      t.match(r.stderr, `${join(copy, name)}: does not verify: ${name} changed since the bundle was sealed`, name);
    }
  });

  await t.test('an unsealed bundle is refused naming seal.json', async (t) => {
    const copy = copyBundle(cli, dir, 'unsealed');
    rmSync(join(copy, 'seal.json'));
    const r = await cli.run(['regrade', join(copy, 'evidence.json')]);
    t.equal(r.exitCode, 2);
    t.match(r.stderr, `error: ${join(copy, 'seal.json')}: does not verify: no seal.json beside the evidence: the bundle is not sealed`);
  });

  await t.test("a bundle sealed under another instructor's key is refused", async (t) => {
    const other = join(cli.dir, 'other-home');
    const otherKey = await bundleKey({ home: other });
    const r = await run(process.execPath, [BIN, 'regrade', join(dir, 'evidence.json')], { cwd: process.cwd(), env: { GITOPS_LAB_HOME: other }, allowFailure: true, timeoutMs: 60_000 });
    t.equal(r.exitCode, 2);
    t.match(r.stderr, `seal.json: does not verify: sealed by key ${keyId}, not by this instructor's key ${otherKey.id}`);
    const none = await run(process.execPath, [BIN, 'regrade', join(dir, 'evidence.json')], { cwd: process.cwd(), env: { GITOPS_LAB_HOME: join(cli.dir, 'empty-home') }, allowFailure: true, timeoutMs: 60_000 });
    t.equal(none.exitCode, 2);
    t.match(none.stderr, /no bundle key at .*empty-home\/keys\/bundle-hmac\.key/);
  });

  await t.test('meta.scenario "../../x" is refused with exit 2, with or without --trust, even where the folder exists', async (t) => {
    // A learner-written copy of the scenario, reachable by ../ from the bank: a path must never select it.
    const fake = join(cli.dir, 'fake');
    mkdirSync(fake, { recursive: true });
    cpSync(join(REPO_ROOT, 'scenarios', 'promote-staging-image'), join(fake, 'promote-staging-image'), { recursive: true });
    cpSync(join(REPO_ROOT, 'scenarios', '_shared'), join(fake, '_shared'), { recursive: true });
    const traversal = `${'../'.repeat(12)}${fake.replace(/^\//, '')}/promote-staging-image`;
    for (const id of ['../../x', traversal]) {
      const copy = copyBundle(cli, dir, `scenario-${id.length}`);
      const file = join(copy, 'evidence.json');
      const evidence = JSON.parse(readFileSync(file, 'utf8'));
      evidence.meta.scenario = id;
      writeFileSync(file, JSON.stringify(evidence, null, 2) + '\n');
      const refused = await cli.run(['regrade', file]);
      t.equal(refused.exitCode, 2, `${id}: the seal refuses it`);
      t.match(refused.stderr, 'evidence.json changed since the bundle was sealed');
      const trusted = await cli.run(['regrade', file, '--trust']);
      t.equal(trusted.exitCode, 2, `${id}: not a scenario id`);
      t.equal(trusted.stdout, '');
      t.match(trusted.stderr, `error: scenario id ${JSON.stringify(id)} is not a scenario id`);
    }
  });
});
