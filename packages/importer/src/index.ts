export type { Book } from './book';
export type { TextEncoding } from './decode-text';
export { DATE_FORMATS, type DateFormat } from './date-format';
export { DELIMITERS, type Delimiter } from './detect-delimiter';
export { HEADER_LANGUAGES, type HeaderLanguage } from './header-language';
export { HEADER_SYNONYMS } from './header-synonyms';
export { ImportFileError, type ImportFileErrorCode } from './import-file-error';
export {
  DATE_FIELDS,
  IMPORT_FIELDS,
  REQUIRED_FIELDS,
  type DateField,
  type ImportField,
} from './import-field';
export type {
  DetectedFormat,
  ImportOptions,
  ImportResult,
  OnError,
  RejectedField,
} from './import-result';
export { loadMapping } from './load-mapping';
export { addDays, daysBetween } from './local-date';
export { Mapping, parseMapping, type MappingInput } from './mapping';
export { MappingError, type MappingIssue } from './mapping-error';
export { openBookAsOf, type BookAsOf } from './open-book-as-of';
export { parseAmount, type DecimalSeparator, type ParsedAmount } from './parse-amount';
export type { Parsed } from './parsed';
export { parseBook } from './parse-book';
export { readBookFile } from './read-book-file';
export { rebaseBook, type RebasableBook } from './rebase-book';
export { settlementPayment, settlementPaymentId } from './settlement-payment';
