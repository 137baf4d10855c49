import { currencyDigits } from '@dunflow/engine';
import type { Expression, RawBuilder } from 'kysely';
import { sql } from 'kysely';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

let cachedGroups: ReadonlyMap<number, readonly string[]> | undefined;

/**
 * Groups every possible currency code by its minor-unit digits, leaving out the common
 * two-digit case. The invoices table only accepts codes of three capital letters, so the
 * 17,576 codes enumerated here cover every stored currency, and the digits come from the
 * engine's own table through currencyDigits.
 */
function digitGroups(): ReadonlyMap<number, readonly string[]> {
  if (cachedGroups) return cachedGroups;
  const groups = new Map<number, string[]>();
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      for (const third of LETTERS) {
        const code = first + second + third;
        const digits = currencyDigits(code);
        if (digits !== 2) groups.set(digits, [...(groups.get(digits) ?? []), code]);
      }
    }
  }
  cachedGroups = groups;
  return groups;
}

/**
 * Returns a NUMERIC expression for the value of one minor unit of `currency` in major units:
 * 0.01 for EUR, 1 for JPY. Multiplying a BIGINT of minor units by it is exact.
 */
export function minorUnitValue(currency: Expression<string>): RawBuilder<string> {
  const branches = [...digitGroups()].map(
    ([digits, codes]) =>
      sql`when ${currency} = any(${codes}::text[]) then ${unitText(digits)}::numeric`,
  );
  return sql<string>`(case ${sql.join(branches, sql` `)} else ${unitText(2)}::numeric end)`;
}

/** Writes 10^-digits as decimal text, e.g. `0.01`, so it is bound without a float rounding. */
function unitText(digits: number): string {
  return digits === 0 ? '1' : `0.${'0'.repeat(digits - 1)}1`;
}
