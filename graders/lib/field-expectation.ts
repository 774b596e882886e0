/**
 * What a field check expects of the value it reads (render.field, live.field): exactly one of `equals`,
 * `notEquals`, `exists` (true: the path is there, whatever its value; false: it is not) and `oneOf` (equal to one
 * of the listed values). Pure.
 */
import { z } from 'zod';
import { deepEqual, show } from './object-path.js';

export const FieldExpectation = {
  equals: z.unknown().optional(),
  notEquals: z.unknown().optional(),
  exists: z.boolean().optional(),
  oneOf: z.array(z.unknown()).min(1).optional(),
};

export interface FieldExpectation {
  readonly equals?: unknown;
  readonly notEquals?: unknown;
  readonly exists?: boolean | undefined;
  readonly oneOf?: readonly unknown[] | undefined;
}

const KEYS = ['equals', 'notEquals', 'exists', 'oneOf'] as const;

export const ONE_EXPECTATION = 'needs exactly one of equals, notEquals, exists and oneOf';

export const hasOneExpectation = (p: FieldExpectation): boolean => KEYS.filter((k) => p[k] !== undefined).length === 1;

export function meetsField(got: unknown, p: FieldExpectation): boolean {
  if (p.exists !== undefined) return (got !== undefined) === p.exists;
  if (p.oneOf !== undefined) return p.oneOf.some((v) => deepEqual(got, v));
  if (p.equals !== undefined) return deepEqual(got, p.equals);
  return !deepEqual(got, p.notEquals);
}

/** The expected side of a finding: `"1.27.6"`, `anything but 0`, `present`, `absent`, `one of "a", "b"`. */
export function describeFieldExpectation(p: FieldExpectation): string {
  if (p.exists !== undefined) return p.exists ? 'present' : 'absent';
  if (p.oneOf !== undefined) return `one of ${p.oneOf.map(show).join(', ')}`;
  return p.equals !== undefined ? show(p.equals) : `anything but ${show(p.notEquals)}`;
}

/** The expectation in a check's description: `= 2`, `!= 0`, `exists`, `is absent`, `in "a", "b"`. */
export function describeFieldCheck(p: FieldExpectation): string {
  if (p.exists !== undefined) return p.exists ? 'exists' : 'is absent';
  if (p.oneOf !== undefined) return `in ${p.oneOf.map(show).join(', ')}`;
  return p.equals !== undefined ? `= ${show(p.equals)}` : `!= ${show(p.notEquals)}`;
}
