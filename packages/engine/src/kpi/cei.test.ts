import { describe, expect, it } from 'vitest';
import { cei, ceiFromTotals, ceiTotals } from './cei';
import { testInvoice, testPayment } from './test-book';

// Opening AR 100,000 on 28 February; 1,000,000 invoiced in March; closing AR 120,000 of
// which 100,000 is not yet due.
const book = {
  invoices: [
    testInvoice('opening', '2026-02-10', 100_000_00, { settledDate: '2026-03-20' }),
    testInvoice('overdue', '2026-03-05', 900_000_00, { dueDate: '2026-03-20' }),
    testInvoice('current', '2026-03-25', 100_000_00),
  ],
  payments: [testPayment('overdue', '2026-03-25', 880_000_00)],
};

describe('cei', () => {
  it('matches the 98% example', () => {
    const totals = {
      openingArMinor: 100_000_00,
      salesMinor: 1_000_000_00,
      closingArMinor: 120_000_00,
      closingCurrentArMinor: 100_000_00,
    };
    expect(ceiFromTotals(totals)).toBeCloseTo(0.98, 12);
  });

  it('computes the example from a book', () => {
    expect(ceiTotals(book, '2026-03-31', { months: 1 })).toEqual({
      openingArMinor: 100_000_00,
      salesMinor: 1_000_000_00,
      closingArMinor: 120_000_00,
      closingCurrentArMinor: 100_000_00,
    });
    expect(cei(book, '2026-03-31', { months: 1 })).toBeCloseTo(0.98, 12);
  });

  it('divides sales by the months when asked to', () => {
    const total = ceiTotals(book, '2026-03-31', { months: 2 });
    const average = ceiTotals(book, '2026-03-31', { months: 2, sales: 'monthlyAverage' });
    expect(total.openingArMinor).toBe(0);
    expect(total.salesMinor).toBe(1_100_000_00);
    expect(average.salesMinor).toBe(550_000_00);
    expect(cei(book, '2026-03-31', { months: 2, sales: 'monthlyAverage' })).toBeCloseTo(
      (550_000 - 120_000) / (550_000 - 100_000),
      12,
    );
  });

  it('returns null when nothing was collectable', () => {
    expect(cei({ invoices: [], payments: [] }, '2026-03-31', { months: 1 })).toBeNull();
  });

  it('rejects a period of no months', () => {
    expect(() => cei(book, '2026-03-31', { months: 0 })).toThrow('months 0 is invalid');
  });
});
