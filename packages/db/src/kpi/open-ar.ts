import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { checkLocalDate } from '../local-date';
import type { BookScope } from '../queries/invoice-positions';
import { invoicePositionsOn } from '../queries/invoice-positions';
import type { AmountCount } from './kpi-types';

/**
 * Accounts receivable at the end of `asOf`: the open amount and count of the invoices issued
 * on or before it and not settled by then. Disputed invoices are included.
 */
export async function openAr(
  db: Queryable,
  asOf: string,
  scope: BookScope = {},
): Promise<AmountCount> {
  checkLocalDate('asOf', asOf);
  const kysely = kyselyOf(db);
  const row = await kysely
    .selectFrom(invoicePositionsOn(kysely, asOf, scope).as('position'))
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('open_minor'), eb.lit(0)).as('amountMinor'),
      eb.fn.countAll<number>().as('count'),
    ])
    .where('open_minor', '>', 0)
    .executeTakeFirstOrThrow();
  return { amountMinor: row.amountMinor, count: row.count };
}
