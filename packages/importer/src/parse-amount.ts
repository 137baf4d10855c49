import { AMBIGUOUS_SYMBOLS, CURRENCY_SYMBOLS, isKnownCurrency, minorDigits } from './currency';
import { accepted, invalid, type Parsed } from './parsed';

export type DecimalSeparator = ',' | '.';

/** An amount split into its parts, before it is converted to minor units. */
export interface AmountText {
  negative: boolean;
  /** Digits before the decimal separator, without thousands separators. */
  integer: string;
  /** Digits after the decimal separator, empty when there is none. */
  fraction: string;
  /** The currency a symbol or ISO code in the text names, if any. */
  currency: string | undefined;
  /** The symbol or code as written, e.g. `€` or `eur`. */
  marker: string | undefined;
}

export interface ParsedAmount {
  minor: number;
  currency: string;
  /** The currency written in the cell itself (`12,50 €`), if any. */
  currencyInText: string | undefined;
}

/** Space characters ERPs put between thousands: space, no-break space, thin spaces. */
const SPACES = /[\s\u00a0\u2007\u2009\u202f]/g;
const SYMBOL = Object.keys(CURRENCY_SYMBOLS)
  .map((symbol) => symbol.replace('$', '\\$'))
  .join('|');
const LEADING_CURRENCY = new RegExp(`^(${SYMBOL}|[A-Za-z]{3}) ?`);
const TRAILING_CURRENCY = new RegExp(` ?(${SYMBOL}|[A-Za-z]{3})$`);
const EXAMPLES: Record<DecimalSeparator, string> = { ',': '1 234,56', '.': '1,234.56' };

/**
 * Reads an amount as integer minor units of its currency, exactly: the digits are joined as
 * text, never multiplied as floating-point numbers. The currency is `rowCurrency` (the row's
 * currency column) if given, else the one written in the cell, else `defaultCurrency`. A code
 * or symbol in the cell that contradicts `rowCurrency` is invalid, except `$` and `¥`, which
 * several currencies use. Negative amounts are rejected because credit notes are not imported
 * yet.
 */
export function parseAmount(
  text: string,
  decimalSeparator: DecimalSeparator,
  defaultCurrency: string,
  rowCurrency?: string,
): Parsed<ParsedAmount> {
  const read = readAmountText(text, decimalSeparator);
  if (!read.ok) return read;
  if (read.value.negative) {
    return invalid(
      `'${text}' is negative: credit notes are not imported yet, so remove the row or ` +
        `import the credit as a payment on the invoice it reduces`,
    );
  }
  const currency = chooseCurrency(read.value, defaultCurrency, rowCurrency);
  if (!currency.ok) return invalid(`'${text}' ${currency.reason}`);
  const minor = toMinorUnits(read.value, currency.value);
  if (!minor.ok) return invalid(`'${text}' ${minor.reason}`);
  return accepted({
    minor: minor.value,
    currency: currency.value,
    currencyInText: read.value.currency,
  });
}

function chooseCurrency(
  amount: AmountText,
  defaultCurrency: string,
  rowCurrency: string | undefined,
): Parsed<string> {
  const { currency, marker } = amount;
  if (currency === undefined) return accepted(rowCurrency ?? defaultCurrency);
  if (rowCurrency === undefined || currency === rowCurrency) return accepted(currency);
  if (marker !== undefined && AMBIGUOUS_SYMBOLS.has(marker)) return accepted(rowCurrency);
  return invalid(`is in ${currency}, but the row's currency is ${rowCurrency}`);
}

/**
 * Splits an amount such as `1 234,56 €`, `-1.234,56`, `(1,234.56)` or `USD 94` into sign,
 * digits and currency. Thousands may be grouped by the other separator, a space or an
 * apostrophe, always in groups of three.
 */
