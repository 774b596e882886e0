/**
 * A JSON record the harness wrote and reads back (a workspace marker, a class record): parsed and checked against
 * its schema, every problem an INVALID_CONFIG error naming the file and the field.
 */
import type { z } from 'zod';
import { LabError } from './errors.js';

/** A schema's issues as `path: message; ...` (`(root)` for the whole value). */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** `text` (the contents of `file`) as JSON checked against `schema`. */
export function parseJsonRecord<S extends z.ZodType>(file: string, text: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LabError('INVALID_CONFIG', `${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new LabError('INVALID_CONFIG', `${file}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
