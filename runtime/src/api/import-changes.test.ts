import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import type { RunView } from '@dunflow/engine/interpreter';
import { listEvents } from '@dunflow/db';
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

const INVOICE = {
  id: '0001',
  customerId: 'C1',
  email: 'c1@example.com',
  issuedDaysAgo: 60,
  dueDaysAgo: 30,
  amount: '123.45',
};

describe('an import that settles an invoice in dunning', () => {
  let api: ApiTestContext;
  const view = async () =>
    (await call<{ view: RunView | null }>(api.app, 'GET', '/invoices/0001/workflow')).body.view;

  beforeAll(async () => {
    api = await startApiTest(inject('temporalAddress'));
    expect((await importCsv(api.app, bookCsv([INVOICE]))).status).toBe(200);
    expect((await call(api.app, 'POST', '/scenarios', quickScenario(30, 30))).status).toBe(201);
    expect((await call(api.app, 'POST', '/scenarios/quick/runs')).status).toBe(200);
    await waitUntil(async () => (await view())?.currentNodeId === 'gap', 'run at gap');
  });

  afterAll(async () => {
    await api.stop();
  });

  it('ends the run as paid, once', async () => {
    const settled = bookCsv([{ ...INVOICE, settledDaysAgo: 0 }]);
    const first = await importCsv(api.app, settled);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ workflowsSignalled: 1 });
    const handle = api.stack.client.workflow.getHandle(dunningWorkflowId('0001'));
    expect(await handle.result()).toBe('paid');

    const received = (await listEvents(api.stack.db, '0001')).filter(
      (event) => event.type === 'payment.received',
    );
    expect(received.map((event) => event.data['amountMinor'])).toEqual([12_345]);

    const again = await importCsv(api.app, settled);
    expect(again.body).toMatchObject({ workflowsSignalled: 0 });
  });
});
