import { z } from 'zod';
import { cannotJudge, defineGrader, fail, pass } from '../grader.js';
import { findRegistrations, normalisePath, registrationFor, sameBranch } from '../lib/registration.js';
import { show } from '../lib/object-path.js';
import type { Mismatch } from '../../harness/model/result.js';

const Expect = z.strictObject({
  path: z.string().min(1).optional(),
  revision: z.string().min(1).optional(),
  /**
   * Argo CD: automated sync is on (`syncPolicy.automated`, not `enabled: false`). Flux has no such switch: a
   * Kustomization reconciles unless suspended, so `automated` is `spec.suspend` read the other way round, and a
   * mismatch is reported as `suspended`.
   */
  automated: z.boolean().optional(),
  /** Flux: the Kustomization's `spec.suspend` is true. Argo CD: automated sync is absent (or `enabled: false`). */
  suspended: z.boolean().optional(),
  prune: z.boolean().optional(),
  selfHeal: z.boolean().optional(),
  /** The registration targets the environment's own namespace. */
  targetsEnvironmentNamespace: z.boolean().optional(),
  /**
   * The registration renders the chart as the environment declares (and the render boundary renders it): Argo CD's
   * `source.helm.releaseName` and `source.helm.valueFiles`, in order (a leading "./" aside); a Flux HelmRelease's
   * release name (`releaseName`, else `[targetNamespace-]name` as helm-controller names it) and `valuesFiles`
   * relative to the chart, after the chart's own values.yaml, which Flux must list first (its list replaces it).
   */
  helm: z.strictObject({ releaseName: z.string().min(1), valueFiles: z.array(z.string().min(1)) }).optional(),
});

export const registration = defineGrader({
  name: 'git.registration',
  boundary: 'git',
  summary: "The environment's controller registration in Git exists and points at the right path and revision.",
  params: z.strictObject({
    environment: z.string().min(1),
    expect: Expect.default({}),
  }),
  describe: (p) => {
    const parts = Object.entries(p.expect).map(([k, v]) => `${k}=${typeof v === 'object' ? `${v.releaseName} with ${v.valueFiles.join(', ')}` : String(v)}`);
    return `${p.environment} registration exists${parts.length ? ` with ${parts.join(', ')}` : ''}`;
  },
  grade(evidence, params, { controller }) {
    const env = evidence.environments[params.environment];
    if (!env) return cannotJudge(`The evidence has no environment "${params.environment}".`);
    const dir = `${env.registration}/${controller}`;
    const what = controller === 'argocd' ? 'an Argo CD Application' : 'a Flux Kustomization (with its GitRepository)';
    // A file under the registration directory that is not valid YAML (or breaks a parsing bound) fails the
    // check by name: the controller could not read that directory either.
    const broken = Object.keys(evidence.git.head.files)
      .filter((f) => f.startsWith(`${dir}/`) && evidence.git.head.files[f]!.parseError !== undefined)
      .sort();
    if (broken.length > 0) {
      const file = broken[0]!;
      return fail(`${file} is not valid YAML: ${evidence.git.head.files[file]!.parseError}`, { expected: `${what} under ${dir}/`, actual: 'invalid YAML' });
    }
    const sharedWith = Object.entries(evidence.environments)
      .filter(([name, e]) => name !== params.environment && e.registration === env.registration)
      .map(([, e]) => e.path);
    const regs = findRegistrations(evidence.git.head, dir, controller);
    const reg = registrationFor(regs, env.path, sharedWith);
    if (!reg) {
      return fail(`No ${controller} registration for ${params.environment} under ${dir}/.`, {
        expected: `${what} under ${dir}/`,
        actual: 'none',
        why: 'Until a registration in Git points the controller at the overlay, nothing reconciles this environment.',
      });
    }
    const mismatches: Mismatch[] = [];
    const e = params.expect;
    const cmp = (path: string, got: unknown, expected: unknown): void => {
      if (got !== expected) mismatches.push({ path, got: show(got), expected: show(expected) });
    };
    if (e.path !== undefined) cmp('path', reg.path, normalisePath(e.path === '{overlay}' ? env.path : e.path));
    if (e.revision !== undefined && !sameBranch(reg.revision, e.revision, evidence.git.trackedBranch)) {
      mismatches.push({ path: 'revision', got: show(reg.revision), expected: show(e.revision) });
    }
    // Flux's only switch is spec.suspend: a suspended Kustomization is reported as suspended (once), whichever
    // of automated and suspended the check expects.
    const suspended = (expected: boolean): void => {
      if (reg.suspended !== expected && !mismatches.some((m) => m.path === 'suspended')) mismatches.push({ path: 'suspended', got: show(reg.suspended), expected: show(expected) });
    };
    if (e.automated !== undefined) {
      if (controller === 'flux') suspended(!e.automated);
      else cmp('automated', reg.automated, e.automated);
    }
    if (e.suspended !== undefined) suspended(e.suspended);
    // Feedback quotes what was written: a string "true" is not a boolean, and the controller does not prune.
    const cmpWritten = (path: 'prune' | 'selfHeal', got: boolean, expected: boolean): void => {
      if (got !== expected) mismatches.push({ path, got: reg.written[path] === undefined ? show(got) : show(reg.written[path]), expected: show(expected) });
    };
    if (e.prune !== undefined) cmpWritten('prune', reg.prune, e.prune);
    if (e.selfHeal !== undefined) cmpWritten('selfHeal', reg.selfHeal, e.selfHeal);
    if (e.targetsEnvironmentNamespace) cmp('destination namespace', reg.destinationNamespace, env.namespace);
    if (e.helm !== undefined) {
      cmp('helm.releaseName', reg.helm?.releaseName, e.helm.releaseName);
      const files = (fs: readonly string[] | undefined): string | undefined => (fs === undefined ? undefined : JSON.stringify(fs.map((f) => normalisePath(f))));
      if (reg.helm?.chartValues === false) {
        // Flux: valuesFiles replace the chart's values.yaml; without it first the chart renders without its defaults.
        mismatches.push({ path: 'helm.valueFiles', got: `${show(reg.helm.valueFiles)} (without the chart's values.yaml)`, expected: show(['values.yaml', ...e.helm.valueFiles]) });
      } else if (files(reg.helm?.valueFiles) !== files(e.helm.valueFiles)) mismatches.push({ path: 'helm.valueFiles', got: show(reg.helm?.valueFiles), expected: show(e.helm.valueFiles) });
    }
    if (mismatches.length === 0) return pass(`${reg.file} registers ${params.environment} as intended.`);
    mismatches.sort((a, b) => a.path.localeCompare(b.path));
    return fail(`The ${params.environment} registration in ${reg.file} is not what the fix needs.`, {
      expected: mismatches.map((m) => `${m.path}=${m.expected}`).join(', '),
      actual: mismatches.map((m) => `${m.path}=${m.got}`).join(', '),
      why: mismatches.some((m) => m.path === 'suspended' && m.got === 'true')
        ? 'A suspended registration reconciles nothing, not even a fix in Git: the controller holds what it last applied.'
        : mismatches.some((m) => m.path.startsWith('helm.'))
          ? "The registration says which values files render the environment: pointing it at another environment's values changes what it deploys without changing its own values file."
          : 'The registration is the contract between Git and the controller: a wrong path or revision means the controller reconciles something else.',
      mismatches,
    });
  },
});
