import { Customer, Invoice, Payment } from '@dunflow/model';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Queryable } from '../database';
import { inTransaction } from '../database';
import type { CustomersTable, DatabaseSchema } from '../database-schema';
import { InvalidArgumentError } from '../errors';
import { customerToRow, invoiceToRow, paymentToRow } from './book-rows';
import { isSettlementPayment, settlementRemainders } from './settlement-remainders';

/** An imported book: the records `@dunflow/importer` returns. */
export interface Book {
  customers: readonly Customer[];
  invoices: readonly Invoice[];
  payments: readonly Payment[];
}

/** Rows of customers, invoices and payments together, by what the upsert did to them. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Rows per INSERT statement: 500 invoices use 4,500 of PostgreSQL's 65,535 parameters. */
const BATCH_SIZE = 500;

/** `xmax` is 0 on a row version the statement inserted, and set on one it updated. */
const WAS_INSERTED = sql<boolean>`(xmax = 0)`.as('inserted');

/**
 * Inserts or updates a book in one transaction, keyed by customer, invoice and payment ids.
 * A row is updated only when one of its imported fields differs, so importing the same book
 * twice leaves every row untouched the second time. Updated invoices record `sourceFile`
 * and the import time; imported payments get the source `import`.
 */
export async function upsertBook(
  db: Queryable,
  book: Book,
  sourceFile: string,
): Promise<UpsertCounts> {
  checkBook(book);
  return inTransaction(db, async (trx) => {
    const customers = await upsertCustomers(trx, book.customers);
    const invoices = await upsertInvoices(trx, book.invoices, sourceFile);
    const regular = book.payments.filter((payment) => !isSettlementPayment(payment));
    const settlements = book.payments.filter(isSettlementPayment);
    const payments = await upsertPayments(trx, regular);
    const { remainders, covered } = await settlementRemainders(trx, settlements);
    const settled = await upsertPayments(trx, remainders);
    const removed = await removePayments(trx, covered);
    return sumCounts([customers, invoices, payments, settled, removed]);
  });
}

async function upsertCustomers(
  trx: Kysely<DatabaseSchema>,
  customers: readonly Customer[],
): Promise<UpsertCounts> {
  const counts: UpsertCounts[] = [];
  for (const batch of batches(customers.map(customerToRow))) {
    const written = await trx
      .insertInto('customers')
      .values(batch)
      .onConflict((conflict) =>
        conflict
          .column('id')
          .doUpdateSet(() => ({
            name: keptUnlessGiven('name'),
            country_code: sql.ref('excluded.country_code'),
            email: keptUnlessGiven('email'),
            phone: keptUnlessGiven('phone'),
            language: keptUnlessGiven('language'),
            time_zone: keptUnlessGiven('time_zone'),
            paperless_date: keptUnlessGiven('paperless_date'),
            channel: keptUnlessGiven<CustomersTable['channel']>('channel'),
            updated_at: sql`now()`,
          }))
          .where(isCustomerChanged()),
      )
      .returning(WAS_INSERTED)
      .execute();
    counts.push(countWritten(batch.length, written));
  }
  return sumCounts(counts);
}

async function upsertInvoices(
  trx: Kysely<DatabaseSchema>,
  invoices: readonly Invoice[],
  sourceFile: string,
): Promise<UpsertCounts> {
  const counts: UpsertCounts[] = [];
  for (const batch of batches(invoices.map((invoice) => invoiceToRow(invoice, sourceFile)))) {
    const written = await trx
      .insertInto('invoices')
      .values(batch)
      .onConflict((conflict) =>
        conflict
          .column('id')
          .doUpdateSet((eb) => ({
            customer_id: eb.ref('excluded.customer_id'),
            issue_date: eb.ref('excluded.issue_date'),
            due_date: eb.ref('excluded.due_date'),
            amount_minor: eb.ref('excluded.amount_minor'),
            currency: eb.ref('excluded.currency'),
            disputed: eb.ref('excluded.disputed'),
            settled_date: eb.ref('excluded.settled_date'),
            source_file: eb.ref('excluded.source_file'),
            imported_at: sql`now()`,
          }))
          .where(isChanged('invoices', INVOICE_FIELDS)),
      )
      .returning(WAS_INSERTED)
      .execute();
    counts.push(countWritten(batch.length, written));
  }
  return sumCounts(counts);
}

