import { checkCondition, InvalidRuleError } from '@dunflow/engine';
import type { CompileError, RuleIssue } from '@dunflow/engine';
import type { Condition, TopLevelCondition } from '@dunflow/model';
import type { RawBuilder } from 'kysely';
import { sql } from 'kysely';
import type { FactColumns } from './fact-columns';
import { compileLeafSql } from './leaf-sql';

/**
 * Compiles a condition tree into a boolean SQL expression over the fact columns of `columns`,
 * true exactly where evaluateCondition of `@dunflow/engine` is true for the same facts. The
 * expression is never NULL, so `not`, `all` and `any` keep two-valued logic, and an empty
 * `all` is true. Every rule value is a bound parameter. Raises InvalidRuleError when the rule
 * fails checkCondition.
 */
export function compileConditionSql(
  condition: TopLevelCondition,
  columns: FactColumns,
): RawBuilder<boolean> {
  const issues = checkCondition(condition, [...columns.facts.values()]);
  if (issues.length > 0) throw new InvalidRuleError(issues.map(toCompileError));
  return compileCheckedSql(condition, columns);
}

/** Compiles a tree that already passed checkCondition, e.g. through checkRuleSet. */
export function compileCheckedSql(
  condition: TopLevelCondition | Condition,
  columns: FactColumns,
): RawBuilder<boolean> {
  if ('all' in condition) {
    return joinParts(condition.all, columns, sql` and `, sql<boolean>`true`);
  }
  if ('any' in condition) {
    return joinParts(condition.any, columns, sql` or `, sql<boolean>`false`);
  }
  if ('not' in condition) {
    return sql<boolean>`(not ${compileCheckedSql(condition.not, columns)})`;
  }

  const fact = columns.facts.get(condition.fact);
  if (!fact) throw new Error(`fact '${condition.fact}' has no column; check the rule first`);
  const column = sql.ref(`${columns.table}.${fact.name}`);
  return compileLeafSql(condition, fact.type, column);
}

function joinParts(
  conditions: readonly Condition[],
  columns: FactColumns,
  separator: RawBuilder<unknown>,
  empty: RawBuilder<boolean>,
): RawBuilder<boolean> {
  if (conditions.length === 0) return empty;
  const parts = conditions.map((item) => compileCheckedSql(item, columns));
  return sql<boolean>`(${sql.join(parts, separator)})`;
}

function toCompileError(issue: RuleIssue): CompileError {
  const message = `condition: ${issue.problem}; ${issue.fix}`;
  return { code: issue.code, path: issue.path, message, fix: issue.fix };
}
