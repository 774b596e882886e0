/**
 * The layers of harness/ and graders/ (ARCHITECTURE.md): dependency-cruiser checks every import, type-only ones
 * included, against `.dependency-cruiser.cjs`: no circles, and no layer imports a higher one. A failure lists each
 * violation as `from -> to (rule)`. The same rules run on test/fixtures/architecture/, a tree that breaks each of
 * them once, so the check is seen to fail.
 */
import t from 'tap';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'));
const tsConfig = extractTSConfig(join(root, 'tsconfig.json'));

/** Each violation of the rules in `baseDir`, as `from -> to (rule)`, sorted. */
async function violations(baseDir: string): Promise<{ lines: string[]; modules: string[] }> {
  const { output } = await cruise(['harness', 'graders'], { ...options, baseDir, validate: true }, undefined, { tsConfig });
  const result = output as ICruiseResult;
  const lines = result.summary.violations.map((v) => `${v.from} -> ${v.to} (${v.rule.name})`);
  return { lines: [...new Set(lines)].sort(), modules: result.modules.map((m) => m.source) };
}

t.test('harness/ and graders/ keep their layers: no circles, no import of a higher layer', async (t) => {
  const { lines, modules } = await violations(root);
  t.same(lines, [], `layer violations:\n${lines.join('\n')}`);
  // The cruise saw the tree: the bottom (model/, graders/) and the top (cli/) are there.
  for (const file of ['harness/model/boundary.ts', 'graders/lib/globs.ts', 'harness/cli/main.ts']) t.ok(modules.includes(file), `cruised ${file}`);
});

t.test('a tree that breaks each rule once fails with every violation named', async (t) => {
  const { lines } = await violations(join(root, 'test/fixtures/architecture'));
  t.same(lines, [
    'graders/pure.ts -> harness/exec.ts (graders-only-model)',
    'harness/cli/top.ts -> harness/model/upward.ts (no-circular)',
    'harness/cli/top.ts -> harness/stray/loose.ts (to-a-layer)',
    'harness/evidence/collect.ts -> harness/runner/session.ts (layer-evidence)',
    'harness/model/upward.ts -> harness/cli/top.ts (layer-base)',
    'harness/runner/live.ts -> harness/providers/local/ports.ts (no-provider-internals)',
    'harness/stray/loose.ts -> harness/exec.ts (in-a-layer)',
  ]);
});
