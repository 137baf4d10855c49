import type { LocalDate } from '@dunflow/model';
import { listInvoices, type Database, type InvoiceListItem } from '@dunflow/db';

const PAGE_SIZE = 1000;

/** Lists every invoice open on `asOf`, page by page, in the database's order. */
export async function allOpenInvoices(db: Database, asOf: LocalDate): Promise<InvoiceListItem[]> {
  const invoices: InvoiceListItem[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await listInvoices(db, { asOf, status: 'open', limit: PAGE_SIZE, offset });
    invoices.push(...page);
    if (page.length < PAGE_SIZE) return invoices;
  }
}
