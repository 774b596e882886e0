/**
 * Secret redaction for stored evidence: every object whose `kind` is `Secret`, wherever it sits (Git tree
 * documents, rendered objects, cluster objects, recorded changes), keeps its keys but loses its values.
 * Pure: returns a copy and never changes its input.
 */
import type { Evidence } from '../model/evidence.js';

/** What a redacted value becomes. Keys stay, so a check can still see which keys a Secret has. */
export const REDACTED = '(redacted)';

/** The annotation kubectl writes with the whole applied object, Secret data included. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function blankValues(value: unknown): unknown {
  if (!isPlainObject(value)) return value === undefined || value === null ? value : REDACTED;
  return Object.fromEntries(Object.keys(value).map((k) => [k, REDACTED]));
}

function redactSecret(secret: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(secret)) {
    if (key === 'data' || key === 'stringData') out[key] = blankValues(value);
    else if (key === 'metadata' && isPlainObject(value) && isPlainObject(value['annotations']) && LAST_APPLIED in value['annotations']) {
      out[key] = redactValue({ ...value, annotations: { ...value['annotations'], [LAST_APPLIED]: REDACTED } });
    } else out[key] = redactValue(value);
  }
  return out;
}

/** Redacts any JSON-like value: arrays and objects are walked to any depth. */
export function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (!isPlainObject(value)) return value;
  if (value['kind'] === 'Secret') return redactSecret(value);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v)]));
}

/** The evidence as it may be stored: Secret `data` and `stringData` values blanked everywhere. */
export function redactEvidence(evidence: Evidence): Evidence {
  return redactValue(evidence) as Evidence;
}
