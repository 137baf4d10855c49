import type { FactValues, SegmentationRuleSet } from '@dunflow/model';
import { describe, expect, test } from 'vitest';
import { FactValueError } from '../fact-value-error';
import { InvalidRuleError } from '../invalid-rule-error';
import { explainSegment } from './explain-segment';
import type { LeafTrace } from './explanation';

const RULE_SET: SegmentationRuleSet = {
  formatVersion: 1,
  kind: 'segmentation',
  id: 'collections',
  name: 'Collections',
  defaultSegment: 'standard',
  segments: [
    {
      id: 'legal',
      name: 'Legal',
      conditions: {
        all: [
          { fact: 'daysPastDue', operator: 'greaterThan', value: 90 },
          { fact: 'openAmount', operator: 'greaterThanInclusive', value: 1000 },
          { not: { fact: 'disputed', operator: 'equal', value: true } },
        ],
      },
    },
    {
      id: 'key-account',
      name: 'Key accounts',
      conditions: {
        all: [
          { fact: 'customerOpenAmount', operator: 'greaterThanInclusive', value: 50_000 },
          {
            any: [
              { fact: 'language', operator: 'equal', value: 'fr' },
              { fact: 'language', operator: 'equal', value: 'de' },
            ],
          },
        ],
      },
    },
    {
      id: 'mid-overdue',
      name: 'Mid overdue',
      conditions: {
        all: [
          { fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 31 },
          { fact: 'daysPastDue', operator: 'lessThanInclusive', value: 60 },
        ],
      },
    },
  ],
};

const facts: FactValues = {
  daysPastDue: 85,
  openAmount: 1200,
  disputed: false,
  customerOpenAmount: 20_000,
  language: 'en',
};

function leafAt(leaves: readonly LeafTrace[], index: number): LeafTrace {
  const leaf = leaves[index];
  if (leaf === undefined) throw new Error(`no failing leaf at ${index}`);
  return leaf;
}

