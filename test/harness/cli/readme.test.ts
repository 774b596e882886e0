/**
 * README.md's generated regions stay true to the code: the grader registry, the commander program (built as
 * harness/cli/program.ts builds it) and the exit codes of harness/errors.ts. A stale region fails here and in
 * `gitops-lab docs --check`, which names the file and the region.
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { GRADERS } from '../../../graders/index.js';
import { COMMANDS } from '../../../harness/cli/commands/index.js';
import { cliCommands, packageBank, README_FILE, readmeRegions, REGIONS, regionEnd, regionStart, scenarioTable, updateReadme, type Region } from '../../../harness/cli/readme.js';
import { listScenarioIds } from '../../../harness/scenario/load.js';
import { LabError } from '../../../harness/errors.js';
import { REPO_ROOT, scratch } from '../../helpers/cli.js';

t.setTimeout(120_000);

/** The real program, with every command registered; nothing is parsed or run. */
function program(): Command {
  const p = new Command().name('gitops-lab');
  for (const register of COMMANDS) register(p, () => {});
  return p;
}

const README = readFileSync(join(REPO_ROOT, README_FILE), 'utf8');

/** The text README.md holds between a region's markers. */
function region(text: string, name: Region): string {
  const from = text.indexOf(regionStart(name));
  const to = text.indexOf(regionEnd(name));
  if (from < 0 || to < from) throw new Error(`${README_FILE} has no region ${name}`);
  return text.slice(from + regionStart(name).length, to);
}

t.test(`every region of ${README_FILE} is what the code generates (run: gitops-lab docs --write)`, async (t) => {
  const generated = readmeRegions(program(), await packageBank());
  for (const name of REGIONS) t.equal(region(README, name), `\n${generated[name]}\n`, name);
  t.same(updateReadme(README, generated).stale, []);
});

t.test("the graders table has a row for every registered grader, with its boundary, summary and parameters", async (t) => {
  const table = region(README, 'graders');
  t.ok(GRADERS.size > 0);
  for (const g of GRADERS.values()) {
    const row = table.split('\n').find((line) => line.startsWith(`| \`${g.name}\` |`));
    t.ok(row, `${g.name} has a row`);
    t.match(row ?? '', `| \`${g.boundary}\` |`, `${g.name}'s boundary`);
    t.ok(row?.includes(g.summary.split('|')[0]!.slice(0, 30)), `${g.name}'s summary`);
    for (const key of Object.keys((g.params as unknown as { shape?: Record<string, unknown> }).shape ?? {})) {
      t.ok(row?.includes(`\`${key}\``), `${g.name}'s parameter ${key}`);
    }
  }
  const rows = table.split('\n').filter((line) => /^\| `[a-z]+\.[a-z-]+` \|/.test(line));
  t.equal(rows.length, GRADERS.size, 'no row names a grader the registry lacks');
});

t.test('the CLI table names every command --help lists, its arguments and every option', async (t) => {
  const table = region(README, 'cli');
  const { visible, hidden } = cliCommands(program());
  t.ok(visible.length > 10);
  for (const cmd of visible) {
    t.ok(table.includes(`| \`gitops-lab ${cmd.name()}`), `${cmd.name()} has a row`);
    for (const arg of cmd.registeredArguments) t.ok(table.includes(arg.name()), `${cmd.name()} <${arg.name()}>`);
    for (const option of cmd.options) {
      if (option.hidden) continue;
      t.ok(table.includes(`| | \`${option.flags}\` |`), `${cmd.name()} ${option.flags}`);
    }
  }
  // Subcommands (class start, status, grade, down) have rows of their own, with their options.
  const cls = visible.find((c) => c.name() === 'class');
  t.ok(cls, 'class is a command');
  t.same(cls!.commands.map((c) => c.name()), ['start', 'status', 'grade', 'down']);
  for (const sub of cls!.commands) {
    t.ok(table.includes(`| \`gitops-lab class ${sub.name()}\` |`), `class ${sub.name()} has a row`);
    const rows = table.split('\n');
    const at = rows.findIndex((r) => r.startsWith(`| \`gitops-lab class ${sub.name()}\``));
    const own = rows.slice(at + 1, rows.findIndex((r, i) => i > at && r.startsWith('| `gitops-lab ')));
    for (const option of sub.options) t.ok(own.some((r) => r.startsWith(`| | \`${option.flags}\` |`)), `class ${sub.name()} ${option.flags}, in its own rows`);
  }
  t.notOk(table.includes('`gitops-lab class help'), "commander's help subcommand is no row");
  t.same(hidden.map((c) => c.name()).sort(), ['git-serve', 'record-changes']);
  for (const cmd of hidden) t.notOk(table.includes(`\`gitops-lab ${cmd.name()}`), `${cmd.name()} is no row of its own`);
  t.notOk(table.includes(REPO_ROOT), "no machine's absolute path (lint --bank's default)");
});

t.test('the exit codes come from exitCodeFor and name the commands with a --check', async (t) => {
  const table = region(README, 'exit-codes');
  t.match(table, /\| 2 \|[^\n]*bad flags or arguments[^\n]*a scenario, workspace or session that does not exist/);
  t.match(table, /\| 3 \|[^\n]*a bounded wait that ran out[^\n]*a cluster or controller that did not answer/);
  t.match(table, /\| 1 \|[^\n]*`schema --check`, `docs --check`/);
});

t.test('the scenario table has a row for every scenario of the bank, saying what it examines', async (t) => {
  const table = region(README, 'scenarios');
  const bank = await packageBank();
  t.same(bank.map((s) => s.id), await listScenarioIds(join(REPO_ROOT, 'scenarios')), 'the whole bank');
  for (const s of bank) {
    t.ok(s.examines, `${s.id} says which part of the course it examines`);
    const row = table.split('\n').find((l) => l.startsWith(`| \`${s.id}\` |`));
    t.ok(row?.includes(` ${s.examines!.slice(0, 40)}`), `${s.id}'s row says it`);
    t.ok(row?.includes(` ${s.controllers.join(', ')}`), `${s.id}'s controllers`);
  }
  const other = { ...bank[0]!, id: 'outside', examines: undefined, title: 'a | b', controllers: ['flux' as const], rollouts: true };
  t.match(scenarioTable([other]), '| `outside` | (not said) | a \\| b | flux (with Argo Rollouts) |', 'one from elsewhere that does not say; a pipe escaped');
});

t.test('a stale region is rewritten and named; a missing marker is an error naming the file and region', async (t) => {
  const generated = readmeRegions(program(), await packageBank());
  const stale = README.replace(/(\| `git\.unchanged` \|[^\n]*\n)/, '');
  t.not(stale, README, 'the test removed a grader row');
  const updated = updateReadme(stale, generated);
  t.same(updated.stale, ['graders']);
  t.equal(updated.text, README);
  const withoutEnd = README.replace(regionEnd('cli'), '');
  let error: unknown;
  try {
    updateReadme(withoutEnd, generated, 'README.md');
  } catch (e) {
    error = e;
  }
  t.ok(error instanceof LabError, 'a LabError');
  t.match(error, { code: 'INVALID_CONFIG', message: /^README\.md: the region "cli"/ });
});

t.test('docs --check through the built executable passes on this README', async (t) => {
  const cli = scratch(t);
  const checked = await cli.run(['docs', '--check']);
  t.equal(checked.exitCode, 0, checked.stderr);
  t.equal(checked.stderr, '');
});
