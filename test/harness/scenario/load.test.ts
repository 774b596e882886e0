import t from 'tap';
import { parseScenarioText } from '../../../harness/scenario/load.js';

const valid = `
id: demo
title: Demo
summary: A demo.
difficulty: beginner
timeLimitMinutes: 10
controllers: [argocd]
prompt: Fix it.
solution:
  summary: Fix.
  steps:
    - action: git.commit
      message: fix
      edits: [{ op: write, file: a.yaml, content: "a: 1" }]
checks:
  - name: staging-image
    grader: render.field
    with: { environment: staging, kind: Deployment, name: payment-api, path: spec.replicas, equals: 2 }
    weight: 1
`;

t.test('a valid scenario parses with defaults filled in', async (t) => {
  const r = parseScenarioText(valid, 'scenarios/demo/scenario.yaml');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  t.same(Object.keys(r.value.scenario.environments), ['dev', 'staging', 'prod']);
  t.equal(r.value.scenario.checks[0]!.failsAfterFaults, true);
  t.equal(r.value.scenario.trackedBranch, 'main');
});

t.test('a missing field, a wrong type and an unknown grader give one error each, naming file and path', async (t) => {
  const broken = valid
    .replace('title: Demo\n', '')
    .replace('timeLimitMinutes: 10', 'timeLimitMinutes: soon')
    .replace('grader: render.field', 'grader: render.feild');
  const r = parseScenarioText(broken, 'scenarios/demo/scenario.yaml');
  t.equal(r.ok, false);
  if (r.ok) return;
  const errors = [...r.errors].sort();
  t.equal(errors.length, 3);
  t.match(errors[0], /^scenarios\/demo\/scenario\.yaml: checks\[0\]\.grader: unknown grader "render\.feild" \(known: git\.changed-within, .*render\.field, /);
  t.equal(errors[1], 'scenarios/demo/scenario.yaml: timeLimitMinutes: expected number, got string');
  t.equal(errors[2], 'scenarios/demo/scenario.yaml: title: Required');
});

t.test("a grader's parameters are checked against its own schema", async (t) => {
  const r = parseScenarioText(valid.replace('path: spec.replicas, ', ''), 'scenarios/demo/scenario.yaml');
  t.equal(r.ok, false);
  if (!r.ok) t.same(r.errors, ['scenarios/demo/scenario.yaml: checks[0].with.path: Required']);
  const noTarget = parseScenarioText(valid.replace('name: payment-api, ', ''), 'scenarios/demo/scenario.yaml');
  t.same(!noTarget.ok && noTarget.errors, ['scenarios/demo/scenario.yaml: checks[0].with: needs exactly one of name, namePrefix and selector']);
});

t.test('lint rules: duplicate check names, unknown environments, loses naming no check', async (t) => {
  const text = valid.replace('environment: staging', 'environment: qa') + `
  - name: staging-image
    grader: render.succeeds
    weight: 1
wrongSolutions:
  - id: nope
    summary: wrong
    steps: [{ action: live.delete, environment: staging, kind: Pod, name: x }]
    loses: [no-such-check]
`;
  const r = parseScenarioText(text, 'f.yaml');
  t.equal(r.ok, false);
  if (!r.ok) {
    t.same(r.errors, [
      'f.yaml: checks[0].with.environment: unknown environment "qa"',
      'f.yaml: checks[1].name: duplicate check name "staging-image"',
      'f.yaml: wrongSolutions[0].loses[0]: no check named "no-such-check"',
    ]);
  }
});

t.test('a check naming a layer the scenario does not declare is named', async (t) => {
  const text = valid + `
  - name: base-image
    grader: render.field
    with: { layer: bse, kind: Deployment, name: payment-api, path: spec.replicas, equals: 1 }
    weight: 1
`;
  const r = parseScenarioText(text, 'f.yaml');
  t.equal(r.ok, false);
  if (!r.ok) t.same(r.errors, ['f.yaml: checks[1].with.layer: unknown layer "bse" (the scenario\'s layers: none)']);
  const declared = parseScenarioText(text.replace('base-image', 'base-image').replace(/^checks:/m, 'layers:\n  bse: { path: apps/payment-api/base }\nchecks:'), 'f.yaml');
  t.ok(declared.ok, declared.ok ? 'declared' : declared.errors.join('\n'));
});

t.test("{{lab.*}} in a check's parameters: the names the grade fills pass, any other is named", async (t) => {
  const withEquals = (equals: string) => valid.replace('path: spec.replicas, equals: 2', `path: metadata.namespace, equals: "${equals}"`);
  for (const ok of ['{{lab.ns.staging}}', '{{ lab.ns.prod }}', 'x{{lab.suffix}}', '{{lab.run}}', '{{lab.project}}', '{{lab.repoURL}}']) {
    const r = parseScenarioText(withEquals(ok), 'f.yaml');
    t.ok(r.ok, `${ok}: ${r.ok ? 'ok' : r.errors.join('; ')}`);
  }
  for (const [bad, token] of [['{{lab.ns.qa}}', '{{lab.ns.qa}}'], ['{{lab.namespace}}', '{{lab.namespace}}'], ['{{git.HEAD}}', '{{git.HEAD}}'], ['a{{lab.suffix.x}}', '{{lab.suffix.x}}']] as const) {
    const r = parseScenarioText(withEquals(bad), 'f.yaml');
    t.same(r.ok ? [] : r.errors, [`f.yaml: checks[0].with: ${token} names nothing (a check's parameters may use {{lab.ns.<environment>}} for dev, staging, prod, {{lab.suffix}}, {{lab.run}}, {{lab.project}}, {{lab.repoURL}})`], bad);
  }
});

t.test('unknown step actions and unknown fields are named', async (t) => {
  const r = parseScenarioText(valid.replace('action: git.commit', 'action: git.rebase').replace('prompt: Fix it.', 'prompt: Fix it.\nextra: 1'), 'f.yaml');
  t.equal(r.ok, false);
  if (!r.ok) {
    t.match(r.errors.join('\n'), /f\.yaml: solution\.steps\[0\]\.action: /);
    t.match(r.errors.join('\n'), /f\.yaml: \(root\): unknown field "extra"/);
  }
});

t.test('YAML syntax errors carry the line', async (t) => {
  const r = parseScenarioText('id: [unclosed\n', 'f.yaml');
  t.equal(r.ok, false);
  if (!r.ok) t.match(r.errors[0], /^f\.yaml:2:\d+: YAML: /);
});

t.test('a live check on a kind that is never collected is refused by lint, naming the field', async (t) => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(new URL('../../../scenarios/prune-orphan/scenario.yaml', import.meta.url), 'utf8');
  const forged = text.replace('kind: Deployment, name: old-payment-worker }', 'kind: Secret, name: old-payment-worker }');
  t.not(forged, text, 'the fixture edit applied');
  const r = parseScenarioText(forged, 'scenarios/prune-orphan/scenario.yaml');
  t.equal(r.ok, false);
  t.match(r.ok ? [] : r.errors, [/^scenarios\/prune-orphan\/scenario\.yaml: checks\[\d+\]\.with\.kind: "Secret" is not collected as live evidence/]);
});

