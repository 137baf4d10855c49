import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../../testing/webhook-receiver';
import type { WebhookReceiver } from '../../testing/webhook-receiver';
import { verifyStripeSignature } from '../stripe-signature';
import { startFakeStripe } from './fake-stripe';
import type { FakeStripeServer } from './fake-stripe';
import type { StripeErrorBody } from './stripe-api-error';
import type { StripeEvent, StripePaymentLink, StripePrice } from './stripe-objects';

let fake: FakeStripeServer;
let receiver: WebhookReceiver;

interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
}

async function call<T>(
  method: 'GET' | 'POST',
  path: string,
  form?: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const response = await fetch(`${fake.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${fake.apiKey}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    ...(form === undefined ? {} : { body: new URLSearchParams(form).toString() }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

const priceForm = {
  currency: 'EUR',
  unit_amount: '2500',
  'product_data[name]': 'Invoice INV-1',
  'metadata[invoice_id]': 'INV-1',
};

async function createPrice(form: Record<string, string> = priceForm): Promise<StripePrice> {
  const reply = await call<StripePrice>('POST', '/v1/prices', form);
  expect(reply.status).toBe(200);
  return reply.body;
}

async function createLink(priceId: string, quantity = '1'): Promise<StripePaymentLink> {
  const reply = await call<StripePaymentLink>('POST', '/v1/payment_links', {
    'line_items[0][price]': priceId,
    'line_items[0][quantity]': quantity,
    'metadata[invoice_id]': 'INV-1',
  });
  expect(reply.status).toBe(200);
  return reply.body;
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  fake = await startFakeStripe({
    port: 0,
    apiKey: 'sk_test_fake_api',
    webhookSecret: 'whsec_test',
  });
});

afterAll(async () => {
  await fake.stop();
  await receiver.stop();
});

describe('fake Stripe authentication', () => {
  it('missing key gets 401', async () => {
    const reply = await call<StripeErrorBody>('GET', '/v1/payment_links/plink_x', undefined, {
      Authorization: '',
    });
    expect(reply.status).toBe(401);
    expect(reply.body.error.type).toBe('invalid_request_error');
    expect(reply.body.error.message).toMatch(/^No API key provided/);
  });

  it('wrong key gets masked 401', async () => {
    const reply = await call<StripeErrorBody>('GET', '/v1/payment_links/plink_x', undefined, {
      Authorization: 'Bearer sk_test_other_9876',
    });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({
      error: {
        type: 'invalid_request_error',
        message: 'Invalid API Key provided: sk_test_******9876',
      },
    });
  });

  it('accepts the key as Basic auth user', async () => {
    const basic = Buffer.from(`${fake.apiKey}:`).toString('base64');
    const reply = await call<StripeErrorBody>('GET', '/v1/payment_links/plink_x', undefined, {
      Authorization: `Basic ${basic}`,
    });
    expect(reply.status).toBe(404);
  });
});

describe('fake Stripe prices', () => {
  it('creates a one-time price with a product', async () => {
    const price = await createPrice();
    expect(price.id).toMatch(/^price_[A-Za-z0-9]{24}$/);
    expect(price.object).toBe('price');
    expect(price.currency).toBe('eur');
    expect(price.unit_amount).toBe(2500);
    expect(price.unit_amount_decimal).toBe('2500');
    expect(price.product).toMatch(/^prod_/);
    expect(price.metadata).toEqual({ invoice_id: 'INV-1' });
  });

  it('reports a missing param in Stripe shape', async () => {
    const reply = await call<StripeErrorBody>('POST', '/v1/prices', { unit_amount: '100' });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'parameter_missing',
        message: 'Missing required param: currency.',
        param: 'currency',
      },
    });
  });

  it('names a missing nested param', async () => {
    const reply = await call<StripeErrorBody>('POST', '/v1/prices', {
      currency: 'eur',
      unit_amount: '100',
      'product_data[active]': 'true',
    });
    expect(reply.body.error.param).toBe('product_data[name]');
  });

  it('rejects a non-integer amount', async () => {
    const reply = await call<StripeErrorBody>('POST', '/v1/prices', {
      ...priceForm,
      unit_amount: '12.5',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('parameter_invalid_integer');
    expect(reply.body.error.param).toBe('unit_amount');
  });

  it('rejects an invalid currency', async () => {
    const reply = await call<StripeErrorBody>('POST', '/v1/prices', {
      ...priceForm,
      currency: 'euro',
    });
    expect(reply.body.error.param).toBe('currency');
    expect(reply.body.error.message).toMatch(/^Invalid currency: euro/);
  });

  it('rejects an unknown param', async () => {
    const reply = await call<StripeErrorBody>('POST', '/v1/prices', {
      ...priceForm,
      recurring: 'x',
    });
    expect(reply.body.error).toMatchObject({ code: 'parameter_unknown', param: 'recurring' });
  });

  it('rejects an unknown nested param', async () => {
    const reply = await call<StripeErrorBody>('POST', '/v1/prices', {
      ...priceForm,
      'product_data[colour]': 'red',
    });
    expect(reply.body.error).toMatchObject({
      code: 'parameter_unknown',
      param: 'product_data[colour]',
    });
  });

  it('rejects product together with product_data', async () => {
    const reply = await call<StripeErrorBody>('POST', '/v1/prices', {
      ...priceForm,
      product: 'prod_x',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.param).toBe('product');
  });

  it('reuses an existing product', async () => {
    const first = await createPrice();
    const second = await createPrice({ currency: 'eur', unit_amount: '1', product: first.product });
    expect(second.product).toBe(first.product);
  });

  it('enforces the metadata limits', async () => {
    const longKey = await call<StripeErrorBody>('POST', '/v1/prices', {
      ...priceForm,
      [`metadata[${'k'.repeat(41)}]`]: 'v',
    });
    expect(longKey.body.error.message).toMatch(/at most 40 characters/);
    const longValue = await call<StripeErrorBody>('POST', '/v1/prices', {
      ...priceForm,
      'metadata[note]': 'v'.repeat(501),
    });
    expect(longValue.body.error.param).toBe('metadata[note]');
  });

  it('rejects a JSON body', async () => {
    const reply = await call<StripeErrorBody>('POST', '/v1/prices', priceForm, {
      'Content-Type': 'application/json',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/form-encoded bodies, not JSON/);
  });
});

describe('fake Stripe payment links', () => {
  it('creates and retrieves a payment link', async () => {
    const price = await createPrice();
    const link = await createLink(price.id);
    expect(link).toMatchObject({
      object: 'payment_link',
      active: true,
      currency: 'eur',
      livemode: false,
    });
    expect(link.url).toBe(`${fake.url}/checkout/${link.id}`);
    const reply = await call<StripePaymentLink>('GET', `/v1/payment_links/${link.id}`);
    expect(reply.body).toEqual(link);
  });

  it('requires line items with a quantity', async () => {
    const none = await call<StripeErrorBody>('POST', '/v1/payment_links', { 'metadata[a]': 'b' });
    expect(none.body.error).toMatchObject({ code: 'parameter_missing', param: 'line_items' });
    const price = await createPrice();
    const noQuantity = await call<StripeErrorBody>('POST', '/v1/payment_links', {
      'line_items[0][price]': price.id,
    });
    expect(noQuantity.body.error.param).toBe('line_items[0][quantity]');
  });

  it('rejects an unknown price', async () => {
    const reply = await call<StripeErrorBody>('POST', '/v1/payment_links', {
      'line_items[0][price]': 'price_missing',
      'line_items[0][quantity]': '1',
    });
    expect(reply.status).toBe(404);
    expect(reply.body.error).toEqual({
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: "No such price: 'price_missing'",
      param: 'line_items[0][price]',
    });
  });

  it('rejects line items with a gap', async () => {
    const price = await createPrice();
    const reply = await call<StripeErrorBody>('POST', '/v1/payment_links', {
      'line_items[1][price]': price.id,
      'line_items[1][quantity]': '1',
    });
    expect(reply.body.error.message).toMatch(/indexed from 0 with no gaps/);
  });

  it('rejects prices in two currencies', async () => {
    const euro = await createPrice();
    const dollar = await createPrice({ ...priceForm, currency: 'usd' });
    const reply = await call<StripeErrorBody>('POST', '/v1/payment_links', {
      'line_items[0][price]': euro.id,
      'line_items[0][quantity]': '1',
      'line_items[1][price]': dollar.id,
      'line_items[1][quantity]': '1',
    });
    expect(reply.body.error.message).toMatch(/share one currency; got eur, usd/);
  });

  it('an unknown link is resource_missing', async () => {
    const reply = await call<StripeErrorBody>('GET', '/v1/payment_links/plink_missing');
    expect(reply.status).toBe(404);
    expect(reply.body.error).toMatchObject({ code: 'resource_missing', param: 'id' });
  });

  it('an unknown endpoint lists the implemented ones', async () => {
    const reply = await call<StripeErrorBody>('GET', '/v1/customers');
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/customers\)/);
    expect(reply.body.error.message).toContain('POST /v1/payment_links');
  });
});

describe('fake Stripe idempotency', () => {
  it('replays same key and body', async () => {
    const headers = { 'Idempotency-Key': 'replay-1' };
    const first = await call<StripePrice>('POST', '/v1/prices', priceForm, headers);
    const second = await call<StripePrice>('POST', '/v1/prices', priceForm, headers);
    expect(second.body).toEqual(first.body);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(second.headers.get('Idempotency-Key')).toBe('replay-1');
  });

  it('ignores the order of form fields', async () => {
    const headers = { 'Idempotency-Key': 'replay-order' };
    const reordered = Object.fromEntries(Object.entries(priceForm).reverse());
    const first = await call<StripePrice>('POST', '/v1/prices', priceForm, headers);
    const second = await call<StripePrice>('POST', '/v1/prices', reordered, headers);
    expect(second.body.id).toBe(first.body.id);
  });

  it('rejects the same key with another body', async () => {
    const headers = { 'Idempotency-Key': 'replay-2' };
    await call('POST', '/v1/prices', priceForm, headers);
    const reply = await call<StripeErrorBody>(
      'POST',
      '/v1/prices',
      { ...priceForm, unit_amount: '1' },
      headers,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.type).toBe('idempotency_error');
    expect(reply.body.error.message).toContain(
      "Idempotency key 'replay-2' was first used with other parameters",
    );
  });

  it('rejects the same key on another endpoint', async () => {
    const headers = { 'Idempotency-Key': 'replay-3' };
    const price = await call<StripePrice>('POST', '/v1/prices', priceForm, headers);
    const reply = await call<StripeErrorBody>(
      'POST',
      '/v1/payment_links',
      { 'line_items[0][price]': price.body.id, 'line_items[0][quantity]': '1' },
      headers,
    );
    expect(reply.body.error.type).toBe('idempotency_error');
    expect(reply.body.error.message).toContain(
      'first used for POST /v1/prices, not POST /v1/payment_links',
    );
  });

  it('does not save a rejected request', async () => {
    const headers = { 'Idempotency-Key': 'replay-4' };
    const rejected = await call<StripeErrorBody>(
      'POST',
      '/v1/prices',
      { currency: 'eur' },
      headers,
    );
    expect(rejected.status).toBe(400);
    const fixed = await call<StripePrice>('POST', '/v1/prices', priceForm, headers);
    expect(fixed.status).toBe(200);
  });

  it('rejects a key over 255 characters', async () => {
    const reply = await call<StripeErrorBody>('POST', '/v1/prices', priceForm, {
      'Idempotency-Key': 'k'.repeat(256),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/256 characters; at most 255/);
  });
});

describe('fake Stripe checkout', () => {
  it('pay records the payment without a webhook', async () => {
    const link = await createLink((await createPrice()).id, '2');
    const payment = await fake.pay(link.id);
    expect(payment.webhook).toBeUndefined();
    expect(payment.session).toMatchObject({
      object: 'checkout.session',
      amount_total: 5000,
      currency: 'eur',
      payment_link: link.id,
      payment_status: 'paid',
      status: 'complete',
      metadata: { invoice_id: 'INV-1' },
    });
    expect(payment.event.type).toBe('checkout.session.completed');
    expect(fake.payments().at(-1)).toEqual(payment.session);
  });

  it('pay posts a signed event', async () => {
    fake.setWebhookUrl(receiver.url);
    const link = await createLink((await createPrice()).id);
    const payment = await fake.pay(link.id);
    fake.setWebhookUrl(undefined);

    expect(payment.webhook).toEqual({ url: receiver.url, delivered: true, status: 200 });
    const delivered = receiver.received.at(-1);
    expect(delivered?.headers['content-type']).toBe('application/json; charset=utf-8');
    const header = String(delivered?.headers['stripe-signature']);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(() => {
      verifyStripeSignature(delivered?.body ?? '', header, 'whsec_test', 300);
    }).not.toThrow();
    const event = JSON.parse(delivered?.body ?? '{}') as StripeEvent;
    expect(event.id).toBe(payment.event.id);
    expect(event.data.object.id).toBe(payment.session.id);
  });

  it('reports a failed webhook delivery', async () => {
    fake.setWebhookUrl(receiver.url);
    receiver.replyWith(500);
    const link = await createLink((await createPrice()).id);
    const payment = await fake.pay(link.id);
    receiver.replyWith(200);
    fake.setWebhookUrl(undefined);
    expect(payment.webhook).toEqual({ url: receiver.url, delivered: false, status: 500 });
  });

  it('pay rejects an unknown link', async () => {
    await expect(fake.pay('plink_missing')).rejects.toThrow(
      "No such payment link: 'plink_missing'",
    );
  });

  it('serves a checkout page that pays', async () => {
    const link = await createLink((await createPrice()).id);
    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('€25.00');

    const before = fake.payments().length;
    const paid = await fetch(link.url, { method: 'POST' });
    expect(paid.status).toBe(200);
    expect(await paid.text()).toContain('Payment received');
    expect(fake.payments()).toHaveLength(before + 1);
  });

  it('a deactivated link takes no payment', async () => {
    const link = await createLink((await createPrice()).id);
    const update = await call<StripePaymentLink>('POST', `/v1/payment_links/${link.id}`, {
      active: 'false',
    });
    expect(update.body).toMatchObject({ id: link.id, active: false });
    const page = await fetch(link.url);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('no longer active');
    await expect(fake.pay(link.id)).rejects.toThrow('This payment link is no longer active.');
  });

  it('rejects an update that is not a boolean', async () => {
    const link = await createLink((await createPrice()).id);
    const reply = await call<StripeErrorBody>('POST', `/v1/payment_links/${link.id}`, {
      active: 'no',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ param: 'active', message: 'Invalid boolean: no' });
  });

  it('unknown link checkout is 404', async () => {
    const page = await fetch(`${fake.url}/checkout/plink_missing`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('No such payment link');
  });
});

describe('startFakeStripe options', () => {
  it('rejects a live API key', async () => {
    await expect(startFakeStripe({ apiKey: 'sk_live_real' })).rejects.toThrow(
      "fake Stripe API key 'sk_live_real' is invalid; use a test key such as sk_test_dunflow",
    );
  });
});
