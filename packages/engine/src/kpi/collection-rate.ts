import { positionsOn } from './book-positions';
import type { KpiBook, KpiScope } from './kpi-book';
import { checkLocalDate, monthBounds } from './kpi-calendar';

/** The collection rate of a month, with the totals it divides. */
export interface CollectionRate {
  /** Part of `dueMinor` settled by the month's last day (or by the as-of date, if earlier). */
  collectedMinor: number;
  /** Amount of the invoices due in the month. */
  dueMinor: number;
  /** `collectedMinor / dueMinor`, between 0 and 1; null when nothing was due. */
  rate: number | null;
}

/**
 * Computes the collection rate of `month` (`YYYY-MM`) as known on `asOf`: the amount of the
 * invoices due in that month that was settled by its last day, divided by the amount due in
 * it. When `asOf` is before the month's end, both sides stop at `asOf`: only invoices issued
 * by then count, and only what was settled by then is collected.
 */
export function collectionRate(
  book: KpiBook,
  asOf: string,
  month: string,
  scope: KpiScope = {},
): CollectionRate {
  checkLocalDate('asOf', asOf);
  const { first, last } = monthBounds(month);
  const cutoff = asOf < last ? asOf : last;

  let collectedMinor = 0;
  let dueMinor = 0;
  for (const { invoice, openMinor } of positionsOn(book, cutoff, scope)) {
    if (invoice.dueDate < first || invoice.dueDate > last) continue;
    dueMinor += invoice.amountMinor;
    collectedMinor += invoice.amountMinor - openMinor;
  }
  return { collectedMinor, dueMinor, rate: dueMinor === 0 ? null : collectedMinor / dueMinor };
}
