/** The JSON Schema for scenario files, generated from the zod schema (schemas/scenario.schema.json). */
import { z } from 'zod';
import { GRADERS } from '../../graders/index.js';
import { Scenario } from '../model/scenario.js';

export const SCHEMA_FILE = 'schemas/scenario.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const props = schema['properties'] as Record<string, Record<string, unknown>>;
  const items = props['checks']!['items'] as Record<string, unknown>;
  const graders = [...GRADERS.values()].sort((a, b) => a.name.localeCompare(b.name));
  (items['properties'] as Record<string, Record<string, unknown>>)['grader'] = {
    type: 'string',
    enum: graders.map((g) => g.name),
    description: "A grader from gitops-lab's registry.",
  };
  // Per-grader parameter schemas, so an editor completes `with:` for the grader a check names.
  items['allOf'] = graders.map((g) => {
    const params = z.toJSONSchema(g.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete params['$schema'];
    return {
      if: { properties: { grader: { const: g.name } }, required: ['grader'] },
      then: { properties: { with: { ...params, description: `${g.boundary}: ${g.summary}` } } },
    };
  });
  return {
    $id: 'https://gitops-lab.dev/schemas/scenario.schema.json',
    title: 'gitops-lab scenario',
    ...schema,
  };
}

export function scenarioJsonSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}
