import { invoicedBetween, positionsOn, sumOpen } from './book-positions';
import type { KpiBook, KpiScope } from './kpi-book';
import { checkLocalDate, checkPositiveInteger, monthsBefore } from './kpi-calendar';

/** The four totals of the collection effectiveness index, in minor units. */
export interface CeiTotals {
  readonly openingArMinor: number;
  readonly salesMinor: number;
  readonly closingArMinor: number;
  /** Closing AR that is not yet due. */
  readonly closingCurrentArMinor: number;
}

/**
 * Basis of the period sales in the CEI. Sources disagree: some add the period's total sales,
 * others its monthly average (total divided by the number of months).
 */
export type CeiSalesBasis = 'total' | 'monthlyAverage';

export interface CeiOptions {
  /** Length of the period ending on the as-of date, in months. */
  readonly months: number;
  readonly sales?: CeiSalesBasis;
}

/**
 * Computes the CEI from totals: (opening AR + sales - closing AR) / (opening AR + sales -
 * closing current AR), a ratio where 1 means everything collectable was collected. Returns
 * null when the denominator is 0.
 */
export function ceiFromTotals(totals: CeiTotals): number | null {
  const collectable = totals.openingArMinor + totals.salesMinor;
  const denominator = collectable - totals.closingCurrentArMinor;
  if (denominator === 0) return null;
  return (collectable - totals.closingArMinor) / denominator;
}

/**
 * Computes the collection effectiveness index of the `months` months ending on `asOf`.
 * Opening AR is the AR at the end of the day the period starts after.
 */
export function cei(
  book: KpiBook,
  asOf: string,
  options: CeiOptions,
  scope: KpiScope = {},
): number | null {
  return ceiFromTotals(ceiTotals(book, asOf, options, scope));
}

/** Computes the totals that {@link cei} divides, so a dashboard can show them. */
export function ceiTotals(
  book: KpiBook,
  asOf: string,
  options: CeiOptions,
  scope: KpiScope = {},
): CeiTotals {
  checkLocalDate('asOf', asOf);
  checkPositiveInteger('months', options.months);
  const start = monthsBefore(asOf, options.months);
  const closing = positionsOn(book, asOf, scope);
  const current = closing.filter(({ invoice }) => invoice.dueDate >= asOf);
  const sales = invoicedBetween(book, start, asOf, scope);

  return {
    openingArMinor: sumOpen(positionsOn(book, start, scope)).amountMinor,
    salesMinor: options.sales === 'monthlyAverage' ? sales / options.months : sales,
    closingArMinor: sumOpen(closing).amountMinor,
    closingCurrentArMinor: sumOpen(current).amountMinor,
  };
}
