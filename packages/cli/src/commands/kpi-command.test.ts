import { createTestDatabase, type TestDatabase } from '@dunflow/db';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KpiOutput } from './kpi-output';
import {
  createTempDir,
  IBM_FIXTURE,
  runDunflow,
  runDunflowJson,
  type TempDir,
} from './run-dunflow';

const AS_OF_DATES = ['2013-06-30', '2013-12-31'];

let temp: TempDir;

beforeAll(async () => {
  temp = await createTempDir();
});

afterAll(async () => {
  await temp.remove();
});

function fileKpis(asOf: string, extra: string[] = []) {
  return runDunflowJson<KpiOutput>(['kpi', '--invoices', IBM_FIXTURE, '--as-of', asOf, ...extra]);
}

describe('kpi from the IBM file', () => {
  it('reports the open AR of 2013-06-30', async () => {
    const { json } = await fileKpis('2013-06-30');
    const [eur] = json.currencies;

    expect(json.currencies.map((kpis) => kpis.currency)).toEqual(['EUR']);
    expect(eur?.openAr).toEqual({ amountMinor: 511_985, count: 84 });
    expect(eur?.collectionRate.month).toBe('2013-06');
    expect(json.month).toBe('2013-06');
  });

  it('spreads the open AR over the aging buckets', async () => {
    for (const asOf of AS_OF_DATES) {
      const { json } = await fileKpis(asOf);
      const eur = json.currencies[0];
      const buckets = Object.values(eur?.aging ?? {});

      expect(buckets.reduce((sum, bucket) => sum + bucket.amountMinor, 0)).toBe(
        eur?.openAr.amountMinor,
      );
      expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(eur?.openAr.count);
    }
  });

  it('takes the collection rate month from --month', async () => {
    const { json } = await fileKpis('2013-06-30', ['--month', '2013-05']);
    const rate = json.currencies[0]?.collectionRate;

    expect(rate?.month).toBe('2013-05');
    expect(rate?.rate).toBe((rate?.collectedMinor ?? 0) / (rate?.dueMinor ?? 1));
  });

  it('prints every KPI as text', async () => {
    const run = await runDunflow(['kpi', '--invoices', IBM_FIXTURE, '--as-of', '2013-06-30']);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Open AR: 5,119.85 EUR in 84 invoices');
    for (const label of ['not due', '1-30 days', '31-60 days', '61-90 days', 'over 90 days']) {
      expect(run.stdout).toContain(label);
    }
    expect(run.stdout).toMatch(/DSO over 30 days: \d+\.\d days/);
    expect(run.stdout).toMatch(/DSO over 90 days: \d+\.\d days/);
    expect(run.stdout).toMatch(/Collection rate of 2013-06: \d+\.\d%/);
  });
});

describe('kpi from a small file', () => {
  it('keeps currencies apart', async () => {
    const csv = [
      'invoiceNumber,customerID,countryCode,InvoiceDate,DueDate,InvoiceAmount,Currency,SettledDate',
      'E1,C1,FR,2024-03-05,2024-03-31,100.00,EUR,',
      'E2,C1,FR,2024-02-01,2024-02-15,50.00,EUR,2024-03-10',
      'U1,C2,US,2024-03-20,2024-04-19,70.00,USD,',
      'U2,C2,US,2024-01-10,2024-02-09,30.00,USD,',
    ].join('\n');
    const file = await temp.write('currencies.csv', csv);
    const { json } = await runDunflowJson<KpiOutput>([
      'kpi',
      '--invoices',
      file,
      '--as-of',
      '2024-03-31',
    ]);
    const [eur, usd] = json.currencies;

    expect(json.currencies.map((kpis) => kpis.currency)).toEqual(['EUR', 'USD']);
    expect(eur?.openAr).toEqual({ amountMinor: 10_000, count: 1 });
    expect(eur?.aging.notDue).toEqual({ amountMinor: 10_000, count: 1 });
    // 100.00 open over 100.00 invoiced in the 30 days ending 31 March.
    expect(eur?.dso.days30).toBe(30);
    expect(eur?.collectionRate).toEqual({
      month: '2024-03',
      collectedMinor: 0,
      dueMinor: 10_000,
      rate: 0,
    });
    expect(usd?.openAr).toEqual({ amountMinor: 10_000, count: 2 });
    expect(usd?.aging.pastDue31To60).toEqual({ amountMinor: 3_000, count: 1 });
    // 100.00 open over 70.00 invoiced in the 30 days, times 30.
    expect(usd?.dso.days30).toBeCloseTo((100 / 70) * 30, 10);
    expect(usd?.collectionRate.rate).toBeNull();
  });
});

