import type { CompiledDefinition, ScenarioInput, Template } from '@dunflow/model';
import { compile } from '@dunflow/engine';

const TEMPLATES: Template[] = [
  {
    id: 'first',
    channel: 'email',
    language: 'en',
    subject: 'Invoice {{invoiceId}} is overdue',
    body: 'Invoice {{invoiceId}} of {{amount}} {{currency}} was due on {{dueDate}}.',
  },
  {
    id: 'second',
    channel: 'email',
    language: 'en',
    subject: 'Second reminder for invoice {{invoiceId}}',
    body: 'Please pay {{openAmount}} {{currency}} here: {{paymentLink}}',
  },
];

/**
 * A scenario whose waits last seconds, for tests against a real Temporal server: an e-mail
 * at once, a payment link and a second e-mail `gapSeconds` later, then `timeoutSeconds` to
 * pay before a collector task and escalation. A payment at the last wait ends it as paid.
 */
export function quickScenario(gapSeconds = 2, timeoutSeconds = 3): ScenarioInput {
  const edge = (source: string, target: string, sourceHandle?: string) => ({
    id: `${source}-${target}`,
    source,
    target,
    ...(sourceHandle === undefined ? {} : { sourceHandle }),
  });
  return {
    formatVersion: 1,
    kind: 'scenario',
    id: 'quick',
    name: 'Quick test flow',
    nodes: [
      { id: 'start', type: 'trigger', data: { entry: 'onImport', days: 0 } },
      { id: 'first', type: 'sendEmail', data: { template: 'first' } },
      { id: 'gap', type: 'wait', data: { anchor: 'previous', delay: `PT${gapSeconds}S` } },
      { id: 'link', type: 'createPaymentLink', data: {} },
      { id: 'second', type: 'sendEmail', data: { template: 'second' } },
      {
        id: 'await',
        type: 'waitForEvent',
        data: { events: ['payment', 'dispute'], timeout: `PT${timeoutSeconds}S` },
      },
      { id: 'call', type: 'createTask', data: { title: 'Call the customer', dueInDays: 1 } },
      { id: 'escalated', type: 'end', data: { outcome: 'escalated' } },
      { id: 'paid', type: 'end', data: { outcome: 'completed' } },
      { id: 'disputed', type: 'end', data: { outcome: 'escalated' } },
    ],
    edges: [
      edge('start', 'first'),
      edge('first', 'gap'),
      edge('gap', 'link'),
      edge('link', 'second'),
      edge('second', 'await'),
      edge('await', 'paid', 'payment'),
      edge('await', 'disputed', 'dispute'),
      edge('await', 'call', 'timeout'),
      edge('call', 'escalated'),
    ],
  };
}

/** Compiles {@link quickScenario}, failing loudly if it does not compile. */
export function compileQuickScenario(gapSeconds = 2, timeoutSeconds = 3): CompiledDefinition {
  const result = compile(quickScenario(gapSeconds, timeoutSeconds), {
    templates: TEMPLATES,
    ruleSets: [],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.definition;
}
