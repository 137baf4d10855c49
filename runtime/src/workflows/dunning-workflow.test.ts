import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import type { Customer, Invoice } from '@dunflow/model';
import { getWorkflowRun, listEvents, listTasks, publishDefinition, upsertBook } from '@dunflow/db';
import { compileQuickScenario } from '../testing/quick-scenario';
import { startTestStack, type TestStack } from '../testing/test-stack';
import { startRun } from '../services/start-runs';
import { allOpenInvoices } from '../services/open-invoices';
import { Worker } from '@temporalio/worker';
import { pino } from 'pino';
import { WORKFLOWS_PATH } from '../worker/create-worker';
import { dunningWorkflowId } from './dunning-input';
import { disputeOpenedSignal, paymentSignal, promiseToPaySignal, runViewQuery } from './signals';

const TODAY = new Date().toISOString().slice(0, 10);

function customer(id: string, email?: string): Customer {
  return {
    id,
    name: `Customer ${id}`,
    countryCode: 'FR',
    ...(email === undefined ? {} : { email }),
  };
}

function invoice(id: string, customerId: string, amountMinor: number): Invoice {
  return {
    id,
    customerId,
    issueDate: '2026-01-01',
    dueDate: '2026-01-31',
    amountMinor,
    currency: 'EUR',
    disputed: false,
  };
}

describe('dunning workflow on a real Temporal server', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack(inject('temporalAddress'));
    await upsertBook(
      stack.db,
      {
        customers: [customer('C1', 'c1@example.com'), customer('C2')],
        invoices: [
          invoice('0001', 'C1', 12_345),
          invoice('0002', 'C1', 5_000),
          invoice('0003', 'C2', 7_000),
          invoice('0004', 'C1', 2_500),
          invoice('0005', 'C1', 3_000),
        ],
        payments: [],
      },
      'test.csv',
    );
  });

  afterAll(async () => {
    await stack.stop();
  });

  async function start(invoiceId: string, gapSeconds = 1, timeoutSeconds = 2) {
    const definition = compileQuickScenario(gapSeconds, timeoutSeconds);
    await publishDefinition(stack.db, definition);
    const open = await allOpenInvoices(stack.db, TODAY);
    const target = open.find((item) => item.id === invoiceId);
    if (target === undefined) throw new Error(`invoice ${invoiceId} is not open`);
    const deps = { ...stack, logger: pino({ level: 'silent' }) };
    expect(await startRun(deps, definition, target)).toBe(true);
    return stack.client.workflow.getHandle(dunningWorkflowId(invoiceId));
  }

  it('runs the flow to escalation', async () => {
    const handle = await start('0001');
    expect(await handle.result()).toBe('escalated');

    const mails = stack.smtp.messages({ to: 'c1@example.com' });
    const subjects = mails.map((mail) => mail.subject);
    expect(subjects).toContain('Invoice 0001 is overdue');
    expect(subjects).toContain('Second reminder for invoice 0001');
    const second = mails.find((mail) => mail.subject.startsWith('Second'));
    expect(second?.text).toContain('Please pay 123.45 EUR here: http');

    const tasks = await listTasks(stack.db, { invoiceId: '0001' });
    expect(tasks.map((task) => task.title)).toEqual(['Call the customer']);
    const types = (await listEvents(stack.db, '0001')).map((event) => event.type);
    expect(types).toContain('email.sent');
    expect(types).toContain('paymentLink.created');
    expect(types).toContain('run.completed');
    const run = await getWorkflowRun(stack.db, dunningWorkflowId('0001'));
    expect(run?.status).toBe('completed');
    expect(run?.outcome).toBe('escalated');
  });

  it('replays its history deterministically', async () => {
    const history = await stack.client.workflow.getHandle(dunningWorkflowId('0001')).fetchHistory();
    await expect(
      Worker.runReplayHistory({ workflowsPath: WORKFLOWS_PATH }, history),
    ).resolves.toBeUndefined();
  });

  it('ends as paid on a full payment', async () => {
    const handle = await start('0002', 1, 30);
    await waitUntil(async () => (await handle.query(runViewQuery)).currentNodeId === 'await');
    await handle.signal(paymentSignal, { paymentId: 'pay-0002', amountMinor: 5_000 });
    expect(await handle.result()).toBe('paid');
  });

  it('answers the run view query', async () => {
    const handle = await start('0004', 30, 30);
    await waitUntil(async () => (await handle.query(runViewQuery)).currentNodeId === 'gap');
    const view = await handle.query(runViewQuery);
    expect(view.nextAction?.nodeId).toBe('link');
    expect(Date.parse(view.nextAction?.at ?? '')).toBeGreaterThan(Date.now());
    expect(view.actions.some((action) => action.nodeId === 'first')).toBe(true);
    await handle.signal(disputeOpenedSignal, { reason: 'wrong quantity' });
    await waitUntil(async () => (await handle.query(runViewQuery)).status === 'paused');
    await handle.terminate('test finished');
  });

  it('records a signal it cannot apply and keeps running', async () => {
    const handle = await start('0005', 30, 30);
    await waitUntil(async () => (await handle.query(runViewQuery)).currentNodeId === 'gap');
    await handle.signal(promiseToPaySignal, { promisedDate: '9999-12-31' });
    await waitUntil(async () =>
      (await listEvents(stack.db, '0005')).some((event) => event.type === 'signal.rejected'),
    );
    const rejected = (await listEvents(stack.db, '0005')).find(
      (event) => event.type === 'signal.rejected',
    );
    expect(rejected?.data).toMatchObject({ signal: 'promiseToPay' });
    expect((await handle.query(runViewQuery)).status).toBe('running');
    await handle.signal(paymentSignal, { paymentId: 'pay-0005', amountMinor: 3_000 });
    expect(await handle.result()).toBe('paid');
  });

  it('hands a missing address to a collector', async () => {
    const handle = await start('0003');
    expect(await handle.result()).toBe('escalated');
    const tasks = await listTasks(stack.db, { invoiceId: '0003' });
    const titles = tasks.map((task) => task.title);
    expect(titles).toContain("Follow up by hand: customer 'C2' has no e-mail address");
    const types = (await listEvents(stack.db, '0003')).map((event) => event.type);
    expect(types).toContain('action.failed');
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
