import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { openBookAsOf } from './open-book-as-of';
import { readBookFile } from './read-book-file';

const FIXTURE = fileURLToPath(new URL('./fixtures/ibm-accounts-receivable.csv', import.meta.url));

/** Reads the fixture's rows by splitting strings, which works because it has no quotes. */
function readRowsByHand(): Record<string, string>[] {
  const [header = '', ...lines] = readFileSync(FIXTURE, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((name, index) => [name, cells[index] ?? '']));
  });
}

function usDateToIso(text: string): string {
  const [month = '', day = '', year = ''] = text.split('/');
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

describe('IBM accounts receivable sample', () => {
  test('imports every row', async () => {
    const result = await readBookFile(FIXTURE);

    expect(result.rejected).toEqual([]);
    expect(result.rows).toEqual({ total: 2466, accepted: 2466, rejected: 0 });
    expect(result.invoices).toHaveLength(2466);
    expect(result.customers).toHaveLength(100);
    expect(result.payments).toHaveLength(2466);
  });

  test('sums amounts exactly', async () => {
    const result = await readBookFile(FIXTURE);
    const total = result.invoices.reduce((sum, invoice) => sum + invoice.amountMinor, 0);

    expect(total).toBe(14_770_318);
  });

  test('keeps references and dates', async () => {
    const result = await readBookFile(FIXTURE);
    const first = result.invoices.find((invoice) => invoice.id === '0000611365');

    expect(first).toEqual({
      id: '0000611365',
      customerId: '0379-NEVHP',
      issueDate: '2013-01-02',
      dueDate: '2013-02-01',
      amountMinor: 5594,
      currency: 'EUR',
      disputed: false,
      settledDate: '2013-01-15',
    });
    expect(result.customers[0]).toEqual({
      id: '0379-NEVHP',
      countryCode: '391',
      paperlessDate: '2013-04-06',
      channel: 'paper',
    });
    expect(result.payments[0]).toEqual({
      id: 'settle-0000611365',
      invoiceId: '0000611365',
      amountMinor: 5594,
      receivedOn: '2013-01-15',
    });
  });

  test('detects the US layout', async () => {
    const { detected } = await readBookFile(FIXTURE);

    expect(detected.delimiter).toBe(',');
    expect(detected.decimalSeparator).toBe('.');
    expect(detected.language).toBe('en');
    expect(detected.encoding).toBe('utf-8');
    expect(detected.ignoredColumns).toEqual([]);
    expect(detected.dateFormats).toEqual({
      issueDate: 'MM/DD/YYYY',
      dueDate: 'MM/DD/YYYY',
      settledDate: 'MM/DD/YYYY',
      paperlessDate: 'MM/DD/YYYY',
    });
    expect(detected.columns).toEqual({
      countryCode: 'countryCode',
      customerId: 'customerID',
      paperlessDate: 'PaperlessDate',
      invoiceNumber: 'invoiceNumber',
      issueDate: 'InvoiceDate',
      dueDate: 'DueDate',
      amount: 'InvoiceAmount',
      disputed: 'Disputed',
      settledDate: 'SettledDate',
      channel: 'PaperlessBill',
      daysToSettle: 'DaysToSettle',
      daysLate: 'DaysLate',
    });
  });

  test('matches the rows read by hand', async () => {
    const result = await readBookFile(FIXTURE);
    const byId = new Map(result.invoices.map((invoice) => [invoice.id, invoice]));
    const rows = readRowsByHand();

    expect(rows).toHaveLength(2466);
    for (const row of rows) {
      const invoice = byId.get(row['invoiceNumber'] ?? '');
      expect(invoice?.issueDate).toBe(usDateToIso(row['InvoiceDate'] ?? ''));
      expect(invoice?.settledDate).toBe(usDateToIso(row['SettledDate'] ?? ''));
      expect(invoice?.disputed).toBe(row['Disputed'] === 'Yes');
    }
  });

  test('replays as of 2013-06-30', async () => {
    const asOf = '2013-06-30';
    const rows = readRowsByHand().map((row) => ({
      issued: usDateToIso(row['InvoiceDate'] ?? ''),
      settled: usDateToIso(row['SettledDate'] ?? ''),
    }));
    const expected = {
      open: rows.filter((row) => row.issued <= asOf && row.settled > asOf).length,
      settled: rows.filter((row) => row.issued <= asOf && row.settled <= asOf).length,
      notYetIssued: rows.filter((row) => row.issued > asOf).length,
    };

    const book = openBookAsOf(await readBookFile(FIXTURE), asOf);

    expect(expected.open + expected.settled + expected.notYetIssued).toBe(2466);
    expect(expected.open).toBeGreaterThan(0);
    expect(book.counts).toEqual(expected);
    expect(book.invoices).toHaveLength(expected.open + expected.settled);
    expect(book.payments).toHaveLength(expected.settled);
    expect(book.futurePayments).toHaveLength(expected.open);
    expect(book.futurePayments.every((payment) => payment.receivedOn > asOf)).toBe(true);
    expect(book.payments.every((payment) => payment.receivedOn <= asOf)).toBe(true);
    expect(book.invoices.every((invoice) => (invoice.settledDate ?? '') <= asOf)).toBe(true);
  });
});
