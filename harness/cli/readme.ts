/**
 * README.md's generated regions, so the README cannot drift from the code: the scenario bank (from each
 * scenario.yaml), the graders (from the registry in
 * graders/index.ts), the CLI's commands and flags (from the commander program itself) and the exit codes (from
 * harness/errors.ts). Each region sits between `<!-- generated:<name> -->` and `<!-- /generated:<name> -->`;
 * `gitops-lab docs --write` rewrites them and `docs --check` names the ones that are out of date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Argument, Command, Option } from 'commander';
import { z } from 'zod';
import { GRADERS } from '../../graders/index.js';
import { exitCodeFor, LabError, type ErrorCode } from '../errors.js';
import { boundaryRank } from '../model/boundary.js';
import { DEFAULT_BANK, PACKAGE_ROOT } from '../paths.js';
import type { Scenario } from '../model/scenario.js';
import { listScenarioIds, loadScenario } from '../scenario/load.js';

export const README_FILE = 'README.md';
export const REGIONS = ['scenarios', 'graders', 'cli', 'exit-codes'] as const;
export type Region = (typeof REGIONS)[number];

export const regionStart = (region: Region): string => `<!-- generated:${region} -->`;
export const regionEnd = (region: Region): string => `<!-- /generated:${region} -->`;

/** What each error code means to a user (the compiler keeps this in step with ErrorCode). */
const ERROR_MEANINGS: Readonly<Record<ErrorCode, string>> = {
  USAGE: 'bad flags or arguments',
  INVALID_SCENARIO: 'a scenario file that fails its schema or a lint rule',
  INVALID_CONFIG: 'a configuration or evidence file that is not what it must be',
  NOT_FOUND: 'a scenario, workspace or session that does not exist',
  COMMAND_FAILED: 'an external command (git, kubectl, kind, go, ...) that failed',
  TOOL_MISSING: 'an external command that is not installed',
  TIMEOUT: 'a bounded wait that ran out',
  CLUSTER_UNAVAILABLE: 'a cluster or controller that did not answer',
};

/** A table cell: `|` escaped everywhere, `<` and `>` outside code spans (GitHub would take `<dir>` for a tag). */
function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .split('`')
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('`')
    .replace(/\|/g, '\\|');
}

const code = (text: string): string => `\`${text}\``;

/** A grader's parameters from its zod schema: the required keys, then the optional ones (with defaults, say). */
function parameters(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
  const keys = Object.keys(json.properties ?? {});
  if (keys.length === 0) return 'none';
  const required = keys.filter((k) => json.required?.includes(k));
  const optional = keys.filter((k) => !json.required?.includes(k));
  return [required.map(code).join(', '), optional.length > 0 ? `optional: ${optional.map(code).join(', ')}` : '']
    .filter((s) => s !== '')
    .join('; ');
}

/** Every registered grader, in boundary order (registry order within a boundary). */
export function graderTable(): string {
  const graders = [...GRADERS.values()].sort((a, b) => boundaryRank(a.boundary) - boundaryRank(b.boundary));
  return [
    '| grader | boundary | what it checks | parameters (`with:`) |',
    '|---|---|---|---|',
    ...graders.map((g) => `| ${code(g.name)} | ${code(g.boundary)} | ${cell(g.summary)} | ${parameters(g.params)} |`),
  ].join('\n');
}

/** The bank, one row per scenario: what it examines, its incident, its controllers, difficulty and time limit. */
export function scenarioTable(scenarios: readonly Scenario[]): string {
  return [
    '| scenario | examines | incident | controllers | difficulty | minutes |',
    '|---|---|---|---|---|---|',
    ...scenarios.map(
      (s) =>
        `| ${code(s.id)} | ${cell(s.examines ?? '(not said)')} | ${cell(s.title)} | ${s.controllers.join(', ')}${s.rollouts ? ' (with Argo Rollouts)' : ''} | ${s.difficulty} | ${s.timeLimitMinutes} |`,
    ),
  ].join('\n');
}

/** The package's own bank (never GITOPS_LAB_SCENARIOS: the README describes what ships), in id order. */
export async function packageBank(): Promise<Scenario[]> {
  const out: Scenario[] = [];
  for (const id of await listScenarioIds(DEFAULT_BANK)) out.push((await loadScenario(id, DEFAULT_BANK)).scenario);
  return out;
}

function argumentTerm(arg: Argument): string {
  const name = arg.name() + (arg.variadic ? '...' : '');
  return arg.required ? `<${name}>` : `[${name}]`;
}

/** Text that would differ between machines: the package's absolute path (a default such as --bank's). */
function portable(text: string): string {
  return text.split(PACKAGE_ROOT + sep).join('').split(PACKAGE_ROOT).join('.');
}

function isHelp(option: Option): boolean {
  return option.long === '--help';
}

/** The commands --help lists, and the hidden ones the harness starts itself. */
export function cliCommands(program: Command): { visible: Command[]; hidden: Command[] } {
  const listed = new Set(program.createHelp().visibleCommands(program));
  return {
    visible: program.commands.filter((c) => listed.has(c)),
    hidden: program.commands.filter((c) => !listed.has(c)),
  };
}

