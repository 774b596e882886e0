// @ts-check
/**
 * The layers of harness/ and graders/ (ARCHITECTURE.md draws them). Imports run one way, bottom to top: a file
 * may import from its own layer or a lower one, never a higher one, and never in a circle. Type-only imports
 * count (tsPreCompilationDeps). test/architecture.test.ts runs this inside `npm test`; by hand:
 *   npx depcruise --config .dependency-cruiser.cjs harness graders
 */

/** A path under the repository root, as a regular expression. */
const dir = (/** @type {string} */ d) => `^${d.replace(/\//g, '\\/')}/`;

/**
 * harness/results/redact.ts is pure (it imports only model/) and evidence collection redacts with it, below
 * results/; the mutation-testing configuration names the file, so it stays where it is and counts as base.
 */
const REDACT = '^harness/results/redact\\.ts$';

/**
 * Bottom to top. Each layer: its paths, the one rule it keeps (the rule's comment).
 * @type {{ name: string, path: string[], pathNot?: string, keeps: string }[]}
 */
const LAYERS = [
  {
    name: 'base',
    path: ['^harness/[^/]+\\.ts$', dir('harness/yaml'), dir('harness/model'), REDACT],
    keeps: 'base (harness/*.ts, yaml/, model/, results/redact.ts) is leaf code: errors, paths, processes, atomic writes, zod schemas and types; it imports no other layer',
  },
  {
    name: 'graders',
    path: [dir('graders')],
    keeps: 'graders/ are pure functions over evidence: they import only model/ (the rule below) and themselves',
  },
  { name: 'kube', path: [dir('harness/kube')], keeps: 'kube/ (the only importer of client-node) talks to the API server and knows no other service' },
  { name: 'scenario', path: [dir('harness/scenario')], keeps: 'scenario/ loads the bank (yaml, schema, readmes) with base and graders/ (to check grader parameters) only' },
  { name: 'git', path: [dir('harness/git')], keeps: 'git/ (repositories, edits, the lab git server) uses kube/, scenario/ and below; what it shares with providers lives in base (supervisor.ts, atomic.ts)' },
  { name: 'render', path: [dir('harness/render')], keeps: 'render/ (kustomize over a checkout) uses git/ and below' },
  { name: 'controllers', path: [dir('harness/controllers')], keeps: 'controllers/ (Argo CD and Flux adapters) sit below providers/: a provider installs controllers, a controller knows no provider' },
  { name: 'providers', path: [dir('harness/providers')], keeps: 'providers/ (local, kind, existing clusters) are the top service: they may use every service, never evidence, runner, report, results or cli' },
  { name: 'evidence', path: [dir('harness/evidence')], keeps: 'evidence/ collects what graders read, from the services; it knows nothing of the runner that calls it' },
  { name: 'runner', path: [dir('harness/runner')], keeps: 'runner/ composes services, evidence and graders into start, grade, lint and validate; it never formats or stores results' },
  { name: 'report', path: [dir('harness/report')], keeps: 'report/ formats results (text, json, junit, markdown, cohort html/csv); it never reads or writes result bundles' },
  { name: 'results', path: [dir('harness/results')], pathNot: REDACT, keeps: 'results/ stores sealed bundles (with report/ formatting them) and reads them back; only cli/ is above it' },
  { name: 'cli', path: [dir('harness/cli')], keeps: 'cli/ is the top: commands parse arguments and call the layers below; nothing imports cli/' },
];

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const layerRules = LAYERS.slice(0, -1).map((layer, i) => {
  const higher = LAYERS.slice(i + 1);
  return {
    name: `layer-${layer.name}`,
    comment: `${layer.keeps}. So ${layer.name} imports none of: ${higher.map((h) => h.name).join(', ')}.`,
    severity: 'error',
    from: { path: layer.path, ...(layer.pathNot ? { pathNot: layer.pathNot } : {}) },
    // A higher layer's paths; results/ includes redact.ts by prefix, which is base.
    to: { path: higher.flatMap((h) => h.path), pathNot: REDACT },
  };
});

/** Every layer's paths: a file of harness/ or graders/ outside them belongs to no layer. */
const LAYERED = LAYERS.flatMap((l) => l.path);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circles, within a layer or across layers: every module can be read (and tested) from the bottom up.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'graders-only-model',
      comment: 'graders/ are pure: from harness/ they import model/ only (no errors, exec, paths or services).',
      severity: 'error',
      from: { path: dir('graders') },
      to: { path: dir('harness'), pathNot: dir('harness/model') },
    },
    {
      name: 'in-a-layer',
      comment: 'Every file of harness/ and graders/ belongs to a layer: a new folder is added to LAYERS (and ARCHITECTURE.md) before it imports or is imported.',
      severity: 'error',
      from: { pathNot: LAYERED },
      to: {},
    },
    {
      name: 'to-a-layer',
      comment: 'The other side of in-a-layer: nothing imports a file that belongs to no layer.',
      severity: 'error',
      from: {},
      to: { pathNot: LAYERED },
    },
    {
      name: 'no-provider-internals',
      comment: "A provider's own folder (providers/local/, kind/, existing/, upstream/) is its business: outside providers/, only cli/ (`setup local`) reaches in; the rest go through providers/index.ts, provider.ts and state.ts.",
      severity: 'error',
      from: { pathNot: [dir('harness/providers'), dir('harness/cli')] },
      to: { path: '^harness/providers/[^/]+/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^dist/'] },
    includeOnly: ['^harness/', '^graders/'],
    // Type-only imports count: `import type` is a dependency of the design even if it is erased at run time.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
