import { invoicedBetween, invoicesInScope, positionsOn, sumOpen } from './book-positions';
import type { KpiBook, KpiScope } from './kpi-book';
import { checkLocalDate, daysBetween, monthsBefore } from './kpi-calendar';

/** One month of the countback walk: its credit sales and its length in days. */
export interface CountbackMonth {
  readonly salesMinor: number;
  readonly days: number;
}

/** Length of a countback month: its calendar length, or always 30 days. */
export type CountbackMonthLength = 'calendar' | 'thirtyDays';

/**
 * Computes countback DSO from totals. Walks back over `months` (latest first), subtracting each
 * month's sales from the AR and adding its days, and prorates the month in which the AR runs
 * out. Returns null when the months end before the AR does.
 */
export function countbackFromTotals(
  arMinor: number,
  months: readonly CountbackMonth[],
): number | null {
  let remaining = arMinor;
  let days = 0;
  for (const month of months) {
    if (remaining <= 0) break;
    if (remaining <= month.salesMinor) return days + (remaining * month.days) / month.salesMinor;
    remaining -= month.salesMinor;
    days += month.days;
  }
  return remaining <= 0 ? days : null;
}

/**
 * Computes countback DSO on `asOf`: the AR then, walked back over the months ending on `asOf` (the
 * first is the month up to `asOf`, the next the month before it, and so on). Returns null
 * when nothing was invoiced on or before `asOf`.
 */
export function countbackDso(
  book: KpiBook,
  asOf: string,
  monthLength: CountbackMonthLength = 'calendar',
  scope: KpiScope = {},
): number | null {
  checkLocalDate('asOf', asOf);
  const issued = invoicesInScope(book, scope).filter((invoice) => invoice.issueDate <= asOf);
  if (issued.length === 0) return null;

  const earliest = issued.reduce(
    (min, invoice) => (invoice.issueDate < min ? invoice.issueDate : min),
    asOf,
  );
  const ar = sumOpen(positionsOn(book, asOf, scope)).amountMinor;
  return countbackFromTotals(ar, monthsBack(book, asOf, earliest, monthLength, scope));
}

/** Lists the months ending on `asOf`, latest first, back to the one containing `earliest`. */
function monthsBack(
  book: KpiBook,
  asOf: string,
  earliest: string,
  monthLength: CountbackMonthLength,
  scope: KpiScope,
): CountbackMonth[] {
  const months: CountbackMonth[] = [];
  let end = asOf;
  for (let back = 1; end >= earliest; back += 1) {
    const start = monthsBefore(asOf, back);
    const days = monthLength === 'calendar' ? daysBetween(start, end) : 30;
    months.push({ salesMinor: invoicedBetween(book, start, end, scope), days });
    end = start;
  }
  return months;
}
