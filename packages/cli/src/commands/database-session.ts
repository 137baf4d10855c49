import { openDatabase, type Database } from '@dunflow/db';
import { redactPassword } from './database-url';

/** Error codes of a server that cannot be reached or refuses the login or database. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH']);
/** SQLSTATE classes: 08 connection exception, 28 invalid authorization, 3D invalid catalog name. */
const CONNECTION_SQLSTATE_CLASSES = ['08', '28', '3D'];
/** SQLSTATE of a table that does not exist. */
const UNDEFINED_TABLE = '42P01';

/** Raised when the database cannot be used; the message names the URL (password hidden). */
export class DatabaseAccessError extends Error {
  override readonly name = 'DatabaseAccessError';

  constructor(
    readonly url: string,
    message: string,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Opens a pool of one connection to `url`, runs `work`, and closes the pool. One connection
 * is enough for the commands' sequential queries, and it is what embedded PGlite needs.
 * Connection failures and missing tables become a DatabaseAccessError whose message gives the fix.
 */
export async function withDatabase<T>(url: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = openDatabase({ url, poolSize: 1 });
  try {
    return await work(db);
  } catch (error) {
    throw explainDatabaseError(error, url);
  } finally {
    await db.close();
  }
}

function explainDatabaseError(error: unknown, url: string): unknown {
  const where = redactPassword(url);
  const code = codeInChain(error);
  if (code === undefined) return error;
  if (code === UNDEFINED_TABLE) {
    return new DatabaseAccessError(
      where,
      `the database at ${where} has no Dunflow tables yet; import a book first with ` +
        '`dunflow import FILE`',
      { cause: error },
    );
  }
  return new DatabaseAccessError(
    where,
    `cannot use the database at ${where}: ${detailOf(error)}; ${connectionFix(code, url)}`,
    { cause: error },
  );
}

function connectionFix(code: string, url: string): string {
  const other = 'or pass another URL with --database-url or DATABASE_URL';
  if (code.startsWith('28')) return `check the user and password in the URL, ${other}`;
  if (code.startsWith('3D')) {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    return `create the database first, e.g. \`createdb ${name}\`, ${other}`;
  }
  return `start PostgreSQL there, ${other}`;
}

/** Finds the first `code` of interest on the error or its causes (a migration error wraps it). */
function codeInChain(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (code === UNDEFINED_TABLE || CONNECTION_CODES.has(code)) return code;
    if (CONNECTION_SQLSTATE_CLASSES.includes(code.slice(0, 2))) return code;
  }
  return undefined;
}

/** Returns the most specific message in the chain; a refused connection may have none. */
function detailOf(error: unknown): string {
  const messages: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) {
    messages.push(current.message !== '' ? current.message : nestedMessage(current));
  }
  return messages.at(-1) ?? String(error);
}

/**
 * Joins the messages inside an AggregateError, which is what a refused connection to every
 * address of a host raises, without a message of its own.
 */
function nestedMessage(error: Error): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors
      .map((inner) => (inner instanceof Error ? inner.message : String(inner)))
      .join(', ');
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}
