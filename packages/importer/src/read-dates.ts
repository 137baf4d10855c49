import type { LocalDate } from '@dunflow/model';
import { parseDate } from './date-format';
import type { DateField } from './import-field';
import type { RowContext } from './row-context';
import type { RowReader } from './row-reader';

export interface InvoiceDates {
  issueDate: LocalDate | undefined;
  dueDate: LocalDate | undefined;
  settledDate: LocalDate | undefined;
}

/** Reads a date cell in its column's format, or returns undefined when empty or invalid. */
export function readDate(
  row: RowReader,
  context: RowContext,
  field: DateField,
): LocalDate | undefined {
  const format = context.dateFormats[field] ?? 'YYYY-MM-DD';
  return row.optional(field, (text) => parseDate(text, format));
}

/** Reads issue, due and settled dates and rejects a due or settled date before the issue date. */
export function readInvoiceDates(row: RowReader, context: RowContext): InvoiceDates {
  const format = (field: DateField) => context.dateFormats[field] ?? 'YYYY-MM-DD';
  const dates: InvoiceDates = {
    issueDate: row.required('issueDate', 'an issue date', (text) =>
      parseDate(text, format('issueDate')),
    ),
    dueDate: row.required('dueDate', 'a due date', (text) => parseDate(text, format('dueDate'))),
    settledDate: readDate(row, context, 'settledDate'),
  };
  const { issueDate } = dates;
  if (issueDate === undefined) return dates;
  for (const field of ['dueDate', 'settledDate'] as const) {
    const date = dates[field];
    if (date !== undefined && date < issueDate) {
      row.reject(field, `${date} is before the ${row.header('issueDate')} ${issueDate}`);
    }
  }
  const { settledDate } = dates;
  if (context.today !== undefined && settledDate !== undefined && settledDate > context.today) {
    row.reject(
      'settledDate',
      `${settledDate} is after today, ${context.today}; a settled date cannot be later than the day of the import`,
    );
  }
  return dates;
}
