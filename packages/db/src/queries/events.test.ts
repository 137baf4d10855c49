import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { sampleBook, sampleInvoice } from '../sample-book';
import { appendEvent, listEvents } from './events';
import { upsertBook } from './upsert-book';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
  await upsertBook(testDb.db, sampleBook([sampleInvoice('inv-1', '2026-03-01', 1000)]), 'a.csv');
});

afterEach(async () => {
  await testDb.close();
});

describe('appendEvent and listEvents', () => {
  it('lists an invoice history in order of occurrence', async () => {
    await appendEvent(testDb.db, {
      invoiceId: 'inv-1',
      type: 'email.sent',
      nodeId: 'reminder-1',
      occurredAt: '2026-04-02T09:00:00Z',
      data: { template: 'first-reminder' },
    });
    await appendEvent(testDb.db, {
      invoiceId: 'inv-1',
      type: 'invoice.imported',
      occurredAt: '2026-03-01T08:00:00Z',
    });

    const events = await listEvents(testDb.db, 'inv-1');
    expect(events.map((event) => event.type)).toEqual(['invoice.imported', 'email.sent']);
    expect(events[1]).toMatchObject({
      invoiceId: 'inv-1',
      nodeId: 'reminder-1',
      occurredAt: '2026-04-02T09:00:00.000Z',
      data: { template: 'first-reminder' },
    });
    expect(events[0]?.data).toEqual({});
  });

  it('stores a retried event once by idempotency key', async () => {
    const event = {
      invoiceId: 'inv-1',
      type: 'email.sent',
      occurredAt: '2026-04-02T09:00:00Z',
      idempotencyKey: 'inv-1/reminder-1/1',
    };
    const first = await appendEvent(testDb.db, event);
    const second = await appendEvent(testDb.db, event);
    expect(second.id).toBe(first.id);
    expect(await listEvents(testDb.db, 'inv-1')).toHaveLength(1);
  });

  it('rejects an event of an unknown invoice', async () => {
    const append = appendEvent(testDb.db, {
      invoiceId: 'missing',
      type: 'email.sent',
      occurredAt: '2026-04-02T09:00:00Z',
    });
    await expect(append).rejects.toThrow('foreign key');
  });
});

describe('dunning_events append-only trigger', () => {
  beforeEach(async () => {
    await appendEvent(testDb.db, {
      invoiceId: 'inv-1',
      type: 'email.sent',
      occurredAt: '2026-04-02T09:00:00Z',
    });
  });

  it('rejects UPDATE', async () => {
    const update = testDb.db.kysely
      .updateTable('dunning_events')
      .set({ type: 'changed' })
      .execute();
    await expect(update).rejects.toThrow('dunning_events is append-only: UPDATE is not allowed');
  });

  it('rejects DELETE', async () => {
    const remove = testDb.db.kysely.deleteFrom('dunning_events').execute();
    await expect(remove).rejects.toThrow('dunning_events is append-only: DELETE is not allowed');
  });

  it('rejects TRUNCATE', async () => {
    const truncate = sql`truncate dunning_events`.execute(testDb.db.kysely);
    await expect(truncate).rejects.toThrow(
      'dunning_events is append-only: TRUNCATE is not allowed',
    );
  });

  it('keeps the event after the rejections', async () => {
    await expect(testDb.db.kysely.deleteFrom('dunning_events').execute()).rejects.toThrow();
    expect(await listEvents(testDb.db, 'inv-1')).toHaveLength(1);
  });
});
