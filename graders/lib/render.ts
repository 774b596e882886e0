import { z } from 'zod';
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

const LABEL_NAME = '[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?';
const LABEL_KEY = new RegExp(`^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?${LABEL_NAME}$`);
const LABEL_VALUE = new RegExp(`^(${LABEL_NAME})?$`);

/**
 * A matchLabels-style selector, `key=value,key2=value2`: its pairs, or why it is not one (for the parameter's
 * message). Keys and values are taken as written, around `=` and `,` trimmed.
 */
export function parseSelector(text: string): Record<string, string> | string {
  const labels: Record<string, string> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (eq < 0 || key === '') return `"${part.trim()}" is not key=value`;
    if (value.startsWith('=') || key.endsWith('!')) return `"${part.trim()}": only = is supported (matchLabels), not == or !=`;
    if (!LABEL_KEY.test(key)) return `"${key}" is not a label key`;
    if (!LABEL_VALUE.test(value)) return `"${value}" is not a label value`;
    if (key in labels) return `the key "${key}" is given twice`;
    labels[key] = value;
  }
  return labels;
}

/** A `selector:` parameter, checked when the scenario is loaded. */
export const LabelSelector = z
  .string()
  .min(1)
  .superRefine((s, ctx) => {
    const parsed = parseSelector(s);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: `is not a matchLabels selector (key=value,...): ${parsed}` });
  });

/**
 * How a check names the object it judges: exactly one of `name` (exact), `namePrefix` (the name starts with it:
 * a ConfigMap that configMapGenerator suffixes with a hash) and `selector` (its labels hold every key=value).
 */
export const TargetParams = {
  name: z.string().min(1).optional(),
  namePrefix: z.string().min(1).optional(),
  selector: LabelSelector.optional(),
};

export interface ObjectTarget {
  readonly kind: string;
  readonly name?: string | undefined;
  readonly namePrefix?: string | undefined;
  readonly selector?: string | undefined;
}

export const ONE_TARGET = 'needs exactly one of name, namePrefix and selector';

export const hasOneTarget = (p: Omit<ObjectTarget, 'kind'>): boolean => [p.name, p.namePrefix, p.selector].filter((x) => x !== undefined).length === 1;

/** `Deployment/payment-api`, `ConfigMap payment-config-*`, `ConfigMap with labels app=payment-api`. */
export function describeTarget(t: ObjectTarget): string {
  if (t.name !== undefined) return `${t.kind}/${t.name}`;
  if (t.namePrefix !== undefined) return `${t.kind} ${t.namePrefix}*`;
  return `${t.kind} with labels ${t.selector ?? ''}`;
}

export function labelsOf(o: K8sObject): Record<string, unknown> {
  const md = o['metadata'];
  const labels = typeof md === 'object' && md !== null ? (md as Record<string, unknown>)['labels'] : undefined;
  return typeof labels === 'object' && labels !== null && !Array.isArray(labels) ? (labels as Record<string, unknown>) : {};
}

/** The objects of the kind the target names, in the order given. */
export function matchTarget(objects: readonly K8sObject[], t: ObjectTarget): K8sObject[] {
  const ofKind = objects.filter((o) => o['kind'] === t.kind);
  if (t.name !== undefined) return ofKind.filter((o) => nameOf(o) === t.name);
  if (t.namePrefix !== undefined) return ofKind.filter((o) => nameOf(o).startsWith(t.namePrefix!));
  const wanted = parseSelector(t.selector ?? '');
  if (typeof wanted === 'string') return [];
  return ofKind.filter((o) => {
    const labels = labelsOf(o);
    return Object.entries(wanted).every(([k, v]) => labels[k] === v);
  });
}

/** The one object a target names, or how many it matched (none, or several: the check cannot pick). */
export type Picked =
  | { readonly ok: true; readonly object: K8sObject; readonly id: string; readonly where: string }
  | { readonly ok: false; readonly matches: readonly string[]; readonly message: string; readonly expected: string; readonly actual: string };

/**
 * Picks the one object a target names among `objects` (`in`: where they are, for the message). `where` names the
 * object judged, and for a prefix or selector also how it was found: `ConfigMap/payment-config-5c2t (ConfigMap
 * payment-config-*)`. Zero matches and several are both a clear failure naming the target (and the matches).
 */
export function pickTarget(objects: readonly K8sObject[], t: ObjectTarget, inWhat: string): Picked {
  const matches = matchTarget(objects, t);
  const target = describeTarget(t);
  if (matches.length === 1) {
    const id = idOf(matches[0]!);
    return { ok: true, object: matches[0]!, id, where: t.name !== undefined ? id : `${id} (the one ${target})` };
  }
  const ids = matches.map(idOf);
  if (matches.length === 0) {
    return t.name !== undefined
      ? { ok: false, matches: [], message: `${target} is not in ${inWhat}.`, expected: `${target} present`, actual: 'absent' }
      : { ok: false, matches: [], message: `No ${target} is in ${inWhat}.`, expected: `exactly one ${target}`, actual: 'none' };
  }
  return {
    ok: false,
    matches: ids,
    message: `${target} matches ${matches.length} objects in ${inWhat} (${ids.join(', ')}), so the check cannot tell which to judge.`,
    expected: `exactly one ${target}`,
    actual: ids.join(', '),
  };
}
