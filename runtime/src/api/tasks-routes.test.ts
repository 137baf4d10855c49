import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import { quickScenario } from '../testing/quick-scenario';
import { dunningWorkflowId } from '../workflows/dunning-input';
import { bookCsv, call, importCsv, startApiTest, type ApiTestContext } from './api-test-support';

interface TasksReply {
  tasks: { invoiceId: string; title: string; status: string; dueOn: string }[];
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
  { id: '0002', customerId: 'C2', issuedDaysAgo: 60, dueDaysAgo: 30, amount: '80.00' },
]);

describe('GET /tasks', () => {
  let api: ApiTestContext;

  beforeAll(async () => {
    api = await startApiTest(inject('temporalAddress'));
    expect((await importCsv(api.app, BOOK)).status).toBe(200);
    expect((await call(api.app, 'POST', '/scenarios', quickScenario(1, 2))).status).toBe(201);
    expect((await call(api.app, 'POST', '/scenarios/quick/runs')).status).toBe(200);
    for (const invoiceId of ['0001', '0002']) {
      const handle = api.stack.client.workflow.getHandle(dunningWorkflowId(invoiceId));
      expect(await handle.result()).toBe('escalated');
    }
  });

  afterAll(async () => {
    await api.stop();
  });

  it('lists the tasks of one invoice', async () => {
    const { status, body } = await call<TasksReply>(api.app, 'GET', '/tasks?invoiceId=0001');
    expect(status).toBe(200);
    expect(body.tasks.map((task) => task.title)).toEqual(['Call the customer']);
    expect(body.tasks[0]?.status).toBe('open');
  });

  it('lists open tasks of every invoice', async () => {
    const { body } = await call<TasksReply>(api.app, 'GET', '/tasks?status=open');
    const titles = body.tasks.map((task) => `${task.invoiceId}: ${task.title}`).sort();
    expect(titles).toEqual([
      '0001: Call the customer',
      '0002: Call the customer',
      "0002: Follow up by hand: customer 'C2' has no e-mail address",
      "0002: Follow up by hand: customer 'C2' has no e-mail address",
    ]);
  });

  it('lists no done tasks', async () => {
    const { body } = await call<TasksReply>(api.app, 'GET', '/tasks?status=done');
    expect(body.tasks).toEqual([]);
  });

  it('names an invalid status', async () => {
    const { status, body } = await call(api.app, 'GET', '/tasks?status=closed');
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      "query parameter status 'closed' is invalid: expected one of: open, done, cancelled",
    );
  });
});
