import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { checkoutPage, errorPage, paidPage } from './checkout-page';
import type { FakeStripeStore } from './fake-stripe-store';
import { newStripeId } from './stripe-id';
import { parseFormParams } from './form-params';
import type { IdempotencyStore } from './idempotency-store';
import { ParamReader } from './param-reader';
import { StripeApiError } from './stripe-api-error';
import type { StripeCheckoutSession } from './stripe-objects';

export interface FakeStripeAppOptions {
  apiKey: string;
  store: FakeStripeStore;
  idempotency: IdempotencyStore;
  /** Pays a payment link, as a customer does on its checkout page. */
  pay: (linkId: string) => Promise<StripeCheckoutSession>;
}

const IMPLEMENTED =
  'POST /v1/prices, POST /v1/payment_links, GET /v1/payment_links/:id and POST /v1/payment_links/:id';

/**
 * Builds the HTTP API of the fake Stripe account: the v1 endpoints Dunflow uses, form-encoded and
 * behind Bearer auth, plus an unauthenticated checkout page per payment link.
 */
export function createFakeStripeApp(options: FakeStripeAppOptions): Hono {
  const { store } = options;
  const app = new Hono();

  app.use('*', async (c, next) => {
    c.header('Request-Id', newStripeId('req'));
    await next();
  });
  app.use('/v1/*', requireApiKey(options.apiKey));

  app.post('/v1/prices', (c) =>
    runPost(c, options.idempotency, (params) => store.createPrice(params)),
  );
  app.post('/v1/payment_links', (c) =>
    runPost(c, options.idempotency, (params) =>
      store.createPaymentLink(params, c.req.header('Stripe-Version') ?? null),
    ),
  );
  app.get('/v1/payment_links/:id', (c) => c.json(store.paymentLink(c.req.param('id'))));
  app.post('/v1/payment_links/:id', (c) =>
    runPost(c, options.idempotency, (params) => store.updatePaymentLink(c.req.param('id'), params)),
  );

  app.get('/checkout/:id', (c) => {
    const id = c.req.param('id');
    const link = store.paymentLink(id);
    if (!link.active) return c.html(errorPage('This payment link is no longer active.'), 410);
    return c.html(checkoutPage(link, store.amountDue(id)));
  });
  app.post('/checkout/:id', async (c) => c.html(paidPage(await options.pay(c.req.param('id')))));

  app.notFound((c) => {
    const message = `Unrecognized request URL (${c.req.method}: ${c.req.path}). The fake Stripe API implements ${IMPLEMENTED}.`;
    return c.json(new StripeApiError(404, 'invalid_request_error', message).toBody(), 404);
  });
  app.onError((error, c) => errorResponse(c, error));
  return app;
}

type CreateObject = (params: ParamReader) => object;

/** Runs a create endpoint with Stripe's `Idempotency-Key` replay. */
async function runPost(
  c: Context,
  idempotency: IdempotencyStore,
  create: CreateObject,
): Promise<Response> {
  if (c.req.header('Content-Type')?.includes('application/json') === true) {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      'Stripe v1 endpoints read form-encoded bodies, not JSON; send application/x-www-form-urlencoded',
    );
  }
  const request = { endpoint: `POST ${c.req.path}`, params: parseFormParams(await c.req.text()) };
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return c.json(create(new ParamReader(request.params)));

  c.header('Idempotency-Key', key);
  const saved = idempotency.replay(key, request);
  if (saved !== undefined) {
    c.header('Idempotent-Replayed', 'true');
    return c.json(saved.body, saved.status as ContentfulStatusCode);
  }
  const body = create(new ParamReader(request.params));
  idempotency.save(key, request, { status: 200, body: structuredClone(body) });
  return c.json(body);
}

/** Returns middleware that replies 401 with Stripe's error body unless the request carries `apiKey`. */
function requireApiKey(apiKey: string): MiddlewareHandler {
  return async (c, next) => {
    const presented = readApiKey(c.req.header('Authorization'));
    if (presented === apiKey) {
      await next();
      return;
    }
    const message =
      presented === undefined
        ? "No API key provided. Send your secret key with Bearer auth: 'Authorization: Bearer sk_test_...'."
        : `Invalid API Key provided: ${maskApiKey(presented)}`;
    c.header('WWW-Authenticate', 'Bearer realm="Stripe"');
    return c.json(new StripeApiError(401, 'invalid_request_error', message).toBody(), 401);
  };
}

/** Reads the key from Bearer auth, or from Basic auth with the key as user name. */
function readApiKey(authorization: string | undefined): string | undefined {
  const [scheme = '', credentials = ''] = (authorization ?? '').trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer' && credentials !== '') return credentials;
  if (scheme.toLowerCase() === 'basic' && credentials !== '') {
    const user = Buffer.from(credentials, 'base64').toString('utf8').split(':')[0] ?? '';
    return user === '' ? undefined : user;
  }
  return undefined;
}

/** Hides all but the mode prefix and the last 4 characters, e.g. `sk_test_****abcd`. */
export function maskApiKey(key: string): string {
  const prefix = /^[a-z]{2}_(?:test|live)_/.exec(key)?.[0] ?? '';
  const hidden = Math.max(key.length - prefix.length - 4, 0);
  return `${prefix}${'*'.repeat(hidden)}${key.slice(prefix.length + hidden)}`;
}

function errorResponse(c: Context, error: Error): Response {
  const isCheckout = c.req.path.startsWith('/checkout/');
  if (error instanceof StripeApiError) {
    return isCheckout
      ? c.html(errorPage(error.message), error.status)
      : c.json(error.toBody(), error.status);
  }
  const failure = new StripeApiError(
    500,
    'api_error',
    `The fake Stripe API failed: ${error.message}`,
  );
  return c.json(failure.toBody(), 500);
}
