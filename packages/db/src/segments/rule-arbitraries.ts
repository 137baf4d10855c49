import { INVOICE_FACTS } from '@dunflow/model';
import type {
  Condition,
  FactCondition,
  FactDefinition,
  FactValues,
  Operator,
  SegmentationRuleSet,
  TopLevelCondition,
} from '@dunflow/model';
import { operatorsFor } from '@dunflow/engine';
import fc from 'fast-check';

/*
 * fast-check arbitraries of rules and facts for the segment tests, with values drawn near the
 * ones test books produce, so that equality and boundary cases come up often. Not exported
 * from the package.
 */

const MS_PER_DAY = 86_400_000;
/** Day number of 2026-03-01, the middle of the dates in test books. */
export const BASE_DAY = Date.UTC(2026, 2, 1) / MS_PER_DAY;
/** Dates in test books are within this many days of BASE_DAY. */
export const DAY_SPREAD = 40;

/** Returns the `YYYY-MM-DD` date of a day number. */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A date near BASE_DAY, or now and then one at the ends of the `YYYY` range. */
export const dateValue: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 9, arbitrary: fc.integer({ min: -DAY_SPREAD - 2, max: DAY_SPREAD + 2 }) },
    { weight: 1, arbitrary: fc.constantFrom(-719_528, 2_932_896) },
  )
  .map((offset) => (Math.abs(offset) > 1000 ? isoDay(offset) : isoDay(BASE_DAY + offset)));

const AMOUNTS = [0, 0.001, 0.01, 0.1, 0.3, 0.99, 1, 1.5, 12.345, 99, 100, 123.45, 1e9];

const numberValue: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...AMOUNTS, ...AMOUNTS.map((amount) => -amount), 0.1 + 0.2, 2 ** 53),
  fc.integer({ min: -DAY_SPREAD * 2, max: DAY_SPREAD * 2 }),
  fc.integer({ min: -4, max: 4 }).map((count) => count + 0.5),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);

const STRINGS: Readonly<Record<string, readonly string[]>> = {
  currency: ['EUR', 'JPY', 'KWD', 'CLF', 'USD', 'eur'],
  customerId: ['c1', 'c2', 'c3', 'C1', 'c1 '],
  countryCode: ['FR', 'BE', 'DE', 'fr'],
  channel: ['paper', 'electronic', 'Paper'],
  language: ['fr', 'en', 'de', 'fr-BE'],
};
/** Unusual strings PostgreSQL can store: empty, accented, decomposed, numeric. */
const ODD_STRINGS = ['', 'é', 'e\u0301', '50'];
/** Strings PostgreSQL text cannot store as they are: with U+0000, and an unpaired surrogate. */
const UNSTORABLE_STRINGS = ['FR\u0000', '\uD800'];

function stringValue(fact: string, odd: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(STRINGS[fact] ?? ['x'])) },
    { weight: 1, arbitrary: fc.constantFrom(...odd) },
  );
}

function scalarValue(
  fact: FactDefinition,
  odd: readonly string[] = [...ODD_STRINGS, ...UNSTORABLE_STRINGS],
): fc.Arbitrary<string | number | boolean> {
  switch (fact.type) {
    case 'number':
      return numberValue;
    case 'date':
      return dateValue;
    case 'string':
      return stringValue(fact.name, odd);
    case 'boolean':
      return fc.boolean();
  }
}

function leaf(fact: FactDefinition): fc.Arbitrary<FactCondition> {
  return fc.constantFrom(...operatorsFor(fact.type)).chain((operator: Operator) => {
    const scalar = scalarValue(fact);
    const value: fc.Arbitrary<FactCondition['value']> =
      operator === 'in' || operator === 'notIn'
        ? fc.array(scalar as fc.Arbitrary<string | number>, { maxLength: 4 })
        : scalar;
    return value.map((item) => ({ fact: fact.name, operator, value: item }));
  });
}

/** A leaf condition on any fact of the catalogue, with an operator that fits its type. */
export const leafCondition: fc.Arbitrary<FactCondition> = fc
  .constantFrom(...INVOICE_FACTS)
  .chain(leaf);

/** A condition tree up to three levels deep; `any` is never empty, as checkCondition requires. */
export const condition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafCondition,
    fc.array(tie('node'), { maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('node').map((not) => ({ not })),
  ),
})).node;

/** The top of a rule: `all`, `any` or `not` over random trees. */
export const topLevelCondition: fc.Arbitrary<TopLevelCondition> = fc.oneof(
  fc.array(condition, { maxLength: 4 }).map((all) => ({ all })),
  fc.array(condition, { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
  condition.map((not) => ({ not })),
);

/**
 * A rule set of one to four segments. The default segment is sometimes one of the segment ids,
 * which segmentOf allows.
 */
export const ruleSet: fc.Arbitrary<SegmentationRuleSet> = fc
  .tuple(fc.array(topLevelCondition, { minLength: 1, maxLength: 4 }), fc.nat({ max: 5 }))
  .map(([conditions, defaultIndex]) => ({
    formatVersion: 1,
    kind: 'segmentation',
    id: 'random',
    name: 'Random segments',
    segments: conditions.map((item, index) => ({
      id: `s${index}`,
      name: `Segment ${index}`,
      conditions: item,
    })),
    defaultSegment: defaultIndex < conditions.length ? `s${defaultIndex}` : 'default',
  }));

/**
 * Facts of one invoice where any fact may be null or missing, each of its catalogue type and
 * storable in PostgreSQL.
 */
export const factValues: fc.Arbitrary<FactValues> = fc
  .tuple(
    ...INVOICE_FACTS.map((fact) =>
      fc.option(scalarValue(fact, ODD_STRINGS), { freq: 4, nil: null }),
    ),
  )
  .chain((values) =>
    fc.subarray(INVOICE_FACTS.map((fact) => fact.name)).map((present) => {
      const facts: FactValues = {};
      INVOICE_FACTS.forEach((fact, index) => {
        if (present.includes(fact.name)) facts[fact.name] = values[index] ?? null;
      });
      return facts;
    }),
  );
