import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/** Creates the published scenario versions and the workflow runs that execute them. */
export const workflowsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await createScenarioVersions(db);
    await createWorkflowRuns(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('workflow_runs').execute();
    await db.schema.dropTable('scenario_versions').execute();
  },
};

async function createScenarioVersions(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('scenario_versions')
    .addColumn('hash', 'text', (column) => column.primaryKey())
    .addColumn('scenario_id', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('definition', 'jsonb', (column) => column.notNull())
    .addColumn('source_commit', 'text')
    // clock_timestamp, unlike now, differs between versions published in one transaction.
    .addColumn('published_at', 'timestamptz', (column) =>
      column.notNull().defaultTo(sql`clock_timestamp()`),
    )
    .execute();

  // The current version of a scenario is its latest published one.
  await db.schema
    .createIndex('scenario_versions_scenario_id_published_at')
    .on('scenario_versions')
    .columns(['scenario_id', 'published_at desc'])
    .execute();
}

async function createWorkflowRuns(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workflow_runs')
    .addColumn('workflow_id', 'text', (column) => column.primaryKey())
    .addColumn('invoice_id', 'text', (column) => column.notNull().references('invoices.id'))
    .addColumn('scenario_hash', 'text', (column) =>
      column.notNull().references('scenario_versions.hash'),
    )
    .addColumn('started_at', 'timestamptz', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column
        .notNull()
        .check(sql`status in ('running', 'paused', 'completed', 'failed', 'cancelled')`),
    )
    .addColumn('outcome', 'text')
    .addColumn('ended_at', 'timestamptz')
    .execute();

  await db.schema
    .createIndex('workflow_runs_invoice_id')
    .on('workflow_runs')
    .column('invoice_id')
    .execute();
}
