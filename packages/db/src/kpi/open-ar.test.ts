import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { upsertBook } from '../queries/upsert-book';
import { sampleBook, sampleInvoice, samplePayment } from '../sample-book';
import { openAr } from './open-ar';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
  const book = sampleBook(
    [
      sampleInvoice('issued-on-as-of', '2026-03-31', 100),
      sampleInvoice('settled-on-as-of', '2026-03-01', 200, { settledDate: '2026-03-31' }),
      sampleInvoice('settled-after', '2026-03-01', 400, { settledDate: '2026-04-01' }),
      sampleInvoice('paid-on-as-of', '2026-03-01', 800),
      sampleInvoice('part-paid', '2026-03-01', 1600),
      sampleInvoice('zero', '2026-03-01', 0),
      sampleInvoice('usd', '2026-03-01', 3200, { currency: 'USD' }),
    ],
    [
      samplePayment('p1', 'paid-on-as-of', '2026-03-31', 800),
      samplePayment('p2', 'part-paid', '2026-03-02', 600),
    ],
  );
  await upsertBook(testDb.db, book, 'erp.csv');
});

afterEach(async () => {
  await testDb.close();
});

describe('openAr', () => {
  it('sums open amounts at the end of the as-of date', async () => {
    expect(await openAr(testDb.db, '2026-03-31', { currency: 'EUR' })).toEqual({
      amountMinor: 100 + 400 + 1000,
      count: 3,
    });
  });

  it('adds every currency without a scope', async () => {
    expect(await openAr(testDb.db, '2026-03-31')).toEqual({ amountMinor: 4700, count: 4 });
  });

  it('is empty before the first invoice', async () => {
    expect(await openAr(testDb.db, '2026-02-28')).toEqual({ amountMinor: 0, count: 0 });
  });

  it('rejects an invalid as-of date', async () => {
    await expect(openAr(testDb.db, '2026-3-31')).rejects.toThrow("asOf '2026-3-31' is invalid");
  });
});
