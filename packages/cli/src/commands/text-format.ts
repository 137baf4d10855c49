import { currencyDigits } from '@dunflow/engine';
import { formatAmount } from '../output';

/** Formats an amount in minor units with its currency's decimals and code, e.g. `1,234.50 EUR`. */
export function formatMoney(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 2) return `${formatAmount(amountMinor)} ${currency}`;
  const major = (amountMinor / 10 ** digits).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${major} ${currency}`;
}

/** Formats a count with thousands separators, e.g. `2,466`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** Writes a count and a noun, adding `s` unless the count is 1: `1 invoice`, `84 invoices`. */
export function countOf(count: number, noun: string): string {
  return `${formatCount(count)} ${count === 1 ? noun : `${noun}s`}`;
}
