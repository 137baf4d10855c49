import type { Invoice, Payment } from '@dunflow/model';
import * as pure from '@dunflow/engine';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Queryable } from '../database';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import type { BookScope } from '../queries/invoice-positions';
import { openAmountsOn } from '../queries/open-amounts';
import { listSettlements } from '../queries/settlements';
import type { Book } from '../queries/upsert-book';
import { upsertBook } from '../queries/upsert-book';
import { sampleCustomer } from '../sample-book';
import { agingBuckets } from './aging-buckets';
import { collectionRate } from './collection-rate';
import { openAr } from './open-ar';
import { standardDso } from './standard-dso';

// Books over a few months, so that as-of dates often fall on issue, due, settled and payment
// dates, and month ends.
const FIRST_DAY = Date.UTC(2026, 0, 1);

function dayOffset(days: number): string {
  return new Date(FIRST_DAY + days * 86_400_000).toISOString().slice(0, 10);
}

const invoiceDraft = fc.record({
  issue: fc.integer({ min: 0, max: 120 }),
  term: fc.integer({ min: 0, max: 60 }),
  amountMinor: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 })),
  currency: fc.constantFrom('EUR', 'EUR', 'USD'),
  disputed: fc.boolean(),
  settledAfter: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  payments: fc.array(
    fc.record({
      after: fc.integer({ min: 0, max: 100 }),
      share: fc.double({ min: 0.05, max: 1.2, noNaN: true }),
    }),
    { maxLength: 3 },
  ),
});

const bookArbitrary = fc.array(invoiceDraft, { maxLength: 14 }).map((drafts): Book => {
  const invoices: Invoice[] = [];
  const payments: Payment[] = [];
  drafts.forEach((draft, index) => {
    const id = `inv-${index}`;
    const invoice: Invoice = {
      id,
      customerId: `customer-${index % 3}`,
      issueDate: dayOffset(draft.issue),
      dueDate: dayOffset(draft.issue + draft.term),
      amountMinor: draft.amountMinor,
      currency: draft.currency,
      disputed: draft.disputed,
    };
    if (draft.settledAfter !== undefined)
      invoice.settledDate = dayOffset(draft.issue + draft.settledAfter);
    invoices.push(invoice);
    draft.payments.forEach((payment, paymentIndex) => {
      const amountMinor = Math.max(1, Math.round(draft.amountMinor * payment.share));
      payments.push({
        id: `${id}-p${paymentIndex}`,
        invoiceId: id,
        amountMinor,
        receivedOn: dayOffset(draft.issue + payment.after),
      });
    });
  });
  const customerIds = [...new Set(invoices.map((invoice) => invoice.customerId))];
  return { customers: customerIds.map((id) => sampleCustomer(id)), invoices, payments };
});

/** Days past due on which the aging bucket changes. */
const AGING_EDGES = [0, 1, 30, 31, 60, 61, 90, 91];

/** DSO periods; an invoice leaves a period of N days N days after its issue date. */
const DSO_DAYS = [1, 7, 30, 90, 365];

/**
 * Dates of the book itself (issue, due, settled, payment), the aging edges after each due
 * date, the ends of DSO periods after each issue date, and a month end.
 */
function datesOf(book: Book): string[] {
  const dates = book.invoices.flatMap((invoice) => [
    invoice.settledDate ?? invoice.issueDate,
    ...AGING_EDGES.map((days) => addDays(invoice.dueDate, days)),
    ...DSO_DAYS.flatMap((days) => [
      addDays(invoice.issueDate, days - 1),
      addDays(invoice.issueDate, days),
    ]),
  ]);
  return [...dates, ...book.payments.map((payment) => payment.receivedOn), '2026-03-31'];
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const caseArbitrary = bookArbitrary.chain((book) =>
  fc.record({
    book: fc.constant(book),
    asOf: fc.oneof(
      fc.constantFrom(...datesOf(book)),
      fc.integer({ min: -5, max: 230 }).map(dayOffset),
    ),
    days: fc.constantFrom(...DSO_DAYS),
    month: fc.constantFrom(
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ),
    scope: fc.constantFrom<BookScope>({}, { currency: 'EUR' }, { currency: 'USD' }),
  }),
);

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
});

afterEach(async () => {
  await testDb.close();
});

/** Replaces the stored book; runs of one property share this test's database. */
async function storeBook(db: Queryable, book: Book): Promise<void> {
  const kysely = testDb.db.kysely;
  await kysely.deleteFrom('payments').execute();
  await kysely.deleteFrom('invoices').execute();
  await kysely.deleteFrom('customers').execute();
  await upsertBook(db, book, 'generated.csv');
}

describe('KPI contract: SQL and pure implementations', () => {
  it('agree on generated books', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ book, asOf, days, month, scope }) => {
        await storeBook(testDb.db, book);
        expect(await openAr(testDb.db, asOf, scope)).toEqual(pure.openAr(book, asOf, scope));
        expect(await agingBuckets(testDb.db, asOf, scope)).toEqual(
          pure.agingBuckets(book, asOf, scope),
        );
        expect(await standardDso(testDb.db, asOf, days, scope)).toBe(
          pure.standardDso(book, asOf, days, scope),
        );
        expect(await collectionRate(testDb.db, asOf, month, scope)).toEqual(
          pure.collectionRate(book, asOf, month, scope),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('agree on open amounts and settlements per invoice', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ book, asOf }) => {
        await storeBook(testDb.db, book);
        const byInvoice = pure.paymentsByInvoice(book.payments);
        const issued = book.invoices.filter((invoice) => invoice.issueDate <= asOf);
        const expectedOpen = issued.map((invoice) => ({
          invoiceId: invoice.id,
          openAmountMinor: pure.openAmountOn(invoice, byInvoice.get(invoice.id) ?? [], asOf),
        }));
        const open = await openAmountsOn(testDb.db, asOf);
        const stored = open.map(({ invoiceId, openAmountMinor }) => ({
          invoiceId,
          openAmountMinor,
        }));
        expect(sortById(stored)).toEqual(sortById(expectedOpen));

        const expectedSettlements = book.invoices.map((invoice) => {
          const payments = byInvoice.get(invoice.id) ?? [];
          const settlementDate = pure.settlementDateOf(invoice, payments);
          if (settlementDate === undefined) return { invoiceId: invoice.id };
          return {
            invoiceId: invoice.id,
            settlementDate,
            daysToSettle: pure.daysToSettle(invoice, payments),
            daysLate: pure.daysLate(invoice, payments),
          };
        });
        expect(sortById(await listSettlements(testDb.db))).toEqual(sortById(expectedSettlements));
      }),
      { numRuns: 40 },
    );
  });
});

function sortById<T extends { invoiceId: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => compareText(a.invoiceId, b.invoiceId));
}

/** Orders by code point, unlike SQL's ORDER BY, which follows the database's collation. */
function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
