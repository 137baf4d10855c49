import type { HeaderLanguage } from './header-language';
import { ImportFileError } from './import-file-error';
import type { DecimalSeparator } from './parse-amount';

const LANGUAGE_SEPARATORS: Readonly<Record<HeaderLanguage, DecimalSeparator>> = {
  en: '.',
  fr: ',',
  es: ',',
};

/**
 * Returns the decimal separator of an amount column. Values prove it when they contain both
 * separators (the last one is decimal), one separator twice (that one groups thousands), or
 * one separator not followed by exactly three digits. When only values like `1,234` exist,
 * the header language decides, else the import fails with a request for the mapping setting.
 */
export function detectDecimalSeparator(
  values: readonly string[],
  language: HeaderLanguage | undefined,
  header: string,
): DecimalSeparator {
  const votes = { ',': 0, '.': 0 };
  let ambiguous: string | undefined;
  for (const value of values) {
    const proven = provenSeparator(value);
    if (proven === 'ambiguous') ambiguous ??= value;
    else if (proven !== undefined) votes[proven]++;
  }
  if (votes[','] !== votes['.']) return votes[','] > votes['.'] ? ',' : '.';
  if (language !== undefined) return LANGUAGE_SEPARATORS[language];
  if (ambiguous === undefined) return '.';
  throw new ImportFileError(
    'ambiguousDecimalSeparator',
    `The amounts in the column '${header}' (e.g. '${ambiguous}') read both with a decimal ` +
      `comma and with a decimal point. Add "decimalSeparator": "," or "decimalSeparator": "." ` +
      `to the mapping.`,
    { column: header, example: ambiguous },
  );
}

function provenSeparator(value: string): DecimalSeparator | 'ambiguous' | undefined {
  const comma = value.lastIndexOf(',');
  const point = value.lastIndexOf('.');
  if (comma >= 0 && point >= 0) return comma > point ? ',' : '.';
  if (comma < 0 && point < 0) return undefined;
  const separator = comma >= 0 ? ',' : '.';
  if (value.indexOf(separator) !== value.lastIndexOf(separator)) return other(separator);
  const digitsAfter = /^\d*/.exec(value.slice(value.indexOf(separator) + 1))?.[0].length ?? 0;
  return digitsAfter === 3 ? 'ambiguous' : separator;
}

function other(separator: DecimalSeparator): DecimalSeparator {
  return separator === ',' ? '.' : ',';
}
