import type { Selectable } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import type { DunningEventsTable } from '../database-schema';

/** An entry to append to an invoice's dunning history. */
export interface NewDunningEvent {
  invoiceId: string;
  workflowId?: string;
  /** Kind of event, e.g. `email.sent`, `payment.received` or `node.skipped`. */
  type: string;
  nodeId?: string;
  /** ISO 8601 instant, e.g. `2026-03-31T09:00:00Z`. */
  occurredAt: string;
  data?: Record<string, unknown>;
  /**
   * Set by writers that may retry (an at-least-once activity): a second append with the same
   * key stores nothing and returns the first event.
   */
  idempotencyKey?: string;
}

/** A stored dunning event; `id` increases in the order of appending. */
export interface DunningEvent {
  id: number;
  invoiceId: string;
  workflowId?: string;
  type: string;
  nodeId?: string;
  occurredAt: string;
  data: Record<string, unknown>;
  idempotencyKey?: string;
}

/** Appends an event to the append-only history and returns it as stored. */
export async function appendEvent(db: Queryable, event: NewDunningEvent): Promise<DunningEvent> {
  const kysely = kyselyOf(db);
  const inserted = await kysely
    .insertInto('dunning_events')
    .values({
      invoice_id: event.invoiceId,
      workflow_id: event.workflowId ?? null,
      type: event.type,
      node_id: event.nodeId ?? null,
      occurred_at: event.occurredAt,
      data: JSON.stringify(event.data ?? {}),
      idempotency_key: event.idempotencyKey ?? null,
    })
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return rowToEvent(inserted);

  // Only a reused idempotency key makes the insert store nothing.
  const stored = await kysely
    .selectFrom('dunning_events')
    .selectAll()
    .where('idempotency_key', '=', event.idempotencyKey ?? '')
    .executeTakeFirstOrThrow();
  return rowToEvent(stored);
}

/** Lists the history of an invoice, oldest first, with ties in the order of appending. */
export async function listEvents(db: Queryable, invoiceId: string): Promise<DunningEvent[]> {
  const rows = await kyselyOf(db)
    .selectFrom('dunning_events')
    .selectAll()
    .where('invoice_id', '=', invoiceId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return rows.map(rowToEvent);
}

function rowToEvent(row: Selectable<DunningEventsTable>): DunningEvent {
  const event: DunningEvent = {
    id: row.id,
    invoiceId: row.invoice_id,
    type: row.type,
    occurredAt: row.occurred_at,
    data: row.data,
  };
  if (row.workflow_id !== null) event.workflowId = row.workflow_id;
  if (row.node_id !== null) event.nodeId = row.node_id;
  if (row.idempotency_key !== null) event.idempotencyKey = row.idempotency_key;
  return event;
}
