import { describe, expect, test } from 'vitest';
import type { Book } from './book';
import { daysBetween } from './local-date';
import { openBookAsOf } from './open-book-as-of';
import { rebaseBook } from './rebase-book';

const book: Book = {
  customers: [
    { id: 'C1', countryCode: 'FR', paperlessDate: '2012-02-28' },
    { id: 'C2', countryCode: 'ES' },
  ],
  invoices: [
    {
      id: 'I1',
      customerId: 'C1',
      issueDate: '2012-02-28',
      dueDate: '2012-03-29',
      amountMinor: 500,
      currency: 'EUR',
      disputed: false,
      settledDate: '2012-12-31',
    },
    {
      id: 'I2',
      customerId: 'C2',
      issueDate: '2012-03-01',
      dueDate: '2012-03-31',
      amountMinor: 700,
      currency: 'EUR',
      disputed: true,
    },
  ],
  payments: [{ id: 'settle-I1', invoiceId: 'I1', amountMinor: 500, receivedOn: '2012-12-31' }],
};

describe('rebaseBook', () => {
  test('shifts every date', () => {
    const shifted = rebaseBook(book, 2);

    expect(shifted.customers).toEqual([
      { id: 'C1', countryCode: 'FR', paperlessDate: '2012-03-01' },
      { id: 'C2', countryCode: 'ES' },
    ]);
    expect(shifted.invoices[0]).toMatchObject({
      issueDate: '2012-03-01',
      dueDate: '2012-03-31',
      settledDate: '2013-01-02',
    });
    expect(shifted.invoices[1]).toMatchObject({ issueDate: '2012-03-03', dueDate: '2012-04-02' });
    expect('settledDate' in (shifted.invoices[1] ?? {})).toBe(false);
    expect(shifted.payments[0]?.receivedOn).toBe('2013-01-02');
  });

  test('shifts a replayed book to today', () => {
    const replayed = openBookAsOf(book, '2012-06-30');
    const days = daysBetween(replayed.asOf, '2026-01-15');

    const shifted = rebaseBook(replayed, days);

    expect(shifted.asOf).toBe('2026-01-15');
    expect(shifted.futurePayments[0]?.receivedOn).toBe('2026-07-18');
    expect(shifted.counts).toEqual(replayed.counts);
  });

  test('shifts back and forth', () => {
    expect(rebaseBook(rebaseBook(book, -400), 400)).toEqual(book);
    expect(book.invoices[0]?.issueDate).toBe('2012-02-28');
  });

  test('rejects fractional days', () => {
    expect(() => rebaseBook(book, 1.5)).toThrow('rebaseBook: days must be a whole number, got 1.5');
  });
});
