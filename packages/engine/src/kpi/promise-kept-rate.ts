import type { KpiBook } from './kpi-book';
import { checkLocalDate } from './kpi-calendar';
import { KpiInputError } from './kpi-input-error';
import { paymentsByInvoice } from './open-amount';
import { settlementDateOf } from './settlement';

/** A debtor's promise to pay an invoice in full by a date. */
export interface PromiseToPay {
  readonly invoiceId: string;
  readonly promisedDate: string;
}

/** Promises to pay counted by outcome on the as-of date, and the kept rate. */
export interface PromiseKeptRate {
  kept: number;
  broken: number;
  /** Promises whose date is after the as-of date and whose invoice is still unpaid. */
  pending: number;
  /** `kept / (kept + broken)`; null when no promise has an outcome yet. */
  rate: number | null;
}

/**
 * Computes the promise-to-pay kept rate on `asOf`. A promise is kept when its invoice was
 * paid in full by the promised date and by `asOf`. It is broken when the promised date is on
 * or before `asOf` and the invoice was not paid in full by then. Otherwise it is pending.
 */
export function promiseKeptRate(
  book: KpiBook,
  promises: readonly PromiseToPay[],
  asOf: string,
): PromiseKeptRate {
  checkLocalDate('asOf', asOf);
  const invoices = new Map(book.invoices.map((invoice) => [invoice.id, invoice]));
  const payments = paymentsByInvoice(book.payments);
  const counts = { kept: 0, broken: 0, pending: 0 };

  for (const promise of promises) {
    checkLocalDate('promisedDate', promise.promisedDate);
    const invoice = invoices.get(promise.invoiceId);
    if (!invoice) {
      throw new KpiInputError(
        'invoiceId',
        promise.invoiceId,
        `promise to pay invoice '${promise.invoiceId}': invoice not found in the book; ` +
          'pass the book that contains it',
      );
    }
    const settled = settlementDateOf(invoice, payments.get(invoice.id) ?? []);
    const deadline = promise.promisedDate < asOf ? promise.promisedDate : asOf;
    if (settled !== undefined && settled <= deadline) counts.kept += 1;
    else if (promise.promisedDate <= asOf) counts.broken += 1;
    else counts.pending += 1;
  }

  const decided = counts.kept + counts.broken;
  return { ...counts, rate: decided === 0 ? null : counts.kept / decided };
}
