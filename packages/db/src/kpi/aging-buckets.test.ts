import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { upsertBook } from '../queries/upsert-book';
import { sampleBook, sampleInvoice, samplePayment } from '../sample-book';
import { agingBuckets } from './aging-buckets';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
  const book = sampleBook(
    [
      sampleInvoice('due-31-march', '2026-03-01', 100, { dueDate: '2026-03-31' }),
      sampleInvoice('due-1-march', '2026-02-01', 200, { dueDate: '2026-03-01' }),
      sampleInvoice('due-28-february', '2026-01-29', 300, { dueDate: '2026-02-28' }),
      sampleInvoice('due-31-december', '2025-12-01', 400, { dueDate: '2025-12-31' }),
      sampleInvoice('due-30-december', '2025-11-30', 500, { dueDate: '2025-12-30' }),
      sampleInvoice('part-paid', '2026-02-05', 1000, { dueDate: '2026-03-07' }),
      sampleInvoice('settled', '2026-02-05', 7000, { settledDate: '2026-03-31' }),
      sampleInvoice('issued-later', '2026-04-01', 9000),
    ],
    [samplePayment('p1', 'part-paid', '2026-03-31', 400)],
  );
  await upsertBook(testDb.db, book, 'erp.csv');
});

afterEach(async () => {
  await testDb.close();
});

describe('agingBuckets', () => {
  it('buckets the 31 March example', async () => {
    expect(await agingBuckets(testDb.db, '2026-03-31')).toEqual({
      notDue: { amountMinor: 100, count: 1 },
      pastDue1To30: { amountMinor: 200 + 600, count: 2 },
      pastDue31To60: { amountMinor: 300, count: 1 },
      pastDue61To90: { amountMinor: 400, count: 1 },
      pastDueOver90: { amountMinor: 500, count: 1 },
    });
  });

  it('returns every bucket when nothing is open', async () => {
    const buckets = await agingBuckets(testDb.db, '2025-01-01');
    expect(Object.values(buckets)).toEqual(Array(5).fill({ amountMinor: 0, count: 0 }));
  });
});
