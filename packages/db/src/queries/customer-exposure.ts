import { sql } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { checkLocalDate } from '../local-date';
import { invoicePositionsOn } from './invoice-positions';

/** The amount a customer owes on a date, over all of its invoices. */
export interface CustomerExposure {
  /** Open amount of the customer's invoices, in minor units of any currency. */
  openAmountMinor: number;
  /** The customer's open invoices whose due date is before the date. */
  overdueCount: number;
}

/**
 * Sums a customer's open invoices on `asOf` in one query, whatever their number, for the
 * `customerOpenAmount` and `customerOverdueCount` facts.
 */
export async function customerExposure(
  db: Queryable,
  customerId: string,
  asOf: string,
): Promise<CustomerExposure> {
  checkLocalDate('asOf', asOf);
  const kysely = kyselyOf(db);
  const row = await kysely
    .selectFrom(invoicePositionsOn(kysely, asOf, { customerId }).as('position'))
    .select([
      sql<string>`coalesce(sum(open_minor) filter (where open_minor > 0), 0)`.as('open'),
      sql<string>`count(*) filter (where open_minor > 0 and due_date < ${asOf}::date)`.as(
        'overdue',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { openAmountMinor: Number(row.open), overdueCount: Number(row.overdue) };
}
