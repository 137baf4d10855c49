import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import { upsertBook } from '@dunflow/db';
import type { Invoice } from '@dunflow/model';
import { call, startApiTest, type ApiTestContext } from './api-test-support';

interface AmountReply {
  amountMinor: number;
  amount: string;
  count: number;
}

interface KpiReply {
  asOf: string;
  month: string;
  currency: string;
  openAr: AmountReply;
  aging: Record<string, AmountReply>;
  standardDso: { days: number; value: number | null; formatted: string | null }[];
  collectionRate: {
    collectedMinor: number;
    dueMinor: number;
    rate: number | null;
    collected: string;
    due: string;
    formatted: string | null;
  };
  definitions: Record<string, string>;
}

function invoice(id: string, issueDate: string, dueDate: string, amountMinor: number): Invoice {
  return {
    id,
    customerId: 'C1',
    issueDate,
    dueDate,
    amountMinor,
    currency: 'EUR',
    disputed: false,
  };
}

/*
 * As of 31 March 2026: A is not due, B is 30 days past due (1-30) and C 31 (31-60), so open AR
 * is 15,000. Invoiced in the 30 days to 31 March: A's 10,000, so DSO(30) = 15,000 / 10,000 x 30
 * = 45. In the 90 days: all four, 27,000, so DSO(90) = 15,000 / 27,000 x 90 = 50. Due in March:
 * B and D, 15,000, of which D's 12,000 was settled, so the collection rate is 80%.
 */
const BOOK = {
  customers: [{ id: 'C1', countryCode: 'FR' }],
  invoices: [
    invoice('A', '2026-03-10', '2026-04-09', 10_000_00),
    invoice('B', '2026-01-30', '2026-03-01', 3_000_00),
    invoice('C', '2026-01-29', '2026-02-28', 2_000_00),
    { ...invoice('D', '2026-02-05', '2026-03-07', 12_000_00), settledDate: '2026-03-20' },
    { ...invoice('E', '2026-03-15', '2026-04-14', 500_00), currency: 'USD' },
  ],
  payments: [],
};

describe('GET /kpis', () => {
  let api: ApiTestContext;

  beforeAll(async () => {
    api = await startApiTest(inject('temporalAddress'));
    await upsertBook(api.stack.db, BOOK, 'kpi-book.csv');
  });

  afterAll(async () => {
    await api.stop();
  });

  it('computes the KPIs of a small book', async () => {
    const { status, body } = await call<KpiReply>(
      api.app,
      'GET',
      '/kpis?asOf=2026-03-31&month=2026-03&currency=EUR',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ asOf: '2026-03-31', month: '2026-03', currency: 'EUR' });
    expect(body.openAr).toEqual({ amountMinor: 15_000_00, count: 3, amount: '15,000.00 EUR' });
    expect(body.aging).toEqual({
      notDue: { amountMinor: 10_000_00, count: 1, amount: '10,000.00 EUR' },
      pastDue1To30: { amountMinor: 3_000_00, count: 1, amount: '3,000.00 EUR' },
      pastDue31To60: { amountMinor: 2_000_00, count: 1, amount: '2,000.00 EUR' },
      pastDue61To90: { amountMinor: 0, count: 0, amount: '0.00 EUR' },
      pastDueOver90: { amountMinor: 0, count: 0, amount: '0.00 EUR' },
    });
    expect(body.standardDso).toEqual([
      { days: 30, value: 45, formatted: '45.0 days' },
      { days: 90, value: 50, formatted: '50.0 days' },
    ]);
    expect(body.collectionRate).toEqual({
      collectedMinor: 12_000_00,
      dueMinor: 15_000_00,
      rate: 0.8,
      collected: '12,000.00 EUR',
      due: '15,000.00 EUR',
      formatted: '80.0%',
    });
    expect(Object.keys(body.definitions)).toEqual([
      'openAr',
      'aging',
      'standardDso',
      'collectionRate',
      'amounts',
    ]);
  });

  it('defaults the month to the as-of month', async () => {
    const { body } = await call<KpiReply>(api.app, 'GET', '/kpis?asOf=2026-03-31&currency=EUR');
    expect(body.month).toBe('2026-03');
    expect(body.collectionRate.rate).toBe(0.8);
  });

  it('computes each currency apart', async () => {
    const { body } = await call<KpiReply>(api.app, 'GET', '/kpis?asOf=2026-03-31&currency=USD');
    expect(body.openAr).toEqual({ amountMinor: 500_00, count: 1, amount: '500.00 USD' });
    expect(body.standardDso[0]?.value).toBe(30);
  });

  it('picks the only currency of the book on a date', async () => {
    const { status, body } = await call<KpiReply>(api.app, 'GET', '/kpis?asOf=2026-03-14');
    expect(status).toBe(200);
    expect(body.currency).toBe('EUR');
  });

  it('asks for a currency when the book has several', async () => {
    const { status, body } = await call(api.app, 'GET', '/kpis?asOf=2026-03-31');
    expect(status).toBe(400);
    expect(body.error.code).toBe('currencyRequired');
    expect(body.error.message).toBe(
      'the book has invoices in EUR and USD, whose amounts do not add up; pick one with ?currency=EUR',
    );
  });

  it('null rates on an empty period', async () => {
    const { body } = await call<KpiReply>(api.app, 'GET', '/kpis?asOf=2025-06-30&currency=EUR');
    expect(body.openAr.amountMinor).toBe(0);
    expect(body.standardDso[0]).toEqual({ days: 30, value: null, formatted: null });
    expect(body.collectionRate.rate).toBeNull();
  });

  it('names an invalid month', async () => {
    const { status, body } = await call(api.app, 'GET', '/kpis?month=2026-13&currency=EUR');
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      "query parameter month '2026-13' is invalid: expected a month as YYYY-MM, e.g. 2026-03",
    );
  });
});
