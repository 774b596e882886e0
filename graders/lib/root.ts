/**
 * Errors a controller reports on an Application, and on a run's root (which applies the registration folder from
 * Git): shared by sync.no-errors and sync.reconciled. Pure.
 */
import { errorConditions, readApplication } from '../../harness/model/argocd-status.js';
import { fluxCondition, readKustomization } from '../../harness/model/flux-status.js';
import type { Mismatch } from '../../harness/model/result.js';

/** An Application's error conditions and failed operation, each path prefixed with `prefix`. */
export function applicationErrors(raw: Record<string, unknown>, prefix: string): Mismatch[] {
  const app = readApplication(raw);
  const out: Mismatch[] = [];
  for (const c of errorConditions(app)) out.push({ path: `${prefix}condition ${c.type}`, got: c.message ?? '', expected: 'absent' });
  const { phase, message } = app.status.operationState;
  if (phase === 'Failed' || phase === 'Error') out.push({ path: `${prefix}status.operationState.phase`, got: `${phase}: ${message ?? ''}`, expected: 'Succeeded' });
  return out;
}

/** The root's errors: Argo CD's root Application as any Application; Flux's root Kustomization when Ready=False. */
export function rootErrors(controller: 'argocd' | 'flux', raw: Record<string, unknown>): Mismatch[] {
  // A root Synced with Git has applied everything; a failed operation it still shows is an older one's.
  if (controller === 'argocd') return applicationErrors(raw, 'root ').filter((e) => !(e.path === 'root status.operationState.phase' && readApplication(raw).status.sync.status === 'Synced'));
  const ready = fluxCondition(readKustomization(raw), 'Ready');
  return ready?.status === 'False' ? [{ path: 'root Kustomization Ready', got: `False ${ready.reason ?? ''}: ${ready.message ?? ''}`.trim(), expected: 'True' }] : [];
}

