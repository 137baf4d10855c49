import type { FactCondition, FactType, Operator, RuleValue } from '@dunflow/model';
import { toDayNumber } from '../day-number';
import type { EngineFactValue } from '../engine-input';

/** A compiled condition: tests the fact values that a FactReader returned. */
export type Predicate = (values: readonly EngineFactValue[]) => boolean;

type Scalar = number | string | boolean;

/**
 * Compiles a leaf that passed checkCondition into a closure specialised for its operator. The
 * comparisons are those of json-rules-engine 7's default operators on the converted values:
 * `===` for equal, `indexOf` for in, and the ordering operators hold only for a number, so a
 * null (missing) fact fails them. Date values become day numbers, like date facts.
 */
export function compileLeaf(leaf: FactCondition, index: number, type: FactType): Predicate {
  const value = type === 'date' ? toDayValue(leaf.value) : leaf.value;
  if (leaf.operator === 'in' || leaf.operator === 'notIn') {
    const list = [...(value as readonly Scalar[])];
    return leaf.operator === 'in'
      ? (values) => list.indexOf(values[index] as Scalar) !== -1
      : (values) => list.indexOf(values[index] as Scalar) === -1;
  }
  return compileComparison(leaf.operator, index, value as Scalar);
}

function compileComparison(operator: Operator, index: number, expected: Scalar): Predicate {
  const bound = expected as number;
  switch (operator) {
    case 'equal':
      return (values) => values[index] === expected;
    case 'notEqual':
      return (values) => values[index] !== expected;
    case 'lessThan':
      return (values) => isNumber(values[index]) && (values[index] as number) < bound;
    case 'lessThanInclusive':
      return (values) => isNumber(values[index]) && (values[index] as number) <= bound;
    case 'greaterThan':
      return (values) => isNumber(values[index]) && (values[index] as number) > bound;
    case 'greaterThanInclusive':
      return (values) => isNumber(values[index]) && (values[index] as number) >= bound;
    default:
      // checkCondition lets no other operator through, because contains fits no fact type.
      throw new Error(`operator '${operator}' cannot be compiled; checkCondition must reject it`);
  }
}

function isNumber(value: EngineFactValue | undefined): value is number {
  return typeof value === 'number';
}

function toDayValue(value: RuleValue): RuleValue {
  if (Array.isArray(value)) return value.map(toDayItem);
  return typeof value === 'string' ? toDayItem(value) : value;
}

function toDayItem(item: string | number): string | number {
  return typeof item === 'string' ? (toDayNumber(item) ?? item) : item;
}
