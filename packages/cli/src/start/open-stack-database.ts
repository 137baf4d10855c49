import { join } from 'node:path';
import { migrate, openDatabase, startEmbeddedPostgres, type Database } from '@dunflow/db';
import { redactPassword } from '../commands/database-url';
import type { StopList } from './stop-list';

/** The database the stack uses, and where it came from. */
export interface StackDatabase {
  db: Database;
  /** `DATABASE_URL`, or `embedded` for PGlite in the data folder. */
  source: string;
}

/**
 * Opens `databaseUrl` when given, else starts embedded PostgreSQL (PGlite) in
 * `<dataDir>/pgdata`, and migrates it.
 */
export async function openStackDatabase(
  databaseUrl: string | undefined,
  dataDir: string,
  stops: StopList,
): Promise<StackDatabase> {
  let db: Database;
  let source: string;
  if (databaseUrl !== undefined && databaseUrl !== '') {
    db = openDatabase({ url: databaseUrl });
    source = redactPassword(databaseUrl);
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pgdata') });
    stops.add('embedded PostgreSQL', () => embedded.stop());
    db = openDatabase({ url: embedded.url, poolSize: embedded.poolSize });
    source = `embedded PGlite in ${join(dataDir, 'pgdata')}`;
  }
  stops.add('database pool', () => db.close());
  await migrate(db);
  return { db, source };
}
