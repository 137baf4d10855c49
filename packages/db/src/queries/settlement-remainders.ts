import type { Kysely } from 'kysely';
import { settlementPaymentId, type Payment } from '@dunflow/model';
import type { DatabaseSchema } from '../database-schema';

/** Invoices per query: well below PostgreSQL's limit of 65,535 parameters. */
const CHUNK = 1_000;

/** Tells whether `payment` is the settlement an importer derived from a settled date. */
export function isSettlementPayment(payment: Payment): boolean {
  return payment.id === settlementPaymentId(payment.invoiceId);
}

/**
 * Lowers each settlement payment to what its invoice's other stored payments leave unpaid, so
 * that a partial payment recorded before the ERP marked the invoice settled is not counted
 * twice. Settlements with nothing left are returned apart, to be removed if stored.
 */
export async function settlementRemainders(
  trx: Kysely<DatabaseSchema>,
  settlements: readonly Payment[],
): Promise<{ remainders: Payment[]; covered: Payment[] }> {
  const paidElsewhere = await otherPayments(trx, settlements);
  const remainders: Payment[] = [];
  const covered: Payment[] = [];
  for (const settlement of settlements) {
    const left = settlement.amountMinor - (paidElsewhere.get(settlement.invoiceId) ?? 0);
    if (left > 0) remainders.push({ ...settlement, amountMinor: left });
    else covered.push(settlement);
  }
  return { remainders, covered };
}

async function otherPayments(
  trx: Kysely<DatabaseSchema>,
  settlements: readonly Payment[],
): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  for (let start = 0; start < settlements.length; start += CHUNK) {
    const chunk = settlements.slice(start, start + CHUNK);
    const rows = await trx
      .selectFrom('payments')
      .select((eb) => ['invoice_id', eb.fn.sum<string>('amount_minor').as('paid')])
      .where(
        'invoice_id',
        'in',
        chunk.map((payment) => payment.invoiceId),
      )
      .where(
        'id',
        'not in',
        chunk.map((payment) => payment.id),
      )
      .groupBy('invoice_id')
      .execute();
    for (const row of rows) sums.set(row.invoice_id, Number(row.paid));
  }
  return sums;
}
