import type { ScenarioInput, SegmentationRuleSet, Template } from '@dunflow/model';
import type { CompileCatalog } from './compile';

/**
 * The risk rule set of the default scenario: `large` for an open amount of 1000 or more,
 * `disputed-history` for an open dispute or a broken promise, `standard` otherwise.
 */
export const RISK_RULE_SET: SegmentationRuleSet = {
  formatVersion: 1,
  kind: 'segmentation',
  id: 'risk',
  name: 'Risk',
  segments: [
    {
      id: 'large',
      name: 'Large amounts',
      conditions: { all: [{ fact: 'openAmount', operator: 'greaterThanInclusive', value: 1000 }] },
    },
    {
      id: 'disputed-history',
      name: 'Disputes or broken promises',
      conditions: {
        any: [
          { fact: 'disputed', operator: 'equal', value: true },
          { fact: 'brokenPromises', operator: 'greaterThanInclusive', value: 1 },
        ],
      },
    },
  ],
  defaultSegment: 'standard',
};

function template(id: string, subject: string): Template {
  const body = 'Invoice {{invoiceId}} of {{amount}} {{currency}} was due on {{dueDate}}.';
  return { id, channel: 'email', language: 'en', subject, body };
}

/** Templates and rule sets for the default scenario, plus one of each it does not use. */
export function defaultCatalog(): CompileCatalog {
  const unused: SegmentationRuleSet = { ...RISK_RULE_SET, id: 'unused', name: 'Unused' };
  return {
    templates: [
      template('reminder-friendly', 'A friendly reminder'),
      template('reminder-firm', 'Payment overdue'),
      template('final-notice', 'Final notice'),
    ],
    ruleSets: [RISK_RULE_SET, unused],
  };
}

/**
 * Returns a realistic default scenario. Overdue invoices wait 3 days after the due date. A
 * switch on the risk rule set then sends a payment link and a friendly e-mail (standard), a
 * firm e-mail (large), or opens a review task (disputed history). Every branch then waits up
 * to 7 days for a payment, a promise to pay or a dispute, and a timeout leads to a call task.
 */
export function defaultScenario(): ScenarioInput {
  return {
    formatVersion: 1,
    kind: 'scenario',
    id: 'default',
    name: 'Default dunning',
    nodes: placed([
      node('start', 'trigger', { entry: 'overdue', days: 0 }),
      node('grace', 'wait', { anchor: 'dueDate', delay: 'P3D' }),
      node('route', 'switch', { ruleSet: 'risk' }),
      node('link', 'createPaymentLink', {}),
      node('friendly', 'sendEmail', { template: 'reminder-friendly' }),
      node('firm', 'sendEmail', { template: 'reminder-firm' }),
      node('review', 'createTask', { title: 'Review the account history' }),
      node('await', 'waitForEvent', {
        events: ['payment', 'promiseToPay', 'dispute'],
        timeout: 'P7D',
      }),
      node('call', 'createTask', { title: 'Call the customer', dueInDays: 1 }),
      node('handle-dispute', 'createTask', { title: 'Handle the dispute' }),
      node('done', 'end', { outcome: 'completed' }),
      node('escalated', 'end', { outcome: 'escalated' }),
    ]),
    edges: [
      edge('start', 'grace'),
      edge('grace', 'route'),
      edge('route', 'link', 'standard'),
      edge('link', 'friendly'),
      edge('friendly', 'await'),
      edge('route', 'firm', 'large'),
      edge('firm', 'await'),
      edge('route', 'review', 'disputed-history'),
      edge('review', 'await'),
      edge('await', 'done', 'payment'),
      edge('await', 'done', 'promiseToPay'),
      edge('await', 'handle-dispute', 'dispute'),
      edge('handle-dispute', 'escalated'),
      edge('await', 'call', 'timeout'),
      edge('call', 'escalated'),
    ],
  };
}

type NodeInput = ScenarioInput['nodes'][number];
type EdgeInput = ScenarioInput['edges'][number];

function node(id: string, type: NodeInput['type'], data: Record<string, unknown>): NodeInput {
  return { id, type, label: id, data } as NodeInput;
}

/** Lays the nodes out left to right, as the designer would store them. */
function placed(nodes: NodeInput[]): NodeInput[] {
  return nodes.map((item, index) => ({ ...item, position: { x: 200 * index, y: 100 } }));
}

/** Builds an edge whose id is `e-<source>-<target>[-<handle>]`. */
export function edge(source: string, target: string, sourceHandle?: string): EdgeInput {
  const id = ['e', source, target, sourceHandle].filter(Boolean).join('-');
  return sourceHandle === undefined ? { id, source, target } : { id, source, target, sourceHandle };
}
