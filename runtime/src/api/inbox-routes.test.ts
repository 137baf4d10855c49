import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import { quickScenario } from '../testing/quick-scenario';
import { dunningWorkflowId } from '../workflows/dunning-input';
import { bookCsv, call, importCsv, startApiTest, type ApiTestContext } from './api-test-support';
import { createApi } from './create-api';

interface InboxReply {
  messages: { to: string[]; subject: string; text: string; receivedAt: string }[];
  dropped: number;
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

describe('GET /inbox', () => {
  let api: ApiTestContext;

  beforeAll(async () => {
    api = await startApiTest(inject('temporalAddress'));
    expect((await importCsv(api.app, BOOK)).status).toBe(200);
    expect((await call(api.app, 'POST', '/scenarios', quickScenario(1, 1))).status).toBe(201);
    expect((await call(api.app, 'POST', '/scenarios/quick/runs')).status).toBe(200);
    for (const invoiceId of ['0001', '0002']) {
      const handle = api.stack.client.workflow.getHandle(dunningWorkflowId(invoiceId));
      expect(await handle.result()).toBe('escalated');
    }
  });

  afterAll(async () => {
    await api.stop();
  });

  it('lists one recipient, newest first', async () => {
    const { status, body } = await call<InboxReply>(api.app, 'GET', '/inbox?to=C1@example.com');
    expect(status).toBe(200);
    expect(body.messages.map((message) => message.subject)).toEqual([
      'Second reminder for invoice 0001',
      'Invoice 0001 is overdue',
    ]);
    expect(body.messages[0]?.text).toContain('Please pay 123.45 EUR here: http');
    expect(body.dropped).toBe(0);
  });

  it('lists every e-mail without a filter', async () => {
    const { body } = await call<InboxReply>(api.app, 'GET', '/inbox');
    expect(body.messages).toHaveLength(4);
    const times = body.messages.map((message) => Date.parse(message.receivedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('names an invalid address', async () => {
    const { status, body } = await call(api.app, 'GET', '/inbox?to=nobody');
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      "query parameter to 'nobody' is invalid: expected an e-mail address, e.g. ar@example.com",
    );
  });

  it('returns 404 when no inbox is configured', async () => {
    const { inbox, ...deps } = api.deps;
    expect(inbox).toBeDefined();
    const { status, body } = await call(createApi(deps), 'GET', '/inbox');
    expect(status).toBe(404);
    expect(body.error.code).toBe('inboxNotConfigured');
    expect(body.error.message).toBe('this API has no SMTP capture inbox');
  });
});
