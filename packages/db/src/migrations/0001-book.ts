import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/** Creates the imported book: customers, their invoices and the payments against them. */
export const bookMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createCustomers(db);
    await createInvoices(db);
    await createPayments(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('payments').execute();
    await db.schema.dropTable('invoices').execute();
    await db.schema.dropTable('customers').execute();
  },
};

async function createCustomers(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text')
    .addColumn('country_code', 'text', (column) => column.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('language', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('paperless_date', 'date')
    .addColumn('channel', 'text', (column) => column.check(sql`channel in ('paper', 'electronic')`))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
}

async function createInvoices(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invoices')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('customer_id', 'text', (column) => column.notNull().references('customers.id'))
    .addColumn('issue_date', 'date', (column) => column.notNull())
    .addColumn('due_date', 'date', (column) => column.notNull())
    .addColumn('amount_minor', 'bigint', (column) => column.notNull().check(sql`amount_minor >= 0`))
    .addColumn('currency', 'text', (column) => column.notNull().check(sql`currency ~ '^[A-Z]{3}$'`))
    .addColumn('disputed', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('settled_date', 'date')
    .addColumn('imported_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('source_file', 'text', (column) => column.notNull())
    .execute();

  // KPIs filter on the issue date (invoiced by the as-of date) and the due date (aging).
  await db.schema
    .createIndex('invoices_customer_id')
    .on('invoices')
    .column('customer_id')
    .execute();
  await db.schema.createIndex('invoices_issue_date').on('invoices').column('issue_date').execute();
  await db.schema.createIndex('invoices_due_date').on('invoices').column('due_date').execute();
}

async function createPayments(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('invoice_id', 'text', (column) => column.notNull().references('invoices.id'))
    .addColumn('amount_minor', 'bigint', (column) => column.notNull().check(sql`amount_minor > 0`))
    .addColumn('received_on', 'date', (column) => column.notNull())
    .addColumn('source', 'text', (column) =>
      column.notNull().check(sql`source in ('import', 'api', 'workflow')`),
    )
    .execute();

  // Open amounts sum each invoice's payments received by a date.
  await db.schema
    .createIndex('payments_invoice_id_received_on')
    .on('payments')
    .columns(['invoice_id', 'received_on'])
    .execute();
}
