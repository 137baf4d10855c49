import { sql } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';

/** When an invoice was settled, and how long that took. */
export interface Settlement {
  invoiceId: string;
  /** Undefined while the invoice is unpaid; so are the two day counts. */
  settlementDate?: string;
  /** Settlement date minus issue date. */
  daysToSettle?: number;
  /** Settlement date minus due date, or 0 when settled by the due date. */
  daysLate?: number;
}

/**
 * Lists the settlement of every invoice, ordered by id. An invoice is settled on its settled
 * date or on the day its payments first add up to its amount, whichever is earlier. An
 * invoice of amount 0 is settled when issued.
 */
export async function listSettlements(db: Queryable): Promise<Settlement[]> {
  const kysely = kyselyOf(db);
  const settled = kysely
    .with('running', (qb) =>
      qb.selectFrom('payments').select((eb) => [
        'invoice_id',
        'received_on',
        // The default window frame includes the other payments of the same day.
        eb.fn
          .sum<number>('amount_minor')
          .over((over) => over.partitionBy('invoice_id').orderBy('received_on'))
          .as('paid_minor'),
      ]),
    )
    .selectFrom('invoices as i')
    .select([
      'i.id',
      'i.issue_date',
      'i.due_date',
      sql<string | null>`least(i.settled_date, case when i.amount_minor = 0 then i.issue_date
        else (select min(r.received_on) from running r
          where r.invoice_id = i.id and r.paid_minor >= i.amount_minor) end)`.as('settled_on'),
    ]);

  const rows = await kysely
    .selectFrom(settled.as('s'))
    .select([
      'id',
      'settled_on',
      sql<number | null>`settled_on - issue_date`.as('days_to_settle'),
      sql<number | null>`greatest(0, settled_on - due_date)`.as('days_late'),
    ])
    .orderBy('id')
    .execute();
  return rows.map(toSettlement);
}

function toSettlement(row: {
  id: string;
  settled_on: string | null;
  days_to_settle: number | null;
  days_late: number | null;
}): Settlement {
  if (row.settled_on === null || row.days_to_settle === null || row.days_late === null) {
    return { invoiceId: row.id };
  }
  return {
    invoiceId: row.id,
    settlementDate: row.settled_on,
    daysToSettle: row.days_to_settle,
    daysLate: row.days_late,
  };
}
