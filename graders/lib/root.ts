/**
 * Errors a controller reports on an Application, and on a run's root (which applies the registration folder from
 * Git): shared by sync.no-errors and sync.reconciled. Pure.
 */
import { errorConditions, readApplication, RETRIES_BEFORE_ANSWER } from '../../harness/model/argocd-status.js';
import { fluxCondition, readKustomization } from '../../harness/model/flux-status.js';
import type { Mismatch } from '../../harness/model/result.js';

/** An Application's error conditions and failed operation, each path prefixed with `prefix`. */
export function applicationErrors(raw: Record<string, unknown>, prefix: string, retrying = false): Mismatch[] {
  const app = readApplication(raw);
  const out: Mismatch[] = [];
  for (const c of errorConditions(app)) out.push({ path: `${prefix}condition ${c.type}`, got: c.message ?? '', expected: 'absent' });
  const { phase, message, retryCount } = app.status.operationState;
  if (phase === 'Failed' || phase === 'Error') out.push({ path: `${prefix}status.operationState.phase`, got: `${phase}: ${message ?? ''}`, expected: 'Succeeded' });
  // A sync that failed and is being retried stays Running, its error in the message: on a root, from the retry the
  // settle takes as the answer, that is the controller's refusal. (A registration's retrying sync shows through
  // sync.reconciled instead: it is OutOfSync while it retries.)
  else if (retrying && phase === 'Running' && (retryCount ?? 0) >= RETRIES_BEFORE_ANSWER) {
    out.push({ path: `${prefix}status.operationState.phase`, got: `Running, retried ${retryCount} times: ${message ?? ''}`, expected: 'Succeeded' });
  }
  return out;
}

/** The root's errors: Argo CD's root Application as any Application; Flux's root Kustomization when Ready=False. */
export function rootErrors(controller: 'argocd' | 'flux', raw: Record<string, unknown>): Mismatch[] {
  // A root Synced with Git has applied everything; a failed operation it still shows is an older one's.
  if (controller === 'argocd') return applicationErrors(raw, 'root ', true).filter((e) => !(e.path === 'root status.operationState.phase' && readApplication(raw).status.sync.status === 'Synced'));
  const ready = fluxCondition(readKustomization(raw), 'Ready');
  return ready?.status === 'False' ? [{ path: 'root Kustomization Ready', got: `False ${ready.reason ?? ''}: ${ready.message ?? ''}`.trim(), expected: 'True' }] : [];
}

