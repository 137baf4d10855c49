import type { Invoice, ScenarioInput, Template } from '@dunflow/model';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { compiledEvaluator } from './rules/compiled-evaluator';
import { TIERS } from './interpreter-fixtures';
import { evaluateCondition } from './rule-evaluator';
import { segmentOf } from './segment';
import { simulate, type Evaluator } from './simulator';

/** The json-rules-engine evaluators, as the CLI and the API pass them. */
const evaluate: Evaluator = {
  condition: (rule, facts) => evaluateCondition(rule, facts),
  segment: (ruleSet, facts) => segmentOf(ruleSet, facts),
};

const SCENARIO: ScenarioInput = {
  formatVersion: 1,
  kind: 'scenario',
  id: 'compiled-test',
  name: 'Compiled test',
  nodes: [
    { id: 'start', type: 'trigger', data: { entry: 'overdue', days: 0 } },
    { id: 'wait3', type: 'wait', data: { anchor: 'dueDate', delay: 'P3D' } },
    { id: 'tier', type: 'switch', data: { ruleSet: 'tiers' } },
    { id: 'friendly', type: 'sendEmail', data: { template: 'friendly' } },
    { id: 'firm', type: 'sendEmail', data: { template: 'firm' } },
    { id: 'wait10', type: 'wait', data: { anchor: 'previous', delay: 'P7D' } },
    {
      id: 'late',
      type: 'condition',
      data: { rule: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 5 }] } },
    },
    { id: 'call', type: 'createTask', data: { title: 'Call the customer' } },
    { id: 'done', type: 'end', data: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'wait3' },
    { id: 'e2', source: 'wait3', target: 'tier' },
    { id: 'e3', source: 'tier', sourceHandle: 'large', target: 'firm' },
    { id: 'e4', source: 'tier', sourceHandle: 'small', target: 'friendly' },
    { id: 'e5', source: 'friendly', target: 'wait10' },
    { id: 'e6', source: 'firm', target: 'wait10' },
    { id: 'e7', source: 'wait10', target: 'late' },
    { id: 'e8', source: 'late', sourceHandle: 'true', target: 'call' },
    { id: 'e9', source: 'late', sourceHandle: 'false', target: 'done' },
    { id: 'e10', source: 'call', target: 'done' },
  ],
};

function template(id: string): Template {
  return { id, channel: 'email', language: 'en', subject: 'Invoice {{invoiceId}}', body: 'Hello' };
}

function invoice(id: string, amountMinor: number): Invoice {
  return {
    id,
    customerId: 'K1',
    issueDate: '2026-02-01',
    dueDate: '2026-03-02',
    amountMinor,
    currency: 'EUR',
    disputed: false,
  };
}

describe('simulate a compiled scenario', () => {
  it('runs with the json-rules-engine evaluators', async () => {
    const compiled = compile(SCENARIO, {
      templates: [template('friendly'), template('firm')],
      ruleSets: [TIERS],
    });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const book = {
      invoices: [invoice('BIG', 500_000), invoice('SMALL', 20_000)],
      customers: [{ id: 'K1', countryCode: 'FR' }],
      payments: [{ id: 'P1', invoiceId: 'SMALL', amountMinor: 20_000, receivedOn: '2026-03-08' }],
    };
    const report = await simulate(compiled.definition, book, { until: '2026-03-31', evaluate });

    expect(report.nodes['firm']).toEqual({ reached: 1, actions: 1, skipped: 0 });
    expect(report.nodes['friendly']).toEqual({ reached: 1, actions: 1, skipped: 0 });
    expect(report.nodes['call']).toEqual({ reached: 1, actions: 1, skipped: 0 });
    expect(report.totals.outcomes).toEqual({ completed: 1, paid: 1 });

    const fast = await simulate(compiled.definition, book, {
      until: '2026-03-31',
      evaluate: compiledEvaluator(compiled.definition.facts),
    });
    expect(fast).toEqual(report);
  });
});
