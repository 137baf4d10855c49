import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import { createMigratedTestDatabase, recordPayment } from '@dunflow/db';
import {
  bookCsv,
  call,
  daysAgo,
  importCsv,
  memoryLogger,
  startApiTest,
  type ApiTestContext,
} from './api-test-support';
import { createApi } from './create-api';

interface InvoiceItem {
  id: string;
  status: string;
  openAmountMinor: number;
  paidMinor: number;
  daysPastDue: number;
}

interface ListReply {
  asOf: string;
  nextOffset: number | null;
  invoices: InvoiceItem[];
}

interface DetailReply {
  invoice: { id: string; amountMinor: number };
  customer: { id: string; email?: string };
  payments: { id: string; amountMinor: number; source: string }[];
  events: unknown[];
  position: { status: string; openAmountMinor: number; daysPastDue: number } | null;
  workflowRun: unknown;
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
    customerId: 'C1',
    issuedDaysAgo: 50,
    dueDaysAgo: 20,
    amount: '50.00',
    settledDaysAgo: 10,
  },
  { id: '0003', customerId: 'C2', issuedDaysAgo: 40, dueDaysAgo: 10, amount: '70.00' },
  { id: '0004', customerId: 'C2', issuedDaysAgo: 5, dueDaysAgo: -25, amount: '10.00' },
]);

const ids = (reply: ListReply) => reply.invoices.map((invoice) => invoice.id);

