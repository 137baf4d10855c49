import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { sampleBook, sampleCustomer, sampleInvoice, samplePayment } from '../sample-book';
import type { Book } from './upsert-book';
import { recordPayment } from './payments';
import { upsertBook } from './upsert-book';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
});

afterEach(async () => {
  await testDb.close();
});

function book(): Book {
  return {
    customers: [
      sampleCustomer('customer-1', { name: 'Acme', email: 'ap@acme.example', channel: 'paper' }),
      sampleCustomer('customer-2', { paperlessDate: '2025-05-01' }),
    ],
    invoices: [
      sampleInvoice('0000611365', '2026-03-01', 5594),
      sampleInvoice('inv-2', '2026-03-02', 10_000, { customerId: 'customer-2', disputed: true }),
      sampleInvoice('inv-3', '2026-03-03', 700, { settledDate: '2026-03-20' }),
    ],
    payments: [samplePayment('pay-1', 'inv-2', '2026-03-15', 2500)],
  };
}

/** Reads the row version (`xmin`) of every book row, which changes whenever the row is written. */
async function rowVersions(): Promise<string[]> {
  const result = await sql<{ version: string }>`
    select 'customers/' || id || '/' || xmin::text as version from customers
    union all select 'invoices/' || id || '/' || xmin::text from invoices
    union all select 'payments/' || id || '/' || xmin::text from payments
    order by 1
  `.execute(testDb.db.kysely);
  return result.rows.map((row) => row.version);
}

async function paymentAmounts(invoiceId: string): Promise<Record<string, number>> {
  const rows = await testDb.db.kysely
    .selectFrom('payments')
    .select(['id', 'amount_minor'])
    .where('invoice_id', '=', invoiceId)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.id, row.amount_minor]));
}

