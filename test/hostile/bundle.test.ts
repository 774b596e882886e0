/**
 * Hostile bundles and scenario ids: what a learner (or anyone who can write a results folder) might hand to
 * regrade, and what a session or bundle might name as its scenario. Each gives a clear refusal, exit 2, never
 * a grade and never a crash.
 */
import t from 'tap';
import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { writeBundle } from '../../harness/results/bundle.js';
import { withLearner } from '../../harness/results/learner.js';
import { bundleKey, keyIdOf, sealBundle, sealText, verifyBundleDir, type BundleKey } from '../../harness/results/seal.js';
import { gradeEvidence } from '../../harness/runner/grade.js';
import { loadScenario } from '../../harness/scenario/load.js';
import { fixture } from '../helpers/fixtures.js';
import { scratch, type Cli } from '../helpers/cli.js';

t.setTimeout(900_000);

const { scenario } = await loadScenario('promote-staging-image');

async function bundle(cli: Cli, name: string, key?: BundleKey): Promise<string> {
  const evidence = withLearner(fixture('promote-staging-image', 'argocd', 'faults'), 'ana');
  const { dir } = await writeBundle(join(cli.dir, name), { result: gradeEvidence(scenario, evidence), evidence, learner: 'ana' }, { key: key ?? (await bundleKey({ home: cli.home })) });
  return dir;
}

t.test('scenario ids are folder names of the bank, never paths', async (t) => {
  for (const id of ['../../x', '..', '.', '', '_shared', 'a/b', '/etc', 'Promote', 'x'.repeat(64), 'promote-staging-image/../wrong-selector', 'a\x1b[31m', ' promote-staging-image']) {
    await t.rejects(loadScenario(id), { code: 'USAGE', message: `scenario id ${JSON.stringify(id)} is not a scenario id (lower-case letters, digits and dashes, at most 63)` }, JSON.stringify(id));
  }
  await t.rejects(loadScenario('no-such-scenario'), { code: 'NOT_FOUND' }, 'a safe id that is not in the bank');
  t.equal((await loadScenario('promote-staging-image')).scenario.id, 'promote-staging-image');
});

t.test('forged seals do not verify, and say why without crashing', async (t) => {
  const cli = scratch(t);
  const key = await bundleKey({ home: cli.home });
  const dir = await bundle(cli, 'a', key);
  const seal = JSON.parse(readFileSync(join(dir, 'seal.json'), 'utf8'));
  const tries: [string, unknown, RegExp][] = [
    // A MAC made with a key the forger chose, under the instructor's key id.
    ['a guessed key', { ...seal, mac: createHmac('sha256', randomBytes(32)).update('x').digest('hex') }, /does not verify with this key/],
    ['alg none', { ...seal, alg: 'none' }, /^seal\.json: alg: /],
    ['an empty mac', { ...seal, mac: '' }, /^seal\.json: mac: /],
    ['a short mac', { ...seal, mac: seal.mac.slice(0, 62) }, /^seal\.json: mac: /],
    ['an upper-case mac', { ...seal, mac: seal.mac.toUpperCase() }, /^seal\.json: mac: /],
    ['an extra field', { ...seal, trusted: true }, /^seal\.json: \(root\): /],
    ['the key id of a made-up key', { ...seal, keyId: keyIdOf(randomBytes(32)) }, /^sealed by key [0-9a-f]{16}, not by this instructor's key/],
    ['an array', [seal], /^seal\.json: /],
  ];
  for (const [name, forged, reason] of tries) {
    writeFileSync(join(dir, 'seal.json'), JSON.stringify(forged));
    t.match(await verifyBundleDir(dir, key), { ok: false, file: 'seal.json', reason }, name);
  }
  writeFileSync(join(dir, 'seal.json'), '{"schemaVersion":');
  t.same(await verifyBundleDir(dir, key), { ok: false, file: 'seal.json', reason: 'seal.json is not valid JSON' });
});

t.test('regrade refuses what the seal does not vouch for', async (t) => {
  const cli = scratch(t);
  const key = await bundleKey({ home: cli.home });
  const dir = await bundle(cli, 'a', key);

  await t.test('evidence renamed away from evidence.json', async (t) => {
    const copy = join(cli.dir, 'renamed');
    cpSync(dir, copy, { recursive: true });
    renameSync(join(copy, 'evidence.json'), join(copy, 'appeal.json'));
    const r = await cli.run(['regrade', join(copy, 'appeal.json')]);
    t.equal(r.exitCode, 2);
    t.match(r.stderr, `error: ${join(copy, 'appeal.json')}: does not verify: a sealed bundle's evidence is named evidence.json`);
  });

  await t.test("a bundle moved into another learner's folder still says whose it is", async (t) => {
    const copy = join(cli.dir, 'results', 'mallory', 'promote-staging-image');
    cpSync(dir, copy, { recursive: true });
    const r = await cli.run(['regrade', join(copy, 'evidence.json'), '--format', 'json']);
    t.equal(r.exitCode, 1);
    t.equal(JSON.parse(r.stdout).learner, 'ana', 'the sealed learner, not the folder name');
  });

  await t.test('a seal made (with the right key) for another learner than the evidence names', async (t) => {
    const copy = join(cli.dir, 'mismatch');
    cpSync(dir, copy, { recursive: true });
    const files = { result: readFileSync(join(copy, 'result.json')), evidence: readFileSync(join(copy, 'evidence.json')), report: readFileSync(join(copy, 'report.md')) };
    const seal = sealBundle(key, { learner: 'mallory', scenario: 'promote-staging-image', runId: JSON.parse(files.evidence.toString()).meta.runId }, files);
    writeFileSync(join(copy, 'seal.json'), sealText(seal));
    const r = await cli.run(['regrade', join(copy, 'evidence.json')]);
    t.equal(r.exitCode, 2);
    t.match(r.stderr, `${join(copy, 'evidence.json')}: meta.learner: "ana" is not the sealed "mallory"`);
  });

  await t.test('a bundle sealed with a key the learner made', async (t) => {
    const forger = await bundleKey({ home: join(cli.dir, 'forger-home') });
    const forged = await bundle(cli, 'forged', forger);
    const r = await cli.run(['regrade', join(forged, 'evidence.json')]);
    t.equal(r.exitCode, 2);
    t.match(r.stderr, `sealed by key ${forger.id}, not by this instructor's key ${key.id}`);
  });
});
