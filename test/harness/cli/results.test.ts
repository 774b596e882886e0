/**
 * Instructor grading as a new user would run it, with the built executable and real git: several learners'
 * workspaces (good, partial, wrong-way, nothing pushed, exam mode, a hostile commit message) graded into one
 * results folder; each bundle regraded gives the same bytes; the cohort report in every format, the HTML one
 * opened in headless chromium with the learner's script tag inert.
 */
import t from 'tap';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scratch, type Cli } from '../../helpers/cli.js';
import { chromiumMissing, launchChromium } from '../../helpers/browser.js';

// Some thirty runs of the executable; CI machines are small and busy.
t.setTimeout(600_000);

const STAGING = 'apps/payment-api/overlays/staging/kustomization.yaml';
const BASE = 'apps/payment-api/base/deployment.yaml';
const HOSTILE = 'payment-api: promote to staging <script>alert("owned")</script> <img src=x onerror=alert(1)> & "quotes"';

interface Learner {
  readonly id: string | undefined;
  readonly startArgs?: readonly string[];
  readonly edits: readonly [file: string, from: string, to: string][];
  readonly message?: string;
}

async function play(cli: Cli, name: string, learner: Learner): Promise<string> {
  const ws = join(cli.dir, `ws-${name}`);
  const started = await cli.run(['start', 'promote-staging-image', '--offline', '--workspace', ws, ...(learner.startArgs ?? [])]);
  if (started.exitCode !== 0) throw new Error(started.stderr);
  for (const [file, from, to] of learner.edits) {
    const p = join(ws, file);
    writeFileSync(p, readFileSync(p, 'utf8').replace(from, to));
  }
  if (learner.message !== undefined) {
    await cli.git(ws, ['commit', '-qam', learner.message]);
    await cli.git(ws, ['push', '-q', 'origin', 'main']);
  }
  return ws;
}

const LEARNERS: Record<string, Learner> = {
  ada: { id: 'ada', edits: [[STAGING, '1.27.5', '1.27.6']], message: 'payment-api: promote 1.27.6 to staging' },
  bo: { id: 'bo', edits: [[STAGING, '1.27.5', '1.27.6']], message: 'fix' },
  cy: { id: 'cy', edits: [[BASE, 'nginx:1.27.4', 'nginx:1.27.6']], message: 'payment-api: bump to 1.27.6 for staging' },
  dee: { id: '<b>dee</b>', edits: [[STAGING, '1.27.5', '1.27.6']], message: HOSTILE },
  fay: { id: 'fay', edits: [] },
  // No --learner at grade time: the session's learner is used.
  eve: { id: undefined, startArgs: ['--mode', 'exam', '--learner', 'eve'], edits: [[STAGING, '1.27.5', '1.27.6']], message: 'payment-api: promote 1.27.6 to staging' },
};

t.test('a cohort graded into one folder, regraded byte for byte, reported in every format', async (t) => {
  const cli = scratch(t);
  const out = join(cli.dir, 'results');
  const workspaces = Object.fromEntries(await Promise.all(Object.entries(LEARNERS).map(async ([name, l]) => [name, await play(cli, name, l)] as const)));
  const exits: Record<string, number> = {};
  for (const [name, l] of Object.entries(LEARNERS)) {
    const graded = await cli.run(['grade', '--offline', '--workspace', workspaces[name]!, '--out', out, ...(l.id !== undefined ? ['--learner', l.id] : []), '--format', 'json']);
    t.equal(graded.stderr, '', name);
    exits[name] = graded.exitCode;
    t.equal(JSON.parse(graded.stdout).learner, l.id ?? 'eve', `${name}: the result names the learner`);
  }
  t.same(exits, { ada: 0, bo: 1, cy: 1, dee: 0, fay: 1, eve: 0 });

  const bundles = readdirSync(out).filter((d) => d !== 'index').sort();
  t.same(bundles, ['%3Cb%3Edee%3C%2Fb%3E', 'ada', 'bo', 'cy', 'eve', 'fay']);
  t.equal(readdirSync(join(out, 'index')).length, 6, 'one index entry per grade');

  await t.test('each bundle regrades to the same result, byte for byte, with the same exit code', async (t) => {
    for (const [name, dir] of bundles.map((b) => [b, join(out, b, 'promote-staging-image')] as const)) {
      const regraded = await cli.run(['regrade', join(dir, 'evidence.json'), '--format', 'json']);
      t.equal(regraded.stdout, readFileSync(join(dir, 'result.json'), 'utf8'), `${name}: identical result JSON`);
      t.equal(regraded.exitCode, JSON.parse(regraded.stdout).status === 'pass' ? 0 : 1);
    }
    const text = await cli.run(['regrade', join(out, 'cy', 'promote-staging-image', 'evidence.json')]);
    t.equal(text.exitCode, 1);
    t.match(text.stdout, /^first failing boundary: git \(only-staging-overlay-changed\)/m);
    const junit = await cli.run(['regrade', join(out, 'cy', 'promote-staging-image', 'evidence.json'), '--format', 'junit']);
    t.match(junit.stdout, '<testsuites');
  });

  await t.test('exam mode: the bundle records start, deadline and the graded push, and withholds hints', async (t) => {
    const [entryName] = readdirSync(join(out, 'index')).filter((n) => n.startsWith('eve--'));
    const entry = JSON.parse(readFileSync(join(out, 'index', entryName!), 'utf8'));
    t.match(entry, { learner: 'eve', mode: 'exam', status: 'pass', startedAt: String, endedAt: String, deadline: String });
    t.ok(Date.parse(entry.deadline) - Date.parse(entry.startedAt) > 0);
    t.ok(entry.endedAt <= entry.deadline);
    const report = readFileSync(join(out, 'eve', 'promote-staging-image', 'report.md'), 'utf8');
    t.match(report, `| deadline | ${entry.deadline} |`);
    t.notMatch(report, 'Hint:');
    const fay = readFileSync(join(out, 'fay', 'promote-staging-image', 'report.md'), 'utf8');
    t.match(fay, '| graded push | none (nothing pushed was graded) |');
  });

  await t.test('the cohort report as CSV and Markdown', async (t) => {
    const csv = await cli.run(['report', out, '--format', 'csv']);
    t.equal(csv.exitCode, 0, csv.stderr);
    t.equal(csv.stderr, '');
    const lines = csv.stdout.trimEnd().split('\n');
    t.equal(lines.length, 7);
    t.match(lines.find((l) => l.startsWith('bo,'))!, /^bo,promote-staging-image,argocd,practice,fail,12,13,\d+,6,7,git,commit-names-workload-and-environment,/);
    t.match(csv.stdout, `"${HOSTILE.replace(/"/g, '""')}"`);
    const md = await cli.run(['report', out, '--format', 'markdown']);
    t.match(md.stdout, '| promote-staging-image | 6 | 3 (50%) |');
    t.match(md.stdout, '| promote-staging-image | 50% | 0% | 0% | 0% | 0% | 0% |');
  });

  await t.test('the HTML report in headless chromium: pictures, no console error, no request, the script tag inert', async (t) => {
    const html = join(cli.dir, 'cohort.html');
    const made = await cli.run(['report', out, '--format', 'html', '--output', html]);
    t.equal(made.exitCode, 0, made.stderr);
    const missing = chromiumMissing();
    if (missing) return t.fail(missing);
    const context = await launchChromium(t);
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const url = pathToFileURL(html).href;
    await page.goto(url, { waitUntil: 'load' });
    t.same(requests, [url]);
    t.same(errors, []);
    t.equal(await page.locator('svg.heatmap').count(), 1);
    t.equal(await page.locator('svg.histogram').count(), 1);
    t.equal(await page.locator('tr.learner').count(), 6);
    const row = page.locator('tr.learner', { hasText: '<b>dee</b>' });
    t.equal(await row.locator('.subject').innerText(), HOSTILE, 'the commit message is shown as typed');
    await row.hover();
    t.equal(await page.locator('script, img').count(), 0);
    t.same(dialogs, []);
  });
});

