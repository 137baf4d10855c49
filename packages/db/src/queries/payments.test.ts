import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../errors';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { sampleBook, sampleInvoice } from '../sample-book';
import { listPayments, recordPayment } from './payments';
import { upsertBook } from './upsert-book';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
  await upsertBook(testDb.db, sampleBook([sampleInvoice('inv-1', '2026-03-01', 10_000)]), 'a.csv');
});

afterEach(async () => {
  await testDb.close();
});

const payment = {
  id: 'stripe-pi-1',
  invoiceId: 'inv-1',
  amountMinor: 4000,
  receivedOn: '2026-03-20',
  source: 'api' as const,
};

describe('recordPayment', () => {
  it('records a payment once', async () => {
    expect(await recordPayment(testDb.db, payment)).toEqual({ payment, created: true });
    expect(await recordPayment(testDb.db, payment)).toEqual({ payment, created: false });
    expect(await listPayments(testDb.db, 'inv-1')).toEqual([payment]);
  });

  it('rejects a reused id with another amount', async () => {
    await recordPayment(testDb.db, payment);
    const reused = recordPayment(testDb.db, { ...payment, amountMinor: 5000 });
    await expect(reused).rejects.toThrow(ConflictError);
    await expect(reused).rejects.toThrow(
      "payment 'stripe-pi-1' is already recorded as 4000 minor units on 2026-03-20",
    );
  });

  it('rejects a payment of 0 at the database', async () => {
    const zero = recordPayment(testDb.db, { ...payment, amountMinor: 0 });
    await expect(zero).rejects.toThrow('payments_amount_minor_check');
  });
});

describe('listPayments', () => {
  it('orders payments by date', async () => {
    await recordPayment(testDb.db, { ...payment, id: 'later', receivedOn: '2026-04-01' });
    await recordPayment(testDb.db, { ...payment, id: 'earlier', receivedOn: '2026-03-02' });
    const ids = (await listPayments(testDb.db, 'inv-1')).map((stored) => stored.id);
    expect(ids).toEqual(['earlier', 'later']);
  });
});
