import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import { environmentOf, isFinding } from '../lib/cluster.js';
import { fluxCondition, helmChartRefusal, readGitRepository, readHelmChart, readHelmRelease, readKustomization } from '../../harness/model/flux-status.js';
import type { Mismatch } from '../../harness/model/result.js';
import { applicationErrors, rootErrors } from '../lib/root.js';

export const noErrors = defineGrader({
  name: 'sync.no-errors',
  boundary: 'sync',
  summary: "The controller reports no error for the environment, at its root (which applies the registration folder) or its registration (Argo CD error conditions and failed operations; Flux Ready=False, of a HelmRelease and its HelmChart too).",
  params: z.strictObject({ environment: z.string().min(1) }),
  describe: (p) => `${p.environment} reconciles without controller errors`,
  grade(evidence, params, { controller }) {
    const env = environmentOf(evidence, params.environment);
    if (isFinding(env)) return env;
    const errors: Mismatch[] = [];
    // The root first: it applies the registration folder, and its refusal (a kind or a destination the run may
    // not use) is where the learner's change stopped.
    if (env.root) errors.push(...rootErrors(controller, env.root));
    if (controller === 'argocd') {
      if (!env.application) {
        if (errors.length > 0) return fail(`No Argo CD Application registers ${params.environment}; its root reports: ${errors[0]!.got}`, { actual: 'no Application', mismatches: errors });
        return fail(`No Argo CD Application registers ${params.environment}.`, { actual: 'no Application' });
      }
      errors.push(...applicationErrors(env.application, ''));
    } else {
      if (!env.kustomization && !env.helmRelease) {
        if (errors.length > 0) return fail(`No Flux Kustomization registers ${params.environment}; its root reports: ${errors[0]!.got}`, { actual: 'no Kustomization', mismatches: errors });
        return fail(`No Flux Kustomization registers ${params.environment}.`, { actual: 'no Kustomization' });
      }
      const registration = env.kustomization
        ? ([['Kustomization', readKustomization(env.kustomization)]] as const)
        : ([['HelmChart', readHelmChart(env.helmChart)], ['HelmRelease', readHelmRelease(env.helmRelease)]] as const);
      const refusal = env.kustomization ? undefined : helmChartRefusal(readHelmRelease(env.helmRelease));
      if (refusal) errors.push({ path: 'HelmRelease spec.chart.spec.sourceRef', got: `refused by helm-controller: ${refusal.message}`, expected: "a source in the HelmRelease's namespace" });
      for (const [what, obj] of [['GitRepository', readGitRepository(env.gitRepository)] as const, ...registration]) {
        const ready = fluxCondition(obj, 'Ready');
        if (ready?.status === 'False') errors.push({ path: `${what} Ready`, got: `False ${ready.reason ?? ''}: ${ready.message ?? ''}`.trim(), expected: 'True' });
      }
    }
    if (errors.length === 0) return pass(`${controller === 'argocd' ? 'Argo CD' : 'Flux'} reports no errors for ${params.environment}.`);
    return fail(`${controller === 'argocd' ? 'Argo CD' : 'Flux'} reports ${errors.length} error(s) for ${params.environment}: ${errors[0]!.got}`, {
      expected: 'no error conditions',
      actual: errors.map((e) => `${e.path}: ${e.got}`).join('; '),
      why: 'An error at the sync boundary means the controller could not load or apply the desired state; nothing after it can be trusted.',
      mismatches: errors,
    });
  },
});
