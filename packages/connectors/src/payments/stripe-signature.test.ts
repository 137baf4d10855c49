import { Stripe } from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../testing/webhook-receiver';
import type { ReceivedWebhook, WebhookReceiver } from '../testing/webhook-receiver';
import { startFakeStripe } from './fake-stripe/fake-stripe';
import type { FakeStripeServer } from './fake-stripe/fake-stripe';
import { createStripePaymentLinks } from './stripe-payment-links';
import {
  signStripePayload,
  verifyStripeSignature,
  WebhookSignatureError,
} from './stripe-signature';

const SECRET = 'whsec_signature_tests';
const stripe = new Stripe('sk_test_unused');
let fake: FakeStripeServer;
let receiver: WebhookReceiver;
let delivered: ReceivedWebhook;

function signatureOf(webhook: ReceivedWebhook): string {
  return String(webhook.headers['stripe-signature']);
}

/** Runs `verifyStripeSignature` and returns the failure reason, or undefined when it passes. */
function reasonOf(...args: Parameters<typeof verifyStripeSignature>): string | undefined {
  try {
    verifyStripeSignature(...args);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookSignatureError);
    return (error as WebhookSignatureError).reason;
  }
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  fake = await startFakeStripe({ port: 0, webhookUrl: receiver.url, webhookSecret: SECRET });
  const provider = createStripePaymentLinks({
    apiKey: fake.apiKey,
    host: '127.0.0.1',
    port: fake.port,
    protocol: 'http',
  });
  const link = await provider.createLink({
    invoiceId: 'INV-77',
    amountMinor: 7_700,
    currency: 'EUR',
    description: 'Invoice INV-77',
    idempotencyKey: 'signature:n1:1',
  });
  await fake.pay(link.id);
  const webhook = receiver.received.at(-1);
  if (webhook === undefined) throw new Error('the fake posted no webhook');
  delivered = webhook;
});

afterAll(async () => {
  await fake.stop();
  await receiver.stop();
});

describe('fake Stripe webhook signature', () => {
  it('passes stripe.webhooks.constructEvent', () => {
    const event = stripe.webhooks.constructEvent(delivered.body, signatureOf(delivered), SECRET);
    expect(event.type).toBe('checkout.session.completed');
    expect((event.data.object as Stripe.Checkout.Session).metadata).toMatchObject({
      invoice_id: 'INV-77',
    });
  });

  it('fails constructEvent when the payload is tampered', () => {
    const tampered = delivered.body.replace('7700', '1');
    expect(tampered).not.toBe(delivered.body);
    expect(() => stripe.webhooks.constructEvent(tampered, signatureOf(delivered), SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('fails constructEvent with another secret', () => {
    expect(() =>
      stripe.webhooks.constructEvent(delivered.body, signatureOf(delivered), 'whsec_other'),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });
});

describe('signStripePayload', () => {
  it('matches the header the stripe package generates', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event' });
    const timestamp = 1_767_225_600;
    const expected = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: SECRET,
      timestamp,
    });
    expect(signStripePayload(payload, SECRET, timestamp)).toBe(expected);
  });
});

describe('verifyStripeSignature', () => {
  const payload = '{"id":"evt_2","object":"event"}';
  const now = new Date('2026-01-01T00:00:00Z');
  const timestamp = Math.floor(now.getTime() / 1000);
  const header = signStripePayload(payload, SECRET, timestamp);

  it('accepts the fake delivery', () => {
    expect(reasonOf(delivered.body, signatureOf(delivered), SECRET, 300)).toBeUndefined();
  });

  it('accepts the payload as bytes', () => {
    const bytes = new TextEncoder().encode(payload);
    expect(reasonOf(bytes, header, SECRET, 300, now)).toBeUndefined();
  });

  it('accepts a stripe-signed header', () => {
    const stripeHeader = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: SECRET,
      timestamp,
    });
    expect(reasonOf(payload, stripeHeader, SECRET, 300, now)).toBeUndefined();
  });

  it('rejects a tampered payload', () => {
    const tampered = payload.replace('evt_2', 'evt_3');
    expect(reasonOf(tampered, header, SECRET, 300, now)).toBe('signature_mismatch');
  });

  it('rejects another secret', () => {
    expect(reasonOf(payload, header, 'whsec_other', 300, now)).toBe('signature_mismatch');
  });

  it('accepts any matching v1 among several', () => {
    const rotated = `${header},v1=${'0'.repeat(64)},v0=legacy`;
    const reordered = `v1=${'0'.repeat(64)},${header}`;
    expect(reasonOf(payload, rotated, SECRET, 300, now)).toBeUndefined();
    expect(reasonOf(payload, reordered, SECRET, 300, now)).toBeUndefined();
  });

  it('rejects a timestamp outside the tolerance', () => {
    const later = new Date(now.getTime() + 301_000);
    const earlier = new Date(now.getTime() - 301_000);
    expect(reasonOf(payload, header, SECRET, 300, later)).toBe('timestamp_outside_tolerance');
    expect(reasonOf(payload, header, SECRET, 300, earlier)).toBe('timestamp_outside_tolerance');
    expect(reasonOf(payload, header, SECRET, 0, later)).toBeUndefined();
  });

  it('rejects a missing or malformed header', () => {
    expect(reasonOf(payload, undefined, SECRET, 300, now)).toBe('missing_header');
    expect(reasonOf(payload, 'v1=abc', SECRET, 300, now)).toBe('malformed_header');
    expect(reasonOf(payload, `t=${timestamp}`, SECRET, 300, now)).toBe('no_signature');
  });

  it('names the failure in its message', () => {
    expect(() => {
      verifyStripeSignature('{}', header, SECRET, 300, now);
    }).toThrow(
      /no v1 signature in the Stripe-Signature header matches the payload; check the webhook secret/,
    );
  });
});
