import { z } from 'zod';
import { LocalDate } from './primitives';
import { TopLevelCondition } from './rule';

const NodeId = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, dashes or underscores');

/** Canvas position of a node in the designer; ignored by the compiler. */
const Position = z.object({ x: z.number(), y: z.number() });

/**
 * A duration in ISO 8601 form with fixed-length parts only: weeks, days, hours, minutes and
 * seconds (`P10D`, `P2W`, `PT30S`, `P1DT12H`). A leading `-` means before the anchor.
 * Months and years are rejected because their length varies.
 */
export const DurationText = z.string().min(2);

/** Which invoices enter the scenario, and when. */
export const TriggerData = z.object({
  /** `overdue`: `days` after the due date; `beforeDue`: `days` before it; `onImport`: at once. */
  entry: z.enum(['overdue', 'beforeDue', 'onImport']),
  days: z.number().int().nonnegative().default(0),
  /** Only invoices in these segments of the rule set enter; all enter when absent. */
  segmentFilter: z.object({ ruleSet: z.string(), segments: z.array(z.string()).min(1) }).optional(),
});

export const WaitData = z.object({
  /** `dueDate`: counted from the invoice's due date; `previous`: from the previous step. */
  anchor: z.enum(['dueDate', 'previous']),
  delay: DurationText,
  /** `business` counts weekdays that are not holidays, so the delay must be whole days. */
  calendar: z.enum(['calendar', 'business']).default('calendar'),
});

export const ConditionData = z.object({ rule: TopLevelCondition });

export const SwitchData = z.object({ ruleSet: z.string().min(1) });

export const SendEmailData = z.object({ template: z.string().min(1) });

export const CreatePaymentLinkData = z.object({});

export const CreateTaskData = z.object({
  title: z.string().min(1),
  /** Days the collector has to complete the task. */
  dueInDays: z.number().int().nonnegative().default(2),
});

export const AwaitedEvent = z.enum(['payment', 'promiseToPay', 'dispute']);
export type AwaitedEvent = z.infer<typeof AwaitedEvent>;

export const WaitForEventData = z.object({
  events: z.array(AwaitedEvent).min(1),
  timeout: DurationText,
});

export const EndData = z.object({
  outcome: z.enum(['completed', 'escalated', 'writtenOff']).default('completed'),
});

function node<K extends string, D extends z.ZodType>(type: K, data: D) {
  return z.object({
    id: NodeId,
    type: z.literal(type),
    label: z.string().optional(),
    position: Position.optional(),
    data,
  });
}

/** A node of the scenario graph, shaped like a React Flow node. */
export const ScenarioNode = z.discriminatedUnion('type', [
  node('trigger', TriggerData),
  node('wait', WaitData),
  node('condition', ConditionData),
  node('switch', SwitchData),
  node('sendEmail', SendEmailData),
  node('createPaymentLink', CreatePaymentLinkData),
  node('createTask', CreateTaskData),
  node('waitForEvent', WaitForEventData),
  node('end', EndData),
]);
export type ScenarioNode = z.infer<typeof ScenarioNode>;
export type ScenarioNodeType = ScenarioNode['type'];

/**
 * An edge of the scenario graph, shaped like a React Flow edge. `sourceHandle` names the
 * branch: `true`/`false` on a condition, a segment id on a switch, an awaited event or
 * `timeout` on a wait for event; nodes with one way out leave it unset.
 */
export const ScenarioEdge = z.object({
  id: z.string().min(1),
  source: NodeId,
  target: NodeId,
  sourceHandle: z.string().optional(),
});
export type ScenarioEdge = z.infer<typeof ScenarioEdge>;

export const ScenarioSettings = z.object({
  /** ISO weekdays that count as business days, 1 = Monday. */
  businessDays: z.array(z.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
  /** Public holidays per customer country code; they are not business days. */
  holidays: z.record(z.string(), z.array(LocalDate)).default({}),
});
export type ScenarioSettings = z.infer<typeof ScenarioSettings>;

/** A dunning scenario as the designer draws it and `rules/` stores it. */
export const Scenario = z.object({
  formatVersion: z.literal(1),
  kind: z.literal('scenario'),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes'),
  name: z.string().min(1),
  description: z.string().optional(),
  settings: ScenarioSettings.default({ businessDays: [1, 2, 3, 4, 5], holidays: {} }),
  nodes: z.array(ScenarioNode),
  edges: z.array(ScenarioEdge),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
