import type {
  CompiledNode,
  Condition,
  Customer,
  FactValues,
  Invoice,
  Payment,
} from '@dunflow/model';
import { describe, expect, it } from 'vitest';
import { days, definitionOf, node } from './interpreter-fixtures';
import { simulate, type Evaluator, type SimulationBook } from './simulator';
import { SimulationError } from './simulator-error';

/** A small evaluator for the operators these tests use; the real one is json-rules-engine. */
const evaluate: Evaluator = {
  condition: (rule, facts) => Promise.resolve(matches(rule, facts)),
  segment: (ruleSet, facts) =>
    Promise.resolve(
      ruleSet.segments.find((segment) => matches(segment.conditions, facts))?.id ??
        ruleSet.defaultSegment,
    ),
};

function matches(condition: Condition, facts: FactValues): boolean {
  if ('all' in condition) return condition.all.every((part) => matches(part, facts));
  if ('any' in condition) return condition.any.some((part) => matches(part, facts));
  if ('not' in condition) return !matches(condition.not, facts);
  const fact = facts[condition.fact];
  if (typeof fact !== 'number' || typeof condition.value !== 'number') return false;
  if (condition.operator === 'greaterThan') return fact > condition.value;
  if (condition.operator === 'lessThanInclusive') return fact <= condition.value;
  throw new Error(`the test evaluator does not support operator ${condition.operator}`);
}

const stillOwesMuch: CompiledNode = {
  type: 'condition',
  id: 'c',
  rule: { all: [{ fact: 'openAmount', operator: 'greaterThan', value: 50 }] },
  onTrue: 'call',
  onFalse: 'done',
};

const DEFINITION = definitionOf([
  node.trigger('t', 'w1'),
  node.wait('w1', 'link', days(3)),
  node.paymentLink('link', 'e1'),
  node.email('e1', 'reminder-1', 'w2'),
  node.wait('w2', 'c', days(10)),
  stillOwesMuch,
  node.task('call', 'Call the customer', 'escalate'),
  node.end('escalate', 'escalated'),
  node.end('done'),
]);

function invoice(id: string, customerId: string, fields: Partial<Invoice>): Invoice {
  return {
    id,
    customerId,
    issueDate: '2026-02-01',
    dueDate: '2026-03-02',
    amountMinor: 10_000,
    currency: 'EUR',
    disputed: false,
    ...fields,
  };
}

const CUSTOMERS: Customer[] = [
  { id: 'K1', countryCode: 'FR' },
  { id: 'K2', countryCode: 'DE' },
];

const PAYMENTS: Payment[] = [
  { id: 'PB', invoiceId: 'B', amountMinor: 6_000, receivedOn: '2026-03-04' },
  { id: 'PC', invoiceId: 'C', amountMinor: 5_000, receivedOn: '2026-03-12' },
];

/** A pays nothing, B pays part, C pays in full, D is issued late, E and F are settled. */
const BOOK: SimulationBook = {
  invoices: [
    invoice('A', 'K1', {}),
    invoice('B', 'K1', {}),
    invoice('C', 'K2', { issueDate: '2026-01-28', dueDate: '2026-03-10', amountMinor: 5_000 }),
    invoice('D', 'K2', { issueDate: '2026-03-20', dueDate: '2026-04-19' }),
    invoice('E', 'K1', { settledDate: '2026-02-20' }),
    invoice('F', 'K1', { issueDate: '2026-01-20', settledDate: '2026-01-25' }),
  ],
  customers: CUSTOMERS,
  payments: PAYMENTS,
};

const OPTIONS = { asOf: '2026-02-01', until: '2026-03-31', evaluate };

