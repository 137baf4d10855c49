import type { SegmentationRuleSet } from '@dunflow/model';
import { describe, expect, test } from 'vitest';
import { checkCondition, checkRuleSet } from './rule-checks';
import { RISK_RULE_SET } from './test-scenario';

describe('checkRuleSet', () => {
  test('passes the default rule set', () => {
    expect(checkRuleSet(RISK_RULE_SET)).toEqual([]);
  });

  test('reports paths relative to the rule set', () => {
    const ruleSet: SegmentationRuleSet = {
      ...RISK_RULE_SET,
      segments: [
        ...RISK_RULE_SET.segments.slice(0, 1),
        {
          id: 'old',
          name: 'Old',
          conditions: {
            any: [
              { fact: 'issueDate', operator: 'lessThan', value: '2025-13-01' },
              { not: { fact: 'currency', operator: 'greaterThan', value: 'EUR' } },
            ],
          },
        },
      ],
    };
    const errors = checkRuleSet(ruleSet);
    expect(errors.map((error) => [error.code, error.path])).toEqual([
      ['rule.valueMismatch', 'segments[1].conditions.any[0].value'],
      ['rule.operatorMismatch', 'segments[1].conditions.any[1].not.operator'],
    ]);
    expect(errors[0]?.message).toBe(
      "rule set 'risk', segment 'old': value '2025-13-01' does not fit date fact 'issueDate' because it is not a date as YYYY-MM-DD; write a date such as '2026-03-31'",
    );
  });

  test('reports a repeated segment id', () => {
    const [first] = RISK_RULE_SET.segments;
    if (!first) throw new Error('the risk rule set has no segments');
    const ruleSet = { ...RISK_RULE_SET, segments: [first, { ...first, name: 'Again' }] };
    const errors = checkRuleSet(ruleSet);
    expect(errors.map((error) => [error.code, error.path])).toEqual([
      ['segment.duplicateId', 'segments[1].id'],
    ]);
    expect(errors[0]?.message).toContain("segment 'large'");
  });
});

describe('checkCondition', () => {
  test('reports every problem in a tree', () => {
    const issues = checkCondition({
      all: [
        { fact: 'amount', operator: 'greaterThan', value: 10 },
        { any: [{ fact: 'openAmount', operator: 'in', value: [1, '2', 3, true] as never }] },
        { not: { all: [{ fact: 'channel', operator: 'doesNotContain', value: 'paper' }] } },
      ],
    });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['rule.valueMismatch', 'all[1].any[0].value[1]'],
      ['rule.valueMismatch', 'all[1].any[0].value[3]'],
      ['rule.operatorMismatch', 'all[2].not.all[0].operator'],
    ]);
  });

  test('suggests a fact in another case', () => {
    const [issue] = checkCondition({ all: [{ fact: 'DaysPastDue', operator: 'equal', value: 1 }] });
    expect(issue?.fix).toBe("use 'daysPastDue'");
  });

  test('lists the facts when none is close', () => {
    const [issue] = checkCondition({ all: [{ fact: 'weather', operator: 'equal', value: 1 }] });
    expect(issue?.fix).toContain('amount, openAmount, currency');
  });

  test('accepts every operator that fits', () => {
    const issues = checkCondition({
      all: [
        { fact: 'daysPastDue', operator: 'lessThanInclusive', value: 0 },
        { fact: 'dueDate', operator: 'greaterThanInclusive', value: '2026-01-01' },
        { fact: 'dueDate', operator: 'notIn', value: ['2026-01-01'] },
        { fact: 'language', operator: 'in', value: ['fr', 'en'] },
        { fact: 'disputed', operator: 'notEqual', value: true },
        { fact: 'customerId', operator: 'equal', value: '000123' },
      ],
    });
    expect(issues).toEqual([]);
  });
});
