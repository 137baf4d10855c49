import type { Invoice } from '@dunflow/model';
import type { AmountCount, KpiBook, KpiScope } from './kpi-book';
import { openAmountOn, paymentsByInvoice } from './open-amount';

/** An invoice issued on or before a date, with its open amount on that date. */
export interface InvoicePosition {
  readonly invoice: Invoice;
  readonly openMinor: number;
}

/** Lists the invoices in scope issued on or before `date`, each with its open amount then. */
export function positionsOn(book: KpiBook, date: string, scope: KpiScope = {}): InvoicePosition[] {
  const payments = paymentsByInvoice(book.payments);
  return invoicesInScope(book, scope)
    .filter((invoice) => invoice.issueDate <= date)
    .map((invoice) => ({
      invoice,
      openMinor: openAmountOn(invoice, payments.get(invoice.id) ?? [], date),
    }));
}

/** Sums the open amount and counts the open invoices among `positions`. */
export function sumOpen(positions: readonly InvoicePosition[]): AmountCount {
  const total = { amountMinor: 0, count: 0 };
  for (const position of positions) {
    if (position.openMinor <= 0) continue;
    total.amountMinor += position.openMinor;
    total.count += 1;
  }
  return total;
}

/** Sums the amount invoiced (credit sales) after `afterDate` up to and including `lastDate`. */
export function invoicedBetween(
  book: KpiBook,
  afterDate: string,
  lastDate: string,
  scope: KpiScope = {},
): number {
  let sales = 0;
  for (const invoice of invoicesInScope(book, scope)) {
    if (invoice.issueDate > afterDate && invoice.issueDate <= lastDate) {
      sales += invoice.amountMinor;
    }
  }
  return sales;
}

export function invoicesInScope(book: KpiBook, scope: KpiScope): readonly Invoice[] {
  const { currency } = scope;
  if (currency === undefined) return book.invoices;
  return book.invoices.filter((invoice) => invoice.currency === currency);
}
