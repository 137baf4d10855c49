import type { Customer, Invoice } from '@dunflow/model';
import type { Queryable } from '../database';
import { kyselyOf } from '../database';
import { InvalidArgumentError } from '../errors';
import { checkInteger, checkLocalDate } from '../local-date';
import type { StoredPayment } from './book-rows';
import { rowToCustomer, rowToInvoice } from './book-rows';
import type { DunningEvent } from './events';
import { listEvents } from './events';
import type { BookScope } from './invoice-positions';
import { invoicePositionsOn } from './invoice-positions';
import { listPayments } from './payments';

/** Status filter of an invoice list, applied on the list's as-of date. */
export type InvoiceStatusFilter = 'open' | 'settled' | 'all';

export interface InvoiceListOptions extends BookScope {
  /** The date the statuses and amounts are computed at; invoices issued later are left out. */
  asOf: string;
  /** Default `all`. */
  status?: InvoiceStatusFilter;
  customerId?: string;
  /** Only open invoices whose due date is before `asOf`. */
  overdueOnly?: boolean;
  /** Default 100, at most 1000. */
  limit?: number;
  offset?: number;
}

/** An invoice with its position on the list's as-of date. */
export interface InvoiceListItem extends Invoice {
  status: 'open' | 'settled';
  paidMinor: number;
  openAmountMinor: number;
  /** As-of date minus due date, in days; negative before the due date. */
  daysPastDue: number;
}

/** An invoice with its customer, payments and dunning history. */
export interface InvoiceDetail {
  invoice: Invoice;
  customer: Customer;
  payments: StoredPayment[];
  events: DunningEvent[];
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const STATUS_FILTERS: readonly string[] = ['open', 'settled', 'all'];

/** Lists invoices as of a date, ordered by due date then id. */
export async function listInvoices(
  db: Queryable,
  options: InvoiceListOptions,
): Promise<InvoiceListItem[]> {
  const { asOf, status = 'all', customerId, overdueOnly = false } = options;
  const { limit = DEFAULT_LIMIT, offset = 0 } = options;
  checkListOptions(options);
  const kysely = kyselyOf(db);

  const rows = await kysely
    .selectFrom(invoicePositionsOn(kysely, asOf, options).as('position'))
    .selectAll()
    .$if(status === 'open' || overdueOnly, (query) => query.where('open_minor', '>', 0))
    .$if(status === 'settled', (query) => query.where('open_minor', '=', 0))
    .$if(overdueOnly, (query) => query.where('due_date', '<', asOf))
    .$if(customerId !== undefined, (query) => query.where('customer_id', '=', customerId ?? ''))
    .orderBy('due_date')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();

  return rows.map((row) => ({
    ...rowToInvoice(row),
    status: row.open_minor > 0 ? 'open' : 'settled',
    paidMinor: row.paid_minor,
    openAmountMinor: row.open_minor,
    daysPastDue: row.days_past_due,
  }));
}

/** Returns an invoice with its customer, payments and events, or undefined when not found. */
export async function getInvoice(db: Queryable, id: string): Promise<InvoiceDetail | undefined> {
  const kysely = kyselyOf(db);
  const invoice = await kysely
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!invoice) return undefined;

  const customer = await kysely
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', invoice.customer_id)
    .executeTakeFirstOrThrow();
  return {
    invoice: rowToInvoice(invoice),
    customer: rowToCustomer(customer),
    payments: await listPayments(kysely, id),
    events: await listEvents(kysely, id),
  };
}

function checkListOptions(options: InvoiceListOptions): void {
  checkLocalDate('asOf', options.asOf);
  if (options.status !== undefined && !STATUS_FILTERS.includes(options.status)) {
    throw new InvalidArgumentError(
      'status',
      options.status,
      `status '${options.status}' is invalid: expected one of ${STATUS_FILTERS.join(', ')}`,
    );
  }
  checkInteger('limit', options.limit ?? DEFAULT_LIMIT, 1, MAX_LIMIT);
  checkInteger('offset', options.offset ?? 0, 0, Number.MAX_SAFE_INTEGER);
}
