import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detectDecimalSeparator } from './detect-decimal-separator';
import { parseAmount, type DecimalSeparator } from './parse-amount';

function minorOf(text: string, decimalSeparator: DecimalSeparator, currency = 'EUR') {
  const parsed = parseAmount(text, decimalSeparator, currency);
  return parsed.ok ? parsed.value.minor : parsed.reason;
}

describe('parseAmount', () => {
  test.each([
    ['1 234,56', ',', 123_456],
    ['1.234,56', ',', 123_456],
    ['1,234.56', '.', 123_456],
    ['1\u00a0234,56\u00a0€', ',', 123_456],
    ['1\u202f234,56', ',', 123_456],
    ["1'234.56", '.', 123_456],
    ['€1,234.56', '.', 123_456],
    ['EUR 12', '.', 1200],
    ['12,5 EUR', ',', 1250],
    ['94', '.', 9400],
    ['0,10', ',', 10],
    ['+7.00', '.', 700],
    ['12.3400', '.', 1234],
    ['0.29', '.', 29],
    ['1.005', '.', "'1.005' has 3 decimals, but EUR has 2"],
    ['12,34,56', ',', expect.stringContaining("'12,34,56' is not an amount with ','")],
    ['1.23.4', ',', expect.stringContaining("'1.23.4' is not an amount with ','")],
    ['1 2345', ',', expect.stringContaining("'1 2345' is not an amount")],
    ['12,', ',', expect.stringContaining("'12,' is not an amount")],
  ])('%s with %s', (text, decimalSeparator, expected) => {
    expect(minorOf(text, decimalSeparator as DecimalSeparator)).toEqual(expected);
  });

  test('uses the currency minor unit', () => {
    expect(minorOf('1 234', ',', 'JPY')).toBe(1234);
    expect(minorOf('¥1,234', '.', 'EUR')).toBe(1234);
    expect(minorOf('1,5', ',', 'JPY')).toBe("'1,5' has 1 decimals, but JPY has 0");
    expect(minorOf('1.234', '.', 'KWD')).toBe(1234);
  });

  test('reports the currency written in the cell', () => {
    const parsed = parseAmount('£12.00', '.', 'EUR');

    expect(parsed).toEqual({
      ok: true,
      value: { minor: 1200, currency: 'GBP', currencyInText: 'GBP' },
    });
  });

  test('prefers the row currency', () => {
    const minorIn = (text: string, rowCurrency: string) => {
      const parsed = parseAmount(text, '.', 'EUR', rowCurrency);
      return parsed.ok ? [parsed.value.minor, parsed.value.currency] : parsed.reason;
    };

    expect(minorIn('12.50', 'GBP')).toEqual([1250, 'GBP']);
    expect(minorIn('$12.50', 'CAD')).toEqual([1250, 'CAD']);
    expect(minorIn('¥1,234', 'CNY')).toEqual([123_400, 'CNY']);
    expect(minorIn('USD 12.50', 'USD')).toEqual([1250, 'USD']);
    expect(minorIn('US$12.50', 'CAD')).toBe("'US$12.50' is in USD, but the row's currency is CAD");
    expect(minorIn('12.50 €', 'GBP')).toBe("'12.50 €' is in EUR, but the row's currency is GBP");
  });

  test('rejects amounts beyond the safe integer range', () => {
    expect(minorOf('90071992547409.92', '.')).toBe(
      "'90071992547409.92' is too large: the maximum is 9007199254740991 minor units",
    );
    expect(minorOf('90071992547409.91', '.')).toBe(Number.MAX_SAFE_INTEGER);
  });
});

/** An amount style an ERP may export: separators, grouping and where the currency goes. */
interface AmountStyle {
  decimalSeparator: DecimalSeparator;
  thousands: string;
  currency: 'none' | 'symbolBefore' | 'symbolAfter' | 'codeBefore' | 'codeAfter';
  alwaysDecimals: boolean;
}

const styleArbitrary: fc.Arbitrary<AmountStyle> = fc
  .record({
    decimalSeparator: fc.constantFrom<DecimalSeparator>(',', '.'),
    thousands: fc.constantFrom('', ' ', '\u00a0', '\u202f', "'", 'other'),
    currency: fc.constantFrom<AmountStyle['currency'][]>(
      'none',
      'symbolBefore',
      'symbolAfter',
      'codeBefore',
      'codeAfter',
    ),
    alwaysDecimals: fc.boolean(),
  })
  .map((style) => {
    if (style.thousands !== 'other') return style;
    const thousands = style.decimalSeparator === ',' ? '.' : ',';
    return { ...style, thousands };
  });

/** Formats minor units as text, independently of the parser. */
function formatAmount(minor: bigint, style: AmountStyle, digits: number): string {
  const text = minor.toString().padStart(digits + 1, '0');
  const integer = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, style.thousands);
  const showFraction = digits > 0 && (style.alwaysDecimals || /[1-9]/.test(fraction));
  const number = showFraction ? `${grouped}${style.decimalSeparator}${fraction}` : grouped;
  const markers = { none: number, symbolBefore: `€${number}`, symbolAfter: `${number} €` };
  const codes = { codeBefore: `EUR ${number}`, codeAfter: `${number} EUR` };
  return { ...markers, ...codes }[style.currency];
}

describe('parseAmount properties', () => {
  const minorArbitrary = fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) });

  test('every style parses back to the same minor units', () => {
    fc.assert(
      fc.property(minorArbitrary, styleArbitrary, (minor, style) => {
        const text = formatAmount(minor, style, 2);
        const parsed = parseAmount(text, style.decimalSeparator, 'EUR');
        expect(parsed).toEqual({
          ok: true,
          value: {
            minor: Number(minor),
            currency: 'EUR',
            currencyInText: style.currency === 'none' ? undefined : 'EUR',
          },
        });
      }),
      { numRuns: 2000 },
    );
  });

  test('currencies without and with three decimals', () => {
    fc.assert(
      fc.property(
        minorArbitrary,
        styleArbitrary.filter((style) => style.currency === 'none'),
        fc.constantFrom(['JPY', 0] as const, ['KWD', 3] as const),
        (minor, style, [currency, digits]) => {
          const text = formatAmount(minor, style, digits);
          const parsed = parseAmount(text, style.decimalSeparator, currency);
          expect(parsed.ok).toBe(true);
          expect(parsed.ok ? parsed.value.minor : undefined).toBe(Number(minor));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('a column with cents reveals its decimal separator', () => {
    fc.assert(
      fc.property(
        fc.array(minorArbitrary, { minLength: 1, maxLength: 20 }),
        styleArbitrary,
        (minors, style) => {
          // One amount with non-zero cents and more than three integer digits proves the style.
          const values = [...minors, 123_456_78n].map((minor) =>
            formatAmount(minor, { ...style, alwaysDecimals: true }, 2),
          );
          expect(detectDecimalSeparator(values, undefined, 'Amount')).toBe(style.decimalSeparator);
        },
      ),
      { numRuns: 500 },
    );
  });
});
