import { LocalDate, type Customer, type Invoice, type Payment } from '@dunflow/model';
import type { Book } from './book';
import { settlementPayment } from './settlement-payment';

/** A book as it stood on `asOf`, with the payments that arrived after it kept apart. */
export interface BookAsOf extends Book {
  asOf: LocalDate;
  /** Payments received after `asOf`, to replay as they arrive. */
  futurePayments: Payment[];
  counts: { open: number; settled: number; notYetIssued: number };
}

/**
 * Replays a book as of a date, so that nothing after `asOf` is known. Invoices issued after it
 * are dropped. Those settled on or before it stay settled, with their payments. The others
 * are open: their settled date is removed, and payments received after `asOf` (a settlement
 * payment `settle-<invoiceId>` is made for a settled invoice that has none) move to
 * `futurePayments`. Customers keep only what was known by `asOf`: a later paperless date is
 * removed, and the billing channel follows the paperless date.
 */
export function openBookAsOf(book: Book, asOf: LocalDate): BookAsOf {
  if (!LocalDate.safeParse(asOf).success) {
    throw new RangeError(`openBookAsOf: '${asOf}' is not a date; expected YYYY-MM-DD`);
  }
  const issued = book.invoices.filter((invoice) => invoice.issueDate <= asOf);
  const issuedIds = new Set(issued.map((invoice) => invoice.id));
  const payments = withSettlementPayments(book.payments, issued).filter((payment) =>
    issuedIds.has(payment.invoiceId),
  );
  const invoices = issued.map((invoice) => invoiceAsOf(invoice, asOf));
  const customerIds = new Set(issued.map((invoice) => invoice.customerId));
  const settled = invoices.filter((invoice) => invoice.settledDate !== undefined).length;

  return {
    asOf,
    customers: book.customers
      .filter((customer) => customerIds.has(customer.id))
      .map((customer) => customerAsOf(customer, asOf)),
    invoices,
    payments: payments.filter((payment) => payment.receivedOn <= asOf),
    futurePayments: payments.filter((payment) => payment.receivedOn > asOf),
    counts: {
      open: invoices.length - settled,
      settled,
      notYetIssued: book.invoices.length - issued.length,
    },
  };
}

function invoiceAsOf(invoice: Invoice, asOf: LocalDate): Invoice {
  if (invoice.settledDate === undefined || invoice.settledDate <= asOf) return invoice;
  const open = { ...invoice };
  delete open.settledDate;
  return open;
}

/** Customers switch to electronic billing on their paperless date. */
function customerAsOf(customer: Customer, asOf: LocalDate): Customer {
  const { paperlessDate } = customer;
  if (paperlessDate === undefined) return customer;
  if (paperlessDate <= asOf) return { ...customer, channel: 'electronic' };
  const known: Customer = { ...customer, channel: 'paper' };
  delete known.paperlessDate;
  return known;
}

function withSettlementPayments(
  payments: readonly Payment[],
  invoices: readonly Invoice[],
): Payment[] {
  const paid = new Set(payments.map((payment) => payment.invoiceId));
  const missing = invoices
    .filter((invoice) => !paid.has(invoice.id))
    .flatMap((invoice) => settlementPayment(invoice) ?? []);
  return [...payments, ...missing];
}
