/**
 * JSON output: the versioned GradeResult; in exam mode, expected values and hints are withheld. JSON.stringify
 * escapes C0 controls; DEL, C1 controls, the line separators and bidi controls are written as \u escapes too
 * (the same value to a parser), so printing the JSON on a terminal shows them rather than obeys them.
 */
import type { GradeResult } from '../model/result.js';

const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with the characters above as \u escapes: only inside strings, so the parsed value is unchanged. */
export function terminalSafeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

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
  return terminalSafeJson(JSON.stringify(forMode(result), null, 2)) + '\n';
}