describe('simulate', () => {
  it('counts what each node did', async () => {
    const report = await simulate(DEFINITION, BOOK, OPTIONS);

    expect(report.nodes).toEqual({
      t: { reached: 4, actions: 0, skipped: 0 },
      w1: { reached: 3, actions: 0, skipped: 0 },
      link: { reached: 2, actions: 2, skipped: 0 },
      e1: { reached: 2, actions: 2, skipped: 0 },
      w2: { reached: 2, actions: 0, skipped: 0 },
      c: { reached: 2, actions: 0, skipped: 0 },
      call: { reached: 1, actions: 1, skipped: 0 },
      escalate: { reached: 1, actions: 0, skipped: 0 },
      done: { reached: 1, actions: 0, skipped: 0 },
    });
  });

  it('adds up actions and outcomes', async () => {
    const report = await simulate(DEFINITION, BOOK, OPTIONS);

    expect(report.totals).toEqual({
      invoices: 6,
      entered: 4,
      actionsByType: { createPaymentLink: 2, sendEmail: 2, createTask: 1 },
      skippedActions: 0,
      outcomes: { escalated: 1, completed: 1, paid: 2 },
      stillRunning: 0,
    });
  });

  it('reports why invoices did not enter', async () => {
    const report = await simulate(DEFINITION, BOOK, OPTIONS);
    const notEntered = report.invoices.filter((entry) => !entry.entered);

    expect(notEntered.map((entry) => [entry.invoiceId, entry.reason])).toEqual([
      ['D', 'issued after 2026-02-01'],
      ['F', 'settled before it could enter'],
    ]);
  });

  it('sends the payment link and e-mail on day 3', async () => {
    const report = await simulate(DEFINITION, BOOK, OPTIONS);
    const a = report.invoices.find((entry) => entry.invoiceId === 'A');
    const actions = a?.timeline.filter((entry) => !entry.event.includes('.'));

    expect(actions).toEqual([
      {
        at: '2026-03-05T00:00:00.000Z',
        nodeId: 'link',
        event: 'createPaymentLink',
        detail: { idempotencyKey: 'A:link:1' },
      },
      {
        at: '2026-03-05T00:00:00.000Z',
        nodeId: 'e1',
        event: 'sendEmail',
        detail: {
          idempotencyKey: 'A:e1:1',
          template: 'reminder-1',
          variables: { paymentLink: 'sim://pay/A' },
        },
      },
      {
        at: '2026-03-12T00:00:00.000Z',
        nodeId: 'call',
        event: 'createTask',
        detail: { idempotencyKey: 'A:call:1', title: 'Call the customer' },
      },
    ]);
    expect(a?.outcome).toBe('escalated');
    expect(a?.openAmountMinor).toBe(10_000);
  });

  it('restarts the wait after a partial payment', async () => {
    const report = await simulate(DEFINITION, BOOK, OPTIONS);
    const b = report.invoices.find((entry) => entry.invoiceId === 'B');
    const link = b?.timeline.find((entry) => entry.event === 'createPaymentLink');

    // Paid in part on 4 March, so the 3-day wait ends on 7 March instead of 5 March.
    expect(link?.at).toBe('2026-03-07T00:00:00.000Z');
    expect(b?.outcome).toBe('completed');
    expect(b?.openAmountMinor).toBe(4_000);
  });

  it('ends runs paid in full or settled', async () => {
    const report = await simulate(DEFINITION, BOOK, OPTIONS);
    const byId = new Map(report.invoices.map((entry) => [entry.invoiceId, entry]));

    expect(byId.get('C')?.outcome).toBe('paid');
    expect(byId.get('E')?.outcome).toBe('paid');
    const settlement = byId.get('E')?.timeline.find((entry) => entry.event === 'payment.received');
    expect(settlement).toMatchObject({
      at: '2026-02-20T00:00:00.000Z',
      detail: { paymentId: 'settlement:E', amountMinor: 10_000 },
    });
  });

  it('gives the same report twice, whatever the book order', async () => {
    const first = await simulate(DEFINITION, BOOK, OPTIONS);
    const again = await simulate(DEFINITION, BOOK, OPTIONS);
    const reversed = await simulate(
      DEFINITION,
      { ...BOOK, invoices: [...BOOK.invoices].reverse(), payments: [...PAYMENTS].reverse() },
      OPTIONS,
    );
    expect(again).toEqual(first);
    expect(reversed).toEqual(first);
  });

  it('starts on the earliest issue date by default', async () => {
    const report = await simulate(DEFINITION, BOOK, { until: '2026-03-31', evaluate });
    const entered = report.invoices.filter((entry) => entry.entered);

    // Only F is issued by 20 January; it enters and is settled on 25 January.
    expect(report.asOf).toBe('2026-01-20');
    expect(entered.map((entry) => [entry.invoiceId, entry.outcome])).toEqual([['F', 'paid']]);
  });

  it('stops at the end of the last day', async () => {
    const report = await simulate(DEFINITION, BOOK, { ...OPTIONS, until: '2026-03-05' });
    expect(report.totals.actionsByType).toEqual({ createPaymentLink: 1, sendEmail: 1 });
    // A waits for day 10, B for its restarted wait and C for its trigger on 10 March.
    expect(report.totals.stillRunning).toBe(3);
  });

  it('lets only the filtered segments enter', async () => {
    const filtered = definitionOf([
      {
        type: 'trigger',
        id: 't',
        trigger: {
          entry: 'overdue',
          days: 0,
          segmentFilter: { ruleSet: 'tiers', segments: ['small'] },
        },
        next: 'done',
      },
      node.end('done'),
    ]);
    const book = {
      ...BOOK,
      invoices: [
        invoice('A', 'K1', { amountMinor: 200_000 }),
        invoice('S', 'K1', { amountMinor: 900 }),
      ],
      payments: [],
    };
    const report = await simulate(filtered, book, OPTIONS);

    expect(report.invoices.map((entry) => [entry.invoiceId, entry.entered, entry.reason])).toEqual([
      ['A', false, "segment 'large' is not in the trigger's filter"],
      ['S', true, undefined],
    ]);
  });

  it('catches up on invoices entering late', async () => {
    const steps = definitionOf([
      node.trigger('t', 'w3'),
      node.wait('w3', 'e3', days(3)),
      node.email('e3', 'reminder-1', 'w10'),
      node.wait('w10', 'e10', days(10)),
      node.email('e10', 'reminder-2', 'w30'),
      node.wait('w30', 'letter', days(30)),
      node.task('letter', 'Send a formal letter', 'done'),
      node.end('done'),
    ]);
    const book = { ...BOOK, invoices: [invoice('A', 'K1', {})], payments: [] };
    const report = await simulate(steps, book, {
      asOf: '2026-03-22',
      until: '2026-04-30',
      evaluate,
    });
    const actions = report.invoices[0]?.timeline.filter((entry) => !entry.event.includes('.'));

    expect(actions?.map((entry) => [entry.at, entry.nodeId])).toEqual([
      ['2026-03-22T00:00:00.000Z', 'e10'],
      ['2026-04-01T00:00:00.000Z', 'letter'],
    ]);
    expect(report.nodes['e3']).toEqual({ reached: 1, actions: 0, skipped: 1 });
    expect(report.totals.skippedActions).toBe(1);
  });

  it('rejects a payment for an unknown invoice', async () => {
    const book = {
      ...BOOK,
      payments: [{ id: 'PX', invoiceId: 'X', amountMinor: 1, receivedOn: '2026-03-01' }],
    };
    await expect(simulate(DEFINITION, book, OPTIONS)).rejects.toThrow(SimulationError);
    await expect(simulate(DEFINITION, book, OPTIONS)).rejects.toThrow(
      /invoice 'X', which is not in the book/,
    );
  });
});
