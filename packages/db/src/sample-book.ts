import type { Customer, Invoice, Payment } from '@dunflow/model';
import type { Book } from './queries/upsert-book';

/*
 * Small books for the tests of this package. Not exported from the package.
 */

export function sampleCustomer(id: string, fields: Partial<Customer> = {}): Customer {
  return { id, countryCode: 'FR', ...fields };
}

/** Builds an invoice with 30-day terms in EUR; `fields` overrides any of its fields. */
export function sampleInvoice(
  id: string,
  issueDate: string,
  amountMinor: number,
  fields: Partial<Invoice> = {},
): Invoice {
  const due = new Date(Date.parse(`${issueDate}T00:00:00Z`) + 30 * 86_400_000);
  return {
    id,
    customerId: 'customer-1',
    issueDate,
    dueDate: due.toISOString().slice(0, 10),
    amountMinor,
    currency: 'EUR',
    disputed: false,
    ...fields,
  };
}

export function samplePayment(
  id: string,
  invoiceId: string,
  receivedOn: string,
  amountMinor: number,
): Payment {
  return { id, invoiceId, receivedOn, amountMinor };
}

/** Builds a book of the invoices and payments, plus a customer for each customer id. */
export function sampleBook(invoices: Invoice[], payments: Payment[] = []): Book {
  const customerIds = [...new Set(invoices.map((invoice) => invoice.customerId))];
  return { customers: customerIds.map((id) => sampleCustomer(id)), invoices, payments };
}
