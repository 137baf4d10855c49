import type { Customer, Invoice, Payment } from '@dunflow/model';
import { describe, expect, test } from 'vitest';
import type { Book } from './book';
import { openBookAsOf } from './open-book-as-of';
import { settlementPayment } from './settlement-payment';

function invoice(id: string, issueDate: string, settledDate?: string): Invoice {
  return {
    id,
    customerId: id.startsWith('late') ? 'C2' : 'C1',
    issueDate,
    dueDate: issueDate,
    amountMinor: 1000,
    currency: 'EUR',
    disputed: false,
    ...(settledDate === undefined ? {} : { settledDate }),
  };
}

const customers: Customer[] = [
  { id: 'C1', countryCode: 'FR', paperlessDate: '2024-03-15', channel: 'electronic' },
  { id: 'C2', countryCode: 'FR' },
];
const invoices = [
  invoice('paid-before', '2024-03-01', '2024-03-20'),
  invoice('paid-on', '2024-03-02', '2024-03-31'),
  invoice('paid-after', '2024-03-31', '2024-04-01'),
  invoice('never-paid', '2024-03-05'),
  invoice('late-issued', '2024-04-01', '2024-04-02'),
];
const book: Book = {
  customers,
  invoices,
  payments: invoices.flatMap((item) => settlementPayment(item) ?? []),
};

describe('openBookAsOf', () => {
  const asOf = openBookAsOf(book, '2024-03-31');

  test('counts open, settled and not yet issued', () => {
    expect(asOf.counts).toEqual({ open: 2, settled: 2, notYetIssued: 1 });
    expect(asOf.asOf).toBe('2024-03-31');
  });

  test('keeps invoices issued on or before the date', () => {
    expect(asOf.invoices.map((item) => [item.id, item.settledDate])).toEqual([
      ['paid-before', '2024-03-20'],
      ['paid-on', '2024-03-31'],
      ['paid-after', undefined],
      ['never-paid', undefined],
    ]);
    expect('settledDate' in (asOf.invoices[2] ?? {})).toBe(false);
  });

  test('splits past and future payments', () => {
    expect(asOf.payments.map((payment) => payment.id)).toEqual([
      'settle-paid-before',
      'settle-paid-on',
    ]);
    expect(asOf.futurePayments).toEqual([
      {
        id: 'settle-paid-after',
        invoiceId: 'paid-after',
        amountMinor: 1000,
        receivedOn: '2024-04-01',
      },
    ]);
  });

  test('derives missing settlement payments', () => {
    const withoutPayments = openBookAsOf({ ...book, payments: [] }, '2024-03-31');

    expect(withoutPayments.payments).toEqual(asOf.payments);
    expect(withoutPayments.futurePayments).toEqual(asOf.futurePayments);
  });

  test('keeps other payments and their dates', () => {
    const partial: Payment = {
      id: 'p-1',
      invoiceId: 'never-paid',
      amountMinor: 400,
      receivedOn: '2024-04-10',
    };
    const replayed = openBookAsOf({ ...book, payments: [...book.payments, partial] }, '2024-03-31');

    expect(replayed.futurePayments.map((payment) => payment.id)).toEqual([
      'settle-paid-after',
      'p-1',
    ]);
  });

  test('forgets customers and paperless dates from the future', () => {
    expect(asOf.customers).toEqual([
      { id: 'C1', countryCode: 'FR', paperlessDate: '2024-03-15', channel: 'electronic' },
    ]);
    const earlier = openBookAsOf(book, '2024-03-10');
    expect(earlier.customers).toEqual([{ id: 'C1', countryCode: 'FR', channel: 'paper' }]);
  });

  test('rejects an invalid date', () => {
    expect(() => openBookAsOf(book, '2024-02-30')).toThrow(
      "openBookAsOf: '2024-02-30' is not a date; expected YYYY-MM-DD",
    );
  });
});
