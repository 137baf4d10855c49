import { INVOICE_FACTS } from '@dunflow/model';
import type {
  Condition,
  FactCondition,
  FactDefinition,
  FactType,
  FactValues,
  Operator,
  SegmentationRuleSet,
  TopLevelCondition,
} from '@dunflow/model';
import fc from 'fast-check';
import { isListOperator, operatorsFor } from '../fact-type-rules';

/**
 * fast-check arbitraries of conditions, rule sets and fact values over INVOICE_FACTS, for
 * tests that hold the evaluators together. Values come mostly from small pools, so that rule
 * values and fact values often meet exactly at a boundary.
 */

const NUMBERS = [0, -0, 1, -1, 0.5, 30, 90, 999.99, 1000, 1000.01, 2 ** 53 - 1, -(2 ** 53 - 1)];
const EXTREME_NUMBERS = [Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE];
const STRINGS = ['FR', 'BE', 'fr', 'F', 'RB', 'FRBE', '', ' FR', 'EUR', 'paper', 'électronique'];
const DATES = [
  '2024-02-28',
  '2024-02-29',
  '2024-03-01',
  '2023-12-31',
  '2024-01-01',
  '1970-01-01',
  '0000-01-01',
  '9999-12-31',
];

const numberValue = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.integer({ min: -100, max: 100 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...EXTREME_NUMBERS) },
);
const dateValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...DATES) },
  {
    weight: 1,
    arbitrary: fc
      .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
  },
);

const stringValue = fc.oneof(fc.constantFrom(...STRINGS), fc.string({ maxLength: 3 }));

const VALUES: Record<FactType, fc.Arbitrary<number | string | boolean>> = {
  number: numberValue,
  string: stringValue,
  date: dateValue,
  boolean: fc.boolean(),
};

/** Items of an `in` list. No operator takes a list for a boolean fact, so its entry is unused. */
const LIST_ITEMS: Record<FactType, fc.Arbitrary<number | string>> = {
  number: numberValue,
  string: stringValue,
  date: dateValue,
  boolean: fc.constantFrom('true', 'false'),
};

/** Values of the wrong type for each fact type, which the checks must reject. */
const WRONG_VALUES: Record<FactType, readonly (number | string | boolean | null)[]> = {
  number: ['50', '', true, null, Number.NaN, Number.POSITIVE_INFINITY],
  string: [1, true, null],
  date: ['2024-02-30', '2024-1-01', '30/09/2026', 20240101, null],
  boolean: ['true', 0, null],
};

/** Returns an arbitrary value that fits a fact of the type. */
export function valueOf(type: FactType): fc.Arbitrary<number | string | boolean> {
  return VALUES[type];
}

function operatorFor(fact: FactDefinition): fc.Arbitrary<Operator> {
  return fc.constantFrom(...operatorsFor(fact.type));
}

/** Generates leaves that pass checkCondition: an operator and a value that fit the fact. */
export function validLeaf(catalog: readonly FactDefinition[] = INVOICE_FACTS) {
  return fc.constantFrom(...catalog).chain((fact) =>
    operatorFor(fact).chain((operator) => {
      const value = isListOperator(operator)
        ? fc.array(LIST_ITEMS[fact.type], { maxLength: 12 })
        : valueOf(fact.type);
      return value.map((ruleValue): FactCondition => ({ fact: fact.name, operator, value: ruleValue }));
    }),
  );
}

/** Generates leaves that checkCondition rejects: a wrong value, an unfit operator or an unknown fact. */
export function invalidLeaf(catalog: readonly FactDefinition[] = INVOICE_FACTS) {
  const wrongValue = fc.constantFrom(...catalog).chain((fact) =>
    fc.constantFrom(...WRONG_VALUES[fact.type]).map(
      (value): FactCondition => ({ fact: fact.name, operator: 'equal', value }),
    ),
  );
  const stringForIn: fc.Arbitrary<FactCondition> = fc.constant({
    fact: 'countryCode',
    operator: 'in',
    value: 'FRBE',
  });
  const unfitOperator: fc.Arbitrary<FactCondition> = fc.constant({
    fact: 'disputed',
    operator: 'greaterThan',
    value: true,
  });
  const unknownFact: fc.Arbitrary<FactCondition> = fc.constant({
    fact: 'amout',
    operator: 'equal',
    value: 1,
  });
  return fc.oneof(wrongValue, stringForIn, unfitOperator, unknownFact);
}

/**
 * Generates condition trees of nested `all`, `any` and `not` over the leaves, at most `depth`
 * groups deep. `any` always has a child, because checkCondition rejects an empty `any`.
 */
export function conditionTree(
  leaf: fc.Arbitrary<FactCondition>,
  depth = 3,
): fc.Arbitrary<TopLevelCondition> {
  const { node } = fc.letrec<{ node: Condition }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: depth },
      leaf,
      fc.record({ all: fc.array(tie('node'), { maxLength: 4 }) }),
      fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
      fc.record({ not: tie('node') }),
    ),
  }));
  return fc.oneof(
    fc.record({ all: fc.array(node, { maxLength: 4 }) }),
    fc.record({ any: fc.array(node, { minLength: 1, maxLength: 4 }) }),
    fc.record({ not: node }),
  );
}

/** Generates condition trees in which one leaf in forty is invalid. */
export function mostlyValidTree(): fc.Arbitrary<TopLevelCondition> {
  const leaf = fc.oneof(
    { weight: 39, arbitrary: validLeaf() },
    { weight: 1, arbitrary: invalidLeaf() },
  );
  return conditionTree(leaf);
}

/** Generates rule sets of one to five segments with valid conditions. */
export function ruleSet(): fc.Arbitrary<SegmentationRuleSet> {
  return fc.array(conditionTree(validLeaf()), { minLength: 1, maxLength: 5 }).map((trees) => ({
    formatVersion: 1 as const,
    kind: 'segmentation' as const,
    id: 'generated',
    name: 'Generated rule set',
    segments: trees.map((conditions, index) => ({
      id: `segment-${index}`,
      name: `Segment ${index}`,
      conditions,
    })),
    defaultSegment: 'default',
  }));
}

/**
 * Generates the facts of one invoice. Each fact is a value of its type, null, or missing. With
 * `wrongTypes`, one fact in about 150 has a value of the wrong type.
 */
export function factValues(
  catalog: readonly FactDefinition[] = INVOICE_FACTS,
  wrongTypes = false,
): fc.Arbitrary<FactValues> {
  const entries = catalog.map((fact) => {
    const wrong = fc.constantFrom(...WRONG_VALUES[fact.type].filter((value) => value !== null));
    const value = fc.oneof(
      { weight: 120, arbitrary: valueOf(fact.type) },
      { weight: 15, arbitrary: fc.constant(null) },
      { weight: 15, arbitrary: fc.constant(undefined) },
      { weight: wrongTypes ? 1 : 0, arbitrary: wrong },
    );
    return value.map((item) => [fact.name, item] as const);
  });
  return fc.tuple(...entries).map((pairs) => {
    const facts: FactValues = {};
    for (const [name, value] of pairs) if (value !== undefined) facts[name] = value;
    return facts;
  });
}
