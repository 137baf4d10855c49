import type { Customer, FactValues, Invoice, LocalDate } from '@dunflow/model';
import { computeFacts } from '@dunflow/engine';
import { getInvoice, listInvoices, listPromises, type Database } from '@dunflow/db';

/** An invoice with its customer and the facts rules are evaluated on. */
export interface InvoiceFacts {
  invoice: Invoice;
  customer: Customer;
  openAmountMinor: number;
  facts: FactValues;
}

/** Raised when an activity names an invoice the database does not have. */
export class InvoiceNotFoundError extends Error {
  constructor(readonly invoiceId: string) {
    super(`invoice '${invoiceId}' not found; import the book that contains it first`);
    this.name = 'InvoiceNotFoundError';
  }
}

/** Loads the facts of one invoice as of `asOf`, from the book and its dunning history. */
export async function loadInvoiceFacts(
  db: Database,
  invoiceId: string,
  asOf: LocalDate,
): Promise<InvoiceFacts> {
  const detail = await getInvoice(db, invoiceId);
  if (detail === undefined) throw new InvoiceNotFoundError(invoiceId);
  const { invoice, customer, events } = detail;

  const customerOpen = await listInvoices(db, {
    asOf,
    customerId: invoice.customerId,
    status: 'open',
    limit: 1000,
  });
  const own = customerOpen.find((item) => item.id === invoiceId);
  const openAmountMinor = own?.openAmountMinor ?? 0;
  const brokenPromises = await listPromises(db, { invoiceId, status: 'broken' });

  const facts = computeFacts({
    invoice,
    customer,
    asOf,
    openAmountMinor,
    customerOpenAmountMinor: sum(customerOpen.map((item) => item.openAmountMinor)),
    customerOverdueCount: customerOpen.filter((item) => item.daysPastDue > 0).length,
    remindersSent: events.filter((event) => event.type === 'email.sent').length,
    brokenPromises: brokenPromises.length,
  });
  return { invoice, customer, openAmountMinor, facts };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
