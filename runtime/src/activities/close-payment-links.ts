import type { Logger } from 'pino';
import { ConnectorError, type PaymentLinkProvider } from '@dunflow/connectors';
import { appendEvent, listEvents, type Database } from '@dunflow/db';

/** Outcomes after which nothing is left to collect, so no link of the invoice should take money. */
const NOTHING_TO_COLLECT: ReadonlySet<string> = new Set(['paid', 'invoiceCancelled']);
const CLOSING_EVENTS: ReadonlySet<string> = new Set([
  'paymentLink.deactivated',
  'paymentLink.deactivationFailed',
]);

export interface ClosingRun {
  invoiceId: string;
  workflowId: string;
  outcome: string;
}

/**
 * Deactivates the payment links a run created once its invoice is paid or cancelled, so that
 * a customer who pays by bank transfer cannot pay again through an e-mailed link. Each link is
 * deactivated once (`paymentLink.deactivated`); a link the provider reports as unknown is
 * recorded as `paymentLink.deactivationFailed` instead of failing the run's end.
 */
export async function closePaymentLinks(
  deps: { db: Database; paymentLinks: PaymentLinkProvider; logger: Logger; now: () => Date },
  run: ClosingRun,
): Promise<void> {
  if (!NOTHING_TO_COLLECT.has(run.outcome)) return;
  const events = await listEvents(deps.db, run.invoiceId);
  const closed = new Set(events.filter((event) => CLOSING_EVENTS.has(event.type)).map(linkIdOf));
  const open = events
    .filter((event) => event.type === 'paymentLink.created')
    .map(linkIdOf)
    .filter((linkId) => linkId !== '' && !closed.has(linkId));
  for (const linkId of new Set(open)) await closeLink(deps, run, linkId);
}

async function closeLink(
  deps: { db: Database; paymentLinks: PaymentLinkProvider; logger: Logger; now: () => Date },
  run: ClosingRun,
  linkId: string,
): Promise<void> {
  let type = 'paymentLink.deactivated';
  const data: Record<string, unknown> = { linkId, outcome: run.outcome };
  try {
    await deps.paymentLinks.deactivateLink(linkId);
  } catch (error) {
    if (!(error instanceof ConnectorError) || error.retryable) throw error;
    deps.logger.warn({ invoiceId: run.invoiceId, linkId, reason: error.message }, 'link kept');
    type = 'paymentLink.deactivationFailed';
    data['reason'] = error.message;
  }
  await appendEvent(deps.db, {
    invoiceId: run.invoiceId,
    workflowId: run.workflowId,
    type,
    occurredAt: deps.now().toISOString(),
    data,
    idempotencyKey: `${linkId}:deactivation`,
  });
}

function linkIdOf(event: { data: Record<string, unknown> }): string {
  const linkId = event.data['linkId'];
  return typeof linkId === 'string' ? linkId : '';
}
