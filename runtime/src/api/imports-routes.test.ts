import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../testing/provided-context';
import {
  bookCsv,
  call,
  daysAgo,
  importCsv,
  startApiTest,
  type ApiTestContext,
} from './api-test-support';

interface ImportReply {
  rows: { total: number; accepted: number; rejected: number };
  rejected: { line: number; field: string; value: string; reason: string }[];
  detected: { delimiter: string; encoding: string; columns: Record<string, string> };
  records: { customers: number; invoices: number; payments: number };
  invoices: { open: number; settled: number; notYetIssued: number; futurePayments: number };
  changes: { inserted: number; updated: number; unchanged: number } | null;
  error?: { code: string; issues?: { path: string; message: string }[] };
  /** The import report, beside the error of a rejected file. */
  report?: ImportReply;
}

interface InvoiceReply {
  invoice: { amountMinor: number; dueDate: string; settledDate?: string };
}

const BOOK = bookCsv([
  {
    id: '0001',
    customerId: 'C1',
    email: 'c1@example.com',
    issuedDaysAgo: 60,
    dueDaysAgo: 30,
    amount: '123.45',
  },
  {
    id: '0002',
    customerId: 'C1',
    issuedDaysAgo: 50,
    dueDaysAgo: 20,
    amount: '50.00',
    settledDaysAgo: 10,
  },
  { id: '0003', customerId: 'C2', issuedDaysAgo: 40, dueDaysAgo: 10, amount: '70.00' },
]);

/** The book with a fourth row whose due date is not a date. */
const BOOK_WITH_BAD_ROW = `${BOOK}\n0004,C2,Customer C2,,FR,${daysAgo(5)},31/02/yyyy,10.00,EUR,`;

