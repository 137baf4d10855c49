import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import type { RunView } from '@dunflow/engine/interpreter';
import { quickScenario } from '../testing/quick-scenario';
import { dunningWorkflowId } from '../workflows/dunning-input';
import {
  bookCsv,
  call,
  daysAgo,
  importCsv,
  startApiTest,
  waitUntil,
  type ApiTestContext,
  type ErrorReply,
} from './api-test-support';

interface PaymentReply {
  payment: {
    id: string;
    invoiceId: string;
    amountMinor: number;
    receivedOn: string;
    source: string;
  };
  created: boolean;
  signal: string;
  openAmountMinor: number;
}

interface WorkflowReply {
  run: { status: string; outcome?: string };
  execution: { status: string } | null;
  view: RunView | null;
  events: { type: string }[];
}

const BOOK = bookCsv([
  {
    id: '0001',
    customerId: 'C1',
    email: 'c1@example.com',
    issuedDaysAgo: 60,
    dueDaysAgo: 30,
    amount: '123.45',
  },
  {
    id: '0002',
    customerId: 'C2',
    email: 'c2@example.com',
    issuedDaysAgo: 60,
    dueDaysAgo: 30,
    amount: '80.00',
  },
]);

/** An invoice imported after the runs started, so it has no workflow. */
const LATE_BOOK = bookCsv([
  { id: '0003', customerId: 'C2', issuedDaysAgo: 10, dueDaysAgo: 1, amount: '40.00' },
]);

