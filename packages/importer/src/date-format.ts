import { LocalDate } from '@dunflow/model';
import { localDateOf } from './local-date';
import { accepted, invalid, type Parsed } from './parsed';

/** The date formats an import reads. Day and month may drop their leading zero. */
export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYY/MM/DD',
  'YYYY.MM.DD',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  'DD-MM-YYYY',
  'MM/DD/YYYY',
  'MM.DD.YYYY',
  'MM-DD-YYYY',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** The order of year (y), month (m) and day (d) in a date. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';
export type DateSeparator = '-' | '/' | '.';

const EXAMPLES: Record<DateOrder, [number, number, number]> = {
  ymd: [2024, 1, 31],
  dmy: [31, 1, 2024],
  mdy: [1, 31, 2024],
};

/** A time of day after the date, as spreadsheets add it (`2013-01-02 00:00:00`), which is ignored. */
const TIME_SUFFIX = /[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

export function dateFormatOf(order: DateOrder, separator: DateSeparator): DateFormat {
  const parts = { ymd: ['YYYY', 'MM', 'DD'], dmy: ['DD', 'MM', 'YYYY'], mdy: ['MM', 'DD', 'YYYY'] };
  return parts[order].join(separator) as DateFormat;
}

export function orderOf(format: DateFormat): DateOrder {
  if (format.startsWith('YYYY')) return 'ymd';
  return format.startsWith('DD') ? 'dmy' : 'mdy';
}

export function separatorOf(format: DateFormat): DateSeparator {
  return format.charAt(format.startsWith('YYYY') ? 4 : 2) as DateSeparator;
}

/**
 * Splits a date into its three numeric parts and separator, ignoring a time of day.
 * Returns undefined when the text is not three groups of digits with one separator.
 */
export function splitDate(text: string): { parts: string[]; separator: DateSeparator } | undefined {
  const match = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})$/.exec(text.trim().replace(TIME_SUFFIX, ''));
  if (match === null) return undefined;
  const [, first = '', separator = '-', second = '', third = ''] = match;
  return { parts: [first, second, third], separator: separator as DateSeparator };
}

/** Reads a date written in `format` as `YYYY-MM-DD`. */
export function parseDate(text: string, format: DateFormat): Parsed<LocalDate> {
  const split = splitDate(text);
  if (split === undefined || split.separator !== separatorOf(format)) {
    return invalid(`'${text}' is not a date in the format ${format}, e.g. ${exampleOf(format)}`);
  }
  const { year, month, day } = assignParts(split.parts, orderOf(format));
  if (year.length !== 4) {
    return invalid(`'${text}' has the year '${year}'; write the year with four digits`);
  }
  const date = localDateOf(Number(year), Number(month), Number(day));
  if (date === undefined) {
    return invalid(`'${text}' is not a calendar date in the format ${format}`);
  }
  if (!LocalDate.safeParse(date).success) {
    return invalid(
      `'${text}' is outside the supported range 1900-01-01 to 2199-12-31; check the year`,
    );
  }
  return accepted(date);
}

/** Formats 31 January 2024 in `format`, for messages. */
export function exampleOf(format: DateFormat): string {
  const order = orderOf(format);
  const padded = EXAMPLES[order].map((part) => String(part).padStart(2, '0'));
  return padded.join(separatorOf(format));
}

function assignParts(parts: string[], order: DateOrder) {
  const [first = '', second = '', third = ''] = parts;
  if (order === 'ymd') return { year: first, month: second, day: third };
  if (order === 'dmy') return { year: third, month: second, day: first };
  return { year: third, month: first, day: second };
}
