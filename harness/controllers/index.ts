import type { Controller } from '../model/boundary.js';
import type { ControllerAdapter } from './adapter.js';
import { argocd } from './argocd.js';
import { flux } from './flux.js';

export function adapterFor(controller: Controller): ControllerAdapter {
  return controller === 'argocd' ? argocd : flux;
}
