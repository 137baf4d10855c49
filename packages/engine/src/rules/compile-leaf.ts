import type { FactCondition, FactType, FactValues, Operator } from '@dunflow/model';

/** A compiled condition over the fact values of one invoice, already checked by a FactCheck. */
export type Predicate = (facts: FactValues) => boolean;

type Scalar = number | string | boolean;

/**
 * Compiles a leaf that passed checkCondition into a closure specialised for its operator. The
 * comparisons are those of json-rules-engine 7's default operators: `===` for `equal`,
 * `indexOf` for `in`, and the ordering operators hold only for a value of the fact's type, so
 * a missing (null or undefined) fact fails them.
 *
 * Date facts and date values stay `YYYY-MM-DD` text. Valid dates in that form order and compare
 * as text exactly as their day numbers do, which is what json-rules-engine is given.
 */
export function compileLeaf(leaf: FactCondition, type: FactType): Predicate {
  const name = leaf.fact;
  if (leaf.operator === 'in' || leaf.operator === 'notIn') {
    // checkCondition guarantees a list for `in` and `notIn`.
    const list: readonly Scalar[] = Array.isArray(leaf.value) ? [...leaf.value] : [];
    return leaf.operator === 'in'
      ? (facts) => list.indexOf(facts[name] as Scalar) !== -1
      : (facts) => list.indexOf(facts[name] as Scalar) === -1;
  }
  const expected = leaf.value as Scalar;
  if (leaf.operator === 'equal') return (facts) => facts[name] === expected;
  if (leaf.operator === 'notEqual') return (facts) => facts[name] !== expected;
  return type === 'date'
    ? compileOrdering(leaf.operator, name, expected as string, isString)
    : compileOrdering(leaf.operator, name, expected as number, isNumber);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}

/** Compiles an ordering operator; a fact value that fails `fits` (a missing fact) fails it. */
function compileOrdering<T extends number | string>(
  operator: Operator,
  name: string,
  bound: T,
  fits: (value: unknown) => value is T,
): Predicate {
  switch (operator) {
    case 'lessThan':
      return (facts) => {
        const value = facts[name];
        return fits(value) && value < bound;
      };
    case 'lessThanInclusive':
      return (facts) => {
        const value = facts[name];
        return fits(value) && value <= bound;
      };
    case 'greaterThan':
      return (facts) => {
        const value = facts[name];
        return fits(value) && value > bound;
      };
    case 'greaterThanInclusive':
      return (facts) => {
        const value = facts[name];
        return fits(value) && value >= bound;
      };
    default:
      // checkCondition lets no other operator through, because `contains` fits no fact type.
      throw new Error(`operator '${operator}' cannot be compiled; checkCondition must reject it`);
  }
}
