import { z } from 'zod';
import { defineGrader, fail, pass } from '../grader.js';
import { condition, conditionsOf, environmentOf, isFinding } from '../lib/cluster.js';
import { getPath } from '../lib/object-path.js';
import type { Mismatch } from '../../harness/model/result.js';

export const noErrors = defineGrader({
  name: 'sync.no-errors',
  boundary: 'sync',
  summary: 'The controller reports no error for the environment (Argo CD error conditions and failed operations; Flux Ready=False).',
  params: z.strictObject({ environment: z.string().min(1) }),
  describe: (p) => `${p.environment} reconciles without controller errors`,
  grade(evidence, params, { controller }) {
    const env = environmentOf(evidence, params.environment);
    if (isFinding(env)) return env;
    const errors: Mismatch[] = [];
    if (controller === 'argocd') {
      const app = env.application;
      if (!app) return fail(`No Argo CD Application registers ${params.environment}.`, { actual: 'no Application' });
      for (const c of conditionsOf(app)) if (c.type.endsWith('Error')) errors.push({ path: `condition ${c.type}`, got: c.message ?? '', expected: 'absent' });
      const phase = getPath(app, 'status.operationState.phase');
      if (phase === 'Failed' || phase === 'Error') errors.push({ path: 'status.operationState.phase', got: `${String(phase)}: ${String(getPath(app, 'status.operationState.message') ?? '')}`, expected: 'Succeeded' });
    } else {
      const ks = env.kustomization;
      if (!ks) return fail(`No Flux Kustomization registers ${params.environment}.`, { actual: 'no Kustomization' });
      for (const [what, obj] of [['GitRepository', env.gitRepository], ['Kustomization', ks]] as const) {
        const ready = condition(obj, 'Ready');
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
