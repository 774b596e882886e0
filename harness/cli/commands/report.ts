import { Option, type Command } from 'commander';
import { buildCohort } from '../../report/cohort.js';
import { renderCohortMarkdown } from '../../report/cohort-markdown.js';
import { renderCohortCsv } from '../../report/csv.js';
import { renderCohortHtml } from '../../report/html.js';
import { writeFileAtomic } from '../../atomic.js';
import { readResultsFolder } from '../../results/read.js';
import type { SetExit } from './register.js';

const REPORT_FORMATS = ['html', 'markdown', 'csv'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The cohort report over a folder that `grade --out` wrote into. */
export function register(program: Command, setExit: SetExit): void {
  program
    .command('report')
    .description('a cohort report over a results folder: per learner, per scenario and check, heat map and score distributions')
    .argument('<results>', 'the folder given to grade --out')
    .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS).default('markdown'))
    .option('--output <file>', 'write the report to a file (atomically) instead of stdout')
    .action(async (dir: string, opts: { format: ReportFormat; output?: string }) => {
      const { records, warnings } = await readResultsFolder(dir);
      for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
      const cohort = buildCohort(records, warnings);
      const text = opts.format === 'html' ? renderCohortHtml(cohort) : opts.format === 'csv' ? renderCohortCsv(cohort) : renderCohortMarkdown(cohort);
      if (opts.output !== undefined) await writeFileAtomic(opts.output, text);
      else process.stdout.write(text);
      setExit(0);
    });
}
