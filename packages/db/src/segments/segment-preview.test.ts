import { InvalidRuleError } from '@dunflow/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { invoiceSegments } from './invoice-segments';
import { AFTER, AS_OF, BEFORE, FIXED_BOOK } from './segment-fixtures';
import { segmentPreview } from './segment-preview';
import { insertTestBook } from './segment-test-book';

let testDb: MigratedTestDatabase;

beforeAll(async () => {
  testDb = await createMigratedTestDatabase();
  await insertTestBook(testDb.db.kysely, FIXED_BOOK);
});

afterAll(async () => {
  await testDb.close();
});

describe('segmentPreview', () => {
  it('counts open invoices per segment', async () => {
    expect(await segmentPreview(testDb.db, BEFORE, AS_OF)).toEqual([
      { segmentId: 'disputed', count: 1, openAmountMinor: { EUR: 20_000 } },
      { segmentId: 'large', count: 4, openAmountMinor: { EUR: 920_000, JPY: 50_000, USD: 40_000 } },
      { segmentId: 'empty', count: 0, openAmountMinor: {} },
      { segmentId: 'french', count: 2, openAmountMinor: { EUR: 6_000 } },
      { segmentId: 'standard', count: 1, openAmountMinor: { EUR: 2_000 } },
    ]);
  });

  it('merges a default segment with its namesake', async () => {
    expect(await segmentPreview(testDb.db, AFTER, AS_OF)).toEqual([
      { segmentId: 'large', count: 5, openAmountMinor: { EUR: 940_000, JPY: 50_000, USD: 40_000 } },
      { segmentId: 'french', count: 3, openAmountMinor: { EUR: 8_000 } },
    ]);
  });

  it('is empty before the first invoice', async () => {
    const preview = await segmentPreview(testDb.db, BEFORE, '2025-12-31');
    expect(preview.map((total) => total.count)).toEqual([0, 0, 0, 0, 0]);
  });

  it('rejects an invalid as-of date', async () => {
    await expect(segmentPreview(testDb.db, BEFORE, '2026-02-30')).rejects.toThrow(
      InvalidArgumentError,
    );
  });

  it('rejects an invalid rule set', async () => {
    const invalid = { ...BEFORE, segments: [...BEFORE.segments, ...BEFORE.segments] };
    await expect(segmentPreview(testDb.db, invalid, AS_OF)).rejects.toThrow(InvalidRuleError);
  });
});

describe('invoiceSegments', () => {
  it('lists open invoices by id', async () => {
    expect(await invoiceSegments(testDb.db, BEFORE, AS_OF)).toEqual([
      { invoiceId: 'a-large', segmentId: 'large' },
      { invoiceId: 'b-small', segmentId: 'french' },
      { invoiceId: 'c-yen', segmentId: 'large' },
      { invoiceId: 'd-disputed', segmentId: 'disputed' },
      { invoiceId: 'e-part-paid', segmentId: 'large' },
      { invoiceId: 'f-usd', segmentId: 'large' },
      { invoiceId: 'g-new', segmentId: 'french' },
      { invoiceId: 'j-belgian', segmentId: 'standard' },
    ]);
  });

  it('restores the JIT setting of a caller transaction', async () => {
    await testDb.db.kysely.transaction().execute(async (trx) => {
      const setting = sql<{ jit: string }>`select current_setting('jit') as jit`;
      const before = await setting.execute(trx);
      expect(await invoiceSegments(trx, BEFORE, AS_OF)).toHaveLength(8);
      const after = await setting.execute(trx);
      expect(after.rows).toEqual(before.rows);
    });
  });
});
