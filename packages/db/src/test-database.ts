import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';

/** The server tests use unless `TEST_DATABASE_URL` or an argument names another. */
export const DEFAULT_TEST_SERVER_URL = 'postgres://root@127.0.0.1:5432/postgres';

/** A database created for one test, and how to drop it. */
export interface TestDatabase {
  /** Connection URL of the new, empty database. */
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

/**
 * Creates an empty database with a random name (`dunflow_test_<hex>`) on the server of
 * `baseUrl`, by default `TEST_DATABASE_URL` or {@link DEFAULT_TEST_SERVER_URL}. The URL's own
 * database is only used to issue CREATE and DROP DATABASE. Needs PostgreSQL 13 or later.
 */
export async function createTestDatabase(baseUrl?: string): Promise<TestDatabase> {
  const serverUrl = baseUrl ?? process.env['TEST_DATABASE_URL'] ?? DEFAULT_TEST_SERVER_URL;
  const name = `dunflow_test_${randomBytes(8).toString('hex')}`;
  await runOnServer(serverUrl, `create database ${escapeIdentifier(name)}`);

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      runOnServer(serverUrl, `drop database if exists ${escapeIdentifier(name)} with (force)`),
  };
}

async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  try {
    await client.connect();
    await client.query(statement);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `'${statement}' failed on ${redactPassword(serverUrl)}: ${detail}. Start PostgreSQL ` +
        'there, or set TEST_DATABASE_URL to a server where this user may create databases.',
      { cause: error },
    );
  } finally {
    await client.end();
  }
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an invalid URL)';
  }
}
