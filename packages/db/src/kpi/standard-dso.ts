import { sql } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { checkInteger, checkLocalDate } from '../local-date';
import type { BookScope } from '../queries/invoice-positions';
import { invoicePositionsOn } from '../queries/invoice-positions';

/** Upper bound of the DSO period, ten years, which keeps the date arithmetic in range. */
const MAX_DAYS = 3660;

/**
 * Standard DSO over the `days` days ending on `asOf`: the open amount on `asOf` divided by the
 * amount invoiced in those days, times `days`. Null, not infinity, when nothing was invoiced.
 */
export async function standardDso(
  db: Queryable,
  asOf: string,
  days: number,
  scope: BookScope = {},
): Promise<number | null> {
  checkLocalDate('asOf', asOf);
  checkInteger('days', days, 1, MAX_DAYS);
  const kysely = kyselyOf(db);

  const row = await kysely
    .selectNoFrom((eb) => [
      eb
        .selectFrom(invoicePositionsOn(kysely, asOf, scope).as('position'))
        .select((inner) =>
          inner.fn.coalesce(inner.fn.sum<number>('open_minor'), inner.lit(0)).as('ar'),
        )
        .as('arMinor'),
      eb
        .selectFrom('invoices')
        .select((inner) =>
          inner.fn.coalesce(inner.fn.sum<number>('amount_minor'), inner.lit(0)).as('sales'),
        )
        .where(sql<boolean>`issue_date > ${asOf}::date - ${days}::integer`)
        .where('issue_date', '<=', asOf)
        .$if(scope.currency !== undefined, (query) =>
          query.where('currency', '=', scope.currency ?? ''),
        )
        .as('salesMinor'),
    ])
    .executeTakeFirstOrThrow();

  const arMinor = row.arMinor ?? 0;
  const salesMinor = row.salesMinor ?? 0;
  if (salesMinor === 0) return null;
  // The sums come from SQL; the one division is done here in double precision, exactly as
  // the pure KPI in @dunflow/engine does it, so both return the same number.
  return (arMinor * days) / salesMinor;
}
