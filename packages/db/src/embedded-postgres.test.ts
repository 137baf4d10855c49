import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { openDatabase } from './database';
import type { EmbeddedPostgres } from './embedded-postgres';
import { startEmbeddedPostgres } from './embedded-postgres';
import { agingBuckets } from './kpi/aging-buckets';
import { openAr } from './kpi/open-ar';
import { migrate } from './migrate';
import { appendEvent } from './queries/events';
import { upsertBook } from './queries/upsert-book';
import { sampleBook, sampleInvoice, samplePayment } from './sample-book';

// Each test gets its own PGlite data folder, the embedded counterpart of a test database.
let dataDir: string;
let server: EmbeddedPostgres | undefined;
let db: Database | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dunflow-pglite-'));
});

afterEach(async () => {
  await db?.close();
  await server?.stop();
  db = undefined;
  server = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<Database> {
  server = await startEmbeddedPostgres({ dataDir });
  db = openDatabase({ url: server.url, poolSize: server.poolSize });
  return db;
}

const book = sampleBook(
  [
    sampleInvoice('overdue', '2026-01-10', 10_000, { dueDate: '2026-02-09' }),
    sampleInvoice('current', '2026-03-15', 2500),
  ],
  [samplePayment('p1', 'overdue', '2026-03-01', 4000)],
);

describe('startEmbeddedPostgres', () => {
  it('serves on 127.0.0.1 with a pool of one', async () => {
    server = await startEmbeddedPostgres({ dataDir });
    expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(server.poolSize).toBe(1);
  });

  it('runs the migrations and KPI queries', async () => {
    const database = await start();
    await migrate(database);
    expect(await upsertBook(database, book, 'erp.csv')).toEqual({
      inserted: 4,
      updated: 0,
      unchanged: 0,
    });
    expect(await upsertBook(database, book, 'erp.csv')).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 4,
    });

    expect(await openAr(database, '2026-03-31')).toEqual({ amountMinor: 6000 + 2500, count: 2 });
    const buckets = await agingBuckets(database, '2026-03-31');
    expect(buckets.pastDue31To60).toEqual({ amountMinor: 6000, count: 1 });
    expect(buckets.notDue).toEqual({ amountMinor: 2500, count: 1 });
  });

  it('enforces the append-only trigger', async () => {
    const database = await start();
    await migrate(database);
    await upsertBook(database, book, 'erp.csv');
    await appendEvent(database, {
      invoiceId: 'overdue',
      type: 'email.sent',
      occurredAt: '2026-03-02T09:00:00Z',
    });
    await expect(database.kysely.deleteFrom('dunning_events').execute()).rejects.toThrow(
      'append-only',
    );
  });

  it('keeps the data across restarts', async () => {
    const first = await start();
    await migrate(first);
    await upsertBook(first, book, 'erp.csv');
    await first.close();
    await server?.stop();

    const second = await start();
    await migrate(second);
    expect(await openAr(second, '2026-03-31')).toEqual({ amountMinor: 8500, count: 2 });
  });
});