t.test('hints name only what a session provides, and no cluster command on a check graded offline too', async (t) => {
  const withHint = (grader: string, hint: string, params = '{ environment: staging }') =>
    valid + `
  - name: hinted
    grader: ${grader}
    with: ${params}
    weight: 1
    hint: '${hint}'
`;
  const errorsOf = (text: string): readonly string[] => {
    const r = parseScenarioText(text, 'f.yaml');
    return r.ok ? [] : r.errors;
  };
  t.same(errorsOf(withHint('sync.no-errors', '`kubectl argo rollouts get rollout x` shows it')), [
    'f.yaml: checks[1].hint: names kubectl argo rollouts, which a lab session does not provide; name `kubectl get rollout <name> -o yaml` (status.phase, status.abort, status.stableRS)',
  ]);
  t.same(errorsOf(withHint('sync.no-errors', 'run `flux get kustomizations`')), ['f.yaml: checks[1].hint: names the flux CLI, which a lab session does not provide; name `kubectl get kustomizations -A`']);
  t.same(errorsOf(withHint('sync.no-errors', 'see `argocd app get x`')), ['f.yaml: checks[1].hint: names the argocd CLI, which a lab session does not provide; name `kubectl get application -n argocd <name> -o yaml`']);
  t.same(errorsOf(withHint('render.succeeds', '`kubectl describe kustomization x` says why', '{}')), [
    'f.yaml: checks[1].hint: "kubectl describe" needs a cluster, but a render check is graded offline too; point at the repository (or `kubectl kustomize`) instead',
  ]);
  t.same(errorsOf(withHint('git.history-intact', 'check with kubectl get pods', '{}')), [
    'f.yaml: checks[1].hint: "kubectl get" needs a cluster, but a git check is graded offline too; point at the repository (or `kubectl kustomize`) instead',
  ]);
  t.same(errorsOf(withHint('render.succeeds', 'render it with `kubectl kustomize apps/x`', '{}')), [], 'kubectl kustomize needs no cluster');
  t.same(errorsOf(withHint('sync.no-errors', '`kubectl get kustomizations -A` shows the error')), [], 'a cluster command on a live check is fine');
});
