import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/**
 * Creates the tables of collection actions: the outbox that makes side effects idempotent,
 * collectors' tasks and debtors' promises to pay.
 */
export const collectionActionsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createOutbox(db);
    await createTasks(db);
    await createPromises(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('promises').execute();
    await db.schema.dropTable('tasks').execute();
    await db.schema.dropTable('outbox').execute();
  },
};

async function createOutbox(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('idempotency_key', 'text', (column) => column.primaryKey())
    .addColumn('invoice_id', 'text', (column) => column.notNull().references('invoices.id'))
    .addColumn('node_id', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) =>
      column.notNull().check(sql`kind in ('email', 'paymentLink', 'task')`),
    )
    .addColumn('status', 'text', (column) =>
      column
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'completed')`),
    )
    .addColumn('result', 'jsonb')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('claimed_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .execute();

  await db.schema.createIndex('outbox_invoice_id').on('outbox').column('invoice_id').execute();
}

async function createTasks(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'bigserial', (column) => column.primaryKey())
    .addColumn('idempotency_key', 'text', (column) => column.notNull().unique())
    .addColumn('invoice_id', 'text', (column) => column.notNull().references('invoices.id'))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('due_on', 'date', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'done', 'cancelled')`),
    )
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.createIndex('tasks_invoice_id').on('tasks').column('invoice_id').execute();
  // The collectors' work list: open tasks by due date.
  await db.schema
    .createIndex('tasks_status_due_on')
    .on('tasks')
    .columns(['status', 'due_on'])
    .execute();
}

async function createPromises(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('promises')
    .addColumn('id', 'bigserial', (column) => column.primaryKey())
    .addColumn('idempotency_key', 'text', (column) => column.notNull().unique())
    .addColumn('invoice_id', 'text', (column) => column.notNull().references('invoices.id'))
    .addColumn('promised_date', 'date', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'kept', 'broken')`),
    )
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.createIndex('promises_invoice_id').on('promises').column('invoice_id').execute();
}
