import type { LocalDate } from '@dunflow/model';
import type { DateFormat } from './date-format';
import type { ColumnLayout } from './detect-columns';
import type { DateField } from './import-field';
import type { DecimalSeparator } from './parse-amount';

/** The file-level settings that converting a row needs. */
export interface RowContext {
  layout: ColumnLayout;
  dateFormats: Partial<Record<DateField, DateFormat>>;
  decimalSeparator: DecimalSeparator;
  defaultCurrency: string;
  /** Country for rows whose country cell is empty or missing. */
  defaultCountry: string | undefined;
  /** The day of the import, when known: a settled date after it cannot be true yet. */
  today: LocalDate | undefined;
}
