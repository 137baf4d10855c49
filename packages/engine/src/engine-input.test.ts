import { INVOICE_FACTS } from '@dunflow/model';
import type { TopLevelCondition } from '@dunflow/model';
import { describe, expect, test } from 'vitest';
import { toEngineCondition, toEngineFacts } from './engine-input';
import { FactValueError } from './fact-value-error';

describe('toEngineFacts', () => {
  test('turns dates into day numbers', () => {
    const values = toEngineFacts({ dueDate: '1970-01-02', issueDate: '2026-03-31' }, INVOICE_FACTS);
    expect(values['dueDate']).toBe(1);
    expect(values['issueDate']).toBe(20_543);
  });

  test('gives null for every missing fact', () => {
    const values = toEngineFacts({}, INVOICE_FACTS);
    expect(Object.keys(values)).toHaveLength(INVOICE_FACTS.length);
    expect(Object.values(values).every((value) => value === null)).toBe(true);
  });

  test('drops facts outside the catalogue', () => {
    expect(toEngineFacts({ extra: 1 }, INVOICE_FACTS)).not.toHaveProperty('extra');
  });

  test.each([
    ['amount', '12.5'],
    ['amount', Number.NaN],
    ['disputed', 'false'],
    ['currency', 978],
    ['dueDate', '2026-02-30'],
  ])('rejects %s %j', (fact, value) => {
    expect(() => toEngineFacts({ [fact]: value }, INVOICE_FACTS)).toThrow(FactValueError);
  });
});

describe('toEngineCondition', () => {
  test('turns date values into day numbers and copies the rest', () => {
    const rule: TopLevelCondition = {
      all: [
        { fact: 'dueDate', operator: 'lessThan', value: '1970-01-11' },
        { not: { fact: 'issueDate', operator: 'in', value: ['1970-01-01', '1969-12-31'] } },
        { fact: 'countryCode', operator: 'in', value: ['FR'] },
      ],
    };
    const copy = toEngineCondition(rule, INVOICE_FACTS);
    expect(copy).toEqual({
      all: [
        { fact: 'dueDate', operator: 'lessThan', value: 10 },
        { not: { fact: 'issueDate', operator: 'in', value: [0, -1] } },
        { fact: 'countryCode', operator: 'in', value: ['FR'] },
      ],
    });
    const copiedLeaf = 'all' in copy ? copy.all[2] : undefined;
    expect(copiedLeaf).toBeDefined();
    expect(copiedLeaf).not.toBe(rule.all[2]);
  });
});
