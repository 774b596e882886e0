/**
 * JUnit XML through junit-report-builder: one testsuite per grade, one testcase per check. Learner text goes
 * through escapeXmlText / escapeControls first: XML 1.0 has no way to carry most C0 controls (the builder
 * would refuse them), and a terminal or CI log showing the file must not receive raw escape sequences.
 */
import { createRequire } from 'node:module';
import type { Builder } from 'junit-report-builder';

/** A new JUnit builder. The library (CommonJS, with its dependencies) is loaded on first use, not at CLI start. */
export function newJUnitBuilder(): Builder {
  return (createRequire(import.meta.url)('junit-report-builder') as Builder).newBuilder();
}
import type { GradeResult } from '../model/result.js';
import { escapeControls as e, escapeXmlText } from './escape.js';
import { forMode } from './json.js';

export function renderJunit(results: readonly GradeResult[]): string {
  // The package is CommonJS: under Node's ESM interop its default export is module.exports, the builder.
  const builder = newJUnitBuilder();
  for (const input of results) {
    const result = forMode(input);
    const suite = builder.testSuite().name(e(`${result.scenario} (${result.controller}, ${result.scope})`));
    for (const c of result.checks) {
      const tc = suite.testCase().className(e(`${result.scenario}.${c.boundary}`)).name(e(c.name));
      const message = e(c.message);
      const detail = [
        e(c.message),
        ...c.mismatches.map((m) => e(`${m.path}: got ${m.got}, expected ${m.expected}`)),
        ...(c.why ? [`why: ${e(c.why)}`] : []),
      ].join('\n');
      if (c.status === 'fail') tc.failure(message, 'check-failed').standardOutput(escapeXmlText(detail));
      else if (c.status === 'error') tc.error(message, 'could-not-judge').standardOutput(escapeXmlText(detail));
      else if (c.status === 'skipped') tc.skipped().standardOutput(escapeXmlText(e(c.message)));
    }
  }
  return builder.build();
}
