const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const MINOR_DIGITS = new Map<string, number>();

/** Currency symbols read in amounts. `$` is taken as USD, the most common reading. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  US$: 'USD',
  $: 'USD',
  '£': 'GBP',
  '¥': 'JPY',
};

/** Symbols that several currencies use, so a currency column may name the one meant. */
export const AMBIGUOUS_SYMBOLS: ReadonlySet<string> = new Set(['$', '¥']);

/** Returns whether `code` is an ISO 4217 code known to this runtime's ICU data. */
export function isKnownCurrency(code: string): boolean {
  return KNOWN_CURRENCIES.has(code);
}

/**
 * Returns the number of minor-unit digits of a currency (2 for EUR, 0 for JPY, 3 for KWD),
 * as the runtime's CLDR data gives it.
 */
export function minorDigits(currency: string): number {
  let digits = MINOR_DIGITS.get(currency);
  if (digits === undefined) {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    MINOR_DIGITS.set(currency, digits);
  }
  return digits;
}
