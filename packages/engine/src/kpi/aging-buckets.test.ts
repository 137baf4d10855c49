import { describe, expect, it } from 'vitest';
import { agingBucketOf, agingBuckets } from './aging-buckets';
import { testInvoice, testPayment } from './test-book';

describe('agingBucketOf', () => {
  it.each([
    [-5, 'notDue'],
    [0, 'notDue'],
    [1, 'pastDue1To30'],
    [30, 'pastDue1To30'],
    [31, 'pastDue31To60'],
    [60, 'pastDue31To60'],
    [61, 'pastDue61To90'],
    [90, 'pastDue61To90'],
    [91, 'pastDueOver90'],
  ] as const)('puts %i days past due in %s', (days, bucket) => {
    expect(agingBucketOf(days)).toBe(bucket);
  });
});

describe('agingBuckets', () => {
  const book = {
    invoices: [
      testInvoice('due-31-march', '2026-03-01', 100, { dueDate: '2026-03-31' }),
      testInvoice('due-1-march', '2026-02-01', 200, { dueDate: '2026-03-01' }),
      testInvoice('due-28-february', '2026-01-29', 300, { dueDate: '2026-02-28' }),
      testInvoice('due-31-december', '2025-12-01', 400, { dueDate: '2025-12-31' }),
      testInvoice('due-30-december', '2025-11-30', 500, { dueDate: '2025-12-30' }),
      testInvoice('part-paid', '2026-02-05', 1000, { dueDate: '2026-03-07' }),
      testInvoice('settled', '2026-02-05', 7000, { settledDate: '2026-03-31' }),
      testInvoice('issued-later', '2026-04-01', 9000),
    ],
    payments: [testPayment('part-paid', '2026-03-31', 400)],
  };

  it('buckets the 31 March example', () => {
    expect(agingBuckets(book, '2026-03-31')).toEqual({
      notDue: { amountMinor: 100, count: 1 },
      pastDue1To30: { amountMinor: 200 + 600, count: 2 },
      pastDue31To60: { amountMinor: 300, count: 1 },
      pastDue61To90: { amountMinor: 400, count: 1 },
      pastDueOver90: { amountMinor: 500, count: 1 },
    });
  });

  it('filters by currency', () => {
    const usd = { ...book, invoices: [testInvoice('usd', '2026-03-01', 5, { currency: 'USD' })] };
    expect(agingBuckets(usd, '2026-03-31', { currency: 'EUR' }).notDue.count).toBe(0);
    expect(agingBuckets(usd, '2026-03-31', { currency: 'USD' }).notDue.amountMinor).toBe(5);
  });
});
