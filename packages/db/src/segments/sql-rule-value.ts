import type { FactType } from '@dunflow/model';

/** A rule value ready to bind as a parameter, or `unmatched` when no stored fact can equal it. */
export type SqlScalar = { kind: 'bound'; value: string | number | boolean } | { kind: 'unmatched' };

const UNMATCHED: SqlScalar = { kind: 'unmatched' };

/**
 * Converts one checked rule value to the parameter bound for a fact of `type`. Dates become
 * PostgreSQL date text. PostgreSQL has no year 0, so `0000-MM-DD` (1 BC in the proleptic
 * Gregorian calendar that toDayNumber uses too) becomes `0001-MM-DD BC`. A string with U+0000
 * or an unpaired surrogate is `unmatched`, because PostgreSQL text cannot store U+0000 and
 * node-postgres sends an unpaired surrogate as U+FFFD, so such a value equals no fact read
 * from the database, as in json-rules-engine.
 */
export function toSqlScalar(value: unknown, type: FactType): SqlScalar {
  if (type === 'date' && typeof value === 'string') return bound(toSqlDate(value));
  if (typeof value === 'string') return isStorableText(value) ? bound(value) : UNMATCHED;
  if (typeof value === 'number' || typeof value === 'boolean') return bound(value);
  // checkCondition lets no other value through for these operators.
  throw new TypeError(`rule value ${JSON.stringify(value)} cannot be bound for a ${type} fact`);
}

/** Converts a checked list value, leaving out the items no stored fact can equal. */
export function toSqlList(value: unknown, type: FactType): (string | number | boolean)[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`rule value ${JSON.stringify(value)} is not a list; run checkCondition`);
  }
  return value.flatMap((item: unknown) => {
    const scalar = toSqlScalar(item, type);
    return scalar.kind === 'bound' ? [scalar.value] : [];
  });
}

function bound(value: string | number | boolean): SqlScalar {
  return { kind: 'bound', value };
}

function toSqlDate(text: string): string {
  return text.startsWith('0000-') ? `0001-${text.slice(5)} BC` : text;
}

function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !/\p{Cs}/u.test(text);
}
