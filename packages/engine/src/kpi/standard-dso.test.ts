import { describe, expect, it } from 'vitest';
import { averageDaysDelinquent } from './average-days-delinquent';
import { bestPossibleDso } from './best-possible-dso';
import { KpiInputError } from './kpi-input-error';
import { dsoFromTotals, standardDso } from './standard-dso';
import { testInvoice, testPayment } from './test-book';

// AR 15,000 on 31 March: 11,000 overdue and 4,000 not yet due; 10,000 invoiced in March.
const marchBook = {
  invoices: [
    testInvoice('old-overdue', '2026-01-15', 1_100_000),
    testInvoice('march-sale', '2026-03-10', 1_000_000),
    testInvoice('settled-before', '2026-01-20', 500_000, { settledDate: '2026-02-25' }),
  ],
  payments: [testPayment('march-sale', '2026-03-20', 600_000)],
};

describe('standardDso', () => {
  it('matches the 200,000 / 2,000,000 x 365 example', () => {
    expect(dsoFromTotals(200_000_00, 2_000_000_00, 365)).toBe(36.5);
  });

  it('computes 36.5 from a book over 365 days', () => {
    const book = {
      invoices: [
        testInvoice('settled', '2025-03-01', 1_800_000_00, { settledDate: '2025-04-01' }),
        testInvoice('open', '2025-12-01', 200_000_00),
        // Issued on 31 December 2024, the day before the 365-day window starts.
        testInvoice('outside', '2024-12-31', 900_000_00, { settledDate: '2025-01-15' }),
      ],
      payments: [],
    };
    expect(standardDso(book, '2025-12-31', 365)).toBe(36.5);
  });

  it('matches the 15,000 / 10,000 x 30 example', () => {
    expect(standardDso(marchBook, '2026-03-31', 30)).toBe(45);
  });

  it('returns null when nothing was invoiced', () => {
    expect(standardDso(marchBook, '2026-06-30', 30)).toBeNull();
  });

  it('rejects an invalid day count', () => {
    expect(() => standardDso(marchBook, '2026-03-31', 0)).toThrow(KpiInputError);
    expect(() => standardDso(marchBook, '2026-03-31', 1.5)).toThrow('days 1.5 is invalid');
  });

  it('rejects an invalid as-of date', () => {
    expect(() => standardDso(marchBook, '2026-02-30', 30)).toThrow("asOf '2026-02-30' is invalid");
  });
});

describe('bestPossibleDso', () => {
  it('matches the 4,000 / 10,000 x 30 example', () => {
    expect(bestPossibleDso(marchBook, '2026-03-31', 30)).toBe(12);
  });

  it('counts an invoice due on the as-of date as current', () => {
    const dueToday = testInvoice('due-today', '2026-03-02', 1000, { dueDate: '2026-03-31' });
    const book = { invoices: [dueToday], payments: [] };
    expect(bestPossibleDso(book, '2026-03-31', 30)).toBe(30);
  });
});

describe('averageDaysDelinquent', () => {
  it('matches the 45 - 12 example', () => {
    expect(averageDaysDelinquent(marchBook, '2026-03-31', 30)).toBe(33);
  });

  it('returns null when nothing was invoiced', () => {
    expect(averageDaysDelinquent(marchBook, '2026-06-30', 30)).toBeNull();
  });
});
