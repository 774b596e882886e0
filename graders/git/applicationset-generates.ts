import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { expandApplicationSets } from '../lib/applicationset.js';
import { normalisePath } from '../lib/registration.js';

/**
 * Argo CD: what the ApplicationSets in the environments' registration directory generate, read from Git at the head
 * (graders/lib/applicationset.ts): an Application for each environment named, pointing at its overlay, and, with
 * `onlyEnvironments`, none for a directory that is no environment of the scenario.
 */
export const applicationSetGenerates = defineGrader({
  name: 'git.applicationset-generates',
  boundary: 'git',
  summary:
    "Argo CD: the ApplicationSets in Git (in the environments' registration directory) generate an Application for each environment named, at its overlay; with onlyEnvironments, none for a directory that is not an environment.",
  params: z.strictObject({
    /** Environments that must each get a generated Application whose source path is their overlay. */
    environments: z.array(z.string().min(1)).min(1),
    /** Every generated Application points at the overlay of one of the scenario's environments. */
    onlyEnvironments: z.boolean().default(false),
  }),
  describe: (p) => `the ApplicationSet generates ${p.environments.join(', ')}${p.onlyEnvironments ? ', and nothing but environments' : ''}`,
  grade(evidence, params, { controller }) {
    if (controller !== 'argocd') return cannotJudge(`ApplicationSets are Argo CD's; ${controller} has none.`);
    const envs = params.environments.map((e) => [e, evidence.environments[e]] as const);
    const missingEnv = envs.find(([, e]) => !e);
    if (missingEnv) return cannotJudge(`The evidence has no environment "${missingEnv[0]}".`);
    const dirs = [...new Set(envs.map(([, e]) => `${e!.registration}/${controller}`))];
    const sets = dirs.flatMap((d) => expandApplicationSets(evidence.git.head, d));
    if (sets.length === 0) {
      return fail(`No ApplicationSet under ${dirs.map((d) => `${d}/`).join(', ')}.`, { expected: 'an ApplicationSet that generates the environments', actual: 'none' });
    }
    const apps = sets.flatMap((s) => s.applications.map((a) => ({ set: s.name, path: normalisePath(((a['spec'] as { source?: { path?: unknown } } | undefined)?.source?.path as string | undefined) ?? undefined), name: (a['metadata'] as { name?: string }).name })));
    const generated = apps.map((a) => a.path ?? '?');
    const unsupported = sets.flatMap((s) => s.unsupported.map((u) => `${s.name}: ${u}`));
    const missing = envs.filter(([, e]) => !apps.some((a) => a.path === normalisePath(e!.path))).map(([n]) => n);
    const overlays = Object.values(evidence.environments).map((e) => normalisePath(e.path));
    const extra = params.onlyEnvironments ? apps.filter((a) => !overlays.includes(a.path)) : [];
    const actual = generated.length ? generated.join(', ') : 'nothing';
    if (missing.length > 0) {
      return fail(`The ApplicationSet generates no Application for ${missing.join(', ')} (it generates: ${actual}).`, {
        expected: envs.filter(([n]) => missing.includes(n)).map(([, e]) => e!.path).join(', '),
        actual,
        why: unsupported.length
          ? `Parts of the ApplicationSet this reading does not follow: ${unsupported.join('; ')}.`
          : 'An environment the generator does not yield has no Application: nothing deploys it, whatever its overlay says.',
      });
    }
    if (extra.length > 0) {
      return fail(`The ApplicationSet also generates Applications for ${extra.map((a) => a.path).join(', ')}, which no environment deploys.`, {
        expected: `only environments' overlays (${overlays.join(', ')})`,
        actual,
        why: 'A pattern that matches every directory deploys whatever is added there next, ready or not.',
      });
    }
    return pass(`The ApplicationSet generates ${params.environments.join(', ')} (${actual}).`);
  },
});
