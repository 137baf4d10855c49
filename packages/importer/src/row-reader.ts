import type { CsvRecord } from './csv-records';
import type { ColumnLayout } from './detect-columns';
import type { RejectedField } from './import-result';
import type { ImportField } from './import-field';
import type { Parsed } from './parsed';

/** Reads the cells of one row by field and collects the reasons the row is rejected. */
export class RowReader {
  readonly issues: RejectedField[] = [];

  constructor(
    readonly record: CsvRecord,
    readonly layout: ColumnLayout,
  ) {}

  get line(): number {
    return this.record.line;
  }

  hasColumn(field: ImportField): boolean {
    return this.layout.indexes[field] !== undefined;
  }

  /** Returns the cell as written, or undefined when the file has no column for the field. */
  raw(field: ImportField): string | undefined {
    const column = this.layout.indexes[field];
    return column === undefined ? undefined : (this.record.fields[column] ?? '');
  }

  /** Returns the trimmed cell, or undefined when the column is missing or the cell is empty. */
  text(field: ImportField): string | undefined {
    const text = this.raw(field)?.trim();
    return text === '' ? undefined : text;
  }

  /** Parses a cell that may be empty. An invalid cell is recorded and gives undefined. */
  optional<T>(field: ImportField, parse: (text: string) => Parsed<T>): T | undefined {
    const text = this.text(field);
    if (text === undefined) return undefined;
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    this.reject(field, parsed.reason);
    return undefined;
  }

  /** Parses a cell that must not be empty. `what` names the value in the message. */
  required<T>(field: ImportField, what: string, parse: (text: string) => Parsed<T>): T | undefined {
    if (this.text(field) === undefined) {
      this.reject(field, `${this.header(field)} is empty; every invoice needs ${what}`);
      return undefined;
    }
    return this.optional(field, parse);
  }

  /** Records that the field's cell is wrong, with the cell as written (a long one shortened). */
  reject(field: ImportField, reason: string): void {
    const raw = this.raw(field) ?? '';
    const value = shortenCell(raw);
    const shortReason = value === raw ? reason : reason.replaceAll(raw, value);
    const entry: RejectedField = { line: this.line, field, value, reason: shortReason };
    if (this.hasColumn(field)) entry.column = this.header(field);
    this.issues.push(entry);
  }

  /** Records that the row as a whole is wrong. */
  rejectRow(value: string, reason: string): void {
    this.issues.push({ line: this.line, field: 'row', value, reason });
  }

  header(field: ImportField): string {
    const column = this.layout.indexes[field];
    return column === undefined ? field : (this.layout.headers[column] ?? field);
  }
}

/** Cells longer than this are cut in reports, so one bad cell cannot swell a report. */
const MAX_REPORTED_CELL = 1_000;

function shortenCell(text: string): string {
  if (text.length <= MAX_REPORTED_CELL) return text;
  return `${text.slice(0, MAX_REPORTED_CELL)}… (${String(text.length)} characters in all)`;
}
