import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { sampleCustomer, sampleInvoice, samplePayment } from '../sample-book';
import { invoiceFactsOn } from './invoice-facts-query';
import type { SegmentTestBook } from './segment-test-book';
import { insertTestBook, referenceFacts } from './segment-test-book';

const AS_OF = '2026-03-31';
/** The largest whole number a double represents exactly, 2^53 - 1, as an amount in minor units. */
const MAX_MINOR = Number.MAX_SAFE_INTEGER;

const BOOK: SegmentTestBook = {
  customers: [sampleCustomer('c1', { language: 'fr' }), sampleCustomer('c2')],
  invoices: [
    sampleInvoice('eur', '2026-02-01', 123_456, { customerId: 'c1' }),
    sampleInvoice('kwd', '2026-03-01', 1_234_567, { customerId: 'c1', currency: 'KWD' }),
    sampleInvoice('clf', '2026-03-01', 12_345, { customerId: 'c1', currency: 'CLF' }),
    sampleInvoice('settled-later', '2026-01-01', 500, {
      customerId: 'c1',
      settledDate: '2026-04-01',
    }),
    sampleInvoice('settled', '2026-01-01', 700, { customerId: 'c1', settledDate: AS_OF }),
    sampleInvoice('paid-off', '2026-01-01', 900, { customerId: 'c1' }),
    sampleInvoice('huge', '2026-01-01', MAX_MINOR, { customerId: 'c2' }),
  ],
  payments: [
    samplePayment('on-as-of', 'eur', AS_OF, 456),
    samplePayment('after-as-of', 'eur', '2026-04-01', 1_000),
    samplePayment('overpaid', 'paid-off', '2026-02-01', 1_000),
  ],
  events: [
    { invoiceId: 'eur', type: 'email.sent', occurredAt: '2026-03-31T23:59:59.999Z' },
    { invoiceId: 'eur', type: 'email.sent', occurredAt: '2026-04-01T00:00:00.000Z' },
    { invoiceId: 'eur', type: 'sms.sent', occurredAt: '2026-03-01T09:00:00.000Z' },
    { invoiceId: 'kwd', type: 'email.sent', occurredAt: '2026-03-20T09:00:00.000Z' },
  ],
  promises: [
    { invoiceId: 'eur', promisedDate: '2026-03-30', status: 'broken' },
    { invoiceId: 'eur', promisedDate: AS_OF, status: 'broken' },
    { invoiceId: 'eur', promisedDate: '2026-03-01', status: 'kept' },
    { invoiceId: 'kwd', promisedDate: '2026-03-01', status: 'open' },
  ],
};

let testDb: MigratedTestDatabase;

beforeAll(async () => {
  testDb = await createMigratedTestDatabase();
  await insertTestBook(testDb.db.kysely, BOOK);
});

afterAll(async () => {
  await testDb.close();
});

async function factsById() {
  const db = testDb.db.kysely;
  const rows = await db.selectFrom(invoiceFactsOn(db, AS_OF).as('facts')).selectAll().execute();
  return new Map(rows.map((row) => [row.id, row]));
}

describe('invoiceFactsOn', () => {
  it('selects the invoices open on the date', async () => {
    const facts = await factsById();
    expect([...facts.keys()].sort()).toEqual(['clf', 'eur', 'huge', 'kwd', 'settled-later']);
  });

  it('matches computeFacts on every fact', async () => {
    const facts = await factsById();
    for (const [id, expected] of referenceFacts(BOOK, AS_OF)) {
      expect({ id, ...facts.get(id) }).toMatchObject({ id, ...expected });
    }
  });

  it('converts minor units per currency', async () => {
    const facts = await factsById();
    expect(facts.get('eur')?.openAmount).toBe(1_230);
    expect(facts.get('kwd')?.amount).toBe(1_234.567);
    expect(facts.get('clf')?.amount).toBe(1.2345);
    expect(facts.get('huge')?.amount).toBe(MAX_MINOR / 100);
  });

  it('counts reminders to the end of the day in UTC', async () => {
    const facts = await factsById();
    expect(facts.get('eur')?.remindersSent).toBe(1);
    expect(facts.get('kwd')?.remindersSent).toBe(1);
  });

  it('counts promises broken before the date', async () => {
    const facts = await factsById();
    expect(facts.get('eur')?.brokenPromises).toBe(1);
    expect(facts.get('kwd')?.brokenPromises).toBe(0);
  });

  it('sums the customer across currencies', async () => {
    const facts = await factsById();
    expect(facts.get('eur')?.customerOpenAmount).toBe((123_000 + 1_234_567 + 12_345 + 500) / 100);
    expect(facts.get('eur')?.customerOverdueCount).toBe(2);
  });

  it('leaves missing customer fields null', async () => {
    const facts = await factsById();
    expect(facts.get('huge')?.language).toBeNull();
    expect(facts.get('huge')?.channel).toBeNull();
  });
});
