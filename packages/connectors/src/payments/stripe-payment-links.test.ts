import { Stripe } from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../connector-error';
import { startWebhookReceiver } from '../testing/webhook-receiver';
import type { WebhookReceiver } from '../testing/webhook-receiver';
import { startFakeStripe } from './fake-stripe/fake-stripe';
import type { FakeStripeServer } from './fake-stripe/fake-stripe';
import { describePaymentLinkContract } from './payment-link-provider.contract';
import { createStripePaymentLinks } from './stripe-payment-links';

let fake: FakeStripeServer;
let receiver: WebhookReceiver;

function providerFor(apiKey: string, port = fake.port) {
  return createStripePaymentLinks({ apiKey, host: '127.0.0.1', port, protocol: 'http' });
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  fake = await startFakeStripe({ port: 0, apiKey: 'sk_test_links', webhookUrl: receiver.url });
});

afterAll(async () => {
  await fake.stop();
  await receiver.stop();
});

describePaymentLinkContract('createStripePaymentLinks to the fake Stripe', () => ({
  provider: providerFor(fake.apiKey),
  wrongKeyProvider: providerFor('sk_test_wrong_key_1234'),
}));

describe('createStripePaymentLinks', () => {
  it('link readable by stripe client', async () => {
    const link = await providerFor(fake.apiKey).createLink({
      invoiceId: 'INV-7',
      amountMinor: 4_200,
      currency: 'EUR',
      description: 'Invoice INV-7',
      idempotencyKey: 'links-read:n2:1',
    });
    const stripe = new Stripe(fake.apiKey, {
      host: '127.0.0.1',
      port: fake.port,
      protocol: 'http',
    });
    const stored = await stripe.paymentLinks.retrieve(link.id);
    expect(stored.url).toBe(link.url);
    expect(stored.currency).toBe('eur');
    expect(stored.metadata).toEqual({ invoice_id: 'INV-7', idempotency_key: 'links-read:n2:1' });
  });

  it('paid link reaches the webhook', async () => {
    const link = await providerFor(fake.apiKey).createLink({
      invoiceId: 'INV-8',
      amountMinor: 1_999,
      currency: 'USD',
      description: 'Invoice INV-8',
      idempotencyKey: 'links-pay:n2:1',
    });
    const payment = await fake.pay(link.id);
    expect(payment.session.amount_total).toBe(1_999);
    expect(payment.session.currency).toBe('usd');
    expect(payment.webhook?.delivered).toBe(true);

    const event = JSON.parse(receiver.received.at(-1)?.body ?? '{}') as Stripe.Event;
    const stripe = new Stripe(fake.apiKey);
    const verified = stripe.webhooks.constructEvent(
      receiver.received.at(-1)?.body ?? '',
      String(receiver.received.at(-1)?.headers['stripe-signature']),
      fake.webhookSecret,
    );
    expect(verified.id).toBe(event.id);
    expect(verified.type).toBe('checkout.session.completed');
    const session = verified.data.object as Stripe.Checkout.Session;
    expect(session.payment_link).toBe(link.id);
    expect(session.metadata).toEqual({ invoice_id: 'INV-8', idempotency_key: 'links-pay:n2:1' });
  });

  it('wrong key error names cause', async () => {
    const creating = providerFor('sk_test_wrong_key_1234').createLink({
      invoiceId: 'INV-9',
      amountMinor: 100,
      currency: 'EUR',
      description: 'Invoice INV-9',
      idempotencyKey: 'links-key:n2:1',
    });
    await expect(creating).rejects.toThrow(
      `Stripe API at 127.0.0.1:${fake.port} rejected the API key (401)`,
    );
    await expect(creating).rejects.toThrow('Invalid API Key provided: sk_test_**********1234');
  });

  it('refused connection is retryable', async () => {
    const probe = await startFakeStripe({ port: 0 });
    await probe.stop();
    const provider = createStripePaymentLinks({
      apiKey: 'sk_test_links',
      host: '127.0.0.1',
      port: probe.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const creating = provider.createLink({
      invoiceId: 'INV-10',
      amountMinor: 100,
      currency: 'EUR',
      description: 'Invoice INV-10',
      idempotencyKey: 'links-down:n2:1',
    });
    const error = await creating.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).retryable).toBe(true);
    expect((error as ConnectorError).message).toContain(`127.0.0.1:${probe.port}`);
  });

  it('rejects an invalid currency before calling Stripe', async () => {
    const creating = providerFor(fake.apiKey).createLink({
      invoiceId: 'INV-11',
      amountMinor: 100,
      currency: 'EURO',
      description: 'Invoice INV-11',
      idempotencyKey: 'links-currency:n2:1',
    });
    await expect(creating).rejects.toThrow(
      "payment link for invoice 'INV-11': currency 'EURO' is invalid; use an ISO 4217 code such as EUR",
    );
  });
});
