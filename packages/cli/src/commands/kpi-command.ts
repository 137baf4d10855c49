import type { Command } from 'commander';
import type { LocalDate } from '@dunflow/model';
import { readBook } from '../book/read-book';
import { printResult } from '../output';
import { EXIT_CODES_HELP, reportUsageErrors, withUsageErrors } from './command-errors';
import { withDatabase } from './database-session';
import { DATABASE_URL_HELP, redactPassword, resolveDatabaseUrl } from './database-url';
import { kpiLines } from './kpi-lines';
import type { KpiOutput } from './kpi-output';
import { kpisFromBook, kpisFromDatabase } from './kpi-snapshot';
import { parseDateOption, parseMonthOption } from './option-parsers';
import { UsageError } from './usage-error';

interface KpiOptions {
  asOf: LocalDate;
  invoices?: string;
  mapping?: string;
  month?: string;
  databaseUrl?: string;
  json?: boolean;
}

const KPI_HELP = `
With --invoices, the KPIs are computed from the file; without it, from the database
(--database-url or DATABASE_URL) with SQL. Both give the same numbers on the same book.
Amounts are per currency, in the currency's units.

Definitions:
  open on D        an invoice issued on or before D and not settled on or before D
  open AR          the open amount on --as-of, and the number of open invoices
  aging            the open amount by days past due on --as-of (--as-of minus the due
                   date): not due (0 or less), 1-30, 31-60, 61-90, over 90
  DSO over N days  the open amount on --as-of divided by the amount invoiced in the N
                   days ending on --as-of, times N; reported for N = 30 and N = 90
  collection rate  of a month: the amount of the invoices due in that month that was
                   settled by the month's last day, divided by the amount due in that
                   month; when --as-of is earlier, both stop at --as-of
${EXIT_CODES_HELP}

Examples:
  dunflow kpi --invoices book.csv --as-of 2013-06-30
  dunflow kpi --as-of 2013-06-30 --month 2013-05 --database-url postgres://root@127.0.0.1:5432/dunflow`;

/** Registers `dunflow kpi`: open AR, aging, DSO and collection rate from a file or the database. */
export function registerKpiCommand(program: Command): void {
  const command = program
    .command('kpi')
    .description('Print open AR, aging, DSO and the collection rate of a book on a date')
    .requiredOption('--as-of <date>', 'date the KPIs are computed on, YYYY-MM-DD', parseDateOption)
    .option('--invoices <file>', 'CSV file of invoices; without it, the database is read')
    .option('--mapping <file>', 'JSON file of column names and formats for --invoices')
    .option(
      '--month <month>',
      'month of the collection rate, YYYY-MM (default: the month of --as-of)',
      parseMonthOption,
    )
    .option('--database-url <url>', DATABASE_URL_HELP)
    .option('--json', 'print one JSON document instead of text')
    .addHelpText('after', KPI_HELP);
  reportUsageErrors(command).action(withUsageErrors(runKpi));
}

async function runKpi(options: KpiOptions): Promise<void> {
  const month = options.month ?? options.asOf.slice(0, 7);
  const output =
    options.invoices === undefined
      ? await kpiFromDatabase(options, month)
      : await kpiFromFile(options.invoices, options, month);
  printResult(options, output, kpiLines);
}

async function kpiFromFile(file: string, options: KpiOptions, month: string): Promise<KpiOutput> {
  if (options.databaseUrl !== undefined) {
    throw new UsageError(
      '--database-url',
      '--invoices and --database-url both name a book; pass one of them',
    );
  }
  const result = await readBook(file, { mappingFile: options.mapping, json: options.json });
  return {
    asOf: options.asOf,
    month,
    source: { kind: 'file', file, rows: result.rows },
    currencies: kpisFromBook(result, options.asOf, month),
  };
}

async function kpiFromDatabase(options: KpiOptions, month: string): Promise<KpiOutput> {
  if (options.mapping !== undefined) {
    throw new UsageError('--mapping', '--mapping applies to --invoices only; pass --invoices FILE');
  }
  const url = resolveDatabaseUrl(options.databaseUrl, {
    alternative: '; or compute the KPIs from a file with --invoices FILE',
  });
  return {
    asOf: options.asOf,
    month,
    source: { kind: 'database', url: redactPassword(url) },
    currencies: await withDatabase(url, (db) => kpisFromDatabase(db, options.asOf, month)),
  };
}
