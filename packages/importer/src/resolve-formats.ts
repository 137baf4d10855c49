import type { CsvRecord } from './csv-records';
import type { DateFormat } from './date-format';
import type { ColumnLayout } from './detect-columns';
import { detectDateFormats, type DateColumn } from './detect-date-formats';
import { detectDecimalSeparator } from './detect-decimal-separator';
import { DATE_FIELDS, type DateField, type ImportField } from './import-field';
import type { Mapping } from './mapping';
import type { DecimalSeparator } from './parse-amount';

export interface ValueFormats {
  dateFormats: Partial<Record<DateField, DateFormat>>;
  decimalSeparator: DecimalSeparator;
}

/** Settles the date formats and the decimal separator from the mapping, else from the values. */
export function resolveFormats(
  layout: ColumnLayout,
  records: readonly CsvRecord[],
  mapping: Mapping,
): ValueFormats {
  const dateColumns: Partial<Record<DateField, DateColumn>> = {};
  for (const field of DATE_FIELDS) {
    const column = columnOf(layout, records, field);
    if (column !== undefined) dateColumns[field] = column;
  }
  const dateFormats = detectDateFormats(dateColumns, fixedDateFormats(mapping), layout.language);

  const amounts = columnOf(layout, records, 'amount');
  const decimalSeparator =
    mapping.decimalSeparator ??
    detectDecimalSeparator(amounts?.values ?? [], layout.language, amounts?.header ?? 'amount');
  return { dateFormats, decimalSeparator };
}

function fixedDateFormats(mapping: Mapping): Partial<Record<DateField, DateFormat>> {
  const { dateFormat } = mapping;
  if (dateFormat === undefined) return {};
  if (typeof dateFormat === 'object') return dateFormat;
  return Object.fromEntries(DATE_FIELDS.map((field) => [field, dateFormat]));
}

/** Returns the header and non-empty values of a field's column, if the file has one. */
function columnOf(
  layout: ColumnLayout,
  records: readonly CsvRecord[],
  field: ImportField,
): DateColumn | undefined {
  const index = layout.indexes[field];
  if (index === undefined) return undefined;
  const values = records
    .map((record) => record.fields[index]?.trim() ?? '')
    .filter((value) => value !== '');
  return { header: layout.headers[index] ?? field, values };
}
