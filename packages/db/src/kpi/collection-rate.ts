import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { checkLocalDate, monthBounds } from '../local-date';
import type { BookScope } from '../queries/invoice-positions';
import { invoicePositionsOn } from '../queries/invoice-positions';
import type { CollectionRate } from './kpi-types';

/**
 * Computes the collection rate of `month` (`YYYY-MM`) as known on `asOf`: the amount of the
 * invoices due in that month that was settled by its last day, divided by the amount due in
 * it. When `asOf` is before the month's end, both sides stop at `asOf`: only invoices issued
 * by then count, and only what was settled by then is collected.
 */
export async function collectionRate(
  db: Queryable,
  asOf: string,
  month: string,
  scope: BookScope = {},
): Promise<CollectionRate> {
  checkLocalDate('asOf', asOf);
  const { first, last } = monthBounds(month);
  const cutoff = asOf < last ? asOf : last;
  const kysely = kyselyOf(db);

  const row = await kysely
    .selectFrom(invoicePositionsOn(kysely, cutoff, scope).as('position'))
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('dueMinor'),
      eb.fn
        .coalesce(eb.fn.sum<number>(eb('amount_minor', '-', eb.ref('open_minor'))), eb.lit(0))
        .as('collectedMinor'),
    ])
    .where('due_date', '>=', first)
    .where('due_date', '<=', last)
    .executeTakeFirstOrThrow();

  const { dueMinor, collectedMinor } = row;
  return { collectedMinor, dueMinor, rate: dueMinor === 0 ? null : collectedMinor / dueMinor };
}
