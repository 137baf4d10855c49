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
 * Returns a float8 expression for the number of minor units in one major unit of `currency`:
 * 100 for EUR, 1 for JPY. Dividing a float8 amount in minor units by it rounds exactly like
 * toMajorUnits of `@dunflow/engine`, because both are one IEEE 754 division.
 */
export function minorUnitsPerMajor(currency: Expression<string>): RawBuilder<number> {
  const branches = [...digitGroups()].map(
    ([digits, codes]) => sql`when ${currency} = any(${codes}::text[]) then ${10 ** digits}::float8`,
  );
  return sql<number>`(case ${sql.join(branches, sql` `)} else ${10 ** 2}::float8 end)`;
}
