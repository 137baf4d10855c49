import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createFakeStripeApp } from './fake-stripe-app';
import { FakeStripeStore } from './fake-stripe-store';
import { newStripeId } from './stripe-id';
import { IdempotencyStore } from './idempotency-store';
import type { StripeCheckoutSession, StripeEvent } from './stripe-objects';
import { deliverEvent } from './webhook-delivery';
import type { WebhookDelivery } from './webhook-delivery';

export interface FakeStripeOptions {
  /** Interface to listen on, `127.0.0.1` by default. */
  host?: string;
  /** TCP port. 0, the default, picks any free port. */
  port?: number;
  /** Test-mode secret key that clients must send, `sk_test_dunflow` by default. */
  apiKey?: string;
  /** URL that `checkout.session.completed` events are posted to. Without it, none are posted. */
  webhookUrl?: string;
  /** Signing secret of the webhook endpoint, a random `whsec_...` value by default. */
  webhookSecret?: string;
  /** Base of the payment link URLs, for a fake reached through another address. */
  publicUrl?: string;
}

/** The result of paying a payment link. */
export interface FakePayment {
  session: StripeCheckoutSession;
  event: StripeEvent;
  /** The webhook delivery, when a webhook URL is set. */
  webhook?: WebhookDelivery;
}

/** A running fake of the part of the Stripe API that Dunflow uses. */
export interface FakeStripeServer {
  readonly host: string;
  readonly port: number;
  /** Base URL of the API, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly apiKey: string;
  readonly webhookSecret: string;
  setWebhookUrl(url: string | undefined): void;
  /** Pays a payment link as a customer would, then posts the signed webhook event. */
  pay(linkId: string): Promise<FakePayment>;
  /** Completed checkout sessions, oldest first. */
  payments(): StripeCheckoutSession[];
  stop(): Promise<void>;
}

/** Starts a local HTTP server that speaks the Stripe API subset of `createStripePaymentLinks`. */
export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripeServer> {
  const host = options.host ?? '127.0.0.1';
  const apiKey = checkApiKey(options.apiKey ?? 'sk_test_dunflow');
  const webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(24).toString('hex')}`;
  let webhookUrl = options.webhookUrl;
  let baseUrl = '';

  const store = new FakeStripeStore(
    (linkId) => `${options.publicUrl ?? baseUrl}/checkout/${linkId}`,
  );
  const pay = async (linkId: string): Promise<FakePayment> => {
    const session = store.completeCheckout(linkId);
    const event = completedEvent(session, store.apiVersionOf(linkId));
    if (webhookUrl === undefined) return { session, event };
    const webhook = await deliverEvent({ url: webhookUrl, secret: webhookSecret }, event);
    return { session, event, webhook };
  };
  const app = createFakeStripeApp({
    apiKey,
    store,
    idempotency: new IdempotencyStore(),
    pay: async (linkId) => (await pay(linkId)).session,
  });

  const listener = getRequestListener(app.fetch);
  const server = createServer((request, response) => {
    void listener(request, response);
  });
  const port = await listen(server, options.port ?? 0, host);
  baseUrl = `http://${host}:${port}`;
  return {
    host,
    port,
    url: baseUrl,
    apiKey,
    webhookSecret,
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    pay,
    payments: () => store.sessions(),
    stop: () => stopServer(server),
  };
}

function checkApiKey(apiKey: string): string {
  if (!/^sk_test_\w+$/.test(apiKey)) {
    throw new Error(
      `fake Stripe API key '${apiKey}' is invalid; use a test key such as sk_test_dunflow`,
    );
  }
  return apiKey;
}

function completedEvent(session: StripeCheckoutSession, apiVersion: string | null): StripeEvent {
  return {
    id: newStripeId('evt'),
    object: 'event',
    api_version: apiVersion,
    created: session.created,
    data: { object: session },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'checkout.session.completed',
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      reject(new Error(`fake Stripe could not listen on ${host}:${port}`, { cause: error }));
    });
    server.listen(port, host, () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) resolve();
      else reject(error);
    });
    server.closeAllConnections();
  });
}
