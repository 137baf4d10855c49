import type { Condition, FactCondition, FactDefinition, TopLevelCondition } from '@dunflow/model';
import type { RawBuilder } from 'kysely';
import { sql } from 'kysely';

/** What compileCondition needs to know about each fact: its type and whether it can be null. */
export interface FactColumns {
  /** Fact definitions by name, as in INVOICE_FACTS. */
  facts: ReadonlyMap<string, FactDefinition>;
  /** Names of the facts whose column can be null. */
  nullable: ReadonlySet<string>;
  /** The table or subquery alias whose columns are named after the facts, e.g. `facts`. */
  table: string;
}

const SQL_TYPES = { number: 'numeric', string: 'text', date: 'date', boolean: 'boolean' };

const COMPARISONS = {
  equal: '=',
  notEqual: '<>',
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
} as const;

/** Operators that hold when the fact is missing, because a missing fact equals no value. */
const HOLD_ON_NULL = new Set(['notEqual', 'notIn']);

/**
 * Compiles a condition tree that passed checkCondition into a boolean SQL expression that is
 * never NULL, so `not`, `all` and `any` keep two-valued logic. Rule values are bound
 * parameters cast to the fact's SQL type. A NULL fact column follows the engine's null rule:
 * `notEqual` and `notIn` hold on it, every other operator fails.
 */
export function compileCondition(
  condition: TopLevelCondition | Condition,
  columns: FactColumns,
): RawBuilder<boolean> {
  if ('all' in condition)
    return joinAll(condition.all.map((item) => compileCondition(item, columns)));
  if ('any' in condition)
    return joinAny(condition.any.map((item) => compileCondition(item, columns)));
  if ('not' in condition) return sql<boolean>`(not ${compileCondition(condition.not, columns)})`;
  return compileLeaf(condition, columns);
}

function joinAll(parts: readonly RawBuilder<boolean>[]): RawBuilder<boolean> {
  if (parts.length === 0) return sql<boolean>`true`;
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** An empty `any` never reaches here, because checkCondition rejects it. */
function joinAny(parts: readonly RawBuilder<boolean>[]): RawBuilder<boolean> {
  if (parts.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

function compileLeaf(leaf: FactCondition, columns: FactColumns): RawBuilder<boolean> {
  const fact = columns.facts.get(leaf.fact);
  if (!fact) {
    throw new Error(`fact '${leaf.fact}' has no SQL column; check the rule with checkCondition`);
  }
  const column = sql.ref(`${columns.table}.${fact.name}`);
  const test = compareLeaf(leaf, column, SQL_TYPES[fact.type]);
  if (!columns.nullable.has(fact.name)) return test;

  return HOLD_ON_NULL.has(leaf.operator)
    ? sql<boolean>`(${column} is null or ${test})`
    : sql<boolean>`(${column} is not null and ${test})`;
}

function compareLeaf(
  leaf: FactCondition,
  column: RawBuilder<unknown>,
  sqlType: string,
): RawBuilder<boolean> {
  const type = sql.raw(sqlType);
  switch (leaf.operator) {
    case 'in':
      return sql<boolean>`(${column} = any(${leaf.value}::${type}[]))`;
    case 'notIn':
      return sql<boolean>`(not (${column} = any(${leaf.value}::${type}[])))`;
    case 'contains':
    case 'doesNotContain':
      throw new Error(
        `operator '${leaf.operator}' fits no fact; check the rule with checkCondition`,
      );
    default:
      return sql<boolean>`(${column} ${sql.raw(COMPARISONS[leaf.operator])} ${leaf.value}::${type})`;
  }
}