describe('invoice routes', () => {
  let api: ApiTestContext;

  beforeAll(async () => {
    api = await startApiTest(inject('temporalAddress'));
    expect((await importCsv(api.app, BOOK)).status).toBe(200);
    await recordPayment(api.stack.db, {
      id: 'part-0003',
      invoiceId: '0003',
      amountMinor: 2_000,
      receivedOn: daysAgo(3),
      source: 'api',
    });
  });

  afterAll(async () => {
    await api.stop();
  });

  it('answers the health check', async () => {
    expect(await call(api.app, 'GET', '/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('reports an unavailable database as 503', async () => {
    const closed = await createMigratedTestDatabase();
    await closed.close();
    const { status, body } = await call(
      createApi({ ...api.deps, db: closed.db }),
      'GET',
      '/health',
    );
    expect(status).toBe(503);
    expect(body.error.code).toBe('databaseUnavailable');
  });

  it('lists every invoice by due date', async () => {
    const { status, body } = await call<ListReply>(api.app, 'GET', '/invoices');
    expect(status).toBe(200);
    expect(body.asOf).toBe(daysAgo(0));
    expect(ids(body)).toEqual(['0001', '0002', '0003', '0004']);
    expect(body.nextOffset).toBeNull();
    const partlyPaid = body.invoices.find((invoice) => invoice.id === '0003');
    expect(partlyPaid).toMatchObject({ status: 'open', paidMinor: 2_000, openAmountMinor: 5_000 });
    expect(partlyPaid?.daysPastDue).toBe(10);
  });

  it('filters by status, customer and overdue', async () => {
    const open = await call<ListReply>(api.app, 'GET', '/invoices?status=open');
    expect(ids(open.body)).toEqual(['0001', '0003', '0004']);
    const settled = await call<ListReply>(api.app, 'GET', '/invoices?status=settled');
    expect(ids(settled.body)).toEqual(['0002']);
    const overdue = await call<ListReply>(
      api.app,
      'GET',
      '/invoices?overdueOnly=true&customerId=C2',
    );
    expect(ids(overdue.body)).toEqual(['0003']);
  });

  it('lists the book as of an earlier date', async () => {
    const { body } = await call<ListReply>(
      api.app,
      'GET',
      `/invoices?asOf=${daysAgo(15)}&status=open`,
    );
    // 0002 was still open then, 0004 not yet issued, and 0003 not yet partly paid.
    expect(ids(body)).toEqual(['0001', '0002', '0003']);
    expect(body.invoices[2]?.openAmountMinor).toBe(7_000);
  });

  it('pages with limit and offset', async () => {
    const first = await call<ListReply>(api.app, 'GET', '/invoices?limit=3');
    expect(ids(first.body)).toEqual(['0001', '0002', '0003']);
    expect(first.body.nextOffset).toBe(3);
    const second = await call<ListReply>(api.app, 'GET', '/invoices?limit=3&offset=3');
    expect(ids(second.body)).toEqual(['0004']);
    expect(second.body.nextOffset).toBeNull();
  });

  it('names each invalid query parameter', async () => {
    const { status, body } = await call(
      api.app,
      'GET',
      '/invoices?status=paid&limit=0&overdueOnly=yes',
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalidQuery');
    expect(body.error.issues).toEqual([
      {
        path: 'status',
        message: "query parameter status 'paid' is invalid: expected one of: open, settled, all",
      },
      {
        path: 'overdueOnly',
        message: "query parameter overdueOnly 'yes' is invalid: expected true or false",
      },
      {
        path: 'limit',
        message: "query parameter limit '0' is invalid: expected a whole number from 1 to 1000",
      },
    ]);
  });

  it('shows one invoice in full', async () => {
    const { status, body } = await call<DetailReply>(api.app, 'GET', '/invoices/0003');
    expect(status).toBe(200);
    expect(body.invoice).toMatchObject({ id: '0003', amountMinor: 7_000 });
    expect(body.customer.id).toBe('C2');
    expect(body.payments).toEqual([
      {
        id: 'part-0003',
        invoiceId: '0003',
        amountMinor: 2_000,
        receivedOn: daysAgo(3),
        source: 'api',
      },
    ]);
    expect(body.events).toEqual([]);
    expect(body.position).toMatchObject({
      status: 'open',
      openAmountMinor: 5_000,
      daysPastDue: 10,
    });
    expect(body.workflowRun).toBeNull();
  });

  it('keeps leading zeros of invoice ids', async () => {
    const { status } = await call(api.app, 'GET', '/invoices/1');
    expect(status).toBe(404);
  });

  it('returns 404 naming an unknown invoice', async () => {
    const { status, body } = await call(api.app, 'GET', '/invoices/9999');
    expect(status).toBe(404);
    expect(body.error.code).toBe('invoiceNotFound');
    expect(body.error.message).toBe(
      "invoice '9999' not found; import the book that contains it with POST /imports",
    );
  });

  it('workflow without a run is 404', async () => {
    const { status, body } = await call(api.app, 'GET', '/invoices/0001/workflow');
    expect(status).toBe(404);
    expect(body.error.code).toBe('workflowNotFound');
    expect(body.error.message).toContain("invoice '0001' has no dunning run yet");
  });

  it('returns 404 for an unknown route', async () => {
    const { status, body } = await call(api.app, 'DELETE', '/invoices');
    expect(status).toBe(404);
    expect(body.error).toMatchObject({
      code: 'routeNotFound',
      message: 'no route DELETE /invoices',
    });
  });

  it('logs a rejected request with its ids', async () => {
    const { logger, records } = memoryLogger();
    const app = createApi({ ...api.deps, logger });
    const response = await app.request('/invoices/9999');
    const logged = records.find((record) => record['msg'] === 'request rejected');
    expect(logged).toMatchObject({
      level: 40,
      invoiceId: '9999',
      status: 404,
      code: 'invoiceNotFound',
      requestId: response.headers.get('X-Request-Id'),
    });
  });

  it('rejects a NUL in an invoice id', async () => {
    const response = await api.app.request('/invoices/%00');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe('invalidText');
  });

  it('rejects a JSON body over 1 MiB', async () => {
    const body = JSON.stringify({ reason: 'x'.repeat(1024 * 1024) });
    const response = await api.app.request('/invoices/0001/pause', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
    });
    expect(response.status).toBe(413);
    const reply = (await response.json()) as { error: { code: string } };
    expect(reply.error.code).toBe('bodyTooLarge');
  });
});
