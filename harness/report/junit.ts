/** JUnit XML through junit-report-builder: one testsuite per grade, one testcase per check. */
import junit, { type Builder } from 'junit-report-builder';
import type { GradeResult } from '../model/result.js';
import { forMode } from './json.js';

export function renderJunit(results: readonly GradeResult[]): string {
  // The package is CommonJS: under Node's ESM interop its default export is module.exports, the builder.
  const builder = (junit as unknown as Builder).newBuilder();
  for (const input of results) {
    const result = forMode(input);
    const suite = builder.testSuite().name(`${result.scenario} (${result.controller}, ${result.scope})`);
    for (const c of result.checks) {
      const tc = suite.testCase().className(`${result.scenario}.${c.boundary}`).name(c.name);
      const detail = [
        c.message,
        ...c.mismatches.map((m) => `${m.path}: got ${m.got}, expected ${m.expected}`),
        ...(c.why ? [`why: ${c.why}`] : []),
      ].join('\n');
      if (c.status === 'fail') tc.failure(c.message, 'check-failed').standardOutput(detail);
      else if (c.status === 'error') tc.error(c.message, 'could-not-judge').standardOutput(detail);
      else if (c.status === 'skipped') tc.skipped().standardOutput(c.message);
    }
  }
  return builder.build();
}
