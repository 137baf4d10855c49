import { verifyStripeSignature, WebhookSignatureError } from '@dunflow/connectors';
import type { ApiApp, ApiDependencies } from './api-dependencies';
import { ApiError } from './api-error';
import { applyPayment } from './apply-payment';
import { currentTime } from './clock';
import { parseInput } from './request-input';
import { requireInvoice } from './require-invoice';
import { CheckoutSessionEvent, StripeEventEnvelope, type CheckoutSession } from './stripe-event';

/** Signatures older than this are rejected as replays: 300 s, the default of stripe-node 23. */
const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Adds `POST /webhooks/stripe`. A verified `checkout.session.completed` event records the
 * payment of the session's invoice and signals its workflow. Events that carry no payment for
 * Dunflow get a 200, so Stripe stops sending them. Failures Stripe should retry get a 4xx or 5xx.
 */
export function registerWebhookRoutes(app: ApiApp, deps: ApiDependencies): void {
  app.post('/webhooks/stripe', async (c) => {
    const payload = await c.req.text();
    verify(deps, payload, c.req.header('Stripe-Signature'));
    const json = parseJson(payload);
    const envelope = parseInput(StripeEventEnvelope, json, 'body');
    if (envelope.type !== 'checkout.session.completed') {
      return c.json(ignored(deps, envelope.id, `event type '${envelope.type}' is not handled`));
    }
    const event = parseInput(CheckoutSessionEvent, json, 'body');
    const session = event.data.object;
    const skip = reasonToSkip(session);
    if (skip !== undefined) return c.json(ignored(deps, event.id, skip));
    return c.json(await recordSessionPayment(deps, session, event.created));
  });
}

function verify(deps: ApiDependencies, payload: string, header: string | undefined): void {
  const secret = deps.stripeWebhookSecret;
  if (secret === undefined) {
    throw new ApiError(400, 'webhookSecretMissing', 'this API has no Stripe webhook secret', {
      fix: "start the API with the endpoint's signing secret (whsec_...) in STRIPE_WEBHOOK_SECRET",
    });
  }
  try {
    verifyStripeSignature(payload, header, secret, SIGNATURE_TOLERANCE_SECONDS, currentTime(deps));
  } catch (error) {
    if (!(error instanceof WebhookSignatureError)) throw error;
    throw new ApiError(400, 'invalidSignature', error.message, {
      fix: 'send the event exactly as Stripe signed it, with its Stripe-Signature header',
      ids: { signatureFailure: error.reason },
    });
  }
}

function parseJson(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    throw new ApiError(400, 'invalidJson', 'the webhook body is not valid JSON', {
      fix: 'send the Stripe event as JSON',
    });
  }
}

function reasonToSkip(session: CheckoutSession): string | undefined {
  if (session.payment_status !== 'paid') {
    return `session '${session.id}' has payment status '${session.payment_status}', not 'paid'`;
  }
  if (session.metadata?.['invoice_id'] === undefined) {
    return `session '${session.id}' has no invoice_id in its metadata`;
  }
  if (session.amount_total === null || session.amount_total === 0) {
    return `session '${session.id}' has no amount`;
  }
  return undefined;
}

async function recordSessionPayment(
  deps: ApiDependencies,
  session: CheckoutSession,
  createdSeconds: number,
) {
  const invoiceId = session.metadata?.['invoice_id'] ?? '';
  const { invoice } = await requireInvoice(deps, invoiceId);
  const currency = session.currency?.toUpperCase();
  if (currency !== invoice.currency) {
    throw new ApiError(
      422,
      'currencyMismatch',
      `session '${session.id}' was paid in ${currency ?? 'no currency'}, but invoice '${invoice.id}' is in ${invoice.currency}`,
      {
        fix: 'record this payment by hand with POST /invoices/{id}/payments after converting it',
        ids: { invoiceId, sessionId: session.id },
      },
    );
  }
  const applied = await applyPayment(deps, {
    invoice,
    paymentId: session.id,
    amountMinor: session.amount_total ?? 0,
    receivedOn: new Date(createdSeconds * 1000).toISOString().slice(0, 10),
    checkOpenAmount: false,
  });
  if (applied.signal === 'failed') {
    throw new ApiError(
      503,
      'signalFailed',
      `payment '${session.id}' is recorded, but its workflow was not signalled`,
      {
        fix: 'Stripe retries the event; the payment is recorded once and the signal is sent again',
        ids: { invoiceId, paymentId: session.id },
      },
    );
  }
  return { received: true, ...applied };
}

function ignored(deps: ApiDependencies, eventId: string, reason: string) {
  deps.logger.info({ eventId, reason }, 'Stripe event ignored');
  return { received: true, ignored: reason };
}
