import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/**
 * Creates the dunning event history. It is append-only: triggers reject UPDATE, DELETE and
 * TRUNCATE, so a wrong event is corrected by appending another one.
 */
export const dunningEventsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createDunningEvents(db);
    await rejectChanges(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('dunning_events').execute();
    await sql`drop function reject_dunning_event_change()`.execute(db);
  },
};

async function createDunningEvents(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dunning_events')
    .addColumn('id', 'bigserial', (column) => column.primaryKey())
    .addColumn('invoice_id', 'text', (column) => column.notNull().references('invoices.id'))
    .addColumn('workflow_id', 'text', (column) => column.references('workflow_runs.workflow_id'))
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('node_id', 'text')
    .addColumn('occurred_at', 'timestamptz', (column) => column.notNull())
    .addColumn('data', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('idempotency_key', 'text', (column) => column.unique())
    .execute();

  // An invoice's history is read in order of occurrence.
  await db.schema
    .createIndex('dunning_events_invoice_id_occurred_at')
    .on('dunning_events')
    .columns(['invoice_id', 'occurred_at', 'id'])
    .execute();
}

async function rejectChanges(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function reject_dunning_event_change() returns trigger
    language plpgsql as $$
    begin
      raise exception
        'dunning_events is append-only: % is not allowed; append a correcting event instead',
        tg_op using errcode = 'restrict_violation';
    end;
    $$
  `.execute(db);
  await sql`
    create trigger dunning_events_append_only
    before update or delete on dunning_events
    for each row execute function reject_dunning_event_change()
  `.execute(db);
  await sql`
    create trigger dunning_events_no_truncate
    before truncate on dunning_events
    for each statement execute function reject_dunning_event_change()
  `.execute(db);
}
