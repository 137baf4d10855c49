import { invoicedBetween, positionsOn, sumOpen } from './book-positions';
import type { KpiBook, KpiScope } from './kpi-book';
import { addDays, checkLocalDate, checkPositiveInteger } from './kpi-calendar';

/**
 * Days sales outstanding from totals: `arMinor / salesMinor x days`. Returns null, not
 * infinity, when nothing was sold in the period.
 */
export function dsoFromTotals(arMinor: number, salesMinor: number, days: number): number | null {
  if (salesMinor === 0) return null;
  // Multiplying first keeps whole-cent inputs exact until the single division.
  return (arMinor * days) / salesMinor;
}

/**
 * Standard DSO over the `days` days ending on `asOf`: the open amount on `asOf` divided by the
 * amount invoiced in those days, times `days`. Null when nothing was invoiced.
 */
export function standardDso(
  book: KpiBook,
  asOf: string,
  days: number,
  scope: KpiScope = {},
): number | null {
  checkLocalDate('asOf', asOf);
  checkPositiveInteger('days', days);
  const ar = sumOpen(positionsOn(book, asOf, scope)).amountMinor;
  const sales = invoicedBetween(book, addDays(asOf, -days), asOf, scope);
  return dsoFromTotals(ar, sales, days);
}
