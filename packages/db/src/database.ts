import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { DatabaseSchema } from './database-schema';
import { createTypeParsers } from './pg-type-parsers';

export interface DatabaseOptions {
  /** A PostgreSQL connection URL, e.g. `postgres://root@127.0.0.1:5432/dunflow`. */
  url: string;
  /** Maximum connections in the pool; default 10. Use 1 with embedded PGlite. */
  poolSize?: number;
  /**
   * Called when an idle pooled connection fails, e.g. because the server restarted. The pool
   * drops that connection and opens a new one for the next query; by default nothing else
   * happens.
   */
  onIdleError?: (error: Error) => void;
}

/** An open connection pool to a Dunflow database, with its typed query builder. */
export interface Database {
  readonly kysely: Kysely<DatabaseSchema>;
  readonly pool: Pool;
  /** Closes every connection; later calls do nothing. */
  close(): Promise<void>;
}

/** Target of a query: a {@link Database}, or a Kysely instance or transaction over one. */
export type Queryable = Database | Kysely<DatabaseSchema>;

const DEFAULT_POOL_SIZE = 10;

/**
 * Opens a pool to `url` whose type parsers return BIGINT and NUMERIC values as numbers, DATE
 * as `YYYY-MM-DD` text and TIMESTAMPTZ as ISO 8601 strings in UTC.
 */
export function openDatabase(options: DatabaseOptions): Database {
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    types: createTypeParsers(),
  });
  pool.on('error', (error) => options.onIdleError?.(error));

  const kysely = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return {
    kysely,
    pool,
    close: () => (closing ??= kysely.destroy()),
  };
}

/** Returns the Kysely instance behind `db`. */
export function kyselyOf(db: Queryable): Kysely<DatabaseSchema> {
  return db instanceof Kysely ? db : db.kysely;
}

/** Runs `work` in a transaction, or directly when `db` already is one. */
export async function inTransaction<T>(
  db: Queryable,
  work: (trx: Kysely<DatabaseSchema>) => Promise<T>,
): Promise<T> {
  const kysely = kyselyOf(db);
  if (kysely.isTransaction) return work(kysely);
  return kysely.transaction().execute(work);
}
