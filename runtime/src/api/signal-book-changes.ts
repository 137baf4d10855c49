import { listWorkflowRuns, openAmountsOn, type Database } from '@dunflow/db';
import type { LocalDate } from '@dunflow/model';
import { paymentSignal } from '../workflows/signals';
import type { ApiDependencies } from './api-dependencies';
import { signalWorkflow } from './signal-workflow';

/** Open amounts of the invoices whose dunning run is active, by invoice id. */
export async function activeRunOpenAmounts(
  db: Database,
  today: LocalDate,
): Promise<Map<string, number>> {
  const runs = await listWorkflowRuns(db);
  const invoiceIds = runs
    .filter((run) => run.status === 'running' || run.status === 'paused')
    .map((run) => run.invoiceId);
  if (invoiceIds.length === 0) return new Map();
  const positions = await openAmountsOn(db, today, { invoiceIds });
  return new Map(positions.map((position) => [position.invoiceId, position.openAmountMinor]));
}

/**
 * Tells running workflows what an import changed: when a book marks an invoice settled or
 * adds payments to it, its run gets a payment signal for the drop in open amount, so a
 * customer who paid is not reminded again. The payment id names the change, so importing
 * the same book twice signals once. Returns the invoices signalled.
 */
export async function signalBookChanges(
  deps: Pick<ApiDependencies, 'db' | 'client' | 'logger'>,
  before: ReadonlyMap<string, number>,
  today: LocalDate,
): Promise<string[]> {
  const after = await activeRunOpenAmounts(deps.db, today);
  const signalled: string[] = [];
  for (const [invoiceId, openBefore] of before) {
    const openAfter = after.get(invoiceId);
    if (openAfter === undefined || openAfter >= openBefore) continue;
    const payment = {
      paymentId: `import:${invoiceId}:${String(openBefore)}-${String(openAfter)}`,
      amountMinor: openBefore - openAfter,
    };
    const sent = await signalWorkflow(deps, invoiceId, 'payment', (handle) =>
      handle.signal(paymentSignal, payment),
    );
    if (sent) signalled.push(invoiceId);
  }
  return signalled;
}
