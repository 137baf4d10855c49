/**
 * Currencies whose minor unit is not a hundredth, by the minor-unit column of ISO 4217.
 * Every other code has two decimal digits.
 * NOTE: this table was written from that column, not read from a data file. Node's Intl
 * data (CLDR) shows IQD with 0 digits, a display convention that differs from ISO's 3.
 */
const DIGITS_BY_CURRENCY: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Returns how many decimal digits the currency's minor unit has: 2 for EUR, 0 for JPY. */
export function currencyDigits(currency: string): number {
  return DIGITS_BY_CURRENCY[currency] ?? 2;
}

/**
 * Converts an amount in minor units to major units, e.g. 1234 EUR cents to 12.34. IEEE 754
 * division is correctly rounded, so the result is the double nearest the decimal amount, the
 * same one the literal 12.34 denotes.
 */
export function toMajorUnits(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** currencyDigits(currency);
}
