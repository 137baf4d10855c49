import type { FactValues, SegmentationRuleSet } from '@dunflow/model';
import { describe, expect, test } from 'vitest';
import { InvalidRuleError } from './invalid-rule-error';
import { segmentOf } from './segment';
import { RISK_RULE_SET } from './test-scenario';

const base: FactValues = {
  openAmount: 200,
  disputed: false,
  brokenPromises: 0,
  dueDate: '2026-03-01',
};

describe('segmentOf', () => {
  test.each([
    ['large', { openAmount: 1000 }],
    ['large', { openAmount: 5000, disputed: true }],
    ['disputed-history', { disputed: true }],
    ['disputed-history', { brokenPromises: 2 }],
    ['standard', { openAmount: 999.99 }],
    ['standard', {}],
    ['standard', { openAmount: null }],
  ])('puts the invoice in %s for %j', async (segment, overrides) => {
    expect(await segmentOf(RISK_RULE_SET, { ...base, ...overrides })).toBe(segment);
  });

  test('uses the first segment that matches', async () => {
    const ruleSet: SegmentationRuleSet = {
      ...RISK_RULE_SET,
      segments: [...RISK_RULE_SET.segments].reverse(),
    };
    expect(await segmentOf(ruleSet, { ...base, openAmount: 5000, disputed: true })).toBe(
      'disputed-history',
    );
  });

  test('rejects a rule set that fails the checks', async () => {
    const ruleSet: SegmentationRuleSet = {
      ...RISK_RULE_SET,
      segments: [
        {
          id: 'late',
          name: 'Late',
          conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: '30' }] },
        },
      ],
    };
    await expect(segmentOf(ruleSet, base)).rejects.toThrow(InvalidRuleError);
    await expect(segmentOf(ruleSet, base)).rejects.toThrow(
      "rule set 'risk', segment 'late': value '30' does not fit number fact 'daysPastDue'",
    );
  });

  test('uses the given catalogue', async () => {
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
    expect(await segmentOf(ruleSet, { score: 90 }, catalog)).toBe('risky');
    expect(await segmentOf(ruleSet, { score: 10 }, catalog)).toBe('standard');
  });
});
