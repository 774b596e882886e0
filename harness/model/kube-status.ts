/**
 * The lenient reading the controller status models (argocd-status.ts, flux-status.ts) share. A controller's object
 * is what the API server or a recording holds, written by a controller version we may not know: every field is
 * optional, a field of the wrong type reads as absent (never an error), and fields the model does not name are
 * kept as they are.
 */
import { z } from 'zod';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field that reads as undefined when absent or not of the schema's type. */
export const field = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * A nested object that reads as `{}` (its own fields then absent or defaulted) when absent or not an object, so
 * readers write `app.status.sync.status` without guards. Unknown fields are kept.
 */
export const section = <S extends z.ZodRawShape>(shape: S) => z.preprocess((v) => (isRecord(v) ? v : {}), z.looseObject(shape));

/** A nested object whose presence means something: undefined when absent or not an object. Unknown fields are kept. */
export const presence = <S extends z.ZodRawShape>(shape: S) => field(z.looseObject(shape));

/** A list that reads as [] when absent or not an array; items that do not fit the item schema are left out. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v.filter((i) => item.safeParse(i).success) : []), z.array(item));

/** A string map (labels, annotations): {} when absent; entries whose value is not a string are left out. */
export const strings = () =>
  z.preprocess((v) => (isRecord(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string')) : {}), z.record(z.string(), z.string()));

/** The metadata the harness reads: name, namespace, annotations. */
export const Metadata = section({ name: field(z.string()), namespace: field(z.string()), annotations: strings() });

/**
 * A condition as Kubernetes writes it (metav1.Condition: type, status True/False/Unknown, reason, message,
 * lastTransitionTime, observedGeneration). Argo CD's Application conditions carry only type, message and
 * lastTransitionTime; the rest then reads as absent. A condition without a string `type` is left out of its list.
 */
export const Condition = z.looseObject({
  type: z.string(),
  status: field(z.string()),
  reason: field(z.string()),
  message: field(z.string()),
  lastTransitionTime: field(z.string()),
  observedGeneration: field(z.number()),
});
export type Condition = z.infer<typeof Condition>;

/** The condition of a type in a list, if there is one (the first, as kubectl and the controllers show it). */
export function conditionOf<C extends { readonly type: string }>(conditions: readonly C[], type: string): C | undefined {
  return conditions.find((c) => c.type === type);
}
