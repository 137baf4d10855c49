import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MigratedTestDatabase } from '../migrated-test-database';
import { createMigratedTestDatabase } from '../migrated-test-database';
import { sampleCustomer, sampleInvoice, samplePayment } from '../sample-book';
import { appendEvent } from './events';
import { getInvoice, listInvoices } from './invoices';
import { openAmountsOn } from './open-amounts';
import { upsertBook } from './upsert-book';

let testDb: MigratedTestDatabase;

beforeEach(async () => {
  testDb = await createMigratedTestDatabase();
  await upsertBook(
    testDb.db,
    {
      customers: [sampleCustomer('customer-1', { name: 'Acme' }), sampleCustomer('customer-2')],
      invoices: [
        sampleInvoice('overdue', '2026-01-10', 10_000, { dueDate: '2026-02-09' }),
        sampleInvoice('part-paid', '2026-03-01', 8000, { dueDate: '2026-03-31' }),
        sampleInvoice('settled', '2026-02-01', 5000, { settledDate: '2026-03-15' }),
        sampleInvoice('paid', '2026-02-02', 3000, { customerId: 'customer-2' }),
        sampleInvoice('future', '2026-04-15', 1000),
      ],
      payments: [
        samplePayment('p1', 'part-paid', '2026-03-10', 3000),
        samplePayment('p2', 'paid', '2026-03-31', 3000),
        samplePayment('p3', 'overdue', '2026-04-05', 10_000),
      ],
    },
    'erp.csv',
  );
});

afterEach(async () => {
  await testDb.close();
});

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe('listInvoices', () => {
  it('lists every invoice issued by the date', async () => {
    const all = await listInvoices(testDb.db, { asOf: '2026-03-31' });
    expect(ids(all)).toEqual(['overdue', 'settled', 'paid', 'part-paid']);
  });

  it('filters open invoices with their position', async () => {
    const open = await listInvoices(testDb.db, { asOf: '2026-03-31', status: 'open' });
    expect(open).toEqual([
      expect.objectContaining({
        id: 'overdue',
        status: 'open',
        openAmountMinor: 10_000,
        daysPastDue: 50,
      }),
      expect.objectContaining({
        id: 'part-paid',
        status: 'open',
        paidMinor: 3000,
        openAmountMinor: 5000,
        daysPastDue: 0,
      }),
    ]);
  });

  it('filters settled invoices', async () => {
    const settled = await listInvoices(testDb.db, { asOf: '2026-03-31', status: 'settled' });
    expect(ids(settled)).toEqual(['settled', 'paid']);
  });

  it('filters overdue invoices', async () => {
    const overdue = await listInvoices(testDb.db, { asOf: '2026-03-31', overdueOnly: true });
    expect(ids(overdue)).toEqual(['overdue']);
  });

  it('filters by customer', async () => {
    const ofCustomer = await listInvoices(testDb.db, {
      asOf: '2026-03-31',
      customerId: 'customer-2',
    });
    expect(ids(ofCustomer)).toEqual(['paid']);
  });

  it('pages with limit and offset', async () => {
    const page = await listInvoices(testDb.db, { asOf: '2026-06-30', limit: 2, offset: 2 });
    expect(ids(page)).toEqual(['paid', 'part-paid']);
  });

  it('returns model invoices without null fields', async () => {
    const [overdue] = await listInvoices(testDb.db, { asOf: '2026-03-31', limit: 1 });
    expect(overdue).not.toHaveProperty('settledDate');
    expect(overdue?.amountMinor).toBe(10_000);
  });

  it('rejects a limit above 1000', async () => {
    await expect(listInvoices(testDb.db, { asOf: '2026-03-31', limit: 5000 })).rejects.toThrow(
      'limit 5000 is invalid: expected a whole number from 1 to 1000',
    );
  });

  it('rejects an invalid as-of date', async () => {
    await expect(listInvoices(testDb.db, { asOf: '31/03/2026' })).rejects.toThrow(
      "asOf '31/03/2026' is invalid",
    );
  });
});

describe('getInvoice', () => {
  it('returns the invoice with its customer, payments and events', async () => {
    await appendEvent(testDb.db, {
      invoiceId: 'part-paid',
      type: 'email.sent',
      occurredAt: '2026-03-05T09:00:00Z',
    });
    const detail = await getInvoice(testDb.db, 'part-paid');
    expect(detail?.invoice).toEqual(
      sampleInvoice('part-paid', '2026-03-01', 8000, { dueDate: '2026-03-31' }),
    );
    expect(detail?.customer).toEqual({ id: 'customer-1', countryCode: 'FR', name: 'Acme' });
    expect(detail?.payments.map((payment) => payment.id)).toEqual(['p1']);
    expect(detail?.events.map((event) => event.type)).toEqual(['email.sent']);
  });

  it('returns undefined for an unknown id', async () => {
    expect(await getInvoice(testDb.db, 'missing')).toBeUndefined();
  });
});

describe('openAmountsOn', () => {
  it('returns the open amount of each invoice issued by the date', async () => {
    expect(await openAmountsOn(testDb.db, '2026-03-31')).toEqual([
      { invoiceId: 'overdue', paidMinor: 0, openAmountMinor: 10_000 },
      { invoiceId: 'paid', paidMinor: 3000, openAmountMinor: 0 },
      { invoiceId: 'part-paid', paidMinor: 3000, openAmountMinor: 5000 },
      { invoiceId: 'settled', paidMinor: 0, openAmountMinor: 0 },
    ]);
  });

  it('restricts to the given invoices', async () => {
    const amounts = await openAmountsOn(testDb.db, '2026-04-05', { invoiceIds: ['overdue'] });
    expect(amounts).toEqual([{ invoiceId: 'overdue', paidMinor: 10_000, openAmountMinor: 0 }]);
  });
});
