import type { FactDefinition, FactType, Operator, RuleValue } from '@dunflow/model';
import { isLocalDate } from './day-number';
import { formatValue } from './format-value';

/** A value that does not fit its fact, located by `path` relative to the condition. */
export type ValueProblem = { path: string; problem: string; fix: string };

const ORDERED: readonly Operator[] = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
];

/**
 * Operators that fit each fact type. `contains` and `doesNotContain` test list facts in
 * json-rules-engine, and no fact type is a list, so they fit none.
 */
const OPERATORS_BY_TYPE: Record<FactType, readonly Operator[]> = {
  number: ORDERED,
  date: ORDERED,
  string: ['equal', 'notEqual', 'in', 'notIn'],
  boolean: ['equal', 'notEqual'],
};

/** Returns the operators a condition may use with a fact of this type. */
export function operatorsFor(type: FactType): readonly Operator[] {
  return OPERATORS_BY_TYPE[type];
}

/** Returns whether the operator compares the fact with each item of a list value. */
export function isListOperator(operator: Operator): boolean {
  return operator === 'in' || operator === 'notIn';
}

/**
 * Checks that a condition's value fits its fact: one value of the fact's type, or a list of
 * them for `in` and `notIn`. Null never fits, because a missing fact equals no value.
 */
export function findValueProblems(
  fact: FactDefinition,
  operator: Operator,
  value: RuleValue,
): ValueProblem[] {
  if (!isListOperator(operator)) {
    const problem = scalarProblem(fact, value);
    return problem ? [{ path: 'value', ...problem }] : [];
  }
  if (!Array.isArray(value)) return [listProblem(operator, value)];

  return value.flatMap((item, index) => {
    const problem = scalarProblem(fact, item);
    return problem ? [{ path: `value[${index}]`, ...problem }] : [];
  });
}

function listProblem(operator: Operator, value: RuleValue): ValueProblem {
  const substring =
    typeof value === 'string' ? ', and json-rules-engine would match substrings' : '';
  return {
    path: 'value',
    problem: `operator '${operator}' needs a list but value ${formatValue(value)} is not one${substring}`,
    fix: `write a list, e.g. ${listExample(value)}`,
  };
}

function listExample(value: RuleValue): string {
  const isScalar = typeof value === 'string' || typeof value === 'number';
  return isScalar ? `[${formatValue(value)}]` : "['FR', 'BE']";
}

function scalarProblem(
  fact: FactDefinition,
  value: RuleValue,
): { problem: string; fix: string } | undefined {
  switch (fact.type) {
    case 'number':
      return numberProblem(fact, value);
    case 'date':
      return dateProblem(fact, value);
    case 'string':
      return typeof value === 'string' ? undefined : stringProblem(fact, value);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : booleanProblem(fact, value);
  }
}

function mismatch(fact: FactDefinition, value: RuleValue): string {
  return `value ${formatValue(value)} does not fit ${fact.type} fact '${fact.name}'`;
}

function numberProblem(fact: FactDefinition, value: RuleValue) {
  if (typeof value === 'number' && Number.isFinite(value)) return undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return {
      problem: `${mismatch(fact, value)} because it is a string, which compares as text`,
      fix: `write ${value.trim()} without quotes`,
    };
  }
  return { problem: mismatch(fact, value), fix: 'write a number, e.g. 1000' };
}

function dateProblem(fact: FactDefinition, value: RuleValue) {
  if (typeof value === 'string' && isLocalDate(value)) return undefined;
  return {
    problem: `${mismatch(fact, value)} because it is not a date as YYYY-MM-DD`,
    fix: "write a date such as '2026-03-31'",
  };
}

function stringProblem(fact: FactDefinition, value: RuleValue) {
  const isScalar = typeof value === 'number' || typeof value === 'boolean';
  const fix = isScalar ? `write '${String(value)}' in quotes` : "write a string, e.g. 'FR'";
  return { problem: mismatch(fact, value), fix };
}

function booleanProblem(fact: FactDefinition, value: RuleValue) {
  const isWord = value === 'true' || value === 'false';
  const fix = isWord ? `write ${value} without quotes` : 'write true or false';
  return { problem: mismatch(fact, value), fix };
}
