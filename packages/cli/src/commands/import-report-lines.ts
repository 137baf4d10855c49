import type { RejectedField } from '@dunflow/importer';
import { formatTable } from '../output';
import type { ImportReport, ScheduledPayments } from './import-report';
import { countOf, formatCount } from './text-format';

/** Rejected fields listed in text output (a row may have several); --json lists them all. */
export const REJECTED_SHOWN = 50;

/** Renders an import report as text lines. */
export function importReportLines(report: ImportReport): string[] {
  return [
    ...summaryLines(report),
    ...detectedLines(report),
    ...bookLines(report),
    ...rejectedLines(report.rejected),
    ...outcomeLines(report),
  ];
}

function summaryLines(report: ImportReport): string[] {
  const { rows } = report;
  return [
    `${report.file}: ${countOf(rows.accepted, 'row')} accepted, ${formatCount(rows.rejected)} ` +
      `rejected, of ${formatCount(rows.total)}`,
  ];
}

function detectedLines(report: ImportReport): string[] {
  const { detected } = report;
  const dateFormats = Object.entries(detected.dateFormats).map(
    ([field, format]) => `${field} ${format}`,
  );
  const columns = Object.entries(detected.columns).map(([field, header]) => [
    `  ${field}`,
    `'${header}'`,
  ]);
  const ignored = detected.ignoredColumns.map((header) => `'${header}'`).join(', ');
  return [
    '',
    `Detected: delimiter '${detected.delimiter === '\t' ? '\\t' : detected.delimiter}', decimal ` +
      `separator '${detected.decimalSeparator}', encoding ${detected.encoding ?? 'unknown'}, ` +
      `headers in ${detected.language ?? 'no single language'}`,
    `Date formats: ${dateFormats.join(', ') || 'none'}`,
    'Columns (field, header):',
    ...formatTable(columns),
    `Ignored columns: ${ignored === '' ? 'none' : ignored}`,
  ];
}

function bookLines(report: ImportReport): string[] {
  const { openAsOf, book, scheduled } = report;
  const lines = [
    '',
    `Open as of ${openAsOf.date}: ${countOf(openAsOf.open, 'invoice')} ` +
      `(${formatCount(openAsOf.settled)} settled by then, ${formatCount(openAsOf.notYetIssued)} ` +
      'issued later)',
    `Book ${book.kind === 'openAsOf' ? `as of ${openAsOf.date}` : 'of every row'}: ` +
      `${countOf(book.customers, 'customer')}, ${countOf(book.invoices, 'invoice')}, ` +
      countOf(book.payments, 'payment'),
  ];
  if (scheduled !== null) lines.push(scheduledLine(scheduled, openAsOf.date));
  return lines;
}

function scheduledLine(scheduled: ScheduledPayments, asOf: string): string {
  if (scheduled.first === null || scheduled.last === null) {
    return `Scheduled, not recorded: no settlements after ${asOf}`;
  }
  return (
    `Scheduled, not recorded: ${countOf(scheduled.count, 'settlement')} after ${asOf}, ` +
    `from ${scheduled.first} to ${scheduled.last}`
  );
}

function rejectedLines(rejected: readonly RejectedField[]): string[] {
  if (rejected.length === 0) return [];
  const shown = rejected.slice(0, REJECTED_SHOWN);
  const rows = shown.map((entry) => [
    `  ${entry.line}`,
    entry.field,
    `'${entry.value}'`,
    entry.reason,
  ]);
  const lines = ['', 'Rejected (line, field, value, reason):', ...formatTable(rows)];
  const more = rejected.length - shown.length;
  if (more > 0) lines.push(`  ... and ${formatCount(more)} more; --json lists them all`);
  return lines;
}

function outcomeLines(report: ImportReport): string[] {
  if (report.fileRejected) {
    return [
      '',
      `File rejected: ${countOf(report.rows.rejected, 'row')} invalid and --on-error ` +
        'reject-file is set, so nothing was written. Fix the rows, or pass --on-error skip-rows ' +
        'to import the valid ones.',
    ];
  }
  if (report.database === null) return ['', 'Dry run: nothing was written to the database.'];
  const { inserted, updated, unchanged } = report.database;
  return [
    '',
    `Database: ${formatCount(inserted)} rows inserted, ${formatCount(updated)} updated, ` +
      `${formatCount(unchanged)} unchanged`,
  ];
}
