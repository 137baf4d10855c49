import { getInvoice, type InvoiceDetail } from '@dunflow/db';
import type { ApiDependencies } from './api-dependencies';
import { notFound } from './api-error';

/** Loads an invoice with its customer, payments and events, or raises a 404 naming its id. */
export async function requireInvoice(
  deps: Pick<ApiDependencies, 'db'>,
  invoiceId: string,
): Promise<InvoiceDetail> {
  const detail = await getInvoice(deps.db, invoiceId);
  if (detail === undefined) {
    throw notFound('invoice', invoiceId, 'import the book that contains it with POST /imports');
  }
  return detail;
}
