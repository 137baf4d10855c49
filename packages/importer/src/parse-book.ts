import { BookAssembler } from './book-assembler';
import { convertRow } from './convert-row';
import { readCsvRecords, type CsvRecord } from './csv-records';
import { detectColumns, type ColumnLayout } from './detect-columns';
import { detectDelimiter, excelSeparatorLine } from './detect-delimiter';
import { ImportFileError } from './import-file-error';
import type { ImportField } from './import-field';
import type { ImportOptions, ImportResult } from './import-result';
import { parseMapping } from './mapping';
import { requireColumns } from './require-columns';
import { resolveFormats } from './resolve-formats';
import type { RowContext } from './row-context';
import { RowReader } from './row-reader';

const BYTE_ORDER_MARK = '\ufeff';

/**
 * Reads an invoice book from CSV text as an ERP exports it: customers, invoices, the payments
 * that settled them, and a report entry for every bad cell. Lines whose cells are all empty
 * are skipped. Raises ImportFileError when the file as a whole cannot be read, and
 * MappingError when `options.mapping` is invalid.
 */
export function parseBook(text: string, options: ImportOptions = {}): ImportResult {
  const mapping = parseMapping(options.mapping ?? {});
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const delimiter = mapping.delimiter ?? detectDelimiter(body);
  const records = readCsvRecords(body, delimiter).filter((record) => !isBlank(record));
  // Line numbers stay physical: after a `sep=` line the header is line 2.
  if (excelSeparatorLine(body) !== undefined) records.shift();
  const [header, ...rows] = records;
  if (header === undefined) {
    throw new ImportFileError('emptyFile', 'The file is empty; expected a header line and rows.');
  }

  const layout = detectColumns(header.fields, mapping.columns);
  requireColumns(layout, mapping);
  const formats = resolveFormats(
    layout,
    rows.filter((row) => row.fields.length === header.fields.length),
    mapping,
  );
  const context: RowContext = {
    layout,
    ...formats,
    defaultCurrency: mapping.defaultCurrency,
    defaultCountry: mapping.country,
    today: options.today,
  };
  const assembler = convertRows(rows, context, options.onProgress);

  return {
    ...assembler.book(options.onError ?? 'skipRows'),
    rejected: assembler.rejected,
    rows: assembler.rows(),
    detected: {
      delimiter,
      ...formats,
      columns: columnHeaders(layout),
      language: layout.language ?? null,
      ignoredColumns: layout.ignored,
    },
  };
}

function convertRows(
  rows: readonly CsvRecord[],
  context: RowContext,
  onProgress: ImportOptions['onProgress'],
): BookAssembler {
  const assembler = new BookAssembler();
  const step = Math.max(1, Math.ceil(rows.length / 100));
  if (rows.length === 0) onProgress?.(0, 0);
  rows.forEach((record, index) => {
    const row = new RowReader(record, context.layout);
    assembler.add(row, convertRow(row, context));
    const done = index + 1;
    if (done % step === 0 || done === rows.length) onProgress?.(done, rows.length);
  });
  return assembler;
}

function isBlank(record: CsvRecord): boolean {
  return record.fields.every((field) => field.trim() === '');
}

function columnHeaders(layout: ColumnLayout): Partial<Record<ImportField, string>> {
  const entries = Object.entries(layout.indexes).map(([field, index]) => [
    field,
    layout.headers[index] ?? '',
  ]);
  return Object.fromEntries(entries) as Partial<Record<ImportField, string>>;
}