/** Every command of the program with its arguments and options, as --help describes them. */
export function cliTable(program: Command): string {
  const help = program.createHelp();
  const { visible, hidden } = cliCommands(program);
  const name = program.name() || 'gitops-lab';
  const rows = ['| command | argument or option | what it does |', '|---|---|---|'];
  // A command with subcommands (`class start`, ...) has a row of its own, then one per subcommand.
  const add = (cmd: Command, path: readonly string[]): void => {
    const args = cmd.registeredArguments.map(argumentTerm);
    rows.push(`| ${code([...path, cmd.name(), ...args].join(' '))} | | ${cell(portable(cmd.description()))} |`);
    for (const arg of cmd.registeredArguments) {
      if (arg.description) rows.push(`| | ${code(argumentTerm(arg))} | ${cell(portable(arg.description))} |`);
    }
    for (const option of help.visibleOptions(cmd).filter((o) => !isHelp(o))) {
      const text = portable(help.optionDescription(option)) + (option.mandatory ? ' (required)' : '');
      rows.push(`| | ${code(option.flags)} | ${cell(text)} |`);
    }
    for (const sub of help.visibleCommands(cmd).filter((c) => c.name() !== 'help')) add(sub, [...path, cmd.name()]);
  };
  for (const cmd of visible) add(cmd, [name]);
  const notes = [`Every command also takes ${code('-h, --help')}.`];
  if (hidden.length > 0) {
    notes.push(
      `Hidden from --help, and started by the harness itself rather than by people: ${hidden.map((c) => code(c.name())).join(', ')}.`,
    );
  }
  return [...rows, '', notes.join(' ')].join('\n');
}

/** The exit codes: 2 and 3 from exitCodeFor over every error code; which commands have a `--check`. */
export function exitCodeTable(program: Command): string {
  const byExit = new Map<number, string[]>();
  for (const [errorCode, meaning] of Object.entries(ERROR_MEANINGS) as [ErrorCode, string][]) {
    const exit = exitCodeFor(new LabError(errorCode, meaning));
    byExit.set(exit, [...(byExit.get(exit) ?? []), meaning]);
  }
  const checks = cliCommands(program).visible.filter((c) => c.options.some((o) => o.long === '--check'));
  const checkText = checks.map((c) => code(`${c.name()} --check`)).join(', ');
  const list = (exit: number): string => (byExit.get(exit) ?? []).join('; ');
  return [
    '| code | meaning |',
    '|---|---|',
    '| 0 | success; for `grade`, full marks; for `status`, the cluster is running |',
    `| 1 | the learner (or, for \`lint\` and \`validate\`, a scenario's self-test) has failing checks; for ${checkText}, a generated file is out of date |`,
    `| 2 | usage error, invalid scenario or configuration (the message names the file and the field): a command line the parser rejects; ${cell(list(2))} |`,
    `| 3 | infrastructure error, something the harness needed was not there or did not answer: ${cell(list(3))}; or any error the harness did not expect. A check that could not be judged makes the grade \`error\`, never a silent zero. For \`status\`, the cluster is degraded or absent |`,
    '| 130, 143 | interrupted by SIGINT or SIGTERM, after undoing what was half made and removing scratch directories |',
  ].join('\n');
}

export function readmeRegions(program: Command, bank: readonly Scenario[]): Record<Region, string> {
  return { scenarios: scenarioTable(bank), graders: graderTable(), cli: cliTable(program), 'exit-codes': exitCodeTable(program) };
}

/**
 * The README with each region replaced by its generated text, and the regions that were out of date.
 * A README without a region's markers (each once, start before end) is an INVALID_CONFIG error naming both.
 */
export function updateReadme(text: string, regions: Record<Region, string>, file = README_FILE): { text: string; stale: Region[] } {
  const stale: Region[] = [];
  let out = text;
  for (const region of REGIONS) {
    const start = regionStart(region);
    const end = regionEnd(region);
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from || out.indexOf(start, from + 1) >= 0 || out.indexOf(end, to + 1) >= 0) {
      throw new LabError('INVALID_CONFIG', `${file}: the region "${region}" needs one ${start} line and, after it, one ${end} line`);
    }
    const current = out.slice(from + start.length, to);
    const wanted = `\n${regions[region]}\n`;
    if (current !== wanted) {
      stale.push(region);
      out = out.slice(0, from + start.length) + wanted + out.slice(to);
    }
  }
  return { text: out, stale };
}

/** Brings the package's README.md up to date (with write) or only reports it; returns the file and its stale regions. */
export async function syncReadme(program: Command, write: boolean): Promise<{ file: string; stale: Region[] }> {
  const file = join(PACKAGE_ROOT, README_FILE);
  const updated = updateReadme(await readFile(file, 'utf8'), readmeRegions(program, await packageBank()), file);
  if (write && updated.stale.length > 0) await writeFile(file, updated.text);
  return { file, stale: updated.stale };
}
