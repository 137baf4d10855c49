import { INVOICE_FACTS } from '@dunflow/model';
import type { Condition, FactDefinition, FactValues, TopLevelCondition } from '@dunflow/model';
import { describe, expect, test } from 'vitest';
import { FactValueError } from '../fact-value-error';
import { InvalidRuleError } from '../invalid-rule-error';
import { evaluateCondition } from '../rule-evaluator';
import { compileCondition } from './compile-condition';
import { closureFirstMatch } from './evaluator';

const facts: FactValues = {
  amount: 1500,
  openAmount: 1000,
  currency: 'EUR',
  issueDate: '2026-01-15',
  dueDate: '2026-09-30',
  daysPastDue: 12,
  disputed: false,
  customerId: '000123',
  countryCode: 'FR',
  channel: null,
  language: null,
  customerOpenAmount: 2500.5,
  customerOverdueCount: 0,
  remindersSent: 1,
  brokenPromises: 0,
};

function all(...conditions: Condition[]): TopLevelCondition {
  return { all: conditions };
}

/**
 * Every evaluator of a condition: json-rules-engine (the reference), compileCondition, and the
 * closures compileCondition falls back to without code generation.
 */
const EVALUATORS: [string, (rule: TopLevelCondition, values: FactValues) => Promise<boolean>][] =
  [
    ['json-rules-engine', (rule, values) => evaluateCondition(rule, values)],
    ['compileCondition', (rule, values) => Promise.resolve().then(() => compileCondition(rule)(values))],
    [
      'closures',
      (rule, values) =>
        Promise.resolve().then(() => closureFirstMatch([rule], INVOICE_FACTS)(values) === 0),
    ],
  ];

const CASES: [string, Condition, FactValues, boolean][] = [
  ['openAmount >= 1000 at 1000', leaf('openAmount', 'greaterThanInclusive', 1000), {}, true],
  ['openAmount > 1000 at 1000', leaf('openAmount', 'greaterThan', 1000), {}, false],
  ['openAmount < 1000.01 at 1000', leaf('openAmount', 'lessThan', 1000.01), {}, true],
  ['openAmount <= 999.99 at 1000', leaf('openAmount', 'lessThanInclusive', 999.99), {}, false],
  ['customerOverdueCount 0 equals -0', leaf('customerOverdueCount', 'equal', -0), {}, true],
  ['dueDate < 2026-10-01 compares as dates', leaf('dueDate', 'lessThan', '2026-10-01'), {}, true],
  ['dueDate > 2025-12-31 compares as dates', leaf('dueDate', 'greaterThan', '2025-12-31'), {}, true],
  ['dueDate equals the same date', leaf('dueDate', 'equal', '2026-09-30'), {}, true],
  ['dueDate <= 2024-02-29 on a leap day', leaf('dueDate', 'lessThanInclusive', '2024-02-29'), { dueDate: '2024-02-29' }, true],
  ['countryCode in [] is false', leaf('countryCode', 'in', []), {}, false],
  ['countryCode notIn [] is true', leaf('countryCode', 'notIn', []), {}, true],
  ['countryCode in a list matches whole items', leaf('countryCode', 'in', ['F', 'RB', 'FRBE']), {}, false],
  ['customerId in a long list', leaf('customerId', 'in', longList('000123')), {}, true],
  ['customerId notIn a long list', leaf('customerId', 'notIn', longList('000999')), {}, true],
  ['null language fails equal', leaf('language', 'equal', 'fr'), {}, false],
  ['null language passes notEqual', leaf('language', 'notEqual', 'fr'), {}, true],
  ['null language fails in', leaf('language', 'in', ['fr']), {}, false],
  ['null language passes notIn', leaf('language', 'notIn', ['fr']), {}, true],
  ['null remindersSent fails >= 0', leaf('remindersSent', 'greaterThanInclusive', 0), { remindersSent: null }, false],
  ['null remindersSent fails < 1', leaf('remindersSent', 'lessThan', 1), { remindersSent: null }, false],
  ['null dueDate fails < a date', leaf('dueDate', 'lessThan', '2030-01-01'), { dueDate: null }, false],
  ['null disputed fails equal false', leaf('disputed', 'equal', false), { disputed: null }, false],
  ['not over a null fact holds', { not: leaf('language', 'equal', 'fr') }, {}, true],
  ['empty all holds', { all: [] }, {}, true],
  ['not of an empty all fails', { not: { all: [] } }, {}, false],
  ['any holds when one child holds', { any: [leaf('disputed', 'equal', true), leaf('countryCode', 'equal', 'FR')] }, {}, true],
];

