import { CURRENCY_SYMBOLS, isKnownCurrency } from './currency';
import { parseAmount } from './parse-amount';
import { accepted, invalid, type Parsed } from './parsed';
import type { RowContext } from './row-context';
import type { RowReader } from './row-reader';

export interface RowAmount {
  amountMinor: number;
  currency: string;
}

/**
 * Reads the amount and its currency: the currency column, else a symbol or code in the amount
 * cell, else the mapping's default. An invalid currency cell is reported and the amount is
 * still checked, so both reasons reach the report.
 */
export function readAmount(row: RowReader, context: RowContext): RowAmount | undefined {
  const rowCurrency = row.optional('currency', parseCurrencyCode);
  const currencyValid = row.text('currency') === undefined || rowCurrency !== undefined;
  const amount = row.required('amount', 'an amount', (text) =>
    parseAmount(text, context.decimalSeparator, context.defaultCurrency, rowCurrency),
  );
  if (amount === undefined || !currencyValid) return undefined;
  return { amountMinor: amount.minor, currency: amount.currency };
}

/** Reads an ISO 4217 code such as `EUR` or `eur`, or a symbol such as `€`. */
export function parseCurrencyCode(text: string): Parsed<string> {
  const code = CURRENCY_SYMBOLS[text] ?? text.toUpperCase();
  if (isKnownCurrency(code)) return accepted(code);
  return invalid(`'${text}' is not an ISO 4217 currency code such as EUR, USD or GBP`);
}
