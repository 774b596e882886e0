// @ts-check
/**
 * Mutation testing (`npm run test:mutation`): StrykerJS changes the graders and the scoring and report path one
 * mutant at a time and runs the tap tests that cover each; a mutant no test notices ("survived") is a test that
 * is missing. Iterate on one file: `npx stryker run --mutate graders/render/unchanged.ts`.
 *
 * Each test file runs as its own node process (the tap runner); TypeScript is loaded through tsx (esbuild, no type
 * check: `npm test` type-checks the tests first), which starts a test file about twice as fast as tap's ts-node
 * loader. A mutant runs only the test files that reached it, and stops at the first that fails.
 */

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'tap',
  tap: {
    testFiles: [
      // Every grader test but purity.test.ts, a rule over the source text (it would read Stryker's instrumented copy).
      'test/graders/*/**/*.test.ts',
      // What the reports say on every recorded play, pinned as a snapshot.
      'test/graders/recorded.test.ts',
      'test/harness/runner/grade*.test.ts',
      'test/harness/results/bundle.test.ts',
      'test/harness/results/redact.test.ts',
      'test/harness/report/reports.test.ts',
      'test/harness/model/*-status.test.ts',
      'test/harness/controllers/*.test.ts',
    ],
    nodeArgs: ['--import=tsx', '-r', '{{hookFile}}', '{{testFile}}'],
  },
  mutate: [
    'graders/**/*.ts',
    // The scoring path: status, scores, the progress rule and the first failing boundary (in boundary order).
    'harness/runner/grade.ts',
    'harness/model/boundary.ts',
    // The one reading of controller status that the settle decisions and the sync and rollout graders share.
    'harness/model/argocd-status.ts',
    'harness/model/flux-status.ts',
    'harness/model/kube-status.ts',
    'harness/model/rollouts-status.ts',
    // Bundles: what is written, and Secret redaction of the stored evidence.
    'harness/results/bundle.ts',
    'harness/results/redact.ts',
  ],
  // Copied into each sandbox: sources, the bank (tests load scenarios) and the tests with their fixtures.
  ignorePatterns: ['dist', 'bench', 'cluster-config', '.tap', 'reports', 'test/e2e'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
};

export default config;
