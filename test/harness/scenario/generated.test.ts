/** Generated files stay in step with the code: the JSON Schema in schemas/ and each scenario's README. */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_FILE, scenarioJsonSchema, scenarioJsonSchemaText } from '../../../harness/scenario/json-schema.js';
import { listScenarioIds, loadScenario } from '../../../harness/scenario/load.js';
import { scenarioReadme } from '../../../harness/scenario/readme.js';
import { REPO_ROOT } from '../../helpers/cli.js';

t.test(`${SCHEMA_FILE} is what the zod schema generates (run: gitops-lab schema --write)`, async (t) => {
  t.equal(readFileSync(join(REPO_ROOT, SCHEMA_FILE), 'utf8'), scenarioJsonSchemaText());
});

t.test('the JSON Schema offers each grader with its own parameters', async (t) => {
  const schema = scenarioJsonSchema() as { properties: { checks: { items: { allOf: { if: unknown; then: { properties: { with: { required?: string[]; properties?: Record<string, unknown> } } } }[] } } } };
  const byGrader = schema.properties.checks.items.allOf;
  const field = byGrader.find((x) => JSON.stringify(x.if).includes('"render.field"'));
  t.ok(field);
  // An environment or a layer, a name, a namePrefix or a selector (exactly one each: zod refinements, which JSON
  // Schema does not carry).
  t.same(field?.then.properties.with.required, ['kind', 'path']);
  t.same(['name', 'namePrefix', 'selector', 'equals', 'notEquals', 'exists', 'oneOf'].filter((k) => !field?.then.properties.with.properties?.[k]), [], 'each target and expectation offered');
  t.ok(field?.then.properties.with.properties?.['environment'] && field.then.properties.with.properties['layer'], 'environment and layer offered');
});

t.test('every scenario README is generated from its yaml (run: gitops-lab docs --write)', async (t) => {
  for (const id of await listScenarioIds()) {
    const { scenario, dir } = await loadScenario(id);
    t.equal(readFileSync(join(dir, 'README.md'), 'utf8'), scenarioReadme(scenario), id);
  }
});