describe.each(EVALUATORS)('%s', (_, evaluate) => {
  test.each(CASES)('%s', async (_name, condition, overrides, expected) => {
    expect(await evaluate(all(condition), { ...facts, ...overrides })).toBe(expected);
  });

  test('missing fact is like null', async () => {
    const { remindersSent, ...absent } = facts;
    expect(remindersSent).toBe(1);
    expect(await evaluate(all(leaf('remindersSent', 'notEqual', 0)), absent)).toBe(true);
    expect(await evaluate(all(leaf('remindersSent', 'lessThan', 5)), absent)).toBe(false);
  });

  test('raises FactValueError on an unused fact of the wrong type', async () => {
    const rule = all(leaf('amount', 'greaterThan', 0));
    await expect(evaluate(rule, { ...facts, language: 1 })).rejects.toThrow(FactValueError);
  });

  test('raises FactValueError on a string for a boolean fact', async () => {
    const rule = all(leaf('amount', 'greaterThan', 0));
    await expect(evaluate(rule, { ...facts, disputed: 'true' })).rejects.toThrow(
      "fact 'disputed' is \"true\" (a string) but must be a boolean",
    );
  });

  test('raises FactValueError on a date that is not a date', async () => {
    const rule = all(leaf('dueDate', 'lessThan', '2026-10-01'));
    await expect(evaluate(rule, { ...facts, dueDate: '2026-02-30' })).rejects.toThrow(
      FactValueError,
    );
  });

  test('reports the first wrong fact in catalogue order', async () => {
    const wrong = { ...facts, language: 1, brokenPromises: '50' };
    await expect(evaluate({ all: [] }, wrong)).rejects.toThrow("fact 'language' is 1");
  });
});

describe('compileCondition', () => {
  test("rejects '50' for a number fact", () => {
    const rule = all(leaf('openAmount', 'greaterThan', '50'));
    expect(() => compileCondition(rule)).toThrow(InvalidRuleError);
    expect(() => compileCondition(rule)).toThrow(
      "condition: value '50' does not fit number fact 'openAmount' because it is a string",
    );
  });

  test('reports the issues evaluateCondition reports', async () => {
    const rule = all(
      leaf('openAmount', 'greaterThan', '50'),
      { fact: 'countryCode', operator: 'in', value: 'FRBE' },
      leaf('amout', 'equal', 1),
    );
    const compiled = catchError(() => compileCondition(rule));
    const reference = await evaluateCondition(rule, facts).catch((error: unknown) => error);
    expect(compiled).toBeInstanceOf(InvalidRuleError);
    expect(reference).toBeInstanceOf(InvalidRuleError);
    expect((compiled as InvalidRuleError).errors.map((error) => error.code)).toEqual([
      'rule.valueMismatch',
      'rule.valueMismatch',
      'rule.unknownFact',
    ]);
    expect((compiled as InvalidRuleError).errors).toEqual((reference as InvalidRuleError).errors);
  });

  test('keeps rule values as data', () => {
    const value = '"); throw new Error("injected"); ("';
    const rule = all(leaf('countryCode', 'equal', value));
    expect(compileCondition(rule)({ ...facts, countryCode: value })).toBe(true);
    expect(compileCondition(rule)(facts)).toBe(false);
  });

  test('keeps catalogue fact names as data', () => {
    const name = 'x"]; throw new Error("injected"); //';
    const catalog: FactDefinition[] = [{ name, type: 'number', description: 'Odd name' }];
    const rule = all(leaf(name, 'greaterThan', 1));
    expect(compileCondition(rule, catalog)({ [name]: 2 })).toBe(true);
    expect(compileCondition(rule, catalog)({ [name]: 1 })).toBe(false);
  });

  test('does not mutate the rule', () => {
    const rule = all(leaf('countryCode', 'in', ['FR']), leaf('dueDate', 'lessThan', '2026-10-01'));
    const copy = JSON.parse(JSON.stringify(rule)) as TopLevelCondition;
    compileCondition(rule)(facts);
    expect(rule).toEqual(copy);
  });
});

function leaf(fact: string, operator: LeafOperator, value: LeafValue): Condition {
  return { fact, operator, value };
}

type LeafOperator = Extract<Condition, { fact: string }>['operator'];
type LeafValue = Extract<Condition, { fact: string }>['value'];

function longList(member: string): string[] {
  return [...Array.from({ length: 11 }, (_, index) => `C${index}`), member];
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
