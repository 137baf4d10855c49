import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import { signStripePayload } from '@dunflow/connectors';
import { listEvents, listPayments, listTasks } from '@dunflow/db';
import { quickScenario } from '../testing/quick-scenario';
import { dunningWorkflowId } from '../workflows/dunning-input';
import {
  bookCsv,
  call,
  importCsv,
  startApiTest,
  waitUntil,
  type ApiTestContext,
} from './api-test-support';
import { createApi } from './create-api';

const BOOK = bookCsv([
  {
    id: '0001',
    customerId: 'C1',
    email: 'c1@example.com',
    issuedDaysAgo: 60,
    dueDaysAgo: 30,
    amount: '123.45',
  },
]);

/** Builds a `checkout.session.completed` event as Stripe sends it, with the fields the route reads. */
function sessionEvent(sessionId: string, invoiceId: string, fields: Record<string, unknown> = {}) {
  return {
    id: `evt_${sessionId}`,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        amount_total: 100,
        currency: 'eur',
        payment_status: 'paid',
        metadata: { invoice_id: invoiceId },
        ...fields,
      },
    },
  };
}

describe('POST /webhooks/stripe', () => {
  let api: ApiTestContext;
  let server: ServerType;

  /** Posts `event` signed with `secret`, as Stripe would. */
  const postEvent = (event: unknown, secret = api.stack.stripe.webhookSecret) => {
    const payload = JSON.stringify(event);
    const signature = signStripePayload(payload, secret, Math.floor(Date.now() / 1000));
    return call(api.app, 'POST', '/webhooks/stripe', payload, {
      'Content-Type': 'application/json',
      'Stripe-Signature': signature,
    });
  };

  beforeAll(async () => {
    api = await startApiTest(inject('temporalAddress'));
    const port = await new Promise<number>((resolve) => {
      server = serve(
        { fetch: api.app.fetch, hostname: '127.0.0.1', port: 0 },
        (info: AddressInfo) => {
          resolve(info.port);
        },
      );
    });
    api.stack.stripe.setWebhookUrl(`http://127.0.0.1:${port}/webhooks/stripe`);
    expect((await importCsv(api.app, BOOK)).status).toBe(200);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    await api.stop();
  });

  it('paid checkout ends the run as paid', async () => {
    expect((await call(api.app, 'POST', '/scenarios', quickScenario(1, 60))).status).toBe(201);
    expect((await call(api.app, 'POST', '/scenarios/quick/runs')).status).toBe(200);
    const linkEvent = async () =>
      (await listEvents(api.stack.db, '0001')).find(
        (event) => event.type === 'paymentLink.created',
      );
    await waitUntil(async () => (await linkEvent()) !== undefined, 'payment link created');
    const linkId = (await linkEvent())?.data['linkId'];
    expect(typeof linkId).toBe('string');

    const paid = await api.stack.stripe.pay(String(linkId));
    expect(paid.webhook).toMatchObject({ delivered: true, status: 200 });

    const handle = api.stack.client.workflow.getHandle(dunningWorkflowId('0001'));
    expect(await handle.result()).toBe('paid');
    const payments = await listPayments(api.stack.db, '0001');
    expect(payments).toEqual([
      expect.objectContaining({ id: paid.session.id, amountMinor: 12_345, source: 'api' }),
    ]);
    const types = (await listEvents(api.stack.db, '0001')).map((event) => event.type);
    expect(types).toContain('paymentLink.deactivated');
    await expect(api.stack.stripe.pay(String(linkId))).rejects.toThrow('no longer active');
  });

  it('records a redelivered event once', async () => {
    const [session] = api.stack.stripe.payments();
    expect(session).toBeDefined();
    const { status, body } = await postEvent({
      ...sessionEvent(session?.id ?? '', '0001'),
      data: { object: session },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ received: true, created: false, signal: 'noRunningWorkflow' });
    expect(await listPayments(api.stack.db, '0001')).toHaveLength(1);
  });

  it('rejects an invalid signature', async () => {
    const { status, body } = await postEvent(sessionEvent('cs_forged', '0001'), 'whsec_wrong');
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalidSignature');
    expect(body.error.message).toContain('no v1 signature in the Stripe-Signature header matches');
  });

  it('rejects a missing signature', async () => {
    const { status, body } = await call(
      api.app,
      'POST',
      '/webhooks/stripe',
      sessionEvent('cs_1', '0001'),
    );
    expect(status).toBe(400);
    expect(body.error.message).toBe('the Stripe-Signature header is missing');
  });

  it('rejects events without a secret', async () => {
    const { stripeWebhookSecret, ...deps } = api.deps;
    expect(stripeWebhookSecret).toBeDefined();
    const response = await call(createApi(deps), 'POST', '/webhooks/stripe', '{}');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('webhookSecretMissing');
  });

  it('ignores events without a payment', async () => {
    const other = await postEvent({ ...sessionEvent('cs_2', '0001'), type: 'invoice.paid' });
    expect(other.body).toEqual({
      received: true,
      ignored: "event type 'invoice.paid' is not handled",
    });
    const unpaid = await postEvent(sessionEvent('cs_3', '0001', { payment_status: 'unpaid' }));
    expect(unpaid.body).toEqual({
      received: true,
      ignored: "session 'cs_3' has payment status 'unpaid', not 'paid'",
    });
    expect(await listPayments(api.stack.db, '0001')).toHaveLength(1);
  });

  it('returns 404 for an unknown invoice', async () => {
    const unknown = await postEvent(sessionEvent('cs_4', '9999'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("invoice '9999' not found");
  });

  it('returns 422 for another currency', async () => {
    const dollars = await postEvent(sessionEvent('cs_5', '0001', { currency: 'usd' }));
    expect(dollars.status).toBe(422);
    expect(dollars.body.error.message).toContain("session 'cs_5' was paid in USD");
  });

  it('names a malformed session', async () => {
    const { status, body } = await postEvent(
      sessionEvent('cs_6', '0001', { amount_total: '1.00' }),
    );
    expect(status).toBe(400);
    expect(body.error.issues?.[0]).toEqual({
      path: 'data.object.amount_total',
      message:
        "field data.object.amount_total '1.00' is invalid: Invalid input: expected number, received string",
    });
  });

  it('flags money paid beyond the open amount', async () => {
    const { status, body } = await postEvent(
      sessionEvent('cs_extra', '0001', { amount_total: 500 }),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ received: true, created: true });
    const overpaid = (await listEvents(api.stack.db, '0001')).find(
      (event) => event.type === 'payment.overpaid',
    );
    expect(overpaid?.data).toEqual({
      paymentId: 'cs_extra',
      amountMinor: 500,
      openAmountMinor: 0,
      overpaidMinor: 500,
    });
    const tasks = await listTasks(api.stack.db, { invoiceId: '0001' });
    expect(tasks.map((task) => task.title)).toContain(
      "Refund or allocate 5.00 EUR overpaid by payment 'cs_extra'",
    );
  });
});
