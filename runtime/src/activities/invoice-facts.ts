import type { Customer, FactValues, Invoice, LocalDate } from '@dunflow/model';
import { computeFacts } from '@dunflow/engine';
import {
  customerExposure,
  getInvoice,
  listPromises,
  openAmountsOn,
  type Database,
} from '@dunflow/db';
import { addDays } from '@dunflow/engine/interpreter';

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

  const [own] = await openAmountsOn(db, asOf, { invoiceIds: [invoiceId] });
  const openAmountMinor = own?.openAmountMinor ?? 0;
  const exposure = await customerExposure(db, invoice.customerId, asOf);
  // Only what had happened by the end of `asOf` counts, as in the SQL facts of segment previews.
  const endOfDay = Date.parse(`${addDays(asOf, 1)}T00:00:00Z`);
  const brokenPromises = await listPromises(db, { invoiceId, status: 'broken' });

  const facts = computeFacts({
    invoice,
    customer,
    asOf,
    openAmountMinor,
    customerOpenAmountMinor: exposure.openAmountMinor,
    customerOverdueCount: exposure.overdueCount,
    remindersSent: events.filter(
      (event) => event.type === 'email.sent' && Date.parse(event.occurredAt) < endOfDay,
    ).length,
    brokenPromises: brokenPromises.filter((promise) => promise.promisedDate < asOf).length,
  });
  return { invoice, customer, openAmountMinor, facts };
}
