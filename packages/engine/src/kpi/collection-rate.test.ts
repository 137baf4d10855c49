import { describe, expect, it } from 'vitest';
import { collectionRate } from './collection-rate';
import { testInvoice, testPayment } from './test-book';

// 100,000 due in March 2026, of which 80,000 was settled by 31 March.
const book = {
  invoices: [
    testInvoice('paid-early', '2026-02-08', 50_000_00, { dueDate: '2026-03-10' }),
    testInvoice('settled-last-day', '2026-02-13', 30_000_00, {
      dueDate: '2026-03-15',
      settledDate: '2026-03-31',
    }),
    testInvoice('paid-in-april', '2026-03-01', 20_000_00, { dueDate: '2026-03-31' }),
    testInvoice('due-in-april', '2026-03-02', 70_000_00, { dueDate: '2026-04-01' }),
    testInvoice('due-in-february', '2026-01-29', 90_000_00, { dueDate: '2026-02-28' }),
  ],
  payments: [
    testPayment('paid-early', '2026-03-09', 50_000_00),
    testPayment('paid-in-april', '2026-04-01', 20_000_00),
  ],
};

describe('collectionRate', () => {
  it('matches the 80,000 / 100,000 example', () => {
    expect(collectionRate(book, '2026-06-30', '2026-03')).toEqual({
      collectedMinor: 80_000_00,
      dueMinor: 100_000_00,
      rate: 0.8,
    });
  });

  it('stops at the as-of date inside the month', () => {
    expect(collectionRate(book, '2026-03-20', '2026-03')).toEqual({
      collectedMinor: 50_000_00,
      dueMinor: 100_000_00,
      rate: 0.5,
    });
  });

  it('counts partial payments', () => {
    const partial = {
      ...book,
      payments: [...book.payments, testPayment('paid-in-april', '2026-03-31', 5_000_00)],
    };
    expect(collectionRate(partial, '2026-06-30', '2026-03').collectedMinor).toBe(85_000_00);
  });

  it('returns a null rate when nothing was due', () => {
    expect(collectionRate(book, '2026-06-30', '2026-05').rate).toBeNull();
  });

  it('rejects an invalid month', () => {
    expect(() => collectionRate(book, '2026-06-30', '2026-13')).toThrow(
      "month '2026-13' is invalid",
    );
  });
});
