/** Graders are pure; side effects live behind narrow modules. These rules are the architecture. */
import t from 'tap';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');

const IO = /^(node:)?(fs|fs\/promises|child_process|net|http|https|os|dgram)$|^execa$|^@kubernetes\/client-node$/;

t.test('graders import no I/O module, directly or through the harness', async (t) => {
  const offenders: string[] = [];
  for (const file of sources(join(REPO_ROOT, 'graders'))) {
    for (const spec of importsOf(file)) {
      const harnessImpure = spec.includes('/harness/') && !spec.includes('/harness/model/');
      if (IO.test(spec) || harnessImpure) offenders.push(`${relative(REPO_ROOT, file)} imports ${spec}`);
    }
  }
  t.same(offenders, []);
});

t.test('only harness/exec.ts imports execa; only harness/kube/ imports client-node', async (t) => {
  const offenders: string[] = [];
  for (const file of [...sources(join(REPO_ROOT, 'harness')), ...sources(join(REPO_ROOT, 'graders'))]) {
    const rel = relative(REPO_ROOT, file);
    for (const spec of importsOf(file)) {
      if (spec === 'execa' && rel !== 'harness/exec.ts') offenders.push(`${rel} imports execa`);
      if (spec === '@kubernetes/client-node' && !rel.startsWith('harness/kube/')) offenders.push(`${rel} imports client-node`);
    }
  }
  t.same(offenders, []);
});

t.test('the rule itself sees imports (it would catch a violation)', async (t) => {
  t.ok(importsOf(join(REPO_ROOT, 'harness/exec.ts')).includes('execa'));
});
