import type { Customer, Invoice, Payment } from '@dunflow/model';
import type { Book } from './book';
import { addDays } from './local-date';

/** A book, possibly replayed as of a date, whose dates `rebaseBook` shifts. */
export type RebasableBook = Book & { asOf?: string; futurePayments?: Payment[] };

/**
 * Shifts every date of a book by `days` (earlier when negative): issue, due and settled dates,
 * paperless dates, payment dates, and `asOf` and `futurePayments` of a replayed book. Used to
 * make a historical book current, e.g. with `daysBetween(asOf, today)`.
 */
export function rebaseBook<T extends RebasableBook>(book: T, days: number): T {
  if (!Number.isInteger(days)) {
    throw new RangeError(`rebaseBook: days must be a whole number, got ${days}`);
  }
  const shifted: T = {
    ...book,
    customers: book.customers.map((customer) => shiftCustomer(customer, days)),
    invoices: book.invoices.map((invoice) => shiftInvoice(invoice, days)),
    payments: book.payments.map((payment) => shiftPayment(payment, days)),
  };
  if (book.asOf !== undefined) shifted.asOf = addDays(book.asOf, days);
  if (book.futurePayments !== undefined) {
    shifted.futurePayments = book.futurePayments.map((payment) => shiftPayment(payment, days));
  }
  return shifted;
}

function shiftInvoice(invoice: Invoice, days: number): Invoice {
  const shifted = {
    ...invoice,
    issueDate: addDays(invoice.issueDate, days),
    dueDate: addDays(invoice.dueDate, days),
  };
  if (invoice.settledDate !== undefined) shifted.settledDate = addDays(invoice.settledDate, days);
  return shifted;
}

function shiftCustomer(customer: Customer, days: number): Customer {
  if (customer.paperlessDate === undefined) return customer;
  return { ...customer, paperlessDate: addDays(customer.paperlessDate, days) };
}

function shiftPayment(payment: Payment, days: number): Payment {
  return { ...payment, receivedOn: addDays(payment.receivedOn, days) };
}
