import { Stripe } from 'stripe';
import { ConnectorError } from '../connector-error';
import type { PaymentLink, PaymentLinkProvider, PaymentLinkRequest } from './payment-link-provider';
import { toStripeConnectorError } from './stripe-error';

export interface StripePaymentLinksOptions {
  /** The secret key, `sk_test_...` or `sk_live_...`. */
  apiKey: string;
  /** API host, Stripe's own `api.stripe.com` by default. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Retries of the `stripe` client on network errors, 409 and 5xx replies, 1 by default. */
  maxNetworkRetries?: number;
  /** Milliseconds before a request is abandoned, 30,000 by default. */
  timeoutMs?: number;
}

/** Stripe's limit on `Idempotency-Key`, less the longest suffix this provider appends. */
const MAX_KEY_LENGTH = 255 - ':payment_link'.length;

/**
 * Creates a `PaymentLinkProvider` on the official `stripe` client. Each link is a Price with an
 * inline product, then a Payment Link for it. Both requests carry idempotency keys derived from
 * the caller's key, so a retried `createLink` returns the link of the first call.
 * NOTE: Stripe forgets idempotency keys after 24 hours, so a later retry creates a second link.
 */
export function createStripePaymentLinks(options: StripePaymentLinksOptions): PaymentLinkProvider {
  const stripe = new Stripe(options.apiKey, {
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.protocol === undefined ? {} : { protocol: options.protocol }),
    maxNetworkRetries: options.maxNetworkRetries ?? 1,
    timeout: options.timeoutMs ?? 30_000,
    telemetry: false,
  });
  const defaultPort = options.protocol === 'http' ? 80 : 443;
  const server = `${options.host ?? 'api.stripe.com'}:${options.port ?? defaultPort}`;
  return {
    createLink: async (request) => {
      checkRequest(request);
      try {
        return await createLink(stripe, request);
      } catch (error) {
        throw toStripeConnectorError(error, server);
      }
    },
    deactivateLink: async (linkId) => {
      try {
        await stripe.paymentLinks.update(linkId, { active: false });
      } catch (error) {
        throw toStripeConnectorError(error, server);
      }
    },
  };
}

async function createLink(stripe: Stripe, request: PaymentLinkRequest): Promise<PaymentLink> {
  const metadata = { invoice_id: request.invoiceId, idempotency_key: request.idempotencyKey };
  const price = await stripe.prices.create(
    {
      currency: request.currency.toLowerCase(),
      unit_amount: request.amountMinor,
      product_data: { name: request.description },
      metadata,
    },
    { idempotencyKey: `${request.idempotencyKey}:price` },
  );
  const link = await stripe.paymentLinks.create(
    { line_items: [{ price: price.id, quantity: 1 }], metadata },
    { idempotencyKey: `${request.idempotencyKey}:payment_link` },
  );
  return { id: link.id, url: link.url };
}

function checkRequest(request: PaymentLinkRequest): void {
  const problem = requestProblem(request);
  if (problem !== undefined) {
    throw new ConnectorError(`payment link for invoice '${request.invoiceId}': ${problem}`, {
      connector: 'stripe',
      retryable: false,
    });
  }
}

function requestProblem(request: PaymentLinkRequest): string | undefined {
  if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0) {
    return `amountMinor ${request.amountMinor} is invalid; use a positive integer in minor units`;
  }
  if (!/^[A-Za-z]{3}$/.test(request.currency)) {
    return `currency '${request.currency}' is invalid; use an ISO 4217 code such as EUR`;
  }
  if (request.description.trim() === '') {
    return 'description is empty; name what the customer pays, e.g. the invoice number';
  }
  if (request.idempotencyKey === '' || request.idempotencyKey.length > MAX_KEY_LENGTH) {
    return `idempotency key must have 1 to ${MAX_KEY_LENGTH} characters, not ${request.idempotencyKey.length}`;
  }
  return undefined;
}
