import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { openDatabase } from './database';
import { migrate } from './migrate';
import { MIGRATIONS } from './migration-provider';
import type { TestDatabase } from './test-database';
import { createTestDatabase } from './test-database';

let testDatabase: TestDatabase;
let db: Database;

beforeEach(async () => {
  testDatabase = await createTestDatabase();
  db = openDatabase({ url: testDatabase.url, poolSize: 2 });
});

afterEach(async () => {
  await db.close();
  await testDatabase.drop();
});

async function tableNames(): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely%' order by table_name
  `.execute(db.kysely);
  return result.rows.map((row) => row.table_name);
}

describe('migrate', () => {
  it('creates every table', async () => {
    await migrate(db);
    expect(await tableNames()).toEqual([
      'customers',
      'dunning_events',
      'invoices',
      'outbox',
      'payments',
      'promises',
      'rule_versions',
      'scenario_versions',
      'tasks',
      'workflow_runs',
    ]);
  });

  it('applies each migration once', async () => {
    await migrate(db);
    await migrate(db);
    const applied = await db.kysely
      .selectFrom(sql.table('kysely_migration').as('m'))
      .select(sql<string>`name`.as('name'))
      .orderBy(sql`name`)
      .execute();
    expect(applied.map((row) => row.name)).toEqual(Object.keys(MIGRATIONS));
  });

  it('waits for a concurrent migration', async () => {
    await Promise.all([migrate(db), migrate(db)]);
    expect(await tableNames()).toHaveLength(10);
  });
});

describe('createTestDatabase', () => {
  it('names a new database on each call', async () => {
    const other = await createTestDatabase();
    try {
      expect(other.url).not.toBe(testDatabase.url);
      expect(new URL(other.url).pathname).toMatch(/^\/dunflow_test_[0-9a-f]{16}$/);
    } finally {
      await other.drop();
    }
  });

  it('explains an unreachable server', async () => {
    await expect(createTestDatabase('postgres://root@127.0.0.1:1/postgres')).rejects.toThrow(
      'set TEST_DATABASE_URL',
    );
  });
});
