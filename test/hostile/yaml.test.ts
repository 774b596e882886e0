/**
 * Hostile YAML committed and pushed by a learner, graded through the CLI with --out (real git, real kubectl
 * kustomize, the built executable). Each file breaks one parsing bound: the checks that read it fail naming
 * the file and the bound, every other check keeps its honest result, the grade is exit 1 (never 3, never a
 * crash), and evidence.json is written with the file's parseError.
 */
import t from 'tap';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratch } from '../helpers/cli.js';
import { loadScenario } from '../../harness/scenario/load.js';
import { GRADERS } from '../../graders/index.js';

/**
 * The honest outcome of an offline grade where only `failing` should fail: the scenario's checks for the
 * controller, in order; the git and render ones pass, the cluster ones are skipped.
 */
async function expectedChecks(scenario: string, controller: string, failing: string): Promise<[string, string][]> {
  const { scenario: s } = await loadScenario(scenario);
  return s.checks
    .filter((c) => !c.controllers || c.controllers.includes(controller as never))
    .map((c) => {
      const boundary = GRADERS.get(c.grader)!.boundary;
      return [c.name, c.name === failing ? 'fail' : boundary === 'git' || boundary === 'render' ? 'pass' : 'skipped'];
    });
}

const LIMIT = 1024 * 1024;

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}

function bigMapping(): string {
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 50 * 1024 * 1024; i++) {
    const line = `key${String(i).padStart(8, '0')}: value\n`;
    lines.push(line);
    bytes += line.length;
  }
  return lines.join('');
}

const HOSTILE: readonly { name: string; text: () => string; bound: (bytes: number) => string }[] = [
  { name: 'laughs.yaml', text: billionLaughs, bound: () => 'more than 64 aliases' },
  { name: 'cycle.yaml', text: () => 'a: &x [1, *x]\n', bound: () => 'alias *x refers to a node that contains it (a cycle)' },
  { name: 'big.yaml', text: bigMapping, bound: (bytes) => `${bytes} bytes is larger than the ${LIMIT}-byte limit for one file` },
  { name: 'nest.yaml', text: () => '['.repeat(100_000) + ']'.repeat(100_000) + '\n', bound: () => 'nested deeper than 64 levels (too deep to parse)' },
];

interface Check {
  name: string;
  status: string;
  message: string;
  mismatches: { path: string; got: string }[];
}

/** Every evidence.json under an --out folder. */
function evidenceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('evidence.json'))
    .map((f) => join(dir, f));
}

async function session(t: Tap.Test, scenario: string) {
  const cli = scratch(t);
  const ws = join(cli.dir, 'W');
  const started = await cli.run(['start', scenario, '--offline', '--workspace', ws]);
  t.equal(started.exitCode, 0, started.stderr);
  const edit = (file: string, from: string, to: string) => {
    const p = join(ws, file);
    const before = readFileSync(p, 'utf8');
    t.not(before.indexOf(from), -1, `${file} holds ${from}`);
    writeFileSync(p, before.replace(from, to));
  };
  const pushAndGrade = async (message: string) => {
    await cli.git(ws, ['add', '-A']);
    await cli.git(ws, ['commit', '-qm', message]);
    await cli.git(ws, ['push', '-q', 'origin', 'main']);
    const out = join(cli.dir, 'out');
    const graded = await cli.run(['grade', '--offline', '--workspace', ws, '--format', 'json', '--out', out]);
    return { graded, out };
  };
  return { ws, edit, pushAndGrade };
}

const REGISTRATION = 'platform/clusters/staging/flux/payment-api.yaml';

for (const hostile of HOSTILE) {
  t.test(`flux-bad-path: the fix plus ${hostile.name} in the registration directory fails the registration check by name, exit 1`, async (t) => {
    const { ws, edit, pushAndGrade } = await session(t, 'flux-bad-path');
    edit(REGISTRATION, 'overlays/stagign', 'overlays/staging');
    const text = hostile.text();
    const file = `platform/clusters/staging/flux/${hostile.name}`;
    writeFileSync(join(ws, file), text);
    const { graded, out } = await pushAndGrade('payment-api: fix the staging Kustomization path');
    t.equal(graded.exitCode, 1, graded.stderr);
    const result = JSON.parse(graded.stdout);
    const error = hostile.bound(Buffer.byteLength(text));
    t.same(result.checks.map((c: Check) => [c.name, c.status]), await expectedChecks('flux-bad-path', 'flux', 'staging-path-points-at-overlay'));
    const reg = result.checks.find((c: Check & { score: number }) => c.name === 'staging-path-points-at-overlay');
    t.equal(reg.message, `${file} is not valid YAML: ${error}`);
    t.equal(reg.score, 0);
    const [evidence] = evidenceFiles(out);
    t.ok(evidence, 'grade --out wrote evidence.json');
    const saved = JSON.parse(readFileSync(evidence!, 'utf8'));
    t.same(saved.git.head.files[file], { blob: saved.git.head.files[file].blob, parseError: error });
    t.same(saved.git.head.files[REGISTRATION].docs.find((d: { kind: string }) => d.kind === 'Kustomization').spec.path, './apps/payment-api/overlays/staging', 'the other files parse as before');
  });
}

t.test('promote-staging-image: the fix plus all four hostile files elsewhere in the tree: only the changed-within check fails', async (t) => {
  const { ws, edit, pushAndGrade } = await session(t, 'promote-staging-image');
  edit('apps/payment-api/overlays/staging/kustomization.yaml', '1.27.5', '1.27.6');
  const texts = HOSTILE.map((h) => h.text());
  HOSTILE.forEach((h, i) => writeFileSync(join(ws, h.name), texts[i]!));
  const { graded, out } = await pushAndGrade('payment-api: promote 1.27.6 to staging');
  t.equal(graded.exitCode, 1, graded.stderr);
  const result = JSON.parse(graded.stdout);
  t.same(result.checks.map((c: Check) => [c.name, c.status]), await expectedChecks('promote-staging-image', result.controller, 'only-staging-overlay-changed'));
  const within = result.checks.find((c: Check) => c.name === 'only-staging-overlay-changed');
  t.same(within.mismatches.map((m: { path: string }) => m.path).sort(), HOSTILE.map((h) => h.name).sort());
  const [evidence] = evidenceFiles(out);
  const saved = JSON.parse(readFileSync(evidence!, 'utf8'));
  HOSTILE.forEach((h, i) => t.same(saved.git.head.files[h.name].parseError, h.bound(Buffer.byteLength(texts[i]!)), h.name));
});
