import { kyselyOf, type Database } from '@dunflow/db';
import type { LocalDate } from '@dunflow/model';
import { ApiError } from './api-error';

/** The currency KPIs are computed in when the request names none and the book has no invoice. */
const EMPTY_BOOK_CURRENCY = 'EUR';

/**
 * Picks the currency of a KPI request: the one asked for, else the only currency of the
 * invoices issued by `asOf`. Amounts in different currencies do not add up, so a book with
 * several currencies needs the request to pick one.
 */
export async function kpiCurrency(
  db: Database,
  asOf: LocalDate,
  requested: string | undefined,
): Promise<string> {
  if (requested !== undefined) return requested;
  const rows = await kyselyOf(db)
    .selectFrom('invoices')
    .select('currency')
    .distinct()
    .where('issue_date', '<=', asOf)
    .orderBy('currency')
    .execute();
  const currencies = rows.map((row) => row.currency);
  if (currencies.length <= 1) return currencies[0] ?? EMPTY_BOOK_CURRENCY;
  const listed = `${currencies.slice(0, -1).join(', ')} and ${currencies.at(-1) ?? ''}`;
  const problem = `the book has invoices in ${listed}, whose amounts do not add up`;
  const fix = `pick one with ?currency=${currencies[0] ?? ''}`;
  throw new ApiError(400, 'currencyRequired', `${problem}; ${fix}`, {
    fix,
    issues: [{ path: 'currency', message: problem }],
  });
}
