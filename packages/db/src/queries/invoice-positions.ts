import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DatabaseSchema } from '../database-schema';

/** Restricts a query to part of the book; amounts of different currencies do not add up. */
export interface BookScope {
  currency?: string;
  /** Only the invoices of this customer. */
  customerId?: string;
}

/**
 * Selects the invoices in `scope` issued on or before `asOf`, for use as a subquery.
 * `paid_minor` is the sum of the payments received by the end of `asOf`. `open_minor` is the
 * open amount then: 0 from the settled date on, else the amount minus `paid_minor`, never
 * below 0. `days_past_due` is `asOf` minus the due date.
 */
export function invoicePositionsOn(
  db: Kysely<DatabaseSchema>,
  asOf: string,
  scope: BookScope = {},
) {
  const paid = db
    .selectFrom('payments')
    .select((eb) => ['invoice_id', eb.fn.sum<number>('amount_minor').as('paid_minor')])
    .where('received_on', '<=', asOf)
    .groupBy('invoice_id');

  return db
    .selectFrom('invoices as i')
    .leftJoin(paid.as('p'), 'p.invoice_id', 'i.id')
    .select([
      'i.id',
      'i.customer_id',
      'i.issue_date',
      'i.due_date',
      'i.amount_minor',
      'i.currency',
      'i.disputed',
      'i.settled_date',
      sql<number>`coalesce(p.paid_minor, 0)`.as('paid_minor'),
      sql<number>`case when i.settled_date <= ${asOf}::date then 0
        else greatest(i.amount_minor - coalesce(p.paid_minor, 0), 0) end`.as('open_minor'),
      sql<number>`${asOf}::date - i.due_date`.as('days_past_due'),
    ])
    .where('i.issue_date', '<=', asOf)
    .$if(scope.currency !== undefined, (query) =>
      query.where('i.currency', '=', scope.currency ?? ''),
    )
    .$if(scope.customerId !== undefined, (query) =>
      query.where('i.customer_id', '=', scope.customerId ?? ''),
    );
}
