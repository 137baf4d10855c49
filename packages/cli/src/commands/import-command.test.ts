import { createTestDatabase, openDatabase, type TestDatabase } from '@dunflow/db';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from './import-report';
import {
  createTempDir,
  IBM_FIXTURE,
  runDunflow,
  runDunflowJson,
  type TempDir,
} from './run-dunflow';

const HEADER = 'invoiceNumber,customerID,countryCode,InvoiceDate,DueDate,InvoiceAmount,Disputed';
const BAD_ROWS_CSV = [
  HEADER,
  'A1,C1,FR,2013-01-05,2013-02-04,100.00,No',
  'A2,C1,FR,2013-01-06,2013-02-31,50.00,No',
  'A3,C2,FR,2013-01-07,2013-02-06,abc,No',
  'A4,C2,FR,2013-01-08,2013-02-07,20.00,No',
].join('\n');

let temp: TempDir;

beforeAll(async () => {
  temp = await createTempDir();
});

afterAll(async () => {
  await temp.remove();
});

describe('import --dry-run', () => {
  it('counts the IBM book as of 2013-06-30', async () => {
    const { json } = await runDunflowJson<ImportReport>([
      'import',
      IBM_FIXTURE,
      '--as-of',
      '2013-06-30',
      '--dry-run',
    ]);

    expect(json.rows).toEqual({ total: 2466, accepted: 2466, rejected: 0 });
    expect(json.rejected).toEqual([]);
    expect(json.openAsOf).toEqual({
      date: '2013-06-30',
      open: 84,
      settled: 1846,
      notYetIssued: 536,
    });
    expect(json.book).toEqual({ kind: 'openAsOf', customers: 100, invoices: 1930, payments: 1846 });
    expect(json.scheduled).toEqual({ count: 84, first: '2013-07-01', last: '2013-08-22' });
    expect(json.database).toBeNull();
    expect(json.dryRun).toBe(true);
  });

  it('reports what it detected', async () => {
    const { json } = await runDunflowJson<ImportReport>(['import', IBM_FIXTURE, '--dry-run']);

    expect(json.detected.delimiter).toBe(',');
    expect(json.detected.decimalSeparator).toBe('.');
    expect(json.detected.dateFormats.issueDate).toBe('MM/DD/YYYY');
    expect(json.detected.columns.invoiceNumber).toBe('invoiceNumber');
    expect(json.book.kind).toBe('wholeFile');
    expect(json.book.invoices).toBe(2466);
    expect(json.scheduled).toBeNull();
  });

  it('prints the counts as text', async () => {
    const run = await runDunflow(['import', IBM_FIXTURE, '--as-of', '2013-06-30', '--dry-run']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2,466 rows accepted, 0 rejected');
    expect(run.stdout).toContain('Open as of 2013-06-30: 84 invoices');
    expect(run.stdout).toContain("Detected: delimiter ','");
    expect(run.stdout).toContain('Scheduled, not recorded: 84 settlements');
    expect(run.stdout).toContain('Dry run: nothing was written');
  });

  it('lists bad rows with line, field, value and reason', async () => {
    const file = await temp.write('bad-rows.csv', BAD_ROWS_CSV);
    const text = await runDunflow(['import', file, '--dry-run']);
    const { json } = await runDunflowJson<ImportReport>(['import', file, '--dry-run']);

    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/3 +dueDate +'2013-02-31' +'2013-02-31' is not a calendar date/);
    expect(text.stdout).toMatch(/4 +amount +'abc' +'abc' is not an amount/);
    expect(json.rows).toEqual({ total: 4, accepted: 2, rejected: 2 });
    expect(json.rejected.map(({ line, field, value }) => ({ line, field, value }))).toEqual([
      { line: 3, field: 'dueDate', value: '2013-02-31' },
      { line: 4, field: 'amount', value: 'abc' },
    ]);
    expect(json.rejected.every((entry) => entry.reason.length > 0)).toBe(true);
    expect(json.book.invoices).toBe(2);
  });

  it('shows 50 rejected rows in text and all in JSON', async () => {
    const rows = Array.from(
      { length: 60 },
      (_, index) => `B${index},C1,FR,2013-01-05,2013-02-04,x${index},No`,
    );
    const file = await temp.write('many-bad-rows.csv', [HEADER, ...rows].join('\n'));
    const text = await runDunflow(['import', file, '--dry-run']);
    const { json } = await runDunflowJson<ImportReport>(['import', file, '--dry-run']);

    const listed = text.stdout.split('\n').filter((line) => /^ +\d+ +amount /.test(line));
    expect(listed).toHaveLength(50);
    expect(text.stdout).toContain('... and 10 more; --json lists them all');
    expect(json.rejected).toHaveLength(60);
  });

  it('reads columns named by a mapping', async () => {
    const csv = [
      'Ref;Client;Land;Issued;Due;Total',
      'M1;C9;DE;15.01.2013;14.02.2013;1.234,50',
    ].join('\n');
    const file = await temp.write('mapped.csv', csv);
    const columns = {
      invoiceNumber: 'Ref',
      customerId: 'Client',
      countryCode: 'Land',
      issueDate: 'Issued',
      dueDate: 'Due',
      amount: 'Total',
    };
    const mapping = await temp.write('mapping.json', JSON.stringify({ columns }));
    const args = ['import', file, '--mapping', mapping, '--dry-run', '--as-of', '2013-03-01'];
    const { json } = await runDunflowJson<ImportReport>(args);

    expect(json.rows).toEqual({ total: 1, accepted: 1, rejected: 0 });
    expect(json.detected.delimiter).toBe(';');
    expect(json.detected.decimalSeparator).toBe(',');
    expect(json.detected.columns).toEqual(columns);
    expect(json.openAsOf.open).toBe(1);
  });

  it('exits 1 when reject-file rejects the file', async () => {
    const file = await temp.write('rejected.csv', BAD_ROWS_CSV);
    const run = await runDunflow([
      'import',
      file,
      '--dry-run',
      '--on-error',
      'reject-file',
      '--json',
    ]);
    const report = JSON.parse(run.stdout) as ImportReport;

    expect(run.code).toBe(1);
    expect(report.fileRejected).toBe(true);
    expect(report.book.invoices).toBe(0);
    expect(report.rejected).toHaveLength(2);
  });

  it('exits 0 with reject-file on a valid file', async () => {
    const run = await runDunflow(['import', IBM_FIXTURE, '--dry-run', '--on-error', 'reject-file']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2,466 rows accepted');
  });
});

describe('import into a database', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await database.drop();
  });

  it('changes nothing on a second import', async () => {
    const args = ['import', IBM_FIXTURE, '--database-url', database.url];
    const first = await runDunflowJson<ImportReport>(args);
    const second = await runDunflowJson<ImportReport>(args);

    const rows = 100 + 2466 + 2466;
    expect(first.json.database).toEqual({ inserted: rows, updated: 0, unchanged: 0 });
    expect(second.json.database).toEqual({ inserted: 0, updated: 0, unchanged: rows });
    expect({ ...second.json, database: null }).toEqual({ ...first.json, database: null });
  });

  it('writes the open book as of a date', async () => {
    const args = ['import', IBM_FIXTURE, '--as-of', '2013-06-30'];
    const first = await runDunflowJson<ImportReport>(args, { DATABASE_URL: database.url });
    const second = await runDunflowJson<ImportReport>(args, { DATABASE_URL: database.url });
    const stored = await countStored(database.url);

    const rows = 100 + 1930 + 1846;
    expect(first.json.database).toEqual({ inserted: rows, updated: 0, unchanged: 0 });
    expect(second.json.database).toEqual({ inserted: 0, updated: 0, unchanged: rows });
    expect(stored).toEqual({ invoices: 1930, open: 84, payments: 1846, laterPayments: 0 });
  });

  it('prints the upsert counts as text', async () => {
    const args = ['import', IBM_FIXTURE, '--database-url', database.url];
    const first = await runDunflow(args);
    const second = await runDunflow(args);

    expect(first.stdout).toContain('Database: 5,032 rows inserted, 0 updated, 0 unchanged');
    expect(second.stdout).toContain('Database: 0 rows inserted, 0 updated, 5,032 unchanged');
  });

  it('writes nothing when reject-file rejects the file', async () => {
    const file = await temp.write('rejected-db.csv', BAD_ROWS_CSV);
    const run = await runDunflow([
      'import',
      file,
      '--on-error',
      'reject-file',
      '--database-url',
      database.url,
    ]);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('File rejected: 2 rows invalid');
    expect(await tableExists(database.url, 'invoices')).toBe(false);
  });
});

