/** Output formats shared by grade and regrade. */
import { Option } from 'commander';
import type { GradeResult } from '../model/result.js';
import { renderJson } from '../report/json.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderText } from '../report/text.js';

export const FORMATS = ['text', 'json', 'junit', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export const formatOption = (): Option => new Option('--format <format>', 'output format').choices(FORMATS).default('text');

export function formatResult(result: GradeResult, format: Format, color = false): string {
  switch (format) {
    case 'json':
      return renderJson(result);
    case 'junit':
      return renderJunit([result]);
    case 'markdown':
      return renderMarkdown(result);
    default:
      return renderText(result, { color });
  }
}

/** grade's exit code: 0 full marks, 1 failing checks, 3 could not judge. */
export function exitCodeOf(result: GradeResult): number {
  return result.status === 'pass' ? 0 : result.status === 'fail' ? 1 : 3;
}
