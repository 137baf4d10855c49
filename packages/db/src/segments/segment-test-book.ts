import { computeFacts } from '@dunflow/engine';
import type { Customer, FactValues, Invoice, Payment } from '@dunflow/model';
import type { Kysely } from 'kysely';
import type { DatabaseSchema, PromiseStatus } from '../database-schema';
import { upsertBook } from '../queries/upsert-book';

/*
 * Books for the segment tests, and the facts of their open invoices computed in JavaScript
 * from the same rows, independently of the SQL. Not exported from the package.
 */

export interface TestEvent {
  invoiceId: string;
  type: string;
  /** ISO 8601 timestamp in UTC. */
  occurredAt: string;
}

export interface TestPromise {
  invoiceId: string;
  promisedDate: string;
  status: PromiseStatus;
}

export interface SegmentTestBook {
  customers: Customer[];
  invoices: Invoice[];
  payments: Payment[];
  events: TestEvent[];
  promises: TestPromise[];
}

/** Inserts a book; `db` may be a transaction that the test rolls back. */
export async function insertTestBook(db: Kysely<DatabaseSchema>, book: SegmentTestBook) {
  await upsertBook(db, book, 'segment-test.csv');
  if (book.events.length > 0) {
    await db
      .insertInto('dunning_events')
      .values(
        book.events.map((event) => ({
          invoice_id: event.invoiceId,
          type: event.type,
          occurred_at: event.occurredAt,
          data: '{}',
        })),
      )
      .execute();
  }
  if (book.promises.length > 0) {
    await db
      .insertInto('promises')
      .values(
        book.promises.map((promise, index) => ({
          idempotency_key: `promise-${index}`,
          invoice_id: promise.invoiceId,
          promised_date: promise.promisedDate,
          status: promise.status,
        })),
      )
      .execute();
  }
}

/**
 * Computes the facts of every open invoice on `asOf` with computeFacts, from the rows of the
 * book: the open amount is 0 from the settled date on, else the amount minus the payments
 * received by `asOf`, never below 0.
 */
export function referenceFacts(book: SegmentTestBook, asOf: string): Map<string, FactValues> {
  const issued = book.invoices.filter((invoice) => invoice.issueDate <= asOf);
  const open = referenceOpenAmounts(book, asOf);
  const facts = new Map<string, FactValues>();
  for (const invoice of issued) {
    const openAmountMinor = open.get(invoice.id) ?? 0;
    if (openAmountMinor <= 0) continue;
    const sameCustomer = issued.filter((other) => other.customerId === invoice.customerId);
    facts.set(
      invoice.id,
      computeFacts({
        invoice,
        customer: customerOf(book, invoice.customerId),
        asOf,
        openAmountMinor,
        customerOpenAmountMinor: sum(sameCustomer.map((other) => open.get(other.id) ?? 0)),
        customerOverdueCount: sameCustomer.filter(
          (other) => (open.get(other.id) ?? 0) > 0 && other.dueDate < asOf,
        ).length,
        remindersSent: countReminders(book, invoice.id, asOf),
        brokenPromises: book.promises.filter(
          (promise) =>
            promise.invoiceId === invoice.id &&
            promise.status === 'broken' &&
            promise.promisedDate < asOf,
        ).length,
      }),
    );
  }
  return facts;
}

/** Returns the open amount in minor units of every invoice issued by `asOf`, by invoice id. */
export function referenceOpenAmounts(book: SegmentTestBook, asOf: string): Map<string, number> {
  const issued = book.invoices.filter((invoice) => invoice.issueDate <= asOf);
  return new Map(issued.map((invoice) => [invoice.id, openAmount(book, invoice, asOf)]));
}

function customerOf(book: SegmentTestBook, customerId: string): Customer {
  const customer = book.customers.find((candidate) => candidate.id === customerId);
  if (!customer) throw new Error(`customer '${customerId}' is missing from the test book`);
  return customer;
}

function openAmount(book: SegmentTestBook, invoice: Invoice, asOf: string): number {
  if (invoice.settledDate !== undefined && invoice.settledDate <= asOf) return 0;
  const paid = book.payments
    .filter((payment) => payment.invoiceId === invoice.id && payment.receivedOn <= asOf)
    .map((payment) => payment.amountMinor);
  return Math.max(invoice.amountMinor - sum(paid), 0);
}

/** Counts `email.sent` events up to the end of `asOf` in UTC. */
function countReminders(book: SegmentTestBook, invoiceId: string, asOf: string): number {
  const endOfDay = Date.parse(`${asOf}T00:00:00Z`) + 86_400_000;
  return book.events.filter(
    (event) =>
      event.invoiceId === invoiceId &&
      event.type === 'email.sent' &&
      Date.parse(event.occurredAt) < endOfDay,
  ).length;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
