import type { Database } from './database';
import { openDatabase } from './database';
import { migrate } from './migrate';
import { createTestDatabase } from './test-database';

/** A fresh, migrated database for one test, open with a pool. */
export interface MigratedTestDatabase {
  db: Database;
  url: string;
  /** Closes the pool, then drops the database. */
  close(): Promise<void>;
}

/**
 * Creates a database with {@link createTestDatabase}, applies the migrations and opens it.
 * Call `close` in the test's teardown.
 */
export async function createMigratedTestDatabase(
  options: { baseUrl?: string; poolSize?: number } = {},
): Promise<MigratedTestDatabase> {
  const testDatabase = await createTestDatabase(options.baseUrl);
  const db = openDatabase({ url: testDatabase.url, poolSize: options.poolSize ?? 4 });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    await testDatabase.drop();
    throw error;
  }
  return {
    db,
    url: testDatabase.url,
    close: async () => {
      await db.close();
      await testDatabase.drop();
    },
  };
}
