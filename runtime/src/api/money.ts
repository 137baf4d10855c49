import { currencyDigits } from '@dunflow/engine';
import { ApiError } from './api-error';
import { formatValue } from './format-value';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Converts an amount in major units (`'12.34'` or `12.34` euros) to minor units (1234 cents).
 * Raises a 422 naming the value when it is not a decimal number, is negative, or has more
 * decimals than the currency's minor unit. Zero is returned as 0 for the caller to judge.
 */
export function toMinorUnits(amount: string | number, currency: string, field = 'amount'): number {
  const text = typeof amount === 'number' ? String(amount) : amount.trim();
  const match = DECIMAL.exec(text);
  const digits = currencyDigits(currency);
  if (match === null) {
    throw invalidAmount(field, `${field} ${formatValue(amount)} is not a decimal number`, digits);
  }
  const [, minus, whole = '', decimals = ''] = match;
  if (minus !== undefined) {
    throw invalidAmount(field, `${field} ${formatValue(amount)} is negative`, digits);
  }
  if (decimals.length > digits) {
    const problem = `${field} ${formatValue(amount)} has ${decimals.length} decimals, but ${currency} has ${digits}`;
    throw invalidAmount(field, problem, digits);
  }
  const minor = Number(whole + decimals.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) {
    throw invalidAmount(field, `${field} ${formatValue(amount)} is too large`, digits);
  }
  return minor;
}

function invalidAmount(field: string, problem: string, digits: number): ApiError {
  const example = digits === 0 ? '1234' : `1234.${'5'.repeat(digits)}`;
  const fix = `write a positive amount in major units with at most ${digits} decimals after a dot, e.g. ${example}`;
  return new ApiError(422, 'invalidAmount', `${problem}; ${fix}`, {
    fix,
    issues: [{ path: field, message: problem }],
  });
}

/** Writes minor units as major units without grouping or currency, e.g. `1234.50`. */
export function majorText(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + text;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Writes minor units for people, with thousands grouped and the currency code: `1,234.50 EUR`. */
export function formatAmount(amountMinor: number, currency: string): string {
  const [whole = '', fraction] = majorText(amountMinor, currency).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${fraction === undefined ? grouped : `${grouped}.${fraction}`} ${currency}`;
}
