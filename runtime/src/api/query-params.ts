import { LocalDate, Reference } from '@dunflow/model';
import { z } from 'zod';

/*
 * Schemas of query string values, which always arrive as text. Their messages complete
 * "query parameter limit 'x' is invalid: ...".
 */

/** A calendar date as `YYYY-MM-DD`. */
export const DateParam = LocalDate;

/** A month as `YYYY-MM`. */
export const MonthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM, e.g. 2026-03');

/** An id as an ERP writes it, e.g. `0001`, with its leading zeros. */
export const IdParam = Reference;

/** `true` or `false`. */
export const BooleanParam = z
  .enum(['true', 'false'], { error: 'expected true or false' })
  .transform((value) => value === 'true');

/** Builds the schema of a whole number from `min` to `max`, written in decimal digits. */
export function integerParam(min: number, max: number) {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, expected)
    .transform(Number)
    .refine((value) => value >= min && value <= max, expected);
}

/** Builds the schema of one of `values`, whose message lists them. */
export function enumParam<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of: ${values.join(', ')}` });
}
