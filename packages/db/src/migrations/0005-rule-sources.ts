import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/**
 * Creates the published versions of rule files: scenarios, segmentation rule sets and
 * templates as their canonical file text, with the git commit they were published from.
 */
export const ruleSourcesMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('rule_versions')
      .addColumn('kind', 'text', (column) =>
        column.notNull().check(sql`kind in ('scenario', 'segmentation', 'template')`),
      )
      .addColumn('rule_id', 'text', (column) => column.notNull())
      .addColumn('hash', 'text', (column) => column.notNull())
      .addColumn('format_version', 'integer', (column) => column.notNull())
      .addColumn('source', 'text', (column) => column.notNull())
      .addColumn('source_path', 'text', (column) => column.notNull())
      .addColumn('source_commit', 'text')
      .addColumn('source_dirty', 'boolean')
      .addColumn('definition_hash', 'text', (column) => column.references('scenario_versions.hash'))
      // clock_timestamp, unlike now, differs between versions published in one transaction.
      .addColumn('first_published_at', 'timestamptz', (column) =>
        column.notNull().defaultTo(sql`clock_timestamp()`),
      )
      .addColumn('published_at', 'timestamptz', (column) =>
        column.notNull().defaultTo(sql`clock_timestamp()`),
      )
      .addPrimaryKeyConstraint('rule_versions_pkey', ['kind', 'hash'])
      .execute();

    // The current version of a rule is its latest published one.
    await db.schema
      .createIndex('rule_versions_kind_rule_id_published_at')
      .on('rule_versions')
      .columns(['kind', 'rule_id', 'published_at desc'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('rule_versions').execute();
  },
};
