import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import type { OutboxKind, OutboxStatus, OutboxTable } from '../database-schema';
import { ConflictError, NotFoundError } from '../errors';

export interface OutboxClaimRequest {
  /** Derived from invoice, node and occurrence, never from the attempt number. */
  idempotencyKey: string;
  invoiceId: string;
  nodeId: string;
  kind: OutboxKind;
  /**
   * Lets this claim take over a pending claim older than this many milliseconds, whose holder
   * is presumed dead. Leave it unset to never take over: a crashed holder's key then stays
   * pending until {@link releaseOutbox} is called.
   */
  takeOverAfterMs?: number;
}

/**
 * The outcome of a claim. `claimed: true`: the caller performs the side effect, then calls
 * {@link completeOutbox}, or {@link releaseOutbox} if it failed. `claimed: false`: another
 * attempt has claimed or completed the key; `result` is its result once completed.
 */
export type OutboxClaim =
  { claimed: true } | { claimed: false; status: OutboxStatus; result?: unknown };

/**
 * Claims an idempotency key so that an at-least-once activity performs its side effect once.
 * Of concurrent claims of one key exactly one wins: the INSERT of the others waits for the
 * winner's row and then inserts nothing. A key reused for another invoice, node or kind
 * raises a {@link ConflictError}.
 */
export async function claimOutbox(
  db: Queryable,
  request: OutboxClaimRequest,
): Promise<OutboxClaim> {
  const kysely = kyselyOf(db);
  const inserted = await kysely
    .insertInto('outbox')
    .values({
      idempotency_key: request.idempotencyKey,
      invoice_id: request.invoiceId,
      node_id: request.nodeId,
      kind: request.kind,
      status: 'pending',
    })
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .returning('idempotency_key')
    .executeTakeFirst();
  if (inserted) return { claimed: true };

  if (request.takeOverAfterMs !== undefined && (await takeOver(db, request))) {
    return { claimed: true };
  }
  const stored = await findEntry(db, request.idempotencyKey);
  // Released between the INSERT and this read: claim again.
  if (!stored) return claimOutbox(db, request);
  checkSameAction(stored, request);
  return stored.status === 'completed'
    ? { claimed: false, status: 'completed', result: stored.result }
    : { claimed: false, status: 'pending' };
}

/**
 * Stores the result of the side effect of a claimed key. Completing a completed key again
 * changes nothing, so a retried completion keeps the first result.
 */
export async function completeOutbox(
  db: Queryable,
  idempotencyKey: string,
  result: unknown,
): Promise<void> {
  const updated = await kyselyOf(db)
    .updateTable('outbox')
    .set({ status: 'completed', result: JSON.stringify(result ?? null), completed_at: sql`now()` })
    .where('idempotency_key', '=', idempotencyKey)
    .where('status', '=', 'pending')
    .returning('idempotency_key')
    .executeTakeFirst();
  if (updated) return;

  const stored = await findEntry(db, idempotencyKey);
  if (!stored) {
    throw new NotFoundError(
      'outbox',
      idempotencyKey,
      `outbox key '${idempotencyKey}' not found; claim it with claimOutbox before completing it`,
    );
  }
}

/**
 * Gives up a pending claim after its side effect failed, so the next attempt can claim the
 * key again. A completed key is kept. Returns whether a claim was released.
 */
export async function releaseOutbox(db: Queryable, idempotencyKey: string): Promise<boolean> {
  const deleted = await kyselyOf(db)
    .deleteFrom('outbox')
    .where('idempotency_key', '=', idempotencyKey)
    .where('status', '=', 'pending')
    .returning('idempotency_key')
    .executeTakeFirst();
  return deleted !== undefined;
}

async function takeOver(db: Queryable, request: OutboxClaimRequest): Promise<boolean> {
  const staleSeconds = (request.takeOverAfterMs ?? 0) / 1000;
  const staleBefore = sql<string>`now() - make_interval(secs => ${staleSeconds})`;
  const updated = await kyselyOf(db)
    .updateTable('outbox')
    .set({ claimed_at: sql`now()` })
    .where('idempotency_key', '=', request.idempotencyKey)
    .where('status', '=', 'pending')
    .where('claimed_at', '<', staleBefore)
    .where('invoice_id', '=', request.invoiceId)
    .where('node_id', '=', request.nodeId)
    .where('kind', '=', request.kind)
    .returning('idempotency_key')
    .executeTakeFirst();
  return updated !== undefined;
}

async function findEntry(
  db: Queryable,
  idempotencyKey: string,
): Promise<Selectable<OutboxTable> | undefined> {
  return kyselyOf(db)
    .selectFrom('outbox')
    .selectAll()
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

function checkSameAction(stored: Selectable<OutboxTable>, request: OutboxClaimRequest): void {
  const same =
    stored.invoice_id === request.invoiceId &&
    stored.node_id === request.nodeId &&
    stored.kind === request.kind;
  if (same) return;
  const storedAction = describeAction(stored.invoice_id, stored.node_id, stored.kind);
  const requestedAction = describeAction(request.invoiceId, request.nodeId, request.kind);
  throw new ConflictError(
    'outbox',
    request.idempotencyKey,
    stored,
    request,
    `outbox key '${request.idempotencyKey}' belongs to the ${storedAction}, ` +
      `not the ${requestedAction}; derive keys from invoice, node and occurrence`,
  );
}

function describeAction(invoiceId: string, nodeId: string, kind: string): string {
  return `${kind} of node '${nodeId}' on invoice '${invoiceId}'`;
}
