import type { UpsertCounts } from '@dunflow/db';
import type {
  BookAsOf,
  DetectedFormat,
  ImportResult,
  OnError,
  RejectedField,
} from '@dunflow/importer';
import type { LocalDate, Payment } from '@dunflow/model';

/** Output of `dunflow import`, printed as it is with --json. */
export interface ImportReport {
  file: string;
  dryRun: boolean;
  onError: OnError;
  /** Data rows of the file, not counting the header and blank lines. */
  rows: ImportResult['rows'];
  /** True when `--on-error reject-file` rejected the whole file for its bad rows. */
  fileRejected: boolean;
  /** Every problem found, one entry per bad field; a row may have several. */
  rejected: RejectedField[];
  detected: DetectedFormat;
  /** Invoices open at the end of `asOf`: issued by then and not settled by then. */
  openAsOf: { date: LocalDate; open: number; settled: number; notYetIssued: number };
  /** The records written, or that would be written without --dry-run. */
  book: {
    /** `openAsOf` with --as-of: the book as it stood on that date; else every row. */
    kind: 'wholeFile' | 'openAsOf';
    customers: number;
    invoices: number;
    payments: number;
  };
  /** With --as-of: the settlements after it, not recorded as payments because they are to come. */
  scheduled: ScheduledPayments | null;
  /** Row counts of upsertBook, or null when nothing was written. */
  database: UpsertCounts | null;
}

export interface ScheduledPayments {
  count: number;
  first: LocalDate | null;
  last: LocalDate | null;
}

export interface ImportReportInput {
  file: string;
  dryRun: boolean;
  onError: OnError;
  result: ImportResult;
  asOfBook: BookAsOf;
  /** True when --as-of was given, so the open book is written. */
  openBook: boolean;
  database: UpsertCounts | null;
}

/** Builds the report of an import from the importer's result and the upsert counts. */
export function buildImportReport(input: ImportReportInput): ImportReport {
  const { result, asOfBook, openBook } = input;
  const written = openBook ? asOfBook : result;
  return {
    file: input.file,
    dryRun: input.dryRun,
    onError: input.onError,
    rows: result.rows,
    fileRejected: isFileRejected(result, input.onError),
    rejected: result.rejected,
    detected: result.detected,
    openAsOf: { date: asOfBook.asOf, ...asOfBook.counts },
    book: {
      kind: openBook ? 'openAsOf' : 'wholeFile',
      customers: written.customers.length,
      invoices: written.invoices.length,
      payments: written.payments.length,
    },
    scheduled: openBook ? scheduledPayments(asOfBook.futurePayments) : null,
    database: input.database,
  };
}

/** True when `rejectFile` mode returned no records because some rows are bad. */
export function isFileRejected(result: ImportResult, onError: OnError): boolean {
  return onError === 'rejectFile' && result.rows.rejected > 0;
}

function scheduledPayments(payments: readonly Payment[]): ScheduledPayments {
  const dates = payments.map((payment) => payment.receivedOn).sort();
  return { count: payments.length, first: dates[0] ?? null, last: dates.at(-1) ?? null };
}
