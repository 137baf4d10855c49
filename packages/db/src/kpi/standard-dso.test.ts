import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { upsertBook } from '../queries/upsert-book';
import { sampleBook, sampleInvoice, samplePayment } from '../sample-book';
import { standardDso } from './standard-dso';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
});

afterEach(async () => {
  await testDb.close();
});

describe('standardDso', () => {
  it('computes 36.5 over 365 days', async () => {
    const book = sampleBook([
      sampleInvoice('settled', '2025-03-01', 1_800_000_00, { settledDate: '2025-04-01' }),
      sampleInvoice('open', '2025-12-01', 200_000_00),
      // Issued on 31 December 2024, the day before the 365-day window starts.
      sampleInvoice('outside', '2024-12-31', 900_000_00, { settledDate: '2025-01-15' }),
    ]);
    await upsertBook(testDb.db, book, 'erp.csv');
    expect(await standardDso(testDb.db, '2025-12-31', 365)).toBe(36.5);
  });

  it('computes 45 from 15,000 open over 10,000 invoiced in 30 days', async () => {
    const book = sampleBook(
      [
        sampleInvoice('old-overdue', '2026-01-15', 1_100_000),
        sampleInvoice('march-sale', '2026-03-10', 1_000_000),
      ],
      [samplePayment('p1', 'march-sale', '2026-03-20', 600_000)],
    );
    await upsertBook(testDb.db, book, 'erp.csv');
    expect(await standardDso(testDb.db, '2026-03-31', 30)).toBe(45);
    expect(await standardDso(testDb.db, '2026-03-31', 30, { currency: 'USD' })).toBeNull();
  });

  it('returns null when nothing was invoiced', async () => {
    expect(await standardDso(testDb.db, '2026-03-31', 30)).toBeNull();
  });

  it('rejects a period of 0 days', async () => {
    await expect(standardDso(testDb.db, '2026-03-31', 0)).rejects.toThrow('days 0 is invalid');
  });
});
