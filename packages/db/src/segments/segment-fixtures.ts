import type { FactCondition, Operator, RuleValue, SegmentationRuleSet } from '@dunflow/model';
import { sampleCustomer, sampleInvoice, samplePayment } from '../sample-book';
import type { SegmentTestBook } from './segment-test-book';

/*
 * A fixed book and rule sets for the example tests of segment previews and population diffs.
 * Not exported from the package.
 */

export const AS_OF = '2026-03-31';

/** Eight invoices open on AS_OF, plus one settled and one issued after it. */
export const FIXED_BOOK: SegmentTestBook = {
  customers: [
    sampleCustomer('c1', { language: 'fr', channel: 'paper' }),
    sampleCustomer('c2', { countryCode: 'BE' }),
  ],
  invoices: [
    sampleInvoice('a-large', '2026-01-01', 900_000, { customerId: 'c1' }),
    sampleInvoice('b-small', '2026-03-01', 1_000, { customerId: 'c1' }),
    sampleInvoice('c-yen', '2026-03-01', 50_000, { customerId: 'c2', currency: 'JPY' }),
    sampleInvoice('d-disputed', '2026-02-01', 20_000, { customerId: 'c2', disputed: true }),
    sampleInvoice('e-part-paid', '2026-02-01', 30_000, { customerId: 'c2' }),
    sampleInvoice('f-usd', '2026-03-15', 40_000, { customerId: 'c2', currency: 'USD' }),
    sampleInvoice('g-new', '2026-03-31', 5_000, { customerId: 'c1' }),
    sampleInvoice('h-settled', '2026-01-01', 7_000, { customerId: 'c1', settledDate: AS_OF }),
    sampleInvoice('i-future', '2026-04-01', 8_000, { customerId: 'c1' }),
    sampleInvoice('j-belgian', '2026-03-01', 2_000, { customerId: 'c2' }),
  ],
  payments: [samplePayment('p1', 'e-part-paid', '2026-03-31', 10_000)],
  events: [],
  promises: [],
};

function leaf(fact: string, operator: Operator, value: RuleValue): FactCondition {
  return { fact, operator, value };
}

/** Disputed invoices, then large ones, then French customers, else `standard`. */
export const BEFORE: SegmentationRuleSet = {
  formatVersion: 1,
  kind: 'segmentation',
  id: 'before',
  name: 'Before',
  segments: [
    { id: 'disputed', name: 'Disputed', conditions: { all: [leaf('disputed', 'equal', true)] } },
    { id: 'large', name: 'Large', conditions: { all: [leaf('openAmount', 'greaterThan', 150)] } },
    { id: 'empty', name: 'Empty', conditions: { all: [leaf('currency', 'in', [])] } },
    { id: 'french', name: 'French', conditions: { all: [leaf('language', 'equal', 'fr')] } },
  ],
  defaultSegment: 'standard',
};

/** Large invoices first, and the default segment is `french`, also a segment of its own. */
export const AFTER: SegmentationRuleSet = {
  ...BEFORE,
  id: 'after',
  name: 'After',
  segments: [
    { id: 'large', name: 'Large', conditions: { all: [leaf('openAmount', 'greaterThan', 150)] } },
    { id: 'french', name: 'French', conditions: { all: [leaf('language', 'equal', 'fr')] } },
  ],
  defaultSegment: 'french',
};
