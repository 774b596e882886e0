/** JSON output: the versioned GradeResult; in exam mode, expected values and hints are withheld. */
import type { GradeResult } from '../model/result.js';

export function forMode(result: GradeResult): GradeResult {
  if (result.mode === 'practice') return result;
  return {
    ...result,
    checks: result.checks.map(({ hint: _hint, expected: _expected, ...rest }) => ({
      ...rest,
      mismatches: rest.mismatches.map((m) => ({ ...m, expected: '(hidden in exam mode)' })),
    })),
  };
}

export function renderJson(result: GradeResult): string {
  return JSON.stringify(forMode(result), null, 2) + '\n';
}