describe('upsertBook', () => {
  it('inserts a new book', async () => {
    expect(await upsertBook(testDb.db, book(), 'erp.csv')).toEqual({
      inserted: 6,
      updated: 0,
      unchanged: 0,
    });
  });

  it('touches no row when the same book is imported twice', async () => {
    await upsertBook(testDb.db, book(), 'erp.csv');
    const before = await rowVersions();

    expect(await upsertBook(testDb.db, book(), 'erp-again.csv')).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 6,
    });
    expect(await rowVersions()).toEqual(before);
    const sources = await testDb.db.kysely.selectFrom('invoices').select('source_file').execute();
    expect(new Set(sources.map((row) => row.source_file))).toEqual(new Set(['erp.csv']));
  });

  it('updates only the rows that changed', async () => {
    await upsertBook(testDb.db, book(), 'erp.csv');
    const changed = book();
    changed.invoices = changed.invoices.map((invoice) =>
      invoice.id === 'inv-2' ? { ...invoice, settledDate: '2026-04-01' } : invoice,
    );
    changed.customers = [
      sampleCustomer('customer-1', { name: 'Acme SA', channel: 'paper' }),
      ...changed.customers.slice(1),
    ];
    changed.payments = [...changed.payments, samplePayment('pay-2', 'inv-2', '2026-04-01', 7500)];

    expect(await upsertBook(testDb.db, changed, 'erp-april.csv')).toEqual({
      inserted: 1,
      updated: 2,
      unchanged: 4,
    });
    const invoice = await testDb.db.kysely
      .selectFrom('invoices')
      .select(['settled_date', 'source_file'])
      .where('id', '=', 'inv-2')
      .executeTakeFirstOrThrow();
    expect(invoice).toEqual({ settled_date: '2026-04-01', source_file: 'erp-april.csv' });
    const customer = await testDb.db.kysely
      .selectFrom('customers')
      .select(['name', 'email', 'created_at', 'updated_at'])
      .where('id', '=', 'customer-1')
      .executeTakeFirstOrThrow();
    expect(customer.name).toBe('Acme SA');
    expect(customer.email).toBe('ap@acme.example');
    expect(customer.updated_at > customer.created_at).toBe(true);
  });

  it('keeps a stored e-mail a book leaves blank', async () => {
    await upsertBook(testDb.db, book(), 'erp.csv');
    const blank = book();
    blank.customers = [
      sampleCustomer('customer-1', { name: 'Acme', channel: 'paper' }),
      ...blank.customers.slice(1),
    ];
    expect(await upsertBook(testDb.db, blank, 'erp-no-emails.csv')).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 6,
    });
    const customer = await testDb.db.kysely
      .selectFrom('customers')
      .select('email')
      .where('id', '=', 'customer-1')
      .executeTakeFirstOrThrow();
    expect(customer.email).toBe('ap@acme.example');
  });

  it('lowers a settlement by the payments already stored', async () => {
    const open = sampleBook([sampleInvoice('inv-9', '2026-03-01', 10_000)]);
    await upsertBook(testDb.db, open, 'erp.csv');
    await recordPayment(testDb.db, {
      ...samplePayment('api-1', 'inv-9', '2026-03-10', 2_000),
      source: 'api',
    });
    const settled = sampleBook(
      [sampleInvoice('inv-9', '2026-03-01', 10_000, { settledDate: '2026-03-20' })],
      [samplePayment('settle-inv-9', 'inv-9', '2026-03-20', 10_000)],
    );
    await upsertBook(testDb.db, settled, 'erp-settled.csv');
    expect(await paymentAmounts('inv-9')).toEqual({ 'api-1': 2_000, 'settle-inv-9': 8_000 });

    const again = await upsertBook(testDb.db, settled, 'erp-settled.csv');
    expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
  });

  it('drops a settlement that payments already cover', async () => {
    const settled = sampleBook(
      [sampleInvoice('inv-8', '2026-03-01', 5_000, { settledDate: '2026-03-20' })],
      [samplePayment('settle-inv-8', 'inv-8', '2026-03-20', 5_000)],
    );
    await upsertBook(testDb.db, settled, 'erp.csv');
    await recordPayment(testDb.db, {
      ...samplePayment('api-2', 'inv-8', '2026-03-18', 5_000),
      source: 'api',
    });
    const counts = await upsertBook(testDb.db, settled, 'erp-again.csv');
    expect(counts).toEqual({ inserted: 0, updated: 1, unchanged: 2 });
    expect(await paymentAmounts('inv-8')).toEqual({ 'api-2': 5_000 });
  });

  it('keeps leading zeros of references', async () => {
    await upsertBook(testDb.db, book(), 'erp.csv');
    const ids = await testDb.db.kysely.selectFrom('invoices').select('id').orderBy('id').execute();
    expect(ids[0]?.id).toBe('0000611365');
  });

  it('imports more rows than one batch', async () => {
    const invoices = Array.from({ length: 1234 }, (_, index) =>
      sampleInvoice(`bulk-${index}`, '2026-01-01', index + 1),
    );
    expect(await upsertBook(testDb.db, sampleBook(invoices), 'bulk.csv')).toEqual({
      inserted: 1235,
      updated: 0,
      unchanged: 0,
    });
    const again = await upsertBook(testDb.db, sampleBook(invoices), 'bulk.csv');
    expect(again.unchanged).toBe(1235);
  });

  it('rejects a duplicate id and writes nothing', async () => {
    const duplicated = book();
    duplicated.invoices = [...duplicated.invoices, sampleInvoice('inv-2', '2026-03-09', 1)];
    const upsert = upsertBook(testDb.db, duplicated, 'erp.csv');
    await expect(upsert).rejects.toThrow("invoices.3: id 'inv-2' appears twice in the book");
    const count = await testDb.db.kysely
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(count.count).toBe(0);
  });

  it('rejects an invalid record with its path', async () => {
    const invalid = book();
    invalid.invoices = [sampleInvoice('bad', '2026-02-30', 100)];
    const upsert = upsertBook(testDb.db, invalid, 'erp.csv');
    await expect(upsert).rejects.toThrow(InvalidArgumentError);
    await expect(upsert).rejects.toThrow("invoices.0.issueDate is invalid (id 'bad')");
  });

  it('rolls back when a payment names an unknown invoice', async () => {
    const orphan = book();
    orphan.payments = [samplePayment('pay-x', 'missing', '2026-03-15', 100)];
    await expect(upsertBook(testDb.db, orphan, 'erp.csv')).rejects.toThrow('foreign key');
    const invoices = await testDb.db.kysely.selectFrom('invoices').select('id').execute();
    expect(invoices).toEqual([]);
  });
});
