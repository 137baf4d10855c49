import type { Customer, Invoice, Payment } from '@dunflow/model';

/** An invoice book: what `upsertBook` in @dunflow/db stores. */
export interface Book {
  customers: Customer[];
  invoices: Invoice[];
  payments: Payment[];
}