describe('kpi from the database', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await database.drop();
  });

  it('agrees with the file on the IBM book', async () => {
    await runDunflowJson(['import', IBM_FIXTURE, '--database-url', database.url]);

    for (const asOf of AS_OF_DATES) {
      const fromFile = await fileKpis(asOf);
      const fromDatabase = await runDunflowJson<KpiOutput>(['kpi', '--as-of', asOf], {
        DATABASE_URL: database.url,
      });

      expect(fromDatabase.json.source).toEqual({ kind: 'database', url: database.url });
      expect(fromDatabase.json.currencies).toEqual(fromFile.json.currencies);
      expect(fromDatabase.json.currencies[0]?.openAr.count).toBeGreaterThan(0);
    }
  });

  it('agrees with the file after an import as of a date', async () => {
    await runDunflowJson([
      'import',
      IBM_FIXTURE,
      '--as-of',
      '2013-06-30',
      '--database-url',
      database.url,
    ]);
    const fromFile = await fileKpis('2013-06-30');
    const fromDatabase = await runDunflowJson<KpiOutput>([
      'kpi',
      '--as-of',
      '2013-06-30',
      '--database-url',
      database.url,
    ]);

    expect(fromDatabase.json.currencies).toEqual(fromFile.json.currencies);
  });

  it('asks for an import when the tables are missing', async () => {
    const run = await runDunflow(['kpi', '--as-of', '2013-06-30', '--database-url', database.url]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('has no Dunflow tables yet; import a book first');
  });
});

describe('kpi errors', () => {
  it('prints the definitions in help', async () => {
    const run = await runDunflow(['kpi', '--help']);
    const help = run.stdout.replace(/\s+/g, ' ');

    expect(run.code).toBe(0);
    expect(help).toContain('an invoice issued on or before D and not settled on or before D');
    expect(help).toContain(
      'divided by the amount invoiced in the N days ending on --as-of, times N',
    );
    expect(help).toContain(
      "settled by the month's last day, divided by the amount due in that month",
    );
    for (const option of ['--invoices', '--as-of', '--month', '--database-url', '--json']) {
      expect(help).toContain(option);
    }
  });

  it('requires --as-of', async () => {
    const run = await runDunflow(['kpi', '--invoices', IBM_FIXTURE]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("dunflow: required option '--as-of <date>' not specified");
  });

  it('rejects an invalid month', async () => {
    const run = await runDunflow([
      'kpi',
      '--invoices',
      IBM_FIXTURE,
      '--as-of',
      '2013-06-30',
      '--month',
      '2013-13',
    ]);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument '2013-13' is invalid");
  });

  it('rejects a file and a database together', async () => {
    const args = [
      'kpi',
      '--invoices',
      IBM_FIXTURE,
      '--as-of',
      '2013-06-30',
      '--database-url',
      'postgres://x@127.0.0.1/y',
    ];
    const run = await runDunflow(args);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--invoices and --database-url both name a book');
  });

  it('names every source when none is given', async () => {
    const run = await runDunflow(['kpi', '--as-of', '2013-06-30']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('set DATABASE_URL or pass --database-url');
    expect(run.stderr).toContain('--invoices FILE');
  });

  it('names a missing invoice file', async () => {
    const run = await runDunflow(['kpi', '--invoices', 'missing.csv', '--as-of', '2013-06-30']);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^dunflow: invoice file 'missing.csv' not found/);
  });
});
