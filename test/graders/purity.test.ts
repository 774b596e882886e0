/**
 * Graders are pure; side effects live behind narrow modules. These rules are the architecture.
 *
 * A grader (and every module it imports, followed transitively) may import only other graders, the harness's
 * models (harness/model/) and the packages in ALLOWED_PACKAGES; it may not read the environment, the clock,
 * randomness or the network through globals. The rule is proven on a planted bad grader in a scratch folder.
 */
import t from 'tap';
import { builtinModules } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Comments are not code: a doc comment may say "process.env" or "fs". Strings stay (import specifiers are strings). */
const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

/** Every module specifier: static imports and re-exports (type-only included), dynamic import() and require(). */
const importsOf = (text: string): string[] =>
  [
    ...withoutComments(text).matchAll(
      /(?:^|[;\s])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[;\s])import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)|\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');

const ALLOWED_PACKAGES = new Set(['zod', 'picomatch']);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]!]));

/** Globals through which a function reaches the world outside its arguments. */
const IMPURE_GLOBALS: readonly [RegExp, string][] = [
  [/\bprocess\b/, 'process (environment, arguments, working directory)'],
  [/\bfetch\s*\(/, 'fetch (network)'],
  [/\bDate\.now\s*\(/, 'Date.now (clock)'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date() (clock)'],
  [/\bperformance\s*\./, 'performance (clock)'],
  [/\bMath\.random\s*\(/, 'Math.random (randomness)'],
  [/\bcrypto\s*\./, 'crypto (randomness)'],
  [/\bglobalThis\b/, 'globalThis'],
  [/\b(?:require|eval)\s*\(/, 'require/eval'],
  [/\bnew\s+Function\s*\(/, 'new Function'],
  [/\b(?:setTimeout|setInterval|setImmediate)\s*\(/, 'timers'],
];

/**
 * What is impure in the graders under `root` (a folder holding `graders/` and `harness/model/`): each finding
 * names the file and what it reaches. Follows relative imports, so a helper outside graders/ is held to the
 * same rule once a grader imports it.
 */
function impurities(root: string): string[] {
  const offenders: string[] = [];
  const seen = new Set<string>();
  const queue = sources(join(root, 'graders'));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const rel = relative(root, file);
    const text = readFileSync(file, 'utf8');
    for (const spec of importsOf(text)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
        const targetRel = relative(root, target);
        if (!targetRel.startsWith('graders/') && !targetRel.startsWith('harness/model/')) offenders.push(`${rel} imports ${spec} (outside graders/ and harness/model/)`);
        else queue.push(target);
      } else if (spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]!)) {
        offenders.push(`${rel} imports ${spec} (a Node.js builtin)`);
      } else if (!ALLOWED_PACKAGES.has(spec)) {
        offenders.push(`${rel} imports ${spec} (not an allowed package: ${[...ALLOWED_PACKAGES].join(', ')})`);
      }
    }
    const code = withoutComments(text);
    for (const [pattern, what] of IMPURE_GLOBALS) if (pattern.test(code)) offenders.push(`${rel} uses ${what}`);
  }
  return offenders;
}

t.test('graders import no I/O module and reach no impure global, directly or through what they import', async (t) => {
  t.same(impurities(REPO_ROOT), []);
});

t.test('the rule catches a planted impure grader (in a scratch copy, never in graders/)', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'gitops-lab-purity-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('harness/model/evidence.ts', "import { z } from 'zod';\nexport const Evidence = z.object({});\n");
  write('harness/exec.ts', "import { execa } from 'execa';\nexport const run = execa;\n");
  write('graders/lib/helper.ts', "import { readFileSync } from 'fs';\nexport const read = (p: string) => readFileSync(p, 'utf8');\n");
  write(
    'graders/render/bad.ts',
    [
      '/** A doc comment may mention process.env and node:fs without offending. */',
      "import { readFileSync } from 'node:fs';",
      "import type { Evidence } from '../../harness/model/evidence.js';",
      "import { read } from '../lib/helper.js';",
      "import { run } from '../../harness/exec.js';",
      "import * as k8s from '@kubernetes/client-node';",
      "import { execa } from 'execa';",
      "export { spawn } from 'child_process';",
      'export function grade(e: Evidence) {',
      "  const home = process.env['HOME'];",
      "  const os = await import('node:os');",
      '  return [readFileSync(home!), read(home!), run, k8s, execa, os, Date.now(), new Date(), Math.random(), fetch(\'http://127.0.0.1/\')];',
      '}',
      '',
    ].join('\n'),
  );
  write('graders/render/good.ts', "import { z } from 'zod';\nimport type { Evidence } from '../../harness/model/evidence.js';\nexport const when = (e: Evidence, at: string) => new Date(at).getTime();\nexport const p = z.string();\n");
  t.same(impurities(root).sort(), [
    'graders/lib/helper.ts imports fs (a Node.js builtin)',
    'graders/render/bad.ts imports ../../harness/exec.js (outside graders/ and harness/model/)',
    'graders/render/bad.ts imports @kubernetes/client-node (not an allowed package: zod, picomatch)',
    'graders/render/bad.ts imports child_process (a Node.js builtin)',
    'graders/render/bad.ts imports execa (not an allowed package: zod, picomatch)',
    'graders/render/bad.ts imports node:fs (a Node.js builtin)',
    'graders/render/bad.ts imports node:os (a Node.js builtin)',
    'graders/render/bad.ts uses Date.now (clock)',
    'graders/render/bad.ts uses Math.random (randomness)',
    'graders/render/bad.ts uses fetch (network)',
    'graders/render/bad.ts uses new Date() (clock)',
    'graders/render/bad.ts uses process (environment, arguments, working directory)',
  ]);
});

t.test('only harness/exec.ts imports execa; only harness/kube/ imports client-node', async (t) => {
  const offenders: string[] = [];
  for (const file of [...sources(join(REPO_ROOT, 'harness')), ...sources(join(REPO_ROOT, 'graders'))]) {
    const rel = relative(REPO_ROOT, file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (spec === 'execa' && rel !== 'harness/exec.ts') offenders.push(`${rel} imports execa`);
      if (spec === '@kubernetes/client-node' && !rel.startsWith('harness/kube/')) offenders.push(`${rel} imports client-node`);
    }
  }
  t.same(offenders, []);
  t.ok(importsOf(readFileSync(join(REPO_ROOT, 'harness/exec.ts'), 'utf8')).includes('execa'), 'the rule sees the one import it allows');
});
