import { positionsOn, sumOpen } from './book-positions';
import type { AmountCount, KpiBook, KpiScope } from './kpi-book';
import { checkLocalDate } from './kpi-calendar';

/**
 * Accounts receivable at the end of `asOf`: the open amount and count of the invoices issued
 * on or before it and not settled by then. Disputed invoices are included.
 */
export function openAr(book: KpiBook, asOf: string, scope: KpiScope = {}): AmountCount {
  checkLocalDate('asOf', asOf);
  return sumOpen(positionsOn(book, asOf, scope));
}
