import { describe, expect, it } from 'vitest';
import { KpiInputError } from './kpi-input-error';
import { promiseKeptRate } from './promise-kept-rate';
import { testInvoice, testPayment } from './test-book';

describe('promiseKeptRate', () => {
  const invoices = Array.from({ length: 18 }, (_, index) =>
    testInvoice(`invoice-${index}`, '2026-01-05', 1000),
  );
  // 12 paid in full by 10 March, 4 never paid, 2 promised for after the as-of date.
  const payments = invoices
    .slice(0, 12)
    .map((invoice, index) =>
      testPayment(invoice.id, index < 6 ? '2026-03-10' : '2026-03-01', 1000),
    );
  const promises = invoices.map((invoice, index) => ({
    invoiceId: invoice.id,
    promisedDate: index < 16 ? '2026-03-10' : '2026-04-15',
  }));

  it('matches the 12 / 16 example', () => {
    expect(promiseKeptRate({ invoices, payments }, promises, '2026-03-31')).toEqual({
      kept: 12,
      broken: 4,
      pending: 2,
      rate: 0.75,
    });
  });

  it('breaks a promise paid after its date', () => {
    const late = [testPayment('invoice-0', '2026-03-11', 1000)];
    const result = promiseKeptRate(
      { invoices, payments: late },
      promises.slice(0, 1),
      '2026-03-31',
    );
    expect(result.broken).toBe(1);
  });

  it('breaks a promise unpaid at the end of its date', () => {
    const result = promiseKeptRate({ invoices, payments: [] }, promises.slice(0, 1), '2026-03-10');
    expect(result).toEqual({ kept: 0, broken: 1, pending: 0, rate: 0 });
  });

  it('keeps a promise paid before its date', () => {
    const early = [testPayment('invoice-16', '2026-03-20', 1000)];
    const result = promiseKeptRate(
      { invoices, payments: early },
      promises.slice(16, 17),
      '2026-03-31',
    );
    expect(result).toEqual({ kept: 1, broken: 0, pending: 0, rate: 1 });
  });

  it('returns a null rate without outcomes', () => {
    expect(promiseKeptRate({ invoices, payments }, [], '2026-03-31').rate).toBeNull();
  });

  it('rejects a promise on an unknown invoice', () => {
    const unknown = [{ invoiceId: 'missing', promisedDate: '2026-03-10' }];
    expect(() => promiseKeptRate({ invoices, payments }, unknown, '2026-03-31')).toThrow(
      KpiInputError,
    );
  });
});