describe('explainSegment', () => {
  test('falls in the default segment', () => {
    const explanation = explainSegment(RULE_SET, facts);
    expect(explanation.segment).toBe('standard');
    expect(explanation.isDefault).toBe(true);
    expect(explanation.segments.map((segment) => segment.matched)).toEqual([false, false, false]);
  });

  test('shows each condition of a segment', () => {
    const [legal] = explainSegment(RULE_SET, facts).segments;
    expect(legal?.conditions).toEqual({
      kind: 'all',
      path: '',
      passed: false,
      conditions: [
        {
          kind: 'fact',
          path: 'all[0]',
          fact: 'daysPastDue',
          operator: 'greaterThan',
          value: 90,
          actual: 85,
          passed: false,
          distance: { amount: 5, unit: 'days' },
        },
        {
          kind: 'fact',
          path: 'all[1]',
          fact: 'openAmount',
          operator: 'greaterThanInclusive',
          value: 1000,
          actual: 1200,
          passed: true,
          distance: { amount: 200, unit: 'currency units' },
        },
        {
          kind: 'not',
          path: 'all[2]',
          passed: true,
          condition: {
            kind: 'fact',
            path: 'all[2].not',
            fact: 'disputed',
            operator: 'equal',
            value: true,
            actual: false,
            passed: false,
          },
        },
      ],
    });
  });

  test('names the first failing condition', () => {
    const [legal, keyAccount] = explainSegment(RULE_SET, facts).segments;
    expect(legal?.firstFailure?.path).toBe('all[0]');
    expect(keyAccount?.firstFailure?.fact).toBe('customerOpenAmount');
    expect(keyAccount?.firstFailure?.distance).toEqual({ amount: 30_000, unit: 'currency units' });
  });

  test('counts one leaf of a failed any', () => {
    const keyAccount = explainSegment(RULE_SET, facts).segments[1];
    const leaves = keyAccount?.failingLeaves ?? [];
    expect(leaves.map((leaf) => leaf.path)).toEqual(['all[0]', 'all[1].any[0]']);
  });

  test('nearest miss has the smallest distance', () => {
    // legal misses by 5 days (85 > 90), mid-overdue by 25 days (85 <= 60).
    const miss = explainSegment(RULE_SET, facts).nearestMiss;
    expect(miss?.id).toBe('legal');
    expect(miss?.failingLeaves).toHaveLength(1);
    expect(leafAt(miss?.failingLeaves ?? [], 0).distance).toEqual({ amount: 5, unit: 'days' });
  });

  test('nearest miss has the fewest failing leaves', () => {
    // legal now fails on two leaves, mid-overdue still on one, 25 days away.
    const miss = explainSegment(RULE_SET, { ...facts, openAmount: 900 }).nearestMiss;
    expect(miss?.id).toBe('mid-overdue');
    expect(leafAt(miss?.failingLeaves ?? [], 0).path).toBe('all[1]');
  });

  test('prefers a measured failure to a missing fact', () => {
    const ruleSet: SegmentationRuleSet = {
      ...RULE_SET,
      segments: [
        {
          id: 'french',
          name: 'French',
          conditions: { all: [{ fact: 'language', operator: 'equal', value: 'fr' }] },
        },
        {
          id: 'huge',
          name: 'Huge',
          conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: 1_000_000 }] },
        },
      ],
    };
    const explanation = explainSegment(ruleSet, { language: null, amount: 10 });
    expect(explanation.segments[0]?.firstFailure?.actual).toBeNull();
    expect(explanation.segments[0]?.firstFailure?.distance).toBeUndefined();
    expect(explanation.nearestMiss?.id).toBe('huge');
  });

  test('first failure follows evaluation order', () => {
    const ruleSet: SegmentationRuleSet = {
      ...RULE_SET,
      segments: [
        {
          id: 'french-or-large',
          name: 'French or large',
          conditions: {
            any: [
              { fact: 'language', operator: 'equal', value: 'fr' },
              { fact: 'amount', operator: 'greaterThan', value: 100 },
            ],
          },
        },
      ],
    };
    const [segment] = explainSegment(ruleSet, { language: 'en', amount: 99 }).segments;
    expect(segment?.firstFailure?.path).toBe('any[0]');
    expect(segment?.failingLeaves.map((leaf) => leaf.path)).toEqual(['any[1]']);
    expect(leafAt(segment?.failingLeaves ?? [], 0).distance).toEqual({
      amount: 1,
      unit: 'currency units',
    });
  });

  test('first failure skips a not over an empty all', () => {
    const ruleSet: SegmentationRuleSet = {
      ...RULE_SET,
      segments: [
        {
          id: 'never-or-french',
          name: 'Never or French',
          conditions: {
            any: [{ not: { all: [] } }, { fact: 'language', operator: 'equal', value: 'fr' }],
          },
        },
      ],
    };
    const [segment] = explainSegment(ruleSet, { language: 'en' }).segments;
    expect(segment?.matched).toBe(false);
    expect(segment?.firstFailure?.path).toBe('any[1]');
    expect(segment?.failingLeaves.map((leaf) => leaf.path)).toEqual(['any[1]']);
  });

  test('blames a leaf that passed under not', () => {
    const legal = explainSegment(RULE_SET, { ...facts, daysPastDue: 120, disputed: true })
      .segments[0];
    expect(legal?.matched).toBe(false);
    expect(legal?.failingLeaves.map((leaf) => leaf.path)).toEqual(['all[2].not']);
    expect(legal?.firstFailure?.passed).toBe(true);
  });

  test('looks for misses before the chosen segment only', () => {
    const explanation = explainSegment(RULE_SET, { ...facts, daysPastDue: 45 });
    expect(explanation.segment).toBe('mid-overdue');
    expect(explanation.isDefault).toBe(false);
    expect(explanation.segments[2]?.failingLeaves).toEqual([]);
    expect(explanation.segments[2]?.firstFailure).toBeUndefined();
    // legal misses by 45 days, key-account on two leaves.
    expect(explanation.nearestMiss?.id).toBe('legal');
  });

  test('has no nearest miss in the first segment', () => {
    const explanation = explainSegment(RULE_SET, { ...facts, daysPastDue: 91 });
    expect(explanation.segment).toBe('legal');
    expect(explanation.nearestMiss).toBeUndefined();
  });

  test('measures dates in days and lists to the nearest item', () => {
    const ruleSet: SegmentationRuleSet = {
      ...RULE_SET,
      segments: [
        {
          id: 'early',
          name: 'Early',
          conditions: {
            all: [
              { fact: 'dueDate', operator: 'lessThan', value: '2026-03-01' },
              { fact: 'remindersSent', operator: 'in', value: [0, 5] },
            ],
          },
        },
      ],
    };
    const [early] = explainSegment(ruleSet, { dueDate: '2026-03-11', remindersSent: 2 }).segments;
    const leaves = early?.failingLeaves ?? [];
    expect(leafAt(leaves, 0).distance).toEqual({ amount: 10, unit: 'days' });
    expect(leafAt(leaves, 1).distance).toEqual({ amount: 2 });
  });

  test('rejects an invalid rule set', () => {
    const ruleSet: SegmentationRuleSet = {
      ...RULE_SET,
      segments: [
        {
          id: 'late',
          name: 'Late',
          conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: '90' }] },
        },
      ],
    };
    expect(() => explainSegment(ruleSet, facts)).toThrow(InvalidRuleError);
  });

  test('raises FactValueError on a numeric string', () => {
    expect(() => explainSegment(RULE_SET, { ...facts, openAmount: '1200' })).toThrow(
      FactValueError,
    );
  });
});
