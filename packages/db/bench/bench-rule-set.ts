import type {
  FactCondition,
  Operator,
  RuleValue,
  SegmentationRuleSet,
  TopLevelCondition,
} from '@dunflow/model';

function fact(name: string, operator: Operator, value: RuleValue): FactCondition {
  return { fact: name, operator, value };
}

/** Ten segments of 3 to 6 leaf conditions each, with `any` and `not` nested under `all`. */
export const BENCH_RULE_SET: SegmentationRuleSet = {
  formatVersion: 1,
  kind: 'segmentation',
  id: 'bench',
  name: 'Benchmark segments',
  defaultSegment: 'standard',
  segments: [
    segment('disputed-large', {
      all: [
        fact('disputed', 'equal', true),
        fact('openAmount', 'greaterThanInclusive', 5000),
        { any: [fact('countryCode', 'in', ['FR', 'BE']), fact('channel', 'equal', 'paper')] },
      ],
    }),
    segment('legal', {
      all: [
        fact('daysPastDue', 'greaterThan', 90),
        fact('openAmount', 'greaterThanInclusive', 1000),
        {
          any: [
            fact('brokenPromises', 'greaterThanInclusive', 2),
            fact('remindersSent', 'greaterThanInclusive', 3),
          ],
        },
        { not: fact('disputed', 'equal', true) },
      ],
    }),
    segment('broken-promises', {
      all: [
        fact('brokenPromises', 'greaterThanInclusive', 1),
        {
          any: [
            fact('daysPastDue', 'greaterThan', 30),
            fact('customerOverdueCount', 'greaterThanInclusive', 3),
          ],
        },
        fact('openAmount', 'greaterThan', 100),
      ],
    }),
    segment('key-account', {
      all: [
        fact('customerOpenAmount', 'greaterThanInclusive', 50_000),
        { any: [fact('language', 'equal', 'fr'), fact('language', 'equal', 'de')] },
        fact('daysPastDue', 'lessThanInclusive', 60),
      ],
    }),
    segment('export', {
      all: [
        { not: fact('countryCode', 'in', ['FR', 'BE', 'LU']) },
        fact('currency', 'notIn', ['EUR']),
        {
          any: [
            fact('amount', 'greaterThan', 2000),
            fact('customerOverdueCount', 'greaterThan', 1),
          ],
        },
      ],
    }),
    segment('old-invoices', {
      all: [
        fact('issueDate', 'lessThan', '2025-06-01'),
        fact('openAmount', 'greaterThan', 0),
        { any: [fact('remindersSent', 'equal', 0), fact('channel', 'equal', 'paper')] },
        { not: fact('currency', 'equal', 'JPY') },
      ],
    }),
    segment('second-reminder', {
      all: [
        fact('remindersSent', 'equal', 1),
        fact('daysPastDue', 'greaterThanInclusive', 14),
        {
          any: [
            fact('channel', 'equal', 'electronic'),
            { all: [fact('language', 'in', ['en', 'nl']), fact('amount', 'lessThan', 500)] },
          ],
        },
      ],
    }),
    segment('due-soon', {
      all: [
        fact('daysPastDue', 'greaterThanInclusive', -7),
        fact('daysPastDue', 'lessThanInclusive', 0),
        fact('dueDate', 'greaterThan', '2026-01-01'),
        { not: fact('disputed', 'equal', true) },
      ],
    }),
    segment('small-balance', {
      any: [
        fact('openAmount', 'lessThan', 20),
        {
          all: [
            fact('openAmount', 'lessThan', 100),
            fact('customerOpenAmount', 'lessThan', 200),
            fact('countryCode', 'notIn', ['US', 'GB']),
          ],
        },
      ],
    }),
    segment('overdue-customer', {
      all: [
        fact('customerOverdueCount', 'greaterThanInclusive', 5),
        fact('daysPastDue', 'greaterThan', 0),
        {
          any: [
            fact('customerId', 'in', ['C000001', 'C000002']),
            fact('amount', 'greaterThan', 50),
          ],
        },
      ],
    }),
  ],
};

function segment(id: string, conditions: TopLevelCondition) {
  return { id, name: id, conditions };
}
