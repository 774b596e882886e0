/** Reports of a bank validation: JSON (`runs[]`), JUnit (a suite per scenario and controller, a case per phase), Markdown, text. */
import { newJUnitBuilder } from './junit.js';
import type { ValidateRun } from '../runner/validate.js';
import { escapeControls as e, escapeXmlText } from './escape.js';
import { escapeMd } from './markdown.js';

export const VALIDATE_SCHEMA_VERSION = 1;

export function validateJson(runs: readonly ValidateRun[]): string {
  const summary = { pass: runs.filter((r) => r.status === 'pass').length, fail: runs.filter((r) => r.status === 'fail').length, error: runs.filter((r) => r.status === 'error').length };
  return (
    JSON.stringify(
      {
        schemaVersion: VALIDATE_SCHEMA_VERSION,
        kind: 'gitops-lab/validate',
        status: summary.error > 0 ? 'error' : summary.fail > 0 ? 'fail' : 'pass',
        summary,
        runs: runs.map((r) => ({
          scenario: r.scenario,
          controller: r.controller,
          status: r.status,
          attempts: r.attempts,
          seconds: Math.round(r.seconds),
          failingChecks: r.failingChecks,
          phases: r.phases.map((p) => ({ phase: p.phase, status: p.status, seed: p.seed ?? 'fresh', seconds: Math.round(p.seconds), problems: p.problems, score: p.result?.score, maxScore: p.result?.maxScore })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

export function validateJunit(runs: readonly ValidateRun[]): string {
  const builder = newJUnitBuilder();
  for (const r of runs) {
    const suite = builder.testSuite().name(e(`${r.scenario} (${r.controller})`));
    for (const p of r.phases) {
      const tc = suite.testCase().className(e(`${r.scenario}.${r.controller}`)).name(e(p.phase)).time(p.seconds);
      if (p.status === 'fail') tc.failure(escapeXmlText(p.problems.join('\n')), 'scenario-defect');
      else if (p.status === 'error') tc.error(escapeXmlText(p.problems.join('\n')), 'could-not-validate');
    }
  }
  return builder.build();
}

export function validateMarkdown(runs: readonly ValidateRun[]): string {
  const out = ['# Scenario bank validation', '', '| scenario | controller | status | phases | seconds |', '|---|---|---|---|---|'];
  for (const r of runs) out.push(`| ${escapeMd(r.scenario)} | ${escapeMd(r.controller)} | ${r.status} | ${escapeMd(r.phases.map((p) => `${p.phase}: ${p.status} ${Math.round(p.seconds)}s${p.seed === 'reset' ? ' (reset)' : ''}`).join(', '))} | ${Math.round(r.seconds)} |`);
  // Where the time goes: the slowest phases of the whole validation (a phase's time includes its seed or its reset).
  const phases = runs.flatMap((r) => r.phases.map((p) => ({ r, p }))).sort((a, b) => b.p.seconds - a.p.seconds);
  if (phases.length > 0) {
    const total = phases.reduce((sum, x) => sum + x.p.seconds, 0);
    const resets = phases.filter((x) => x.p.seed === 'reset').length;
    out.push('', `## Slowest phases (${phases.length} phases, ${resets} on a reset seed, ${Math.round(total)} s of phase time in all)`, '', '| scenario | controller | phase | seed | status | seconds |', '|---|---|---|---|---|---|');
    for (const { r, p } of phases.slice(0, 10)) out.push(`| ${escapeMd(r.scenario)} | ${escapeMd(r.controller)} | ${escapeMd(p.phase)} | ${p.seed ?? 'fresh'} | ${p.status} | ${Math.round(p.seconds)} |`);
  }
  const bad = runs.filter((r) => r.status !== 'pass');
  if (bad.length > 0) {
    out.push('', '## Problems');
    for (const r of bad) {
      out.push('', `### ${escapeMd(r.scenario)} (${escapeMd(r.controller)}): ${r.status}`, '');
      for (const f of r.failingChecks) out.push(`- ${escapeMd(f)}`);
    }
  }
  return out.join('\n') + '\n';
}

export function validateText(runs: readonly ValidateRun[]): string {
  const lines = runs.map((r) => `${r.status.toUpperCase().padEnd(5)} ${e(r.scenario)} (${e(r.controller)}) ${Math.round(r.seconds)}s${r.failingChecks.length ? '\n' + r.failingChecks.map((f) => `      ${e(f)}`).join('\n') : ''}`);
  const pass = runs.filter((r) => r.status === 'pass').length;
  lines.push(`${pass}/${runs.length} scenario runs pass`);
  return lines.join('\n') + '\n';
}
