import type { Customer, Invoice, Payment } from '@dunflow/model';
import type { Insertable, Selectable } from 'kysely';
import type {
  CustomersTable,
  InvoicesTable,
  PaymentSource,
  PaymentsTable,
} from '../database-schema';

/** A payment as stored, with its source. */
export interface StoredPayment extends Payment {
  source: PaymentSource;
}

export function customerToRow(customer: Customer): Insertable<CustomersTable> {
  return {
    id: customer.id,
    name: customer.name ?? null,
    country_code: customer.countryCode,
    email: customer.email ?? null,
    phone: customer.phone ?? null,
    language: customer.language ?? null,
    time_zone: customer.timeZone ?? null,
    paperless_date: customer.paperlessDate ?? null,
    channel: customer.channel ?? null,
  };
}

export function invoiceToRow(invoice: Invoice, sourceFile: string): Insertable<InvoicesTable> {
  return {
    id: invoice.id,
    customer_id: invoice.customerId,
    issue_date: invoice.issueDate,
    due_date: invoice.dueDate,
    amount_minor: invoice.amountMinor,
    currency: invoice.currency,
    disputed: invoice.disputed,
    settled_date: invoice.settledDate ?? null,
    source_file: sourceFile,
  };
}

export function paymentToRow(payment: Payment, source: PaymentSource): Insertable<PaymentsTable> {
  return {
    id: payment.id,
    invoice_id: payment.invoiceId,
    amount_minor: payment.amountMinor,
    received_on: payment.receivedOn,
    source,
  };
}

type CustomerColumns = Omit<Selectable<CustomersTable>, 'created_at' | 'updated_at'>;

export function rowToCustomer(row: CustomerColumns): Customer {
  return withoutNulls({
    id: row.id,
    countryCode: row.country_code,
    name: row.name,
    email: row.email,
    phone: row.phone,
    language: row.language,
    timeZone: row.time_zone,
    paperlessDate: row.paperless_date,
    channel: row.channel,
  });
}

type InvoiceColumns = Omit<Selectable<InvoicesTable>, 'imported_at' | 'source_file'>;

export function rowToInvoice(row: InvoiceColumns): Invoice {
  return withoutNulls({
    id: row.id,
    customerId: row.customer_id,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    amountMinor: row.amount_minor,
    currency: row.currency,
    disputed: row.disputed,
    settledDate: row.settled_date,
  });
}

export function rowToPayment(row: Selectable<PaymentsTable>): StoredPayment {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    amountMinor: row.amount_minor,
    receivedOn: row.received_on,
    source: row.source,
  };
}

type WithoutNulls<T> = {
  [K in keyof T as null extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as null extends T[K] ? K : never]?: Exclude<T[K], null>;
};

/** Drops null fields, so optional model fields are absent rather than null. */
export function withoutNulls<T extends object>(record: T): WithoutNulls<T> {
  const entries = Object.entries(record).filter(([, value]) => value !== null);
  return Object.fromEntries(entries) as WithoutNulls<T>;
}
