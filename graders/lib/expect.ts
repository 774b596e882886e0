import { z } from 'zod';
import { deepEqual, parsePath, show } from './object-path.js';

/** An object path parameter, checked for syntax when the scenario is loaded. */
export const ObjectPath = z
  .string()
  .min(1)
  .refine((p) => {
    try {
      parsePath(p);
      return true;
    } catch {
      return false;
    }
  }, 'is not a valid object path');

/** `equals` or `notEquals`: the expectation of a field-value check. */
export const Expectation = { equals: z.unknown().optional(), notEquals: z.unknown().optional() };

export const hasExpectation = (p: { equals?: unknown; notEquals?: unknown }): boolean => p.equals !== undefined || p.notEquals !== undefined;

export function meets(got: unknown, p: { equals?: unknown; notEquals?: unknown }): boolean {
  return p.equals !== undefined ? deepEqual(got, p.equals) : !deepEqual(got, p.notEquals);
}

export function describeExpectation(p: { equals?: unknown; notEquals?: unknown }): string {
  return p.equals !== undefined ? show(p.equals) : `anything but ${show(p.notEquals)}`;
}
