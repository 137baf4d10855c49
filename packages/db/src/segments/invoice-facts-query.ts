import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DatabaseSchema } from '../database-schema';
import { invoicePositionsOn } from '../queries/invoice-positions';
import { minorUnitValue } from './currency-scale';

/** The facts of INVOICE_FACTS that can be null in {@link invoiceFactsOn}: customer fields. */
export const NULLABLE_FACTS: ReadonlySet<string> = new Set(['countryCode', 'channel', 'language']);

/**
 * Selects the open invoices on `asOf` (issued by then, open amount above 0) with one column
 * per fact of INVOICE_FACTS, named after the fact, as computeFacts of `@dunflow/engine`
 * defines them, plus `id`, `currency` and `open_minor`:
 * - amounts are NUMERIC in major units of the invoice's currency, exact to the minor unit;
 * - `customerOpenAmount` sums the open amounts of every invoice of the customer issued by
 *   `asOf`, and `customerOverdueCount` counts those that are open and past due;
 * - `remindersSent` counts the invoice's `email.sent` events up to the end of `asOf` in UTC;
 * - `brokenPromises` counts its promises marked broken whose promised date is before `asOf`.
 */
export function invoiceFactsOn(db: Kysely<DatabaseSchema>, asOf: string) {
  return db
    .with('position', () => invoicePositionsOn(db, asOf))
    .with('customer_total', (query) =>
      query
        .selectFrom('position')
        .select([
          'customer_id',
          sql<number>`sum(open_minor)`.as('open_minor'),
          sql<number>`count(*) filter (where open_minor > 0 and days_past_due > 0)`.as(
            'overdue_count',
          ),
        ])
        .groupBy('customer_id'),
    )
    .with('reminder', (query) =>
      query
        .selectFrom('dunning_events')
        .select(['invoice_id', sql<number>`count(*)`.as('sent')])
        .where('type', '=', 'email.sent')
        .where('occurred_at', '<', sql<string>`(${asOf}::date + 1)::timestamp at time zone 'UTC'`)
        .groupBy('invoice_id'),
    )
    .with('broken_promise', (query) =>
      query
        .selectFrom('promises')
        .select(['invoice_id', sql<number>`count(*)`.as('broken')])
        .where('status', '=', 'broken')
        .where('promised_date', '<', sql<string>`${asOf}::date`)
        .groupBy('invoice_id'),
    )
    .selectFrom('position as p')
    .innerJoin('customer_total as t', 't.customer_id', 'p.customer_id')
    .leftJoin('customers as c', 'c.id', 'p.customer_id')
    .leftJoin('reminder as r', 'r.invoice_id', 'p.id')
    .leftJoin('broken_promise as b', 'b.invoice_id', 'p.id')
    .select((eb) => {
      const unit = minorUnitValue(eb.ref('p.currency'));
      return [
        'p.id',
        'p.open_minor',
        sql<string>`p.amount_minor * ${unit}`.as('amount'),
        sql<string>`p.open_minor * ${unit}`.as('openAmount'),
        'p.currency as currency',
        'p.issue_date as issueDate',
        'p.due_date as dueDate',
        'p.days_past_due as daysPastDue',
        'p.disputed as disputed',
        'p.customer_id as customerId',
        'c.country_code as countryCode',
        'c.channel as channel',
        'c.language as language',
        sql<string>`t.open_minor * ${unit}`.as('customerOpenAmount'),
        't.overdue_count as customerOverdueCount',
        sql<number>`coalesce(r.sent, 0)`.as('remindersSent'),
        sql<number>`coalesce(b.broken, 0)`.as('brokenPromises'),
      ];
    })
    .where('p.open_minor', '>', 0);
}
