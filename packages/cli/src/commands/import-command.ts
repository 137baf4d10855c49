import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { migrate, upsertBook, type UpsertCounts } from '@dunflow/db';
import { openBookAsOf, type Book, type OnError } from '@dunflow/importer';
import type { LocalDate } from '@dunflow/model';
import { readBook } from '../book/read-book';
import { printResult } from '../output';
import { EXIT_CODES_HELP, reportUsageErrors, withUsageErrors } from './command-errors';
import { withDatabase } from './database-session';
import { DATABASE_URL_HELP, resolveDatabaseUrl } from './database-url';
import { buildImportReport, isFileRejected } from './import-report';
import { importReportLines } from './import-report-lines';
import { localToday } from './local-today';
import { parseDateOption, parseOnErrorOption } from './option-parsers';

interface ImportCommandOptions {
  asOf?: LocalDate;
  mapping?: string;
  dryRun?: boolean;
  onError: OnError;
  databaseUrl?: string;
  json?: boolean;
}

const IMPORT_HELP = `
Without --dry-run, the database is migrated and the book is written with an upsert keyed by
customer, invoice and payment ids, so importing the same file twice changes nothing.
With --as-of, the book written is the one that stood on that date: invoices issued later
are left out, and settlements after it are reported as scheduled, not recorded as payments.

Rows with errors are reported with their line, field, value and reason. Skipped rows leave
the exit code at 0; with --on-error reject-file, one bad row makes it 1.
${EXIT_CODES_HELP}

Example:
  dunflow import book.csv --as-of 2013-06-30 --dry-run`;

/** Registers `dunflow import FILE`: reads an invoice book, reports on it and stores it. */
export function registerImportCommand(program: Command): void {
  const command = program
    .command('import')
    .description('Read an invoice book (CSV) from an ERP export, report on it and store it')
    .argument('<file>', 'CSV file of invoices, one row per invoice')
    .option(
      '--as-of <date>',
      'date the book is read as of, YYYY-MM-DD (default: today)',
      parseDateOption,
    )
    .option('--mapping <file>', 'JSON file of column names and formats that override detection')
    .option('--dry-run', 'read and report only; write nothing to the database')
    .addOption(
      new Option(
        '--on-error <mode>',
        'skip-rows: import the valid rows; reject-file: import nothing if any row is invalid',
      )
        .argParser(parseOnErrorOption)
        .default('skipRows', 'skip-rows'),
    )
    .option('--database-url <url>', DATABASE_URL_HELP)
    .option('--json', 'print one JSON document instead of text')
    .addHelpText('after', IMPORT_HELP);
  reportUsageErrors(command).action(withUsageErrors(runImport));
}

async function runImport(file: string, options: ImportCommandOptions): Promise<void> {
  const databaseUrl = options.dryRun === true ? undefined : resolveDatabaseUrl(options.databaseUrl);
  const result = await readBook(file, {
    mappingFile: options.mapping,
    onError: options.onError,
    json: options.json,
    today: options.asOf === undefined ? localToday() : undefined,
  });
  const asOfBook = openBookAsOf(result, options.asOf ?? localToday());
  const openBook = options.asOf !== undefined;
  const fileRejected = isFileRejected(result, options.onError);

  let database: UpsertCounts | null = null;
  if (databaseUrl !== undefined && !fileRejected) {
    const book: Book = openBook ? asOfBook : result;
    // NOTE: this writes the database only. Running workflows learn of settlements that an
    // import through POST /imports brings, but not of those this command stores.
    database = await storeBook(databaseUrl, book, basename(file));
  }

  const report = buildImportReport({
    file,
    dryRun: options.dryRun === true,
    onError: options.onError,
    result,
    asOfBook,
    openBook,
    database,
  });
  printResult(options, report, importReportLines);
  if (fileRejected) process.exitCode = 1;
}

/** Migrates the database, then inserts or updates the book's customers, invoices and payments. */
async function storeBook(url: string, book: Book, sourceFile: string): Promise<UpsertCounts> {
  return withDatabase(url, async (db) => {
    await migrate(db);
    return upsertBook(db, book, sourceFile);
  });
}
