import type { FactCondition, FactType } from '@dunflow/model';
import type { RawBuilder } from 'kysely';
import { sql } from 'kysely';
import { toSqlList, toSqlScalar } from './sql-rule-value';

/** SQL types of the fact columns: float8 compares like JavaScript numbers, date like days. */
export const SQL_FACT_TYPES: Readonly<Record<FactType, string>> = {
  number: 'float8',
  string: 'text',
  date: 'date',
  boolean: 'boolean',
};

const COMPARISONS = {
  equal: '=',
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
} as const;

/**
 * Compiles a leaf that passed checkCondition into a boolean SQL expression that is never NULL.
 * A NULL (missing) fact fails `equal`, `in` and the ordering operators and meets `notEqual` and
 * `notIn`, as in json-rules-engine, because every comparison is wrapped in `coalesce(…, false)`
 * and the two negative operators negate the wrapped positive one. An empty `in` list matches
 * nothing. Values are bound parameters cast to the column's type.
 */
export function compileLeafSql(
  leaf: FactCondition,
  type: FactType,
  column: RawBuilder<unknown>,
): RawBuilder<boolean> {
  switch (leaf.operator) {
    case 'in':
      return inList(leaf, type, column);
    case 'notIn':
      return sql<boolean>`(not ${inList(leaf, type, column)})`;
    case 'notEqual':
      return sql<boolean>`(not ${comparison('equal', leaf, type, column)})`;
    case 'contains':
    case 'doesNotContain':
      // checkCondition rejects these, because they test list facts and no fact is a list.
      throw new Error(`operator '${leaf.operator}' fits no fact; check the rule first`);
    default:
      return comparison(leaf.operator, leaf, type, column);
  }
}

function comparison(
  operator: keyof typeof COMPARISONS,
  leaf: FactCondition,
  type: FactType,
  column: RawBuilder<unknown>,
): RawBuilder<boolean> {
  const value = toSqlScalar(leaf.value, type);
  if (value.kind === 'unmatched') return sql<boolean>`false`;

  const sqlType = sql.raw(SQL_FACT_TYPES[type]);
  const operatorSql = sql.raw(COMPARISONS[operator]);
  return sql<boolean>`coalesce(${column} ${operatorSql} ${value.value}::${sqlType}, false)`;
}

function inList(
  leaf: FactCondition,
  type: FactType,
  column: RawBuilder<unknown>,
): RawBuilder<boolean> {
  const list = toSqlList(leaf.value, type);
  if (list.length === 0) return sql<boolean>`false`;

  const sqlType = sql.raw(SQL_FACT_TYPES[type]);
  return sql<boolean>`coalesce(${column} = any(${list}::${sqlType}[]), false)`;
}