export function readAmountText(
  text: string,
  decimalSeparator: DecimalSeparator,
): Parsed<AmountText> {
  let rest = text.replace(SPACES, ' ').trim();
  let negative = false;
  if (/^\(.*\)$/.test(rest)) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  const outer = stripCurrency(rest);
  if (!outer.ok) return outer;
  const signed = stripSign(outer.value.rest);
  const inner = stripCurrency(signed.rest);
  if (!inner.ok) return inner;
  if (outer.value.currency !== undefined && inner.value.currency !== undefined) {
    return invalid(`'${text}' names a currency twice`);
  }

  if (!/\d/.test(inner.value.rest)) {
    return invalid(
      `'${text}' is not an amount; expected digits, e.g. ${EXAMPLES[decimalSeparator]}`,
    );
  }
  const digits = splitDigits(inner.value.rest, decimalSeparator);
  if (digits === undefined) {
    return invalid(
      `'${text}' is not an amount with '${decimalSeparator}' as decimal separator ` +
        `(e.g. ${EXAMPLES[decimalSeparator]}); if the file uses the other one, set ` +
        `"decimalSeparator" in the mapping`,
    );
  }
  return accepted({
    negative: negative || signed.negative,
    ...digits,
    currency: outer.value.currency ?? inner.value.currency,
    marker: outer.value.marker ?? inner.value.marker,
  });
}

/** Converts an amount to minor units of `currency`, refusing digits the currency lacks. */
export function toMinorUnits(amount: AmountText, currency: string): Parsed<number> {
  const digits = minorDigits(currency);
  const minorFraction = amount.fraction.slice(0, digits);
  if (/[1-9]/.test(amount.fraction.slice(digits))) {
    return invalid(`has ${amount.fraction.length} decimals, but ${currency} has ${digits}`);
  }
  const minor = BigInt(amount.integer + minorFraction.padEnd(digits, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    return invalid(`is too large: the maximum is ${Number.MAX_SAFE_INTEGER} minor units`);
  }
  return accepted(Number(minor));
}

interface StrippedCurrency {
  rest: string;
  currency: string | undefined;
  marker: string | undefined;
}

function stripCurrency(text: string): Parsed<StrippedCurrency> {
  const none = { rest: text, currency: undefined, marker: undefined };
  const match = LEADING_CURRENCY.exec(text) ?? TRAILING_CURRENCY.exec(text);
  if (match === null) return accepted(none);
  const marker = match[1] ?? '';
  const currency = CURRENCY_SYMBOLS[marker] ?? marker.toUpperCase();
  const rest = (text.slice(0, match.index) + text.slice(match.index + match[0].length)).trim();
  if (isKnownCurrency(currency)) return accepted({ rest, currency, marker });
  // Three letters beside digits are a currency code. Other letters are left for the digit check.
  if (!/\d/.test(rest)) return accepted(none);
  return invalid(`'${text}' contains '${marker}', which is not an ISO 4217 currency code`);
}

function stripSign(text: string): { rest: string; negative: boolean } {
  if (/^[-\u2212]/.test(text)) return { rest: text.slice(1).trim(), negative: true };
  if (text.endsWith('-')) return { rest: text.slice(0, -1).trim(), negative: true };
  if (text.startsWith('+')) return { rest: text.slice(1).trim(), negative: false };
  return { rest: text, negative: false };
}

/** Splits `1.234,56` into `1234` and `56`, or returns undefined when groups are not of three. */
function splitDigits(
  text: string,
  decimalSeparator: DecimalSeparator,
): { integer: string; fraction: string } | undefined {
  const parts = text.split(decimalSeparator);
  const [integer = '', fraction = ''] = parts;
  if (parts.length > 2 || (parts.length === 2 && !/^\d+$/.test(fraction))) return undefined;
  if (/^\d+$/.test(integer)) return { integer, fraction };

  const thousands = decimalSeparator === ',' ? "[. '’]" : "[, '’]";
  const grouped = new RegExp(`^\\d{1,3}(${thousands})\\d{3}(?:\\1\\d{3})*$`);
  if (!grouped.test(integer)) return undefined;
  return { integer: integer.replace(/\D/g, ''), fraction };
}
