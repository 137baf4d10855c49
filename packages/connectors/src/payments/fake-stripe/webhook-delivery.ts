import { signStripePayload } from '../stripe-signature';
import type { StripeEvent } from './stripe-objects';

/** Webhook endpoint: the URL the fake posts events to, and the secret it signs them with. */
export interface WebhookEndpoint {
  url: string;
  secret: string;
}

/** The outcome of posting one event to a webhook endpoint. */
export interface WebhookDelivery {
  url: string;
  /** True when the endpoint replied with a 2xx status, which is what Stripe counts as delivered. */
  delivered: boolean;
  /** The HTTP status of the reply, when there was one. */
  status?: number;
  /** Reason the request failed, when no reply came. */
  error?: string;
}

const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Posts `event` as JSON with a `Stripe-Signature` header. Failures are returned, not raised.
 * NOTE: Stripe retries failed deliveries for up to three days, but the fake tries once.
 */
export async function deliverEvent(
  endpoint: WebhookEndpoint,
  event: StripeEvent,
): Promise<WebhookDelivery> {
  const payload = JSON.stringify(event, null, 2);
  const signature = signStripePayload(payload, endpoint.secret, Math.floor(Date.now() / 1000));
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': signature },
      body: payload,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return { url: endpoint.url, delivered: response.ok, status: response.status };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { url: endpoint.url, delivered: false, error: reason };
  }
}
