import type { LocalDate } from '@dunflow/model';
import type { Book } from './book';
import type { DateFormat } from './date-format';
import type { Delimiter } from './detect-delimiter';
import type { HeaderLanguage } from './header-language';
import type { DateField, ImportField } from './import-field';
import type { MappingInput } from './mapping';
import type { DecimalSeparator } from './parse-amount';
import type { TextEncoding } from './decode-text';

/** One reason a row was rejected. A row with several bad fields has several entries. */
export interface RejectedField {
  /** Physical line the row starts on, counting the header as line 1. */
  line: number;
  /** The field that is wrong, or `row` when the row as a whole is malformed. */
  field: ImportField | 'row';
  /** The header of the field's column, when the entry is about one column. */
  column?: string;
  /** The cell as written in the file, or the number of fields found for a `row` entry. */
  value: string;
  reason: string;
}

/** `skipRows` keeps the good rows, and `rejectFile` returns no records when any row is bad. */
export type OnError = 'skipRows' | 'rejectFile';

export interface ImportOptions {
  /** Settings that override detection, validated with `parseMapping`. */
  mapping?: MappingInput;
  /**
   * The day of the import. When set, a row settled after it is rejected, because the book
   * then claims a payment that has not arrived. Leave it unset to replay a book as of a past
   * date with openBookAsOf, which turns later settlements into payments still to come.
   */
  today?: LocalDate;
  /** The handling of good rows when some rows are bad: `skipRows` unless set. */
  onError?: OnError;
  /** Called as rows are converted, about every 1% of them and once at the end. */
  onProgress?: (done: number, total: number) => void;
}

/** The formats an import used, detected or taken from the mapping. */
export interface DetectedFormat {
  delimiter: Delimiter;
  dateFormats: Partial<Record<DateField, DateFormat>>;
  decimalSeparator: DecimalSeparator;
  /** Header of the column read for each field. */
  columns: Partial<Record<ImportField, string>>;
  /** The language most headers are in, or null when none leads. */
  language: HeaderLanguage | null;
  /** Headers that no field uses. */
  ignoredColumns: string[];
  /** Set by `readBookFile`, which decodes the bytes. */
  encoding?: TextEncoding;
}

export interface ImportResult extends Book {
  rejected: RejectedField[];
  /**
   * Data rows, not counting the header and blank lines. In `rejectFile` mode, `accepted`
   * counts the valid rows even though none is returned.
   */
  rows: { total: number; accepted: number; rejected: number };
  detected: DetectedFormat;
}