describe('import errors', () => {
  it('prints help with every option', async () => {
    const run = await runDunflow(['import', '--help']);

    expect(run.code).toBe(0);
    for (const option of [
      '--as-of',
      '--mapping',
      '--dry-run',
      '--on-error',
      '--database-url',
      '--json',
    ]) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).toContain('with --on-error reject-file, one bad row makes it 1');
  });

  it('names a missing file', async () => {
    const run = await runDunflow(['import', 'no-such-book.csv', '--dry-run']);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^dunflow: invoice file 'no-such-book.csv' not found at /);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('prints a failure as JSON with --json', async () => {
    const run = await runDunflow(['import', 'no-such-book.csv', '--dry-run', '--json']);

    expect(run.code).toBe(1);
    const body = JSON.parse(run.stdout) as { error: { name: string; message: string } };
    expect(body.error.message).toMatch(/^invoice file 'no-such-book.csv' not found at /);
    expect(run.stderr).toMatch(/^dunflow: invoice file 'no-such-book.csv' not found at /);
  });

  it('prints an option error as JSON with --json', async () => {
    const run = await runDunflow(['import', IBM_FIXTURE, '--as-of', '30/06/2013', '--json']);

    expect(run.code).toBe(2);
    const body = JSON.parse(run.stdout) as { error: { name: string; message: string } };
    expect(body.error.name).toBe('UsageError');
    expect(body.error.message).toContain("argument '30/06/2013' is invalid");
  });

  it('rejects an invalid date with exit code 2', async () => {
    const run = await runDunflow(['import', IBM_FIXTURE, '--as-of', '2013-02-30', '--dry-run']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "dunflow: option '--as-of <date>' argument '2013-02-30' is invalid",
    );
    expect(run.stderr).toContain('YYYY-MM-DD');
  });

  it('rejects an unknown on-error mode', async () => {
    const run = await runDunflow(['import', IBM_FIXTURE, '--on-error', 'ignore', '--dry-run']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'skip-rows' or 'reject-file'");
  });

  it('names both settings when no database is given', async () => {
    const run = await runDunflow(['import', IBM_FIXTURE]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'dunflow: no database given: set DATABASE_URL or pass --database-url',
    );
  });

  it('explains an unreachable database', async () => {
    const url = 'postgres://root@127.0.0.1:1/dunflow';
    const run = await runDunflow(['import', IBM_FIXTURE, '--database-url', url]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`dunflow: cannot use the database at ${url}`);
    expect(run.stderr).toContain('start PostgreSQL there');
  });

  it('names a missing mapping file', async () => {
    const run = await runDunflow([
      'import',
      IBM_FIXTURE,
      '--mapping',
      'no-mapping.json',
      '--dry-run',
    ]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^dunflow: mapping file 'no-mapping.json' not found/);
  });

  it('explains a file without required columns', async () => {
    const file = await temp.write('no-amount.csv', 'invoiceNumber,customerID\nA1,C1\n');
    const run = await runDunflow(['import', file, '--dry-run']);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^dunflow: No column was found for /);
    expect(run.stderr).toContain('mapping\'s "columns"');
  });

  it('explains an invalid mapping', async () => {
    const mapping = await temp.write('bad-mapping.json', JSON.stringify({ delimiter: '|' }));
    const run = await runDunflow(['import', IBM_FIXTURE, '--mapping', mapping, '--dry-run']);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`dunflow: The mapping ${mapping} is invalid:`);
    expect(run.stderr).toContain('delimiter: "|" is not a delimiter');
  });

  it('rejects an unknown option with exit code 2', async () => {
    const run = await runDunflow(['import', IBM_FIXTURE, '--dryrun']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("dunflow: unknown option '--dryrun'");
  });
});

async function countStored(url: string) {
  const db = openDatabase({ url, poolSize: 1 });
  try {
    const invoices = await db.kysely
      .selectFrom('invoices')
      .select(['id', 'settled_date'])
      .execute();
    const payments = await db.kysely.selectFrom('payments').select('received_on').execute();
    return {
      invoices: invoices.length,
      open: invoices.filter((invoice) => invoice.settled_date === null).length,
      payments: payments.length,
      laterPayments: payments.filter((payment) => payment.received_on > '2013-06-30').length,
    };
  } finally {
    await db.close();
  }
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const db = openDatabase({ url, poolSize: 1 });
  try {
    const result = await db.pool.query(
      'select count(*)::int as count from information_schema.tables where table_name = $1',
      [table],
    );
    return (result.rows[0] as { count: number }).count > 0;
  } finally {
    await db.close();
  }
}
