import { bestPossibleDso } from './best-possible-dso';
import type { KpiBook, KpiScope } from './kpi-book';
import { standardDso } from './standard-dso';

/**
 * Average days delinquent over the `days` days ending on `asOf`: standard DSO minus best
 * possible DSO, so the days that overdue invoices add. Null when nothing was invoiced.
 */
export function averageDaysDelinquent(
  book: KpiBook,
  asOf: string,
  days: number,
  scope: KpiScope = {},
): number | null {
  const dso = standardDso(book, asOf, days, scope);
  const best = bestPossibleDso(book, asOf, days, scope);
  if (dso === null || best === null) return null;
  return dso - best;
}
