import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendEvent,
  createMigratedTestDatabase,
  upsertBook,
  type MigratedTestDatabase,
} from '@dunflow/db';
import type { Invoice } from '@dunflow/model';
import { loadInvoiceFacts } from './invoice-facts';

function invoice(id: string, issueDate: string, dueDate: string, amountMinor: number): Invoice {
  return {
    id,
    customerId: 'C1',
    issueDate,
    dueDate,
    amountMinor,
    currency: 'EUR',
    disputed: false,
  };
}

describe('loadInvoiceFacts', () => {
  let testDb: MigratedTestDatabase;

  beforeEach(async () => {
    testDb = await createMigratedTestDatabase();
    const invoices = [
      invoice('I-1', '2026-01-01', '2026-01-31', 10_000),
      invoice('I-2', '2026-02-01', '2026-03-03', 2_500),
      invoice('I-3', '2026-03-20', '2026-04-19', 1_000),
    ];
    const payments = [
      { id: 'P-1', invoiceId: 'I-1', receivedOn: '2026-02-15', amountMinor: 4_000 },
    ];
    await upsertBook(
      testDb.db,
      { customers: [{ id: 'C1', countryCode: 'FR' }], invoices, payments },
      'facts.csv',
    );
  });

  afterEach(async () => {
    await testDb.close();
  });

  it('computes open and customer amounts as of the date', async () => {
    const { facts, openAmountMinor } = await loadInvoiceFacts(testDb.db, 'I-1', '2026-04-01');
    expect(openAmountMinor).toBe(6_000);
    expect(facts).toMatchObject({
      openAmount: 60,
      customerOpenAmount: 95,
      customerOverdueCount: 2,
      daysPastDue: 60,
    });
  });

  it('counts only reminders sent by the end of the date', async () => {
    for (const occurredAt of ['2026-03-31T23:59:59.000Z', '2026-04-02T08:00:00.000Z']) {
      await appendEvent(testDb.db, { invoiceId: 'I-1', type: 'email.sent', occurredAt });
    }
    const { facts } = await loadInvoiceFacts(testDb.db, 'I-1', '2026-04-01');
    expect(facts['remindersSent']).toBe(1);
  });
});
