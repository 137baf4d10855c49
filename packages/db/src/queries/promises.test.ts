import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { sampleBook, sampleInvoice } from '../sample-book';
import { createPromise, listPromises, updatePromiseStatus } from './promises';
import { upsertBook } from './upsert-book';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
  await upsertBook(
    testDb.db,
    sampleBook([
      sampleInvoice('inv-1', '2026-03-01', 1000),
      sampleInvoice('inv-2', '2026-03-01', 500),
    ]),
    'a.csv',
  );
});

afterEach(async () => {
  await testDb.close();
});

const newPromise = {
  idempotencyKey: 'inv-1/promise/1',
  invoiceId: 'inv-1',
  promisedDate: '2026-04-10',
};

describe('createPromise', () => {
  it('records a promise once per key', async () => {
    const first = await createPromise(testDb.db, newPromise);
    const again = await createPromise(testDb.db, { ...newPromise, promisedDate: '2026-05-01' });
    expect(first.created).toBe(true);
    expect(first.promise).toMatchObject({ ...newPromise, status: 'open' });
    expect(again).toEqual({ promise: first.promise, created: false });
  });

  it('rejects a promise on an unknown invoice', async () => {
    const orphan = createPromise(testDb.db, { ...newPromise, invoiceId: 'missing' });
    await expect(orphan).rejects.toThrow('foreign key');
  });
});

describe('listPromises', () => {
  it('lists promises by date with filters', async () => {
    const { promise } = await createPromise(testDb.db, newPromise);
    await createPromise(testDb.db, {
      idempotencyKey: 'inv-2/promise/1',
      invoiceId: 'inv-2',
      promisedDate: '2026-04-05',
    });
    await updatePromiseStatus(testDb.db, promise.id, 'kept');

    expect((await listPromises(testDb.db)).map((listed) => listed.invoiceId)).toEqual([
      'inv-2',
      'inv-1',
    ]);
    expect(await listPromises(testDb.db, { status: 'kept' })).toEqual([
      { ...promise, status: 'kept' },
    ]);
    expect(await listPromises(testDb.db, { invoiceId: 'inv-2' })).toHaveLength(1);
  });
});

describe('updatePromiseStatus', () => {
  it('raises NotFoundError for an unknown promise', async () => {
    await expect(updatePromiseStatus(testDb.db, 999, 'broken')).rejects.toThrow(NotFoundError);
  });
});