/** Deletes stored settlements that other payments now cover; the others count as unchanged. */
async function removePayments(
  trx: Kysely<DatabaseSchema>,
  payments: readonly Payment[],
): Promise<UpsertCounts> {
  if (payments.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  let updated = 0;
  for (const batch of batches(payments.map((payment) => payment.id))) {
    const deleted = await trx.deleteFrom('payments').where('id', 'in', batch).executeTakeFirst();
    updated += Number(deleted.numDeletedRows);
  }
  return { inserted: 0, updated, unchanged: payments.length - updated };
}

async function upsertPayments(
  trx: Kysely<DatabaseSchema>,
  payments: readonly Payment[],
): Promise<UpsertCounts> {
  const counts: UpsertCounts[] = [];
  for (const batch of batches(payments.map((payment) => paymentToRow(payment, 'import')))) {
    const written = await trx
      .insertInto('payments')
      .values(batch)
      .onConflict((conflict) =>
        conflict
          .column('id')
          .doUpdateSet((eb) => ({
            invoice_id: eb.ref('excluded.invoice_id'),
            amount_minor: eb.ref('excluded.amount_minor'),
            received_on: eb.ref('excluded.received_on'),
          }))
          .where(isChanged('payments', PAYMENT_FIELDS)),
      )
      .returning(WAS_INSERTED)
      .execute();
    counts.push(countWritten(batch.length, written));
  }
  return sumCounts(counts);
}

/** The imported fields an upsert compares; bookkeeping columns such as `imported_at` are not. */
const CUSTOMER_FIELDS = [
  'name',
  'country_code',
  'email',
  'phone',
  'language',
  'time_zone',
  'paperless_date',
  'channel',
];
const INVOICE_FIELDS = [
  'customer_id',
  'issue_date',
  'due_date',
  'amount_minor',
  'currency',
  'disputed',
  'settled_date',
];
const PAYMENT_FIELDS = ['invoice_id', 'amount_minor', 'received_on'];

/**
 * Keeps the stored value of a contact field the book leaves empty: an export without an e-mail
 * column, or a row with a blank cell, does not erase the address an earlier import gave.
 */
function keptUnlessGiven<T = string | null>(field: string) {
  const incoming = sql.ref(`excluded.${field}`);
  return sql<T>`coalesce(${incoming}, ${sql.ref(`customers.${field}`)})`;
}

function isCustomerChanged() {
  const stored = sql.join(CUSTOMER_FIELDS.map((field) => sql.ref(`customers.${field}`)));
  const incoming = sql.join(
    CUSTOMER_FIELDS.map((field) =>
      field === 'country_code' ? sql.ref('excluded.country_code') : keptUnlessGiven(field),
    ),
  );
  return sql<boolean>`(${stored}) is distinct from (${incoming})`;
}

/** `(table.a, table.b) is distinct from (excluded.a, excluded.b)`, which treats nulls as equal. */
function isChanged(table: string, fields: readonly string[]) {
  const stored = sql.join(fields.map((field) => sql.ref(`${table}.${field}`)));
  const incoming = sql.join(fields.map((field) => sql.ref(`excluded.${field}`)));
  return sql<boolean>`(${stored}) is distinct from (${incoming})`;
}

function countWritten(total: number, written: readonly { inserted: boolean }[]): UpsertCounts {
  const inserted = written.filter((row) => row.inserted).length;
  return { inserted, updated: written.length - inserted, unchanged: total - written.length };
}

function sumCounts(counts: readonly UpsertCounts[]): UpsertCounts {
  return counts.reduce(
    (total, count) => ({
      inserted: total.inserted + count.inserted,
      updated: total.updated + count.updated,
      unchanged: total.unchanged + count.unchanged,
    }),
    { inserted: 0, updated: 0, unchanged: 0 },
  );
}

function batches<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    result.push(rows.slice(start, start + BATCH_SIZE));
  }
  return result;
}

/**
 * Validates every record against its model schema and rejects duplicate ids, which one
 * INSERT ... ON CONFLICT statement cannot apply twice.
 */
function checkBook(book: Book): void {
  checkRecords('customers', book.customers, Customer);
  checkRecords('invoices', book.invoices, Invoice);
  checkRecords('payments', book.payments, Payment);
}

interface RecordSchema {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
}

function checkRecords(
  collection: string,
  records: readonly { id: string }[],
  schema: RecordSchema,
): void {
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const parsed = schema.safeParse(record);
    const issue = parsed.error?.issues[0];
    if (issue) {
      const path = [collection, index, ...issue.path].map(String).join('.');
      throw new InvalidArgumentError(
        path,
        record,
        `${path} is invalid (id '${record.id}'): ${issue.message}; fix the record and import again`,
      );
    }
    if (seen.has(record.id)) {
      throw new InvalidArgumentError(
        `${collection}.${index}.id`,
        record.id,
        `${collection}.${index}: id '${record.id}' appears twice in the book; ` +
          'keep one record per id',
      );
    }
    seen.add(record.id);
  });
}
