import type { Evidence, RenderOutcome } from '../../harness/model/evidence.js';

export type K8sObject = Record<string, unknown>;

export function renderOf(evidence: Evidence, environment: string) {
  return evidence.render.environments.find((e) => e.name === environment);
}

/** A layer's render (a kustomize directory that is not an environment, such as the shared base). */
export function layerOf(evidence: Evidence, layer: string) {
  return evidence.render.layers?.find((l) => l.name === layer);
}

export function objectsOf(outcome: RenderOutcome): K8sObject[] {
  return outcome.ok ? outcome.objects : [];
}

export function nameOf(o: K8sObject): string {
  const md = o['metadata'];
  return typeof md === 'object' && md !== null ? String((md as Record<string, unknown>)['name'] ?? '') : '';
}

export function findObject(objects: readonly K8sObject[], kind: string, name: string): K8sObject | undefined {
  return objects.find((o) => o['kind'] === kind && nameOf(o) === name);
}

export function idOf(o: K8sObject): string {
  return `${String(o['kind'])}/${nameOf(o)}`;
}
