/**
 * `gitops-lab class start|status|grade|down`: a class of learners from a roster, one live session each, on one
 * cluster (runner/class.ts does the work; class-table.ts says what happened).
 */
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { exitCodeFor, LabError } from '../../errors.js';
import type { Controller } from '../../model/boundary.js';
import { writeBundle } from '../../results/bundle.js';
import { classId, classStatus, DEFAULT_CLASS_PARALLEL, downClass, gradeClass, parseDeadline, readClassRecord, startClass } from '../../runner/class.js';
import { readRoster } from '../../runner/roster.js';
import { loadScenario } from '../../scenario/load.js';
import { classDownText, classGradeText, classStartText, classStatusJson, classStatusText } from '../class-table.js';
import type { SetExit } from './register.js';

const DEFAULT_CLASS_DIR = 'class';

function parallelOf(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < 1 || n > 64) throw new LabError('USAGE', `--parallel ${value}: expected an integer from 1 to 64`);
  return n;
}

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** The worst exit code among the errors (0 when there is none). */
const worst = (errors: readonly unknown[]): number => errors.reduce<number>((code, e) => Math.max(code, exitCodeFor(e)), 0);

const parallelOption = (what: string): Option => new Option('--parallel <n>', what).default(String(DEFAULT_CLASS_PARALLEL));
const classOption = (): Option => new Option('--class <dir>', 'the class folder (class start --out)').default(DEFAULT_CLASS_DIR);

export function register(program: Command, setExit: SetExit): void {
  const cls = program
    .command('class')
    .description('a class: one live session per learner of a roster on one cluster; start, status, grade and down together');

  cls
    .command('start')
    .description("start one session per learner of a roster and write each learner's handout and the class record")
    .requiredOption('--roster <file>', 'the roster: CSV whose header names learner (ids of a-z, 0-9 and dashes, at most 40) and optionally name, email')
    .requiredOption('--scenario <id>', 'scenario id (see gitops-lab list)')
    .requiredOption('--cluster <name>', 'the cluster to start the sessions on (see gitops-lab up)')
    .addOption(new Option('--controller <controller>', "GitOps controller (default: the scenario's first)").choices(['argocd', 'flux']))
    .addOption(new Option('--mode <mode>', 'practice shows hints; exam hides them and sets each deadline from the time limit').choices(['practice', 'exam']).default('practice'))
    .option('--deadline <time>', 'exam mode: one deadline for the whole class, an ISO 8601 time with its offset (default: each session\'s time limit from its own start)')
    .option('--out <dir>', 'the class folder: class.json, handouts/, workspaces/ (must not hold a class)', DEFAULT_CLASS_DIR)
    .option('--id <id>', 'class id, so several classes can share a cluster (default: <scenario>-<random>)')
    .addOption(parallelOption('sessions started at once'))
    .action(async (opts: { roster: string; scenario: string; cluster: string; controller?: Controller; mode: 'practice' | 'exam'; out: string; id?: string; parallel: string; deadline?: string }) => {
      const parallel = parallelOf(opts.parallel);
      const deadline = opts.deadline === undefined ? undefined : parseDeadline(opts.deadline, new Date());
      // Everything that can be checked before a session starts is checked first: the roster, the scenario, the id.
      const roster = await readRoster(opts.roster);
      for (const w of roster.warnings) process.stderr.write(`warning: ${w}\n`);
      const { scenario, dir: scenarioDir } = await loadScenario(opts.scenario);
      const id = classId(opts.id, scenario.id);
      const dir = resolve(opts.out);
      const started = performance.now();
      const { record, outcomes } = await startClass({
        roster,
        rosterFile: opts.roster,
        scenario,
        scenarioDir,
        controller: opts.controller ?? scenario.controllers[0]!,
        mode: opts.mode,
        cluster: opts.cluster,
        dir,
        id,
        parallel,
        log,
        ...(deadline !== undefined ? { deadline } : {}),
      });
      log(`class start took ${((performance.now() - started) / 1000).toFixed(0)}s`);
      process.stdout.write(classStartText(record, outcomes, dir));
      setExit(worst(outcomes.flatMap((o) => (o.ok ? [] : [o.error]))));
    });

  cls
    .command('status')
    .description("each learner's last push and last recorded grade (no grading: class grade records the scores)")
    .addOption(classOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: { class: string; format: 'text' | 'json' }) => {
      const { record, learners } = await classStatus(resolve(opts.class));
      process.stdout.write(opts.format === 'json' ? classStatusJson(record, learners) : classStatusText(record, learners));
      setExit(0);
    });

  cls
    .command('grade')
    .description('grade every learner of the class into result bundles (as grade --out writes them) for gitops-lab report')
    .addOption(classOption())
    .requiredOption('--out <dir>', 'the results folder: <dir>/<learner>/<scenario>/ and <dir>/index/')
    .addOption(parallelOption('learners graded at once'))
    .action(async (opts: { class: string; out: string; parallel: string }) => {
      const parallel = parallelOf(opts.parallel);
      const dir = resolve(opts.class);
      const record = await readClassRecord(dir);
      const { scenario } = await loadScenario(record.scenario);
      const started = performance.now();
      const { record: after, outcomes } = await gradeClass({
        dir,
        scenario,
        parallel,
        log,
        onGraded: async (learner, result, evidence) => (await writeBundle(opts.out, { result, evidence, learner })).dir,
      });
      log(`class grade took ${((performance.now() - started) / 1000).toFixed(0)}s`);
      process.stdout.write(classGradeText(after, outcomes, opts.out));
      const errors = outcomes.flatMap((o) => (o.ok === false ? [o.error] : []));
      const results = outcomes.flatMap((o) => (o.ok === true ? [o.value.result] : []));
      // As grade: 3 where a learner could not be graded (2 where their session's files are not what they must be), else 1 where one has failing checks.
      const couldNot = Math.max(worst(errors), results.some((r) => r.status === 'error') ? 3 : 0);
      setExit(couldNot || (results.some((r) => r.status === 'fail') ? 1 : 0));
    });

  cls
    .command('down')
    .description("end the class: each learner's session is stopped (as gitops-lab stop does) and the class record removed; nothing else")
    .addOption(classOption())
    .addOption(parallelOption('sessions ended at once'))
    .action(async (opts: { class: string; parallel: string }) => {
      const parallel = parallelOf(opts.parallel);
      const dir = resolve(opts.class);
      const { record, outcomes, recordRemoved } = await downClass({ dir, parallel, log });
      process.stdout.write(classDownText(record, outcomes, recordRemoved, dir));
      setExit(worst(outcomes.flatMap((o) => (o.ok ? [] : [o.error]))));
    });
}
