import type { Customer, Invoice, Payment } from '@dunflow/model';
import fc from 'fast-check';
import type { PromiseStatus } from '../database-schema';
import { BASE_DAY, DAY_SPREAD, isoDay } from './rule-arbitraries';
import type { SegmentTestBook, TestEvent, TestPromise } from './segment-test-book';

/*
 * A fast-check arbitrary of whole books for the segment tests: customers with and without
 * optional fields, invoices in currencies of 0 to 4 decimal digits, partial and excess
 * payments, settled invoices, reminders around midnight UTC and promises of every status.
 * Not exported from the package.
 */

const CUSTOMER_IDS = ['c1', 'c2', 'c3'];
const CURRENCIES = ['EUR', 'JPY', 'KWD', 'CLF', 'USD'];
/** Minor amounts around the units of the currencies above, and a large one. */
const MINOR_AMOUNTS = [0, 1, 9, 10, 99, 100, 101, 999, 1000, 12_345, 10_000_000_000_001];

const day = fc.integer({ min: -DAY_SPREAD, max: DAY_SPREAD }).map((offset) => BASE_DAY + offset);
const date = day.map(isoDay);

const customer = (id: string): fc.Arbitrary<Customer> =>
  fc
    .record({
      countryCode: fc.constantFrom('FR', 'BE', 'DE', 'fr', 'é'),
      language: fc.option(fc.constantFrom('fr', 'en', 'de', 'fr-BE', ''), { nil: undefined }),
      channel: fc.option(fc.constantFrom('paper' as const, 'electronic' as const), {
        nil: undefined,
      }),
    })
    .map((fields) => withoutUndefined({ id, ...fields }));

const issueDay = fc.integer({ min: -DAY_SPREAD, max: 10 }).map((offset) => BASE_DAY + offset);

const invoiceDraft = fc.record({
  customerId: fc.constantFrom(...CUSTOMER_IDS),
  issueDay,
  term: fc.integer({ min: -5, max: 60 }),
  amountMinor: fc.oneof(fc.constantFrom(...MINOR_AMOUNTS), fc.nat({ max: 5_000_000 })),
  currency: fc.constantFrom(...CURRENCIES),
  disputed: fc.boolean(),
  settledDay: fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: day },
  ),
});

type InvoiceDraft = typeof invoiceDraft extends fc.Arbitrary<infer T> ? T : never;

function toInvoice(draft: InvoiceDraft, index: number): Invoice {
  return withoutUndefined({
    id: `i${String(index).padStart(2, '0')}`,
    customerId: draft.customerId,
    issueDate: isoDay(draft.issueDay),
    dueDate: isoDay(draft.issueDay + draft.term),
    amountMinor: draft.amountMinor,
    currency: draft.currency,
    disputed: draft.disputed,
    settledDate: draft.settledDay === undefined ? undefined : isoDay(draft.settledDay),
  });
}

/** Payments, events and promises of the invoices, by invoice position. */
const extras = (invoiceCount: number) => {
  const invoice = fc.nat({ max: invoiceCount - 1 });
  return fc.record({
    payments: fc.array(
      fc.record({
        invoice,
        receivedOn: date,
        amountMinor: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 3e6 })),
      }),
      { maxLength: 12 },
    ),
    events: fc.array(
      fc.record({
        invoice,
        type: fc.constantFrom('email.sent', 'email.sent', 'sms.sent'),
        day: date,
        time: fc.constantFrom('00:00:00.000', '12:00:00.000', '23:59:59.999'),
      }),
      { maxLength: 12 },
    ),
    promises: fc.array(
      fc.record({
        invoice,
        promisedDate: date,
        status: fc.constantFrom<PromiseStatus>('open', 'kept', 'broken'),
      }),
      { maxLength: 8 },
    ),
  });
};

/** Returns an arbitrary of books of 5 to `maxInvoices` invoices over three customers. */
export function segmentTestBook(maxInvoices: number): fc.Arbitrary<SegmentTestBook> {
  return fc
    .tuple(
      fc.tuple(...CUSTOMER_IDS.map(customer)),
      fc.array(invoiceDraft, { minLength: 5, maxLength: maxInvoices }),
    )
    .chain(([customers, drafts]) => {
      const invoices = drafts.map(toInvoice);
      return extras(invoices.length).map((rows) => assemble(customers, invoices, rows));
    });
}

type Extras = typeof extras extends (count: number) => fc.Arbitrary<infer T> ? T : never;

function assemble(customers: Customer[], invoices: Invoice[], rows: Extras): SegmentTestBook {
  const idAt = (index: number) => invoices[index]?.id ?? '';
  const payments: Payment[] = rows.payments.map((payment, index) => ({
    id: `p${index}`,
    invoiceId: idAt(payment.invoice),
    receivedOn: payment.receivedOn,
    amountMinor: payment.amountMinor,
  }));
  const events: TestEvent[] = rows.events.map((event) => ({
    invoiceId: idAt(event.invoice),
    type: event.type,
    occurredAt: `${event.day}T${event.time}Z`,
  }));
  const promises: TestPromise[] = rows.promises.map((promise) => ({
    invoiceId: idAt(promise.invoice),
    promisedDate: promise.promisedDate,
    status: promise.status,
  }));
  return { customers, invoices, payments, events, promises };
}

/** Drops undefined fields, which exactOptionalPropertyTypes keeps apart from missing ones. */
function withoutUndefined<T extends object>(record: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}
