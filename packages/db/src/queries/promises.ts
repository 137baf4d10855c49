import type { Selectable } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import type { PromiseStatus, PromisesTable } from '../database-schema';
import { NotFoundError } from '../errors';

export interface NewPromiseToPay {
  /** Derived from the promise-to-pay signal, so a redelivered signal stores one promise. */
  idempotencyKey: string;
  invoiceId: string;
  /** `YYYY-MM-DD`: the date the debtor promised to pay in full by. */
  promisedDate: string;
}

/** A debtor's promise to pay an invoice. */
export interface PromiseToPayRecord extends NewPromiseToPay {
  id: number;
  status: PromiseStatus;
  createdAt: string;
}

/** Records a promise once per idempotency key; a repeated key returns the stored promise. */
export async function createPromise(
  db: Queryable,
  promise: NewPromiseToPay,
): Promise<{ promise: PromiseToPayRecord; created: boolean }> {
  const kysely = kyselyOf(db);
  const inserted = await kysely
    .insertInto('promises')
    .values({
      idempotency_key: promise.idempotencyKey,
      invoice_id: promise.invoiceId,
      promised_date: promise.promisedDate,
    })
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { promise: rowToPromise(inserted), created: true };

  const stored = await kysely
    .selectFrom('promises')
    .selectAll()
    .where('idempotency_key', '=', promise.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { promise: rowToPromise(stored), created: false };
}

/** Promises by promised date, filtered by invoice and status when given. */
export async function listPromises(
  db: Queryable,
  filter: { invoiceId?: string; status?: PromiseStatus } = {},
): Promise<PromiseToPayRecord[]> {
  const { invoiceId, status } = filter;
  const rows = await kyselyOf(db)
    .selectFrom('promises')
    .selectAll()
    .$if(invoiceId !== undefined, (query) => query.where('invoice_id', '=', invoiceId ?? ''))
    .$if(status !== undefined, (query) => query.where('status', '=', status ?? 'open'))
    .orderBy('promised_date')
    .orderBy('id')
    .execute();
  return rows.map(rowToPromise);
}

/** Marks a promise kept or broken (or open again). */
export async function updatePromiseStatus(
  db: Queryable,
  id: number,
  status: PromiseStatus,
): Promise<PromiseToPayRecord> {
  const row = await kyselyOf(db)
    .updateTable('promises')
    .set({ status })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    throw new NotFoundError(
      'promises',
      String(id),
      `promise ${id} not found; list promises for its id`,
    );
  }
  return rowToPromise(row);
}

function rowToPromise(row: Selectable<PromisesTable>): PromiseToPayRecord {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    invoiceId: row.invoice_id,
    promisedDate: row.promised_date,
    status: row.status,
    createdAt: row.created_at,
  };
}
