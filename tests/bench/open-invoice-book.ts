import { daysBetween, openBookAsOf, rebaseBook, type Book } from '@dunflow/importer';
import type { LocalDate } from '@dunflow/model';

/**
 * Returns the first `count` invoices open on `asOf`, in book order, with their customers,
 * shifted so that `asOf` becomes `today` as the demo book is. Each customer without an e-mail
 * address gets a reserved example.com one, so that reminders reach the SMTP capture.
 */
export function openInvoiceBook(
  book: Book,
  asOf: LocalDate,
  today: LocalDate,
  count: number,
): Book {
  const replayed = rebaseBook(openBookAsOf(book, asOf), daysBetween(asOf, today));
  const invoices = replayed.invoices
    .filter((invoice) => invoice.settledDate === undefined)
    .slice(0, count);
  if (invoices.length < count) {
    throw new RangeError(
      `the book has ${invoices.length} invoices open on ${asOf}; expected at least ${count}`,
    );
  }
  const ids = new Set(invoices.map((invoice) => invoice.id));
  const customerIds = new Set(invoices.map((invoice) => invoice.customerId));
  return {
    invoices,
    customers: replayed.customers
      .filter((customer) => customerIds.has(customer.id))
      .map((customer) => ({
        ...customer,
        email: customer.email ?? `${customer.id.toLowerCase()}@example.com`,
      })),
    payments: replayed.payments.filter((payment) => ids.has(payment.invoiceId)),
  };
}

/**
 * Appends `suffix` to every invoice id, and to the invoice id of every payment. The workflow id
 * of a run derives from its invoice id, so each measured round gets workflows of its own on a
 * Temporal server that still contains the runs of the earlier rounds.
 */
export function withInvoiceIdSuffix(book: Book, suffix: string): Book {
  return {
    customers: book.customers,
    invoices: book.invoices.map((invoice) => ({ ...invoice, id: `${invoice.id}${suffix}` })),
    payments: book.payments.map((payment) => ({
      ...payment,
      invoiceId: `${payment.invoiceId}${suffix}`,
    })),
  };
}
