import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from './migrated-test-database';
import { createMigratedTestDatabase } from './migrated-test-database';
import { upsertBook } from './queries/upsert-book';
import { sampleBook, sampleInvoice } from './sample-book';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
});

afterEach(async () => {
  await testDb.close();
});

describe('openDatabase type parsers', () => {
  it('returns BIGINT and NUMERIC as numbers', async () => {
    const result = await sql<{ big: unknown; total: unknown; ratio: unknown; count: unknown }>`
      select 9007199254740991::bigint as big,
        sum(amount) as total,
        12.5::numeric as ratio,
        count(*) as count
      from (values (1::bigint), (2::bigint)) as amounts(amount)
    `.execute(testDb.db.kysely);
    expect(result.rows[0]).toEqual({ big: 9_007_199_254_740_991, total: 3, ratio: 12.5, count: 2 });
  });

  it('rejects a BIGINT a number cannot hold', async () => {
    const query = sql`select 9007199254740993::bigint as big`.execute(testDb.db.kysely);
    await expect(query).rejects.toThrow(
      'BIGINT 9007199254740993 is outside the safe integer range',
    );
  });

  it('returns DATE as text and TIMESTAMPTZ as ISO in UTC', async () => {
    const result = await sql<{ day: unknown; at: unknown }>`
      select '2026-03-31'::date as day, '2026-03-31 23:30:00+02'::timestamptz as at
    `.execute(testDb.db.kysely);
    expect(result.rows[0]).toEqual({ day: '2026-03-31', at: '2026-03-31T21:30:00.000Z' });
  });

  it('reads stored amounts as numbers', async () => {
    await upsertBook(
      testDb.db,
      sampleBook([sampleInvoice('a', '2026-03-01', 123_456_789_012)]),
      'x.csv',
    );
    const row = await testDb.db.kysely
      .selectFrom('invoices')
      .select(['amount_minor', 'issue_date'])
      .executeTakeFirstOrThrow();
    expect(row.amount_minor).toBe(123_456_789_012);
    expect(row.issue_date).toBe('2026-03-01');
  });

  it('closes once when asked twice', async () => {
    await testDb.db.close();
    await expect(testDb.db.close()).resolves.toBeUndefined();
  });
});
