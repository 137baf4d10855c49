import type { Migration, MigrationProvider } from 'kysely';
import { bookMigration } from './migrations/0001-book';
import { workflowsMigration } from './migrations/0002-workflows';
import { dunningEventsMigration } from './migrations/0003-dunning-events';
import { collectionActionsMigration } from './migrations/0004-collection-actions';
import { ruleSourcesMigration } from './migrations/0005-rule-sources';
import { segmentIndexesMigration } from './migrations/0006-segment-indexes';

/**
 * Dunflow's migrations by name, run in name order. Imported statically, so they bundle and
 * run without reading the file system. Append new ones; never rename or edit applied ones.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-book': bookMigration,
  '0002-workflows': workflowsMigration,
  '0003-dunning-events': dunningEventsMigration,
  '0004-collection-actions': collectionActionsMigration,
  '0005-rule-sources': ruleSourcesMigration,
  '0006-segment-indexes': segmentIndexesMigration,
};

/** A Kysely migration provider over {@link MIGRATIONS}. */
export const staticMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
