import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DatabaseSchema } from '../database-schema';
import { minorUnitsPerMajor } from './currency-scale';

const MS_PER_DAY = 86_400_000;

/**
 * Selects the open invoices on `asOf` (issued by then, open amount above 0), with `id`,
 * `open_minor` (the open amount in minor units) and one column per fact of INVOICE_FACTS.
 * Each fact column is named after the fact and computed as computeFacts of `@dunflow/engine`
 * computes it:
 * - amounts are float8 major units of the invoice's currency, the same doubles as
 *   toMajorUnits returns, and every other number fact is a float8 too;
 * - the open amount is 0 from the settled date on, else the amount minus the payments
 *   received by `asOf`, never below 0;
 * - `customerOpenAmount` sums the open amounts of every invoice of the customer issued by
 *   `asOf`, and `customerOverdueCount` counts those open and past due;
 * - `remindersSent` counts the invoice's `email.sent` events before the end of `asOf` in UTC;
 * - `brokenPromises` counts its promises marked broken whose promised date is before `asOf`;
 * - the customer's fields are NULL when it has none.
 */
export function invoiceFactsOn(db: Kysely<DatabaseSchema>, asOf: string) {
  const endOfDay = new Date(Date.parse(`${asOf}T00:00:00Z`) + MS_PER_DAY).toISOString();
  return db
    .with('position', () => unsettledPositionsOn(db, asOf))
    .with('customer_total', (query) =>
      query
        .selectFrom('position')
        .select([
          'customer_id',
          sql<number>`sum(open_minor)`.as('open_minor'),
          sql<number>`count(*) filter (where due_date < ${asOf}::date)`.as('overdue_count'),
        ])
        .where('open_minor', '>', 0)
        .groupBy('customer_id'),
    )
    .with('broken_promise', (query) =>
      // Broken promises are few, so one pass over them and a hash join beat a lookup per invoice.
      query
        .selectFrom('promises')
        .select(['invoice_id', sql<number>`count(*)`.as('broken')])
        .where(sql<boolean>`status = 'broken'`)
        .where('promised_date', '<', asOf)
        .groupBy('invoice_id'),
    )
    .selectFrom('position as p')
    .innerJoin('customer_total as t', 't.customer_id', 'p.customer_id')
    .leftJoin('customers as c', 'c.id', 'p.customer_id')
    .leftJoin('broken_promise as b', 'b.invoice_id', 'p.id')
    .select([
      'p.id',
      'p.open_minor',
      sql<number>`p.amount_minor::float8 / p.minor_per_major`.as('amount'),
      sql<number>`p.open_minor::float8 / p.minor_per_major`.as('openAmount'),
      'p.currency as currency',
      'p.issue_date as issueDate',
      'p.due_date as dueDate',
      sql<number>`(${asOf}::date - p.due_date)::float8`.as('daysPastDue'),
      'p.disputed as disputed',
      'p.customer_id as customerId',
      'c.country_code as countryCode',
      'c.channel as channel',
      'c.language as language',
      // NOTE: like the runtime and the simulator, this adds the minor units of every currency of
      // the customer and scales the sum by the invoice's currency, so mixed currencies mix units.
      sql<number>`t.open_minor::float8 / p.minor_per_major`.as('customerOpenAmount'),
      sql<number>`t.overdue_count::float8`.as('customerOverdueCount'),
      sql<number>`(select count(*) from dunning_events e
        where e.invoice_id = p.id and e.type = 'email.sent'
          and e.occurred_at < ${endOfDay}::timestamptz)::float8`.as('remindersSent'),
      sql<number>`coalesce(b.broken, 0)::float8`.as('brokenPromises'),
    ])
    .where('p.open_minor', '>', 0);
}

/**
 * Selects the invoices issued by `asOf` and not settled by then, with their open amount in
 * minor units. Invoices settled by `asOf` are left out before their payments are summed,
 * because their open amount is 0 and adds nothing to customer totals. The filter on
 * `coalesce(settled_date, 'infinity')` is the expression of the index invoices_open_until.
 */
function unsettledPositionsOn(db: Kysely<DatabaseSchema>, asOf: string) {
  return db
    .selectFrom('invoices as i')
    .select((eb) => [
      'i.id',
      'i.customer_id',
      'i.issue_date',
      'i.due_date',
      'i.amount_minor',
      'i.currency',
      'i.disputed',
      minorUnitsPerMajor(eb.ref('i.currency')).as('minor_per_major'),
      sql<number>`greatest(i.amount_minor - coalesce((select sum(pay.amount_minor)::bigint
        from payments pay
        where pay.invoice_id = i.id and pay.received_on <= ${asOf}::date), 0), 0)`.as('open_minor'),
    ])
    .where('i.issue_date', '<=', asOf)
    .where(sql<string>`coalesce(i.settled_date, 'infinity'::date)`, '>', asOf);
}
