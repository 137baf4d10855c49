import type { Condition, FactValues, TopLevelCondition } from '@dunflow/model';
import { Engine } from 'json-rules-engine';
import { describe, expect, test } from 'vitest';
import { FactValueError } from './fact-value-error';
import { InvalidRuleError } from './invalid-rule-error';
import { evaluateCondition } from './rule-evaluator';

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
  customerOverdueCount: 2,
  remindersSent: 1,
  brokenPromises: 0,
};

function all(...conditions: Condition[]): TopLevelCondition {
  return { all: conditions };
}

/** Runs json-rules-engine directly, without the typed checks, to show its traps. */
async function rawEngine(
  condition: { fact: string; operator: string; value: unknown },
  values: Record<string, unknown>,
) {
  const engine = new Engine([{ conditions: { all: [condition] }, event: { type: 'met' } }]);
  return (await engine.run(values)).events.length > 0;
}

describe('evaluateCondition', () => {
  test.each([
    ['greaterThanInclusive', 1000, true],
    ['greaterThan', 1000, false],
    ['lessThan', 1000.01, true],
    ['lessThanInclusive', 999.99, false],
    ['equal', 1000, true],
    ['notEqual', 1000, false],
  ] as const)('openAmount %s %d is %s', async (operator, value, expected) => {
    const rule = all({ fact: 'openAmount', operator, value });
    expect(await evaluateCondition(rule, facts)).toBe(expected);
  });

  test('combines all, any and not', async () => {
    const rule: TopLevelCondition = {
      any: [
        all({ fact: 'disputed', operator: 'equal', value: true }),
        all(
          { fact: 'daysPastDue', operator: 'greaterThan', value: 10 },
          { not: { fact: 'countryCode', operator: 'in', value: ['DE', 'AT'] } },
        ),
      ],
    };
    expect(await evaluateCondition(rule, facts)).toBe(true);
    expect(await evaluateCondition(rule, { ...facts, countryCode: 'DE' })).toBe(false);
  });

  test('holds for an empty all', async () => {
    expect(await evaluateCondition({ all: [] }, facts)).toBe(true);
  });

  test('uses the given catalogue', async () => {
    const catalog = [{ name: 'score', type: 'number' as const, description: 'Risk score' }];
    const rule = all({ fact: 'score', operator: 'greaterThan', value: 80 });
    expect(await evaluateCondition(rule, { score: 81 }, catalog)).toBe(true);
    await expect(
      evaluateCondition(all({ fact: 'amount', operator: 'equal', value: 1 }), facts, catalog),
    ).rejects.toThrow("fact 'amount' is unknown");
  });
});

describe('evaluateCondition text trap', () => {
  test('raw json-rules-engine compares numeric strings as text', async () => {
    // '50' > '100' as text, so the reference engine alone gets this wrong.
    expect(
      await rawEngine(
        { fact: 'openAmount', operator: 'greaterThan', value: '100' },
        { openAmount: '50' },
      ),
    ).toBe(true);
  });

  test("rejects '100' for a number fact", async () => {
    const rule = all({ fact: 'openAmount', operator: 'greaterThan', value: '100' });
    await expect(evaluateCondition(rule, facts)).rejects.toThrow(InvalidRuleError);
    await expect(evaluateCondition(rule, facts)).rejects.toThrow('write 100 without quotes');
  });

  test('rejects a numeric string fact value', async () => {
    const rule = all({ fact: 'openAmount', operator: 'greaterThan', value: 100 });
    const evaluation = evaluateCondition(rule, { ...facts, openAmount: '50' });
    await expect(evaluation).rejects.toThrow(FactValueError);
    await expect(evaluateCondition(rule, { ...facts, openAmount: '50' })).rejects.toThrow(
      'fact \'openAmount\' is "50" (a string) but must be a number',
    );
  });

  test('compares numbers as numbers', async () => {
    const rule = all({ fact: 'openAmount', operator: 'greaterThan', value: 100 });
    expect(await evaluateCondition(rule, { ...facts, openAmount: 50 })).toBe(false);
  });
});

describe('evaluateCondition dates', () => {
  test.each([
    ['lessThan', '2026-10-01', true],
    ['lessThan', '2026-09-30', false],
    ['lessThanInclusive', '2026-09-30', true],
    ['greaterThan', '2026-09-29', true],
    ['greaterThan', '2025-12-31', true],
    ['greaterThanInclusive', '2026-10-01', false],
    ['equal', '2026-09-30', true],
    ['notEqual', '2026-09-30', false],
  ] as const)('dueDate 2026-09-30 %s %s is %s', async (operator, value, expected) => {
    expect(await evaluateCondition(all({ fact: 'dueDate', operator, value }), facts)).toBe(
      expected,
    );
  });

  test('in matches a listed date', async () => {
    const rule = all({ fact: 'dueDate', operator: 'in', value: ['2026-09-29', '2026-09-30'] });
    expect(await evaluateCondition(rule, facts)).toBe(true);
    expect(await evaluateCondition(rule, { ...facts, dueDate: '2026-10-01' })).toBe(false);
  });

  test('rejects a date fact that is not a date', async () => {
    const rule = all({ fact: 'dueDate', operator: 'lessThan', value: '2026-10-01' });
    await expect(evaluateCondition(rule, { ...facts, dueDate: '30/09/2026' })).rejects.toThrow(
      FactValueError,
    );
  });
});