t.test('without --learner: the session learner, else the OS user name', async (t) => {
  const cli = scratch(t);
  const out = join(cli.dir, 'results');
  const ws = await play(cli, 'anon', { id: undefined, edits: [[STAGING, '1.27.5', '1.27.6']], message: 'payment-api: promote 1.27.6 to staging' });
  const graded = await cli.run(['grade', '--offline', '--workspace', ws, '--out', out]);
  t.equal(graded.exitCode, 0, graded.stderr);
  const me = userInfo().username;
  t.same(readdirSync(out).sort(), ['index', encodeURIComponent(me)]);
  t.equal(JSON.parse(readFileSync(join(out, encodeURIComponent(me), 'promote-staging-image', 'result.json'), 'utf8')).learner, me);
  const plain = await cli.run(['grade', '--offline', '--workspace', ws, '--format', 'json']);
  t.equal(JSON.parse(plain.stdout).learner, undefined, 'grade without --out or --learner is unchanged');
});

t.test('regrade --trust (recorded evidence is not sealed) refuses what it cannot grade: exit 2, naming the file and the field', async (t) => {
  const cli = scratch(t);
  const good = JSON.parse(readFileSync(new URL('../../fixtures/offline/promote-staging-image/argocd/solution.json', import.meta.url), 'utf8'));
  const solved = await cli.run(['regrade', new URL('../../fixtures/offline/promote-staging-image/argocd/solution.json', import.meta.url).pathname, '--trust']);
  t.equal(solved.exitCode, 0, solved.stderr);
  const write = (name: string, text: string) => {
    const p = join(cli.dir, name);
    writeFileSync(p, text);
    return p;
  };
  const broken = write('broken.json', '{ "schemaVersion": 1,');
  let r = await cli.run(['regrade', broken, '--trust']);
  t.equal(r.exitCode, 2);
  t.match(r.stderr, `${broken}: not valid JSON`);
  const noScenario = structuredClone(good);
  delete noScenario.meta.scenario;
  noScenario.git.pushes[0].at = 42;
  const bad = write('bad.json', JSON.stringify(noScenario));
  r = await cli.run(['regrade', bad, '--trust']);
  t.equal(r.exitCode, 2);
  t.match(r.stderr, `${bad}: meta.scenario: Required`);
  t.match(r.stderr, `${bad}: git.pushes[0].at: expected string, got number`);
  const unknown = structuredClone(good);
  unknown.meta.scenario = 'no-such-scenario';
  r = await cli.run(['regrade', write('unknown.json', JSON.stringify(unknown)), '--trust']);
  t.equal(r.exitCode, 2);
  t.match(r.stderr, 'no scenario "no-such-scenario"');
  r = await cli.run(['regrade', join(cli.dir, 'missing.json'), '--trust']);
  t.equal(r.exitCode, 2);
  t.match(r.stderr, 'cannot read');
  r = await cli.run(['report', join(cli.dir, 'nothing-here')]);
  t.equal(r.exitCode, 2);
});
