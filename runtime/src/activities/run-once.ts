import { ApplicationFailure } from '@temporalio/common';
import {
  claimOutbox,
  completeOutbox,
  releaseOutbox,
  type Database,
  type OutboxKind,
} from '@dunflow/db';
import type { ActionResult, IdempotentTarget } from './dunning-activities';

/** A claim older than this is presumed to belong to a crashed attempt and is taken over. */
const TAKE_OVER_AFTER_MS = 5 * 60_000;

/**
 * Performs a side effect once per idempotency key, however often Temporal retries the
 * activity: a completed key returns the stored result, a key another attempt holds is retried
 * later, and a failed attempt releases the key so the next one can claim it.
 */
export async function runOnce(
  db: Database,
  target: IdempotentTarget,
  kind: OutboxKind,
  effect: () => Promise<ActionResult>,
): Promise<ActionResult> {
  const claim = await claimOutbox(db, {
    idempotencyKey: target.idempotencyKey,
    invoiceId: target.invoiceId,
    nodeId: target.nodeId,
    kind,
    takeOverAfterMs: TAKE_OVER_AFTER_MS,
  });
  if (!claim.claimed) {
    if (claim.status === 'completed') return claim.result as ActionResult;
    throw ApplicationFailure.retryable(
      `action '${target.idempotencyKey}' is being carried out by another attempt; retrying later`,
      'ActionInProgress',
    );
  }
  let result: ActionResult;
  try {
    result = await effect();
  } catch (error) {
    await releaseOutbox(db, target.idempotencyKey);
    throw error;
  }
  await completeOutbox(db, target.idempotencyKey, result);
  return result;
}
