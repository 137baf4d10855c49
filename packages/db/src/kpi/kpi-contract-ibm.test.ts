import * as pure from '@dunflow/engine';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IbmRow } from '../fixtures/ibm-book';
import { bookAsOf, readIbmRows, settledBook } from '../fixtures/ibm-book';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { listSettlements } from '../queries/settlements';
import type { Book } from '../queries/upsert-book';
import { upsertBook } from '../queries/upsert-book';
import { agingBuckets } from './aging-buckets';
import { collectionRate } from './collection-rate';
import { openAr } from './open-ar';
import { standardDso } from './standard-dso';

let rows: IbmRow[];
let testDb: MigratedTestDatabase;

beforeAll(async () => {
  rows = await readIbmRows();
});

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
});

afterEach(async () => {
  await testDb.close();
});

const AS_OF_DATES = ['2013-06-30', '2013-12-31'] as const;

/** The KPIs of the SQL implementation on `asOf`. */
async function sqlKpis(asOf: string) {
  return {
    openAr: await openAr(testDb.db, asOf),
    aging: await agingBuckets(testDb.db, asOf),
    dso30: await standardDso(testDb.db, asOf, 30),
    dso365: await standardDso(testDb.db, asOf, 365),
    collectionRate: await collectionRate(testDb.db, asOf, asOf.slice(0, 7)),
  };
}

/** The same KPIs of the pure implementation. */
function pureKpis(book: Book, asOf: string) {
  return {
    openAr: pure.openAr(book, asOf),
    aging: pure.agingBuckets(book, asOf),
    dso30: pure.standardDso(book, asOf, 30),
    dso365: pure.standardDso(book, asOf, 365),
    collectionRate: pure.collectionRate(book, asOf, asOf.slice(0, 7)),
  };
}

describe('IBM accounts receivable file', () => {
  it('has the published size and total', () => {
    expect(rows).toHaveLength(2466);
    expect(new Set(rows.map((row) => row.customerId)).size).toBe(100);
    expect(rows.reduce((sum, row) => sum + row.amountMinor, 0)).toBe(14_770_318);
  });

  it('matches DaysToSettle and DaysLate on every row as of 2013-06-30', async () => {
    const book = bookAsOf(rows, '2013-06-30');
    await upsertBook(testDb.db, book, 'ibm-accounts-receivable.csv');
    const stored = new Map((await listSettlements(testDb.db)).map((row) => [row.invoiceId, row]));
    const payments = pure.paymentsByInvoice(book.payments);

    const mismatches = rows.filter((row) => {
      const invoice = book.invoices.find((candidate) => candidate.id === row.invoiceNumber);
      const own = invoice ? (payments.get(invoice.id) ?? []) : [];
      const fromSql = stored.get(row.invoiceNumber);
      return (
        invoice === undefined ||
        pure.daysToSettle(invoice, own) !== row.daysToSettle ||
        pure.daysLate(invoice, own) !== row.daysLate ||
        fromSql?.daysToSettle !== row.daysToSettle ||
        fromSql.daysLate !== row.daysLate
      );
    });
    expect(stored.size).toBe(2466);
    expect(book.payments.length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });

  for (const asOf of AS_OF_DATES) {
    it(`gives equal SQL and pure KPIs as of ${asOf}`, async () => {
      const book = bookAsOf(rows, asOf);
      await upsertBook(testDb.db, book, 'ibm-accounts-receivable.csv');
      const kpis = await sqlKpis(asOf);

      expect(kpis).toEqual(pureKpis(book, asOf));
      expect(kpis).toEqual(pureKpis(settledBook(rows), asOf));
    });

    it(`matches a direct count of the rows as of ${asOf}`, async () => {
      await upsertBook(testDb.db, settledBook(rows), 'ibm-accounts-receivable.csv');
      const open = rows.filter((row) => row.invoiceDate <= asOf && row.settledDate > asOf);
      const month = asOf.slice(0, 7);
      const due = rows.filter((row) => row.dueDate.startsWith(month));
      const collected = due.filter((row) => row.settledDate <= asOf);
      const kpis = await sqlKpis(asOf);

      expect(kpis.openAr).toEqual({ amountMinor: sumAmounts(open), count: open.length });
      expect(kpis.collectionRate.dueMinor).toBe(sumAmounts(due));
      expect(kpis.collectionRate.collectedMinor).toBe(sumAmounts(collected));
      const agingTotal = Object.values(kpis.aging).reduce(
        (sum, bucket) => sum + bucket.amountMinor,
        0,
      );
      expect(agingTotal).toBe(kpis.openAr.amountMinor);
    });
  }
});

function sumAmounts(selected: readonly IbmRow[]): number {
  return selected.reduce((sum, row) => sum + row.amountMinor, 0);
}