describe('evaluateCondition in operator', () => {
  test('raw json-rules-engine matches substrings of a string value', async () => {
    expect(
      await rawEngine(
        { fact: 'countryCode', operator: 'in', value: 'FRBE' },
        { countryCode: 'RB' },
      ),
    ).toBe(true);
  });

  test('matches whole list items only', async () => {
    const rule = all({ fact: 'countryCode', operator: 'in', value: ['FR', 'BE'] });
    expect(await evaluateCondition(rule, facts)).toBe(true);
    expect(await evaluateCondition(rule, { ...facts, countryCode: 'F' })).toBe(false);
    expect(await evaluateCondition(rule, { ...facts, countryCode: 'RB' })).toBe(false);
  });

  test('notIn is the opposite', async () => {
    const rule = all({ fact: 'countryCode', operator: 'notIn', value: ['FR', 'BE'] });
    expect(await evaluateCondition(rule, facts)).toBe(false);
    expect(await evaluateCondition(rule, { ...facts, countryCode: 'DE' })).toBe(true);
  });

  test('rejects a string value', async () => {
    const rule = all({ fact: 'countryCode', operator: 'in', value: 'FRBE' });
    await expect(evaluateCondition(rule, facts)).rejects.toThrow('substrings');
  });

  test('compares numbers strictly', async () => {
    const rule = all({ fact: 'daysPastDue', operator: 'in', value: [12, 30] });
    expect(await evaluateCondition(rule, facts)).toBe(true);
    expect(await evaluateCondition(rule, { ...facts, daysPastDue: 1 })).toBe(false);
  });
});

describe('evaluateCondition missing facts', () => {
  // A missing fact equals no value: only notEqual and notIn hold.
  const cases: [Condition, boolean][] = [
    [{ fact: 'language', operator: 'equal', value: 'fr' }, false],
    [{ fact: 'language', operator: 'notEqual', value: 'fr' }, true],
    [{ fact: 'language', operator: 'in', value: ['fr', 'en'] }, false],
    [{ fact: 'language', operator: 'notIn', value: ['fr', 'en'] }, true],
    [{ fact: 'remindersSent', operator: 'lessThan', value: 1 }, false],
    [{ fact: 'remindersSent', operator: 'lessThanInclusive', value: 1 }, false],
    [{ fact: 'remindersSent', operator: 'greaterThan', value: -1 }, false],
    [{ fact: 'remindersSent', operator: 'greaterThanInclusive', value: 0 }, false],
    [{ fact: 'remindersSent', operator: 'equal', value: 0 }, false],
    [{ fact: 'remindersSent', operator: 'notEqual', value: 0 }, true],
    [{ fact: 'dueDate', operator: 'lessThan', value: '2026-01-01' }, false],
    [{ fact: 'dueDate', operator: 'notIn', value: ['2026-01-01'] }, true],
    [{ fact: 'disputed', operator: 'equal', value: false }, false],
    [{ fact: 'disputed', operator: 'notEqual', value: false }, true],
    [{ not: { fact: 'language', operator: 'equal', value: 'fr' } }, true],
  ];

  test.each(cases)('%j is %s when null', async (condition, expected) => {
    const nulls = { ...facts, language: null, remindersSent: null, dueDate: null, disputed: null };
    expect(await evaluateCondition(all(condition), nulls)).toBe(expected);
  });

  test.each(cases)('%j is %s when absent', async (condition, expected) => {
    const { language, remindersSent, dueDate, disputed, ...absent } = facts;
    expect([language, remindersSent, dueDate, disputed]).toHaveLength(4);
    expect(await evaluateCondition(all(condition), absent)).toBe(expected);
  });
});

describe('evaluateCondition rule JSON', () => {
  test('is not mutated', async () => {
    const rule: TopLevelCondition = {
      any: [
        { fact: 'dueDate', operator: 'lessThan', value: '2026-10-01' },
        { not: { fact: 'countryCode', operator: 'in', value: ['FR'] } },
      ],
    };
    const copy = JSON.parse(JSON.stringify(rule)) as TopLevelCondition;
    deepFreeze(rule);
    expect(await evaluateCondition(rule, facts)).toBe(true);
    expect(rule).toEqual(copy);
  });
});

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  Object.freeze(value);
  Object.values(value).forEach(deepFreeze);
}
