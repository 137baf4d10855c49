import { z } from 'zod';

// Dates outside this range are typing errors in practice, and far-future ones overflow the
// calendar arithmetic of reminders and promises.
const MIN_DATE = '1900-01-01';
const MAX_DATE = '2199-12-31';

/** A calendar date without a time zone, such as a due date: `YYYY-MM-DD`. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD, e.g. 2026-03-31')
  .refine((value) => isRealDate(value), 'not a calendar date')
  .refine(
    (value) => value >= MIN_DATE && value <= MAX_DATE,
    `outside the supported range ${MIN_DATE} to ${MAX_DATE}; check the year`,
  );
export type LocalDate = z.infer<typeof LocalDate>;

/** A point in time in UTC: an ISO 8601 timestamp ending in `Z`. */
export const Instant = z.iso.datetime({ offset: false });
export type Instant = z.infer<typeof Instant>;

/** An amount in the currency's minor unit (cents), so sums stay exact. */
export const MinorAmount = z.number().int().nonnegative();

/** An ISO 4217 currency code. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR');

/** An identifier chosen by a person or an ERP: kept as a string so leading zeros survive. */
export const Reference = z.string().min(1).max(200);

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
