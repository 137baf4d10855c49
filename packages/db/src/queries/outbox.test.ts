import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../errors';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { sampleBook, sampleInvoice } from '../sample-book';
import { claimOutbox, completeOutbox, releaseOutbox } from './outbox';
import { upsertBook } from './upsert-book';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase({ poolSize: 8 });
  await upsertBook(testDb.db, sampleBook([sampleInvoice('inv-1', '2026-03-01', 1000)]), 'a.csv');
});

afterEach(async () => {
  await testDb.close();
});

const request = {
  idempotencyKey: 'inv-1/reminder-1/1',
  invoiceId: 'inv-1',
  nodeId: 'reminder-1',
  kind: 'email' as const,
};

describe('claimOutbox', () => {
  it('lets the first claim win and later ones see the result', async () => {
    expect(await claimOutbox(testDb.db, request)).toEqual({ claimed: true });
    expect(await claimOutbox(testDb.db, request)).toEqual({ claimed: false, status: 'pending' });

    await completeOutbox(testDb.db, request.idempotencyKey, { messageId: '<m1@dunflow>' });
    expect(await claimOutbox(testDb.db, request)).toEqual({
      claimed: false,
      status: 'completed',
      result: { messageId: '<m1@dunflow>' },
    });
  });

  it('lets exactly one of concurrent claims win', async () => {
    const keys = Array.from({ length: 10 }, (_, index) => `inv-1/reminder-1/${index}`);
    const claims = await Promise.all(
      keys.flatMap((key) =>
        [0, 1, 2].map(() => claimOutbox(testDb.db, { ...request, idempotencyKey: key })),
      ),
    );
    expect(claims.filter((claim) => claim.claimed)).toHaveLength(keys.length);
    expect(claims.filter((claim) => !claim.claimed)).toHaveLength(2 * keys.length);
  });

  it('makes a second claim wait for the first transaction', async () => {
    let secondSettled = false;
    let second: Promise<unknown> = Promise.resolve();
    await testDb.db.kysely.transaction().execute(async (trx) => {
      expect(await claimOutbox(trx, request)).toEqual({ claimed: true });
      second = claimOutbox(testDb.db, request).finally(() => {
        secondSettled = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(secondSettled).toBe(false);
    });
    expect(await second).toEqual({ claimed: false, status: 'pending' });
  });

  it('lets a claim win after the first claim rolled back', async () => {
    const rollback = testDb.db.kysely.transaction().execute(async (trx) => {
      await claimOutbox(trx, request);
      throw new Error('side effect failed');
    });
    await expect(rollback).rejects.toThrow('side effect failed');
    expect(await claimOutbox(testDb.db, request)).toEqual({ claimed: true });
  });

  it('rejects a key reused for another node', async () => {
    await claimOutbox(testDb.db, request);
    const reused = claimOutbox(testDb.db, { ...request, nodeId: 'reminder-2' });
    await expect(reused).rejects.toThrow(ConflictError);
    await expect(reused).rejects.toThrow(
      "belongs to the email of node 'reminder-1' on invoice 'inv-1'",
    );
  });

  it('takes over a stale pending claim when asked to', async () => {
    await claimOutbox(testDb.db, request);
    await sql`update outbox set claimed_at = now() - interval '10 minutes'`.execute(
      testDb.db.kysely,
    );

    const fresh = await claimOutbox(testDb.db, { ...request, takeOverAfterMs: 15 * 60_000 });
    const stale = await claimOutbox(testDb.db, { ...request, takeOverAfterMs: 5 * 60_000 });
    const afterTakeOver = await claimOutbox(testDb.db, { ...request, takeOverAfterMs: 5 * 60_000 });
    expect(fresh).toEqual({ claimed: false, status: 'pending' });
    expect(stale).toEqual({ claimed: true });
    expect(afterTakeOver).toEqual({ claimed: false, status: 'pending' });
  });
});

describe('completeOutbox', () => {
  it('keeps the first result when completed twice', async () => {
    await claimOutbox(testDb.db, request);
    await completeOutbox(testDb.db, request.idempotencyKey, { attempt: 1 });
    await completeOutbox(testDb.db, request.idempotencyKey, { attempt: 2 });
    expect(await claimOutbox(testDb.db, request)).toMatchObject({ result: { attempt: 1 } });
  });

  it('raises NotFoundError for an unclaimed key', async () => {
    await expect(completeOutbox(testDb.db, 'never-claimed', {})).rejects.toThrow(NotFoundError);
  });
});

describe('releaseOutbox', () => {
  it('frees a pending claim but keeps a completed one', async () => {
    await claimOutbox(testDb.db, request);
    expect(await releaseOutbox(testDb.db, request.idempotencyKey)).toBe(true);
    expect(await claimOutbox(testDb.db, request)).toEqual({ claimed: true });

    await completeOutbox(testDb.db, request.idempotencyKey, 'sent');
    expect(await releaseOutbox(testDb.db, request.idempotencyKey)).toBe(false);
    expect(await claimOutbox(testDb.db, request)).toMatchObject({
      status: 'completed',
      result: 'sent',
    });
  });
});