describe('POST /imports', () => {
  let api: ApiTestContext;

  beforeAll(async () => {
    api = await startApiTest(inject('temporalAddress'));
  });

  afterAll(async () => {
    await api.stop();
  });

  it('imports good rows, reports bad ones', async () => {
    const { status, body } = await importCsv<ImportReply>(
      api.app,
      BOOK_WITH_BAD_ROW,
      '?fileName=erp.csv',
    );

    expect(status).toBe(200);
    expect(body.rows).toEqual({ total: 4, accepted: 3, rejected: 1 });
    expect(body.rejected).toHaveLength(1);
    expect(body.rejected[0]).toMatchObject({ line: 5, field: 'dueDate', value: '31/02/yyyy' });
    expect(body.rejected[0]?.reason).toContain('31/02/yyyy');
    expect(body.detected.delimiter).toBe(',');
    expect(body.detected.encoding).toBe('utf-8');
    expect(body.detected.columns['dueDate']).toBe('Due Date');
    expect(body.records).toEqual({ customers: 2, invoices: 3, payments: 1 });
    expect(body.invoices).toEqual({ open: 2, settled: 1, notYetIssued: 0, futurePayments: 0 });
    // 2 customers, 3 invoices and the settlement payment of 0002.
    expect(body.changes).toEqual({ inserted: 6, updated: 0, unchanged: 0 });
  });

  it('second import changes nothing', async () => {
    const { body } = await importCsv<ImportReply>(api.app, BOOK);
    expect(body.changes).toEqual({ inserted: 0, updated: 0, unchanged: 6 });
  });

  it('counts a dry run without storing it', async () => {
    const changed = BOOK.replace('123.45', '200.00');
    const { body } = await importCsv<ImportReply>(api.app, changed, '?dryRun=true');
    expect(body.changes).toEqual({ inserted: 0, updated: 1, unchanged: 5 });

    const stored = await call<InvoiceReply>(api.app, 'GET', '/invoices/0001');
    expect(stored.body.invoice.amountMinor).toBe(12_345);
  });

  it('rejects the whole file in reject-file mode', async () => {
    const withNew = BOOK_WITH_BAD_ROW.replace('0003,C2', '0099,C2');
    const { status, body } = await importCsv<ImportReply>(api.app, withNew, '?onError=reject-file');

    expect(status).toBe(422);
    expect(body.error?.code).toBe('fileRejected');
    expect(body.error?.issues?.[0]?.message).toContain("line 5, dueDate '31/02/yyyy'");
    expect(body.report?.rows.rejected).toBe(1);
    expect(body.report?.changes).toBeNull();
    const missing = await call(api.app, 'GET', '/invoices/0099');
    expect(missing.status).toBe(404);
  });

  it('replays the book as of a date', async () => {
    const { body } = await importCsv<ImportReply>(
      api.app,
      BOOK,
      `?asOf=${daysAgo(15)}&dryRun=true`,
    );
    // On that date 0002 (settled 10 days ago) was still open, and its payment in the future.
    expect(body.invoices).toEqual({ open: 3, settled: 0, notYetIssued: 0, futurePayments: 1 });
    expect(body.records.payments).toBe(0);
  });

  it('reads a Windows-1252 file', async () => {
    const latin = BOOK.replace('Customer C1', 'Société Générale');
    const bytes = Uint8Array.from(latin, (char) => char.charCodeAt(0));
    const response = await api.app.request('/imports?dryRun=true', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: bytes,
    });
    const body = (await response.json()) as ImportReply;
    expect(body.detected.encoding).toBe('windows-1252');
    expect(body.changes?.updated).toBe(1);
  });

  it('rejects a file without a required column', async () => {
    const { status, body } = await importCsv<ImportReply>(api.app, 'Invoice Number,Amount\n1,2');
    expect(status).toBe(422);
    expect(body.error?.code).toBe('missingColumns');
  });

  it('rejects a file over 64 MiB', async () => {
    const huge = `${BOOK}\n${'x'.repeat(64 * 1024 * 1024)}`;
    const { status, body } = await importCsv<ImportReply>(api.app, huge);
    expect(status).toBe(413);
    expect(body.error?.code).toBe('fileTooLarge');
  });

  it('rejects a body that is not CSV', async () => {
    const { status, body } = await call(api.app, 'POST', '/imports', { invoices: [] });
    expect(status).toBe(415);
    expect(body.error.message).toContain("'application/json'");
  });

  it('rejects an empty file', async () => {
    const { status, body } = await importCsv<ImportReply>(api.app, '');
    expect(status).toBe(400);
    expect(body.error?.code).toBe('missingBody');
  });

  it('reads a book with a mapping in the query', async () => {
    const csv = 'Doc No;Client;Issued;Due;Total\nM-1;K9;01/02/2026;03/03/2026;1.234,50\n';
    const columns = {
      invoiceNumber: 'Doc No',
      customerId: 'Client',
      issueDate: 'Issued',
      dueDate: 'Due',
      amount: 'Total',
    };
    const mapping = encodeURIComponent(JSON.stringify({ columns, dateFormat: 'DD/MM/YYYY' }));
    const query = `?mapping=${mapping}&country=DE&decimalSeparator=%2C&fileName=mapped.csv`;
    const { status, body } = await importCsv<ImportReply>(api.app, csv, query);
    expect(status).toBe(200);
    expect(body.rows).toMatchObject({ accepted: 1, rejected: 0 });
    const invoice = await call<InvoiceReply>(api.app, 'GET', '/invoices/M-1');
    expect(invoice.body.invoice).toMatchObject({ amountMinor: 123_450, dueDate: '2026-03-03' });
  });

  it('rejects a mapping that is not JSON', async () => {
    const { status, body } = await importCsv<ImportReply>(api.app, BOOK, '?mapping=%7Bcolumns');
    expect(status).toBe(400);
    expect(body.error?.code).toBe('invalidMapping');
  });

  it('names an invalid mapping value', async () => {
    const { status, body } = await importCsv<ImportReply>(api.app, BOOK, '?dateFormat=MM-YYYY');
    expect(status).toBe(400);
    expect(body.error?.code).toBe('invalidMapping');
    expect(body.error?.issues?.[0]?.message).toContain('"MM-YYYY" is not a date format');
  });

  it('names invalid query parameters', async () => {
    const { status, body } = await importCsv<ImportReply>(
      api.app,
      BOOK,
      '?onError=skip&asOf=2026-02-30&columns=x',
    );
    expect(status).toBe(400);
    expect(body.error?.code).toBe('invalidQuery');
    const messages = body.error?.issues?.map((issue) => issue.message) ?? [];
    expect(messages).toContain(
      "query parameter onError 'skip' is invalid: expected one of: skip-rows, reject-file",
    );
    expect(messages).toContain("query parameter asOf '2026-02-30' is invalid: not a calendar date");
    expect(messages.find((message) => message.startsWith('query parameter columns'))).toContain(
      'is unknown; expected one of: asOf, dryRun, onError, fileName, mapping, country, defaultCurrency, dateFormat, decimalSeparator, delimiter',
    );
  });
});
