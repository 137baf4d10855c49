import type { SegmentationRuleSet } from '@dunflow/model';

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
        { fact: 'disputed', operator: 'equal', value: true },
        { fact: 'openAmount', operator: 'greaterThanInclusive', value: 5000 },
        {
          any: [
            { fact: 'countryCode', operator: 'in', value: ['FR', 'BE'] },
            { fact: 'channel', operator: 'equal', value: 'paper' },
          ],
        },
      ],
    }),
    segment('legal', {
      all: [
        { fact: 'daysPastDue', operator: 'greaterThan', value: 90 },
        { fact: 'openAmount', operator: 'greaterThanInclusive', value: 1000 },
        {
          any: [
            { fact: 'brokenPromises', operator: 'greaterThanInclusive', value: 2 },
            { fact: 'remindersSent', operator: 'greaterThanInclusive', value: 3 },
          ],
        },
        { not: { fact: 'disputed', operator: 'equal', value: true } },
      ],
    }),
    segment('broken-promises', {
      all: [
        { fact: 'brokenPromises', operator: 'greaterThanInclusive', value: 1 },
        {
          any: [
            { fact: 'daysPastDue', operator: 'greaterThan', value: 30 },
            { fact: 'customerOverdueCount', operator: 'greaterThanInclusive', value: 3 },
          ],
        },
        { fact: 'openAmount', operator: 'greaterThan', value: 100 },
      ],
    }),
    segment('key-account', {
      all: [
        { fact: 'customerOpenAmount', operator: 'greaterThanInclusive', value: 50_000 },
        {
          any: [
            { fact: 'language', operator: 'equal', value: 'fr' },
            { fact: 'language', operator: 'equal', value: 'de' },
          ],
        },
        { fact: 'daysPastDue', operator: 'lessThanInclusive', value: 60 },
      ],
    }),
    segment('export', {
      all: [
        { not: { fact: 'countryCode', operator: 'in', value: ['FR', 'BE', 'LU'] } },
        { fact: 'currency', operator: 'notIn', value: ['EUR'] },
        {
          any: [
            { fact: 'amount', operator: 'greaterThan', value: 2000 },
            { fact: 'customerOverdueCount', operator: 'greaterThan', value: 1 },
          ],
        },
      ],
    }),
    segment('old-invoices', {
      all: [
        { fact: 'issueDate', operator: 'lessThan', value: '2023-06-01' },
        { fact: 'openAmount', operator: 'greaterThan', value: 0 },
        {
          any: [
            { fact: 'remindersSent', operator: 'equal', value: 0 },
            { fact: 'channel', operator: 'equal', value: 'paper' },
          ],
        },
      ],
    }),
    segment('electronic-small', {
      all: [
        { fact: 'channel', operator: 'equal', value: 'electronic' },
        { fact: 'openAmount', operator: 'lessThan', value: 200 },
        { fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 1 },
        {
          any: [
            { fact: 'language', operator: 'in', value: ['en', 'nl'] },
            { fact: 'countryCode', operator: 'equal', value: 'NL' },
          ],
        },
        { not: { fact: 'disputed', operator: 'equal', value: true } },
      ],
    }),
    segment('due-soon', {
      all: [
        { fact: 'daysPastDue', operator: 'lessThan', value: 0 },
        { fact: 'dueDate', operator: 'lessThanInclusive', value: '2024-10-15' },
        { fact: 'amount', operator: 'greaterThanInclusive', value: 500 },
      ],
    }),
    segment('repeat-late', {
      any: [
        {
          all: [
            { fact: 'customerOverdueCount', operator: 'greaterThanInclusive', value: 5 },
            { fact: 'daysPastDue', operator: 'greaterThan', value: 15 },
          ],
        },
        {
          all: [
            { fact: 'remindersSent', operator: 'greaterThanInclusive', value: 2 },
            { fact: 'brokenPromises', operator: 'equal', value: 0 },
            { fact: 'openAmount', operator: 'greaterThanInclusive', value: 250 },
          ],
        },
      ],
    }),
    segment('mid-overdue', {
      all: [
        { fact: 'daysPastDue', operator: 'greaterThanInclusive', value: 31 },
        { fact: 'daysPastDue', operator: 'lessThanInclusive', value: 60 },
        {
          any: [
            { fact: 'openAmount', operator: 'greaterThanInclusive', value: 500 },
            { fact: 'customerOpenAmount', operator: 'greaterThanInclusive', value: 5000 },
          ],
        },
      ],
    }),
  ],
};

function segment(id: string, conditions: SegmentationRuleSet['segments'][number]['conditions']) {
  return { id, name: id, conditions };
}
