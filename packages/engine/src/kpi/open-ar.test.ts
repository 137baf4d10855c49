import { describe, expect, it } from 'vitest';
import { openAmountOn } from './open-amount';
import { openAr } from './open-ar';
import { testInvoice, testPayment } from './test-book';

describe('openAmountOn', () => {
  const invoice = testInvoice('a', '2026-03-10', 10_000, { settledDate: '2026-05-01' });
  const payments = [testPayment('a', '2026-03-20', 3000), testPayment('a', '2026-04-01', 2000)];

  it('is 0 before the issue date', () => {
    expect(openAmountOn(invoice, payments, '2026-03-09')).toBe(0);
  });

  it('counts the full amount on the issue date', () => {
    expect(openAmountOn(invoice, payments, '2026-03-10')).toBe(10_000);
  });

  it('subtracts payments received on or before the date', () => {
    expect(openAmountOn(invoice, payments, '2026-03-20')).toBe(7000);
    expect(openAmountOn(invoice, payments, '2026-04-30')).toBe(5000);
  });

  it('is 0 from the settled date on', () => {
    expect(openAmountOn(invoice, payments, '2026-05-01')).toBe(0);
  });

  it('never goes below 0 on overpayment', () => {
    expect(openAmountOn(invoice, [testPayment('a', '2026-03-11', 12_000)], '2026-03-12')).toBe(0);
  });
});

describe('openAr', () => {
  const book = {
    invoices: [
      testInvoice('issued-on-as-of', '2026-03-31', 100),
      testInvoice('settled-on-as-of', '2026-03-01', 200, { settledDate: '2026-03-31' }),
      testInvoice('settled-after', '2026-03-01', 400, { settledDate: '2026-04-01' }),
      testInvoice('paid-on-as-of', '2026-03-01', 800),
      testInvoice('part-paid', '2026-03-01', 1600),
      testInvoice('zero', '2026-03-01', 0),
    ],
    payments: [
      testPayment('paid-on-as-of', '2026-03-31', 800),
      testPayment('part-paid', '2026-03-02', 600),
    ],
  };

  it('sums open amounts at the end of the as-of date', () => {
    expect(openAr(book, '2026-03-31')).toEqual({ amountMinor: 100 + 400 + 1000, count: 3 });
  });

  it('is empty before the first invoice', () => {
    expect(openAr(book, '2026-02-28')).toEqual({ amountMinor: 0, count: 0 });
  });
});
