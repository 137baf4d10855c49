import { Migrator } from 'kysely';
import type { Queryable } from './database';
import { kyselyOf } from './database';
import { MigrationError } from './errors';
import { staticMigrationProvider } from './migration-provider';

/**
 * Applies every migration not yet applied, all in one transaction, so a failure leaves the
 * schema as it was. Concurrent callers wait for each other on Kysely's migration lock. Raises
 * a {@link MigrationError} naming the failed migration.
 */
export async function migrate(db: Queryable): Promise<void> {
  const migrator = new Migrator({ db: kyselyOf(db), provider: staticMigrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;

  const failed = results?.find((result) => result.status === 'Error')?.migrationName;
  const detail = error instanceof Error ? error.message : JSON.stringify(error);
  const where = failed === undefined ? 'before any migration ran' : `in migration '${failed}'`;
  throw new MigrationError(failed, `Database migration failed ${where}: ${detail}`, {
    cause: error,
  });
}
