import { invoicedBetween, positionsOn, sumOpen } from './book-positions';
import type { KpiBook, KpiScope } from './kpi-book';
import { addDays, checkLocalDate, checkPositiveInteger } from './kpi-calendar';
import { dsoFromTotals } from './standard-dso';

/**
 * Best possible DSO over the `days` days ending on `asOf`: like {@link standardDso} but with
 * only the current AR, the open amount of invoices not yet due on `asOf` (due on or after
 * it). Null when nothing was invoiced.
 */
export function bestPossibleDso(
  book: KpiBook,
  asOf: string,
  days: number,
  scope: KpiScope = {},
): number | null {
  checkLocalDate('asOf', asOf);
  checkPositiveInteger('days', days);
  const current = positionsOn(book, asOf, scope).filter(({ invoice }) => invoice.dueDate >= asOf);
  const sales = invoicedBetween(book, addDays(asOf, -days), asOf, scope);
  return dsoFromTotals(sumOpen(current).amountMinor, sales, days);
}
