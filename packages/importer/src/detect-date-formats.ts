import {
  dateFormatOf,
  orderOf,
  separatorOf,
  splitDate,
  type DateFormat,
  type DateOrder,
  type DateSeparator,
} from './date-format';
import type { HeaderLanguage } from './header-language';
import { ImportFileError } from './import-file-error';
import type { DateField } from './import-field';

/** The values of one date column, with its header for messages. */
export interface DateColumn {
  header: string;
  values: readonly string[];
}

/** Evidence about a column's date format, read from its values. */
export type DateEvidence =
  | { kind: 'detected'; format: DateFormat }
  | { kind: 'ambiguous'; separator: DateSeparator; example: string }
  | { kind: 'noDates' };

/** Languages whose countries write the day first. English is used both ways (US and UK). */
const DAY_FIRST_LANGUAGES: ReadonlySet<HeaderLanguage> = new Set(['fr', 'es']);

/**
 * Returns the format of each date column. A format given in `fixed` wins. Otherwise each
 * column's values decide: a first part over 12 proves day-first, a second part over 12 proves
 * month-first. A column whose values fit both takes the order proven by another column with
 * the same separator, else the one the header language implies, else the import fails.
 */
export function detectDateFormats(
  columns: Partial<Record<DateField, DateColumn>>,
  fixed: Partial<Record<DateField, DateFormat>>,
  language: HeaderLanguage | undefined,
): Partial<Record<DateField, DateFormat>> {
  const entries = Object.entries(columns) as [DateField, DateColumn][];
  const evidence = new Map<DateField, DateEvidence>();
  for (const [field, column] of entries) {
    const format = fixed[field];
    evidence.set(
      field,
      format ? { kind: 'detected', format } : detectColumnDateFormat(column.values),
    );
  }

  const known = [...evidence.values()].flatMap((item) =>
    item.kind === 'detected' ? [item.format] : [],
  );
  const formats: Partial<Record<DateField, DateFormat>> = {};
  for (const [field, column] of entries) {
    const item = evidence.get(field) ?? { kind: 'noDates' };
    formats[field] = settleFormat(item, known, language, column);
  }
  return formats;
}

/** Dates that share where the year is and which separator they use. */
interface DateShape {
  yearFirst: boolean;
  separator: DateSeparator;
  parts: string[][];
}

/** Reads the format of one column from all its values. */
export function detectColumnDateFormat(values: readonly string[]): DateEvidence {
  const main = groupByShape(values).sort((a, b) => b.parts.length - a.parts.length)[0];
  if (main === undefined) return { kind: 'noDates' };
  if (main.yearFirst) return { kind: 'detected', format: dateFormatOf('ymd', main.separator) };

  const order = provenOrder(main.parts);
  if (order !== undefined) return { kind: 'detected', format: dateFormatOf(order, main.separator) };
  const example = (main.parts[0] ?? []).join(main.separator);
  return { kind: 'ambiguous', separator: main.separator, example };
}

/** Groups date-like values by shape, skipping values without a four-digit year at either end. */
function groupByShape(values: readonly string[]): DateShape[] {
  const shapes = new Map<string, DateShape>();
  for (const value of values) {
    const split = splitDate(value);
    if (split === undefined) continue;
    const yearFirst = split.parts[0]?.length === 4;
    if (!yearFirst && split.parts[2]?.length !== 4) continue;
    const key = `${String(yearFirst)}${split.separator}`;
    const shape = shapes.get(key) ?? { yearFirst, separator: split.separator, parts: [] };
    shape.parts.push(split.parts);
    shapes.set(key, shape);
  }
  return [...shapes.values()];
}

/** Counts the values that only one order can read, and returns the order most of them need. */
function provenOrder(values: readonly string[][]): DateOrder | undefined {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const [first, second] of values) {
    if (Number(first) > 12 && Number(second) <= 12) dayFirst++;
    if (Number(second) > 12 && Number(first) <= 12) monthFirst++;
  }
  if (dayFirst === monthFirst) return undefined;
  return dayFirst > monthFirst ? 'dmy' : 'mdy';
}

function settleFormat(
  evidence: DateEvidence,
  known: readonly DateFormat[],
  language: HeaderLanguage | undefined,
  column: DateColumn,
): DateFormat {
  if (evidence.kind === 'detected') return evidence.format;
  if (evidence.kind === 'noDates') return known[0] ?? 'YYYY-MM-DD';

  const siblingOrders = new Set(
    known
      .filter((format) => separatorOf(format) === evidence.separator && orderOf(format) !== 'ymd')
      .map(orderOf),
  );
  const [siblingOrder] = siblingOrders;
  if (siblingOrders.size === 1 && siblingOrder !== undefined) {
    return dateFormatOf(siblingOrder, evidence.separator);
  }
  if (language !== undefined && DAY_FIRST_LANGUAGES.has(language)) {
    return dateFormatOf('dmy', evidence.separator);
  }
  throw ambiguousDates(column, evidence);
}

function ambiguousDates(
  column: DateColumn,
  evidence: Extract<DateEvidence, { kind: 'ambiguous' }>,
): ImportFileError {
  const dayFirst = dateFormatOf('dmy', evidence.separator);
  const monthFirst = dateFormatOf('mdy', evidence.separator);
  return new ImportFileError(
    'ambiguousDateFormat',
    `Every date in the column '${column.header}' (e.g. '${evidence.example}') reads both ` +
      `day-first and month-first, and the header language does not settle it. Add ` +
      `"dateFormat": "${dayFirst}" or "dateFormat": "${monthFirst}" to the mapping.`,
    { column: column.header, example: evidence.example, candidates: [dayFirst, monthFirst] },
  );
}