describe('POST /invoices/:id/payments', () => {
  let api: ApiTestContext;
  const pay = (invoiceId: string, body: unknown) =>
    call<PaymentReply & ErrorReply>(api.app, 'POST', `/invoices/${invoiceId}/payments`, body);
  const workflow = (invoiceId: string) =>
    call<WorkflowReply>(api.app, 'GET', `/invoices/${invoiceId}/workflow`);

  beforeAll(async () => {
    api = await startApiTest(inject('temporalAddress'));
    expect((await importCsv(api.app, BOOK)).status).toBe(200);
    expect((await call(api.app, 'POST', '/scenarios', quickScenario(30, 30))).status).toBe(201);
    expect((await call(api.app, 'POST', '/scenarios/quick/runs')).status).toBe(200);
    expect((await importCsv(api.app, LATE_BOOK)).status).toBe(200);
    const atGap = async () => (await workflow('0001')).body.view?.currentNodeId === 'gap';
    await waitUntil(atGap, 'run of 0001 at gap');
  });

  afterAll(async () => {
    await api.stack.client.workflow
      .getHandle(dunningWorkflowId('0002'))
      .terminate('test finished')
      .catch(() => undefined);
    await api.stop();
  });

  it('rejects a zero, negative or malformed amount', async () => {
    const zero = await pay('0001', { amount: '0.00' });
    expect(zero.status).toBe(422);
    expect(zero.body.error.message).toBe('amount is 0, but a payment must be greater than 0');

    const negative = await pay('0001', { amountMinor: -500 });
    expect(negative.status).toBe(422);
    expect(negative.body.error.message).toContain('amountMinor -500 is negative');

    const decimals = await pay('0001', { amount: 12.345 });
    expect(decimals.status).toBe(422);
    expect(decimals.body.error.message).toContain('amount 12.345 has 3 decimals, but EUR has 2');

    const comma = await pay('0001', { amount: '12,34' });
    expect(comma.status).toBe(422);
    expect(comma.body.error.message).toContain("amount '12,34' is not a decimal number");
  });

  it('requires exactly one of amount and amountMinor', async () => {
    const neither = await pay('0001', {});
    expect(neither.status).toBe(422);
    expect(neither.body.error.message).toBe('give amount or amountMinor, but neither is set');
    const both = await pay('0001', { amount: '1.00', amountMinor: 100 });
    expect(both.body.error.message).toBe('give amount or amountMinor, but both are set');
  });

  it('rejects an amount over the open amount', async () => {
    const { status, body } = await pay('0001', { amount: '200' });
    expect(status).toBe(422);
    expect(body.error.code).toBe('amountExceedsOpenAmount');
    expect(body.error.message).toBe(
      "payment of 200.00 EUR exceeds the open amount of 123.45 EUR of invoice '0001'; " +
        'record at most 123.45 (12345 minor units)',
    );
  });

  it('rejects a payment dated after today', async () => {
    const { status, body } = await pay('0001', { amount: '1.00', receivedOn: '2199-01-01' });
    expect(status).toBe(422);
    expect(body.error.code).toBe('receivedInFuture');
  });

  it('rejects unknown fields and invoices', async () => {
    const unknownField = await pay('0001', { amount: '1.00', amout: '1.00' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.issues?.[0]?.message).toContain('field amout is unknown');
    const unknownInvoice = await pay('9999', { amount: '1.00' });
    expect(unknownInvoice.status).toBe(404);
    expect(unknownInvoice.body.error.message).toContain("invoice '9999' not found");
  });

  it('re-anchors the run on a partial payment', async () => {
    const { status, body } = await pay('0001', { paymentId: 'wire-1', amount: '23.45' });
    expect(status).toBe(201);
    expect(body.payment).toEqual({
      id: 'wire-1',
      invoiceId: '0001',
      amountMinor: 2_345,
      receivedOn: daysAgo(0),
      source: 'api',
    });
    expect(body.signal).toBe('sent');
    expect(body.openAmountMinor).toBe(10_000);

    const applied = async () => (await workflow('0001')).body.view?.openAmountMinor === 10_000;
    await waitUntil(applied, 'partial payment applied');
    const { body: run } = await workflow('0001');
    expect(run.view?.status).toBe('running');
    expect(run.events.map((event) => event.type)).toContain('payment.received');
  });

  it('replays a payment id once', async () => {
    const { status, body } = await pay('0001', { paymentId: 'wire-1', amount: '23.45' });
    expect(status).toBe(200);
    expect(body.created).toBe(false);
    expect(body.openAmountMinor).toBe(10_000);

    const conflict = await pay('0001', { paymentId: 'wire-1', amount: '24.00' });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.message).toContain("payment 'wire-1' is already recorded");
  });

  it('full payment ends run as paid', async () => {
    const { status, body } = await pay('0001', { amountMinor: 10_000 });
    expect(status).toBe(201);
    expect(body.payment.id).toMatch(/^api-[0-9a-f-]{36}$/);
    expect(body.openAmountMinor).toBe(0);

    const handle = api.stack.client.workflow.getHandle(dunningWorkflowId('0001'));
    expect(await handle.result()).toBe('paid');
    const ended = async () => (await workflow('0001')).body.run.status === 'completed';
    await waitUntil(ended, 'run of 0001 recorded as completed');
    const { body: run } = await workflow('0001');
    expect(run.run.outcome).toBe('paid');
    expect(run.execution?.status).toBe('COMPLETED');
    expect(run.view).toBeNull();
  });

  it('rejects a payment on a settled invoice', async () => {
    const { status, body } = await pay('0001', { amount: '1.00' });
    expect(status).toBe(422);
    expect(body.error.message).toBe("invoice '0001' is already settled");
  });

  it('checks concurrent payments one at a time', async () => {
    const replies = await Promise.all([
      pay('0002', { paymentId: 'race-1', amount: '50' }),
      pay('0002', { paymentId: 'race-2', amount: '50' }),
    ]);
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses).toEqual([201, 422]);
    const rejected = replies.find((reply) => reply.status === 422);
    expect(rejected?.body.error.message).toContain('exceeds the open amount of 30.00 EUR');
  });

  it('records payment without a workflow', async () => {
    const { status, body } = await pay('0003', { amount: '40' });
    expect(status).toBe(201);
    expect(body.signal).toBe('noRunningWorkflow');
    expect(body.openAmountMinor).toBe(0);
  });
});
