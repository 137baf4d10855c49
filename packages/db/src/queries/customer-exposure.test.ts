import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { sampleBook, sampleInvoice, samplePayment } from '../sample-book';
import { customerExposure } from './customer-exposure';
import { upsertBook } from './upsert-book';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
});

afterEach(async () => {
  await testDb.close();
});

describe('customerExposure', () => {
  it('sums open invoices and counts overdue ones', async () => {
    const invoices = [
      // Due 2026-03-03: overdue on 2026-04-01, half paid.
      sampleInvoice('a-1', '2026-02-01', 10_000, { customerId: 'A' }),
      // Due 2026-04-30: open, not yet due.
      sampleInvoice('a-2', '2026-03-31', 5_000, { customerId: 'A' }),
      sampleInvoice('a-3', '2026-02-01', 7_000, { customerId: 'A', settledDate: '2026-03-15' }),
      // Issued after the date.
      sampleInvoice('a-4', '2026-04-02', 9_000, { customerId: 'A' }),
      sampleInvoice('b-1', '2026-02-01', 8_000, { customerId: 'B' }),
    ];
    const payments = [samplePayment('p-1', 'a-1', '2026-03-20', 5_000)];
    await upsertBook(testDb.db, sampleBook(invoices, payments), 'a.csv');

    expect(await customerExposure(testDb.db, 'A', '2026-04-01')).toEqual({
      openAmountMinor: 10_000,
      overdueCount: 1,
    });
  });

  it('counts more invoices than a page of a listing', async () => {
    const invoices = Array.from({ length: 1_200 }, (_, index) =>
      sampleInvoice(`big-${String(index)}`, '2026-01-01', 100, { customerId: 'BIG' }),
    );
    await upsertBook(testDb.db, sampleBook(invoices), 'big.csv');

    expect(await customerExposure(testDb.db, 'BIG', '2026-04-01')).toEqual({
      openAmountMinor: 120_000,
      overdueCount: 1_200,
    });
  });

  it('is zero for a customer without invoices', async () => {
    expect(await customerExposure(testDb.db, 'nobody', '2026-04-01')).toEqual({
      openAmountMinor: 0,
      overdueCount: 0,
    });
  });
});
