import { createPromise, listPromises, updatePromiseStatus, type Database } from '@dunflow/db';
import type { RecordedEvent } from './dunning-activities';

/**
 * Keeps the promises table in step with the run's promise events, so the promise-kept rate
 * can be computed in SQL. Other events are left alone.
 */
export async function mirrorPromise(
  db: Database,
  invoiceId: string,
  workflowId: string,
  event: RecordedEvent,
): Promise<void> {
  const promisedDate = event.data['promisedDate'];
  if (typeof promisedDate !== 'string') return;
  if (event.type === 'promise.made') {
    await createPromise(db, {
      idempotencyKey: `${workflowId}:${event.at}:${promisedDate}`,
      invoiceId,
      promisedDate,
    });
    return;
  }
  if (event.type !== 'promise.kept' && event.type !== 'promise.broken') return;
  const open = await listPromises(db, { invoiceId, status: 'open' });
  const promise = open.find((candidate) => candidate.promisedDate === promisedDate);
  if (promise === undefined) return;
  await updatePromiseStatus(db, promise.id, event.type === 'promise.kept' ? 'kept' : 'broken');
}
