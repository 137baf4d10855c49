import type { FactValues, SegmentationRuleSet } from '@dunflow/model';
import { describe, expect, test } from 'vitest';
import { FactValueError } from '../fact-value-error';
import { InvalidRuleError } from '../invalid-rule-error';
import { checkRuleSet } from '../rule-checks';
import { segmentOf } from '../segment';
import { RISK_RULE_SET } from '../test-scenario';
import { compileRuleSet } from './compile-rule-set';

const base: FactValues = {
  openAmount: 200,
  disputed: false,
  brokenPromises: 0,
  dueDate: '2026-03-01',
};

describe('compileRuleSet', () => {
  const segment = compileRuleSet(RISK_RULE_SET);

  test.each([
    ['large', { openAmount: 1000 }],
    ['large', { openAmount: 5000, disputed: true }],
    ['disputed-history', { disputed: true }],
    ['disputed-history', { brokenPromises: 2 }],
    ['standard', { openAmount: 999.99 }],
    ['standard', {}],
    ['standard', { openAmount: null }],
  ])('puts the invoice in %s for %j', async (expected, overrides) => {
    const facts = { ...base, ...overrides };
    expect(segment(facts)).toBe(expected);
    expect(await segmentOf(RISK_RULE_SET, facts)).toBe(expected);
  });

  test('uses the first segment that matches', () => {
    const reversed: SegmentationRuleSet = {
      ...RISK_RULE_SET,
      segments: [...RISK_RULE_SET.segments].reverse(),
    };
    const facts = { ...base, openAmount: 5000, disputed: true };
    expect(compileRuleSet(reversed)(facts)).toBe('disputed-history');
  });

  test('rejects a rule set with the errors of checkRuleSet', () => {
    const ruleSet: SegmentationRuleSet = {
      ...RISK_RULE_SET,
      segments: [
        {
          id: 'late',
          name: 'Late',
          conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: '30' }] },
        },
        { id: 'late', name: 'Late again', conditions: { all: [] } },
      ],
    };
    expect(() => compileRuleSet(ruleSet)).toThrow(
      "rule set 'risk', segment 'late': value '30' does not fit number fact 'daysPastDue'",
    );
    try {
      compileRuleSet(ruleSet);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRuleError);
      expect((error as InvalidRuleError).errors).toEqual(checkRuleSet(ruleSet));
    }
    expect.assertions(3);
  });

  test('raises FactValueError on a numeric string', () => {
    expect(() => segment({ ...base, openAmount: '5000' })).toThrow(FactValueError);
  });

  test('uses the given catalogue', () => {
    const catalog = [{ name: 'score', type: 'number' as const, description: 'Risk score' }];
    const ruleSet: SegmentationRuleSet = {
      ...RISK_RULE_SET,
      segments: [
        {
          id: 'risky',
          name: 'Risky',
          conditions: { all: [{ fact: 'score', operator: 'greaterThan', value: 80 }] },
        },
      ],
    };
    const scored = compileRuleSet(ruleSet, catalog);
    expect(scored({ score: 90 })).toBe('risky');
    expect(scored({ score: 80 })).toBe('standard');
    expect(scored({})).toBe('standard');
  });
});
