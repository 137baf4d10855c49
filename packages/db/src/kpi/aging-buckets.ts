import { sql } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { checkLocalDate } from '../local-date';
import type { BookScope } from '../queries/invoice-positions';
import { invoicePositionsOn } from '../queries/invoice-positions';
import type { AgingBucket, AgingBuckets } from './kpi-types';
import { AGING_BUCKETS } from './kpi-types';

/**
 * Spreads the open amount on `asOf` over the aging buckets by days past due on that date
 * (`asOf` minus the due date; 0 or less is not due). On 31 March an invoice due 1 March is
 * 30 days past due, one due 28 February is 31.
 */
export async function agingBuckets(
  db: Queryable,
  asOf: string,
  scope: BookScope = {},
): Promise<AgingBuckets> {
  checkLocalDate('asOf', asOf);
  const kysely = kyselyOf(db);
  const bucket = sql<AgingBucket>`case
    when days_past_due <= 0 then 'notDue'
    when days_past_due <= 30 then 'pastDue1To30'
    when days_past_due <= 60 then 'pastDue31To60'
    when days_past_due <= 90 then 'pastDue61To90'
    else 'pastDueOver90' end`;

  const rows = await kysely
    .selectFrom(invoicePositionsOn(kysely, asOf, scope).as('position'))
    .select((eb) => [
      bucket.as('bucket'),
      eb.fn.sum<number>('open_minor').as('amountMinor'),
      eb.fn.countAll<number>().as('count'),
    ])
    .where('open_minor', '>', 0)
    .groupBy(sql`1`)
    .execute();

  const buckets = emptyAgingBuckets();
  for (const row of rows) buckets[row.bucket] = { amountMinor: row.amountMinor, count: row.count };
  return buckets;
}

function emptyAgingBuckets(): AgingBuckets {
  const entries = AGING_BUCKETS.map((name) => [name, { amountMinor: 0, count: 0 }] as const);
  return Object.fromEntries(entries) as AgingBuckets;
}
