import { describe, expect, it } from 'vitest';
import { daysLate, daysToSettle, settlementDateOf } from './settlement';
import { testInvoice, testPayment } from './test-book';

describe('settlementDateOf', () => {
  const invoice = testInvoice('a', '2026-03-01', 1000);

  it('is undefined while unpaid', () => {
    expect(settlementDateOf(invoice, [testPayment('a', '2026-03-05', 999)])).toBeUndefined();
  });

  it('is the day payments reach the amount', () => {
    const payments = [testPayment('a', '2026-03-20', 600), testPayment('a', '2026-03-05', 400)];
    expect(settlementDateOf(invoice, payments)).toBe('2026-03-20');
  });

  it('is the settled date when that comes first', () => {
    const settled = { ...invoice, settledDate: '2026-03-10' };
    expect(settlementDateOf(settled, [testPayment('a', '2026-03-20', 1000)])).toBe('2026-03-10');
  });

  it('is the issue date for an amount of 0', () => {
    expect(settlementDateOf({ ...invoice, amountMinor: 0 }, [])).toBe('2026-03-01');
  });
});

describe('daysToSettle and daysLate', () => {
  const invoice = testInvoice('a', '2013-01-26', 6174, {
    dueDate: '2013-02-25',
    settledDate: '2013-03-03',
  });

  it('counts days from the dates', () => {
    expect(daysToSettle(invoice, [])).toBe(36);
    expect(daysLate(invoice, [])).toBe(6);
  });

  it('is 0 days late when paid by the due date', () => {
    expect(daysLate({ ...invoice, settledDate: '2013-02-25' }, [])).toBe(0);
  });

  it('is undefined while unpaid', () => {
    const open = testInvoice('a', '2013-01-26', 6174, { dueDate: '2013-02-25' });
    expect(daysToSettle(open, [])).toBeUndefined();
    expect(daysLate(open, [])).toBeUndefined();
  });
});
