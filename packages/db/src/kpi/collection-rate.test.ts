import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { upsertBook } from '../queries/upsert-book';
import { sampleBook, sampleInvoice, samplePayment } from '../sample-book';
import { collectionRate } from './collection-rate';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
  // 100,000 due in March 2026, of which 80,000 was settled by 31 March.
  const book = sampleBook(
    [
      sampleInvoice('paid-early', '2026-02-08', 50_000_00, { dueDate: '2026-03-10' }),
      sampleInvoice('settled-last-day', '2026-02-13', 30_000_00, {
        dueDate: '2026-03-15',
        settledDate: '2026-03-31',
      }),
      sampleInvoice('paid-in-april', '2026-03-01', 20_000_00, { dueDate: '2026-03-31' }),
      sampleInvoice('due-in-april', '2026-03-02', 70_000_00, { dueDate: '2026-04-01' }),
      sampleInvoice('due-in-february', '2026-01-29', 90_000_00, { dueDate: '2026-02-28' }),
    ],
    [
      samplePayment('p1', 'paid-early', '2026-03-09', 50_000_00),
      samplePayment('p2', 'paid-in-april', '2026-04-01', 20_000_00),
    ],
  );
  await upsertBook(testDb.db, book, 'erp.csv');
});

afterEach(async () => {
  await testDb.close();
});

describe('collectionRate', () => {
  it('matches the 80,000 / 100,000 example', async () => {
    expect(await collectionRate(testDb.db, '2026-06-30', '2026-03')).toEqual({
      collectedMinor: 80_000_00,
      dueMinor: 100_000_00,
      rate: 0.8,
    });
  });

  it('stops at the as-of date inside the month', async () => {
    expect(await collectionRate(testDb.db, '2026-03-20', '2026-03')).toEqual({
      collectedMinor: 50_000_00,
      dueMinor: 100_000_00,
      rate: 0.5,
    });
  });

  it('returns a null rate when nothing was due', async () => {
    expect((await collectionRate(testDb.db, '2026-06-30', '2026-05')).rate).toBeNull();
  });

  it('rejects an invalid month', async () => {
    await expect(collectionRate(testDb.db, '2026-06-30', '2026-3')).rejects.toThrow(
      "month '2026-3' is invalid",
    );
  });
});
