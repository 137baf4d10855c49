import { describe, expect, it } from 'vitest';
import { countbackDso, countbackFromTotals } from './countback-dso';
import { testInvoice, testPayment } from './test-book';

const thirtyDayMonths = [
  { salesMinor: 100_000_00, days: 30 },
  { salesMinor: 80_000_00, days: 30 },
  { salesMinor: 70_000_00, days: 30 },
];

// AR 212,000 on 31 March 2026 over sales of 100,000 in March, 80,000 in February and
// 70,000 in January; December's invoice is settled.
const book = {
  invoices: [
    testInvoice('march', '2026-03-05', 100_000_00),
    testInvoice('february', '2026-02-01', 80_000_00),
    testInvoice('january', '2026-01-31', 70_000_00),
    testInvoice('december', '2025-12-10', 50_000_00, { settledDate: '2026-01-05' }),
  ],
  payments: [testPayment('january', '2026-03-01', 38_000_00)],
};

describe('countbackDso', () => {
  it('matches the 30 + 30 + 32/70 x 30 example', () => {
    const dso = countbackFromTotals(212_000_00, thirtyDayMonths);
    expect(dso).toBeCloseTo(30 + 30 + (32 / 70) * 30, 10);
    expect(dso?.toFixed(2)).toBe('73.71');
  });

  it('computes the example from a book with 30-day months', () => {
    expect(countbackDso(book, '2026-03-31', 'thirtyDays')).toBeCloseTo(73.714_285, 5);
  });

  it('counts calendar months by their length', () => {
    expect(countbackDso(book, '2026-03-31', 'calendar')).toBeCloseTo(31 + 28 + (32 / 70) * 31, 10);
  });

  it('prorates the first month when it covers the AR', () => {
    expect(countbackFromTotals(50_00, thirtyDayMonths)).toBeCloseTo(0.015, 10);
  });

  it('returns 0 without AR and null when history is too short', () => {
    expect(countbackFromTotals(0, thirtyDayMonths)).toBe(0);
    expect(countbackFromTotals(300_000_00, thirtyDayMonths)).toBeNull();
  });

  it('returns null when nothing was invoiced yet', () => {
    expect(countbackDso(book, '2025-11-30')).toBeNull();
  });
});
