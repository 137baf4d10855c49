import type { Payment } from '@dunflow/model';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import type { PaymentSource } from '../database-schema';
import { ConflictError } from '../errors';
import type { StoredPayment } from './book-rows';
import { paymentToRow, rowToPayment } from './book-rows';

export interface RecordedPayment {
  payment: StoredPayment;
  /** False when a payment with this id was already recorded. */
  created: boolean;
}

/**
 * Records a payment once: a second call with the same id returns the stored payment. A reused
 * id with a different invoice, amount or date raises a {@link ConflictError}, since two
 * payments must not share an id.
 */
export async function recordPayment(
  db: Queryable,
  payment: Payment & { source: PaymentSource },
): Promise<RecordedPayment> {
  const kysely = kyselyOf(db);
  const inserted = await kysely
    .insertInto('payments')
    .values(paymentToRow(payment, payment.source))
    .onConflict((conflict) => conflict.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { payment: rowToPayment(inserted), created: true };

  const stored = rowToPayment(
    await kysely
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', payment.id)
      .executeTakeFirstOrThrow(),
  );
  if (!isSamePayment(stored, payment)) {
    throw new ConflictError(
      'payments',
      payment.id,
      stored,
      payment,
      `payment '${payment.id}' is already recorded as ${describe(stored)}, ` +
        `not ${describe(payment)}; give a different payment its own id`,
    );
  }
  return { payment: stored, created: false };
}

/** Lists the payments of an invoice, oldest first. */
export async function listPayments(db: Queryable, invoiceId: string): Promise<StoredPayment[]> {
  const rows = await kyselyOf(db)
    .selectFrom('payments')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
  return rows.map(rowToPayment);
}

function isSamePayment(stored: Payment, requested: Payment): boolean {
  return (
    stored.invoiceId === requested.invoiceId &&
    stored.amountMinor === requested.amountMinor &&
    stored.receivedOn === requested.receivedOn
  );
}

function describe(payment: Payment): string {
  const { amountMinor, receivedOn, invoiceId } = payment;
  return `${amountMinor} minor units on ${receivedOn} for invoice '${invoiceId}'`;
}
